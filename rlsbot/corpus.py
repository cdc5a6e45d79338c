"""Loading articles: front matter, Markdown or pasted plain text, site chrome.

Every article, whatever its source format, is turned into the same list of
blocks (headings, paragraphs, list items) and one canonical *article text*
built from them.  All offsets anywhere in rlsbot point into that text, so a
Markdown file and the same article pasted as raw text give the same passages.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")
BULLET = "\u2022 "
MAX_ARTICLE_BYTES = 20 * 1024 * 1024


class CorpusError(Exception):
    """A corpus folder that cannot be used at all (missing, or no articles)."""


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph" or "item"
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Span:
    """A block's place in the article text."""

    kind: str
    start: int
    end: int
    section: int  # index into Article.sections, -1 before the first heading


@dataclass(frozen=True)
class Article:
    """One article: canonical text, title, metadata and its block layout."""

    name: str  # the corpus file name, e.g. "magnesium-for-restless-legs.md"
    title: str
    text: str
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    spans: tuple[Span, ...] = ()
    sections: tuple[Section, ...] = ()
    digest: str = ""

    def section_at(self, offset: int) -> str:
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.heading
        return ""

    @property
    def author(self) -> str:
        return str(self.meta.get("author", ""))


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read as an article, and why."""

    path: str
    reason: str


# ---------------------------------------------------------------- front matter

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(source: str) -> tuple[dict, str]:
    """Parse a small YAML subset (``key: value`` lines) at the top of a file."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or not key or key.startswith("#") or not re.fullmatch(r"[\w-]+", key):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].replace('\\"', '"')
        meta[key.lower()] = value
    return meta, source[match.end() :]


# ---------------------------------------------------------------- blocks

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET_LINE = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf\u00b7\u2023\u2043]|\d{1,3}[.)])\s+(.*\S)\s*$")
_TERMINAL = ".!?:;,\u2026"


def _clean_line(line: str) -> str:
    return line.strip()


def markdown_blocks(body: str) -> list[Block]:
    """Blocks of a Markdown body: ATX headings, list items, paragraphs."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("paragraph", " ".join(para)))
            para.clear()

    for raw in body.splitlines():
        line = _clean_line(raw)
        if not line:
            flush()
            continue
        heading = _MD_HEADING.match(raw)
        if heading:
            flush()
            if heading.group(2):
                blocks.append(Block("heading", heading.group(2)))
            continue
        bullet = _BULLET_LINE.match(raw)
        if bullet:
            flush()
            blocks.append(Block("item", bullet.group(1)))
            continue
        if blocks and blocks[-1].kind == "item" and not para and raw[:1].isspace():
            # an indented continuation of a list item
            blocks[-1] = Block("item", blocks[-1].text + " " + line)
            continue
        para.append(line)
    flush()
    return blocks


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 12
        and len(line) <= 90
        and line[-1] not in _TERMINAL
        and not line.endswith(("\u201d", '"', ")"))
        and (line[0].isupper() or line[0].isdigit())
    )


def text_blocks(body: str) -> list[Block]:
    """Blocks of pasted plain text: blank-line separated, bullets, short headings."""
    blocks: list[Block] = []
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in re.split(r"\n[ \t\u00a0]*\n", body):
        raws = [raw for raw in chunk.split("\n") if raw.strip()]
        para: list[str] = []
        for i, raw in enumerate(raws):
            line = raw.strip()
            bullet = _BULLET_LINE.match(raw)
            if bullet:
                if para:
                    blocks.append(Block("paragraph", " ".join(para)))
                    para = []
                blocks.append(Block("item", bullet.group(1)))
            elif not para and i + 1 < len(raws) and _BULLET_LINE.match(raws[i + 1]) and _looks_like_heading(line):
                blocks.append(Block("heading", line))  # "Article at a Glance" over its bullets
            else:
                para.append(line)
        if len(para) == 1 and _looks_like_heading(para[0]):
            blocks.append(Block("heading", para[0]))
        elif para:
            blocks.append(Block("paragraph", " ".join(para)))
    if blocks and blocks[-1].kind == "heading":
        # a heading with nothing under it is a line of text
        blocks[-1] = Block("paragraph", blocks[-1].text)
    return blocks


# ---------------------------------------------------------------- site chrome

# Whole lines that are site furniture, never article prose.  Conservative: each
# pattern must match the entire line, and lines that read like sentences of
# the article (long, or with several clauses) are never touched.
_CHROME_LINES = [
    r"back to top",
    r"skip to (?:main )?content",
    r"published (?:on|by)(?:\s.{0,40})?",
    r"(?:last )?updated (?:on)?(?:\s.{0,40})?",
    r"advertisement",
    r"share(?: this)?(?: article| post)?(?: on \w+)?",
    r"(?:tweet|print|email|pin it|share)(?:\s+(?:tweet|print|email|pin it|share))*",
    r"(?:[\w+.-]+ )?icon(?: [\w+.-]+ icon)*",
    r"(?:[\w+.-]+ icon\s*){2,}",
    r"(?:follow us|sign up|subscribe|log ?in|sign ?in|register)(?: (?:now|today|here))?[.!]?",
    r".{0,80}\b(?:delivered to your inbox|sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter)\b.{0,20}",
    r".{0,60}\breport (?:is )?now available\b.{0,60}",
    r".{0,60}\bnow available for .{0,40}members!?",
    r"(?:read more|related articles?|you may also like|recommended for you|table of contents)[:.]?",
    r"(?:accept|manage) (?:all )?cookies",
]
_CHROME = re.compile(r"^(?:" + "|".join(_CHROME_LINES) + r")$", re.I)


def is_chrome(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= 200 and bool(_CHROME.match(line))


def strip_chrome(body: str) -> str:
    """Drop whole lines of site chrome from pasted text; keep everything else."""
    return "\n".join("" if is_chrome(line) else line for line in body.splitlines())


# ---------------------------------------------------------------- articles

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Remove control characters (escape sequences included) from article text."""
    text = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", text)  # whole CSI sequences
    text = re.sub(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?", "", text)  # OSC sequences
    return _CONTROL.sub("", text.replace("\t", " "))


def _heading_over_list_only(blocks: list[Block], i: int) -> bool:
    """Is blocks[i] the first paragraph after a heading that sat directly over a list?"""
    j = i - 1
    while j >= 0 and blocks[j].kind == "item":
        j -= 1
    return j >= 0 and blocks[j].kind == "heading" and j < i - 1


def build_article(name: str, blocks: list[Block], meta: dict, title: str, digest: str) -> Article:
    parts: list[str] = []
    spans: list[Span] = []
    sections: list[list] = []
    pos = 0
    prev_kind = ""
    for i, block in enumerate(blocks):
        if block.kind == "paragraph" and prev_kind == "item" and sections and _heading_over_list_only(blocks, i):
            # "Article at a Glance" heads its bullets only; the prose after
            # them is the article's own, not part of that box.
            sections[-1][2] = pos
            sections.append(["", pos + 2, pos + 2])
        if parts:
            sep = "\n" if block.kind == "item" and prev_kind == "item" else "\n\n"
            parts.append(sep)
            pos += len(sep)
        text = BULLET + block.text if block.kind == "item" else block.text
        if block.kind == "heading":
            if sections:
                sections[-1][2] = pos
            sections.append([block.text, pos, pos])
        start = pos + (len(BULLET) if block.kind == "item" else 0)
        parts.append(text)
        pos += len(text)
        spans.append(Span(block.kind, start, pos, len(sections) - 1))
        prev_kind = block.kind
    if sections:
        sections[-1][2] = pos
    return Article(
        name=name,
        title=title,
        text="".join(parts),
        meta=meta,
        spans=tuple(spans),
        sections=tuple(Section(h, s, e) for h, s, e in sections),
        digest=digest,
    )


def _title_from_name(name: str) -> str:
    stem = Path(name).stem.replace("_", " ").replace("-", " ").strip()
    return stem[:1].upper() + stem[1:] if stem else name


def parse_article(name: str, source: str, digest: str = "") -> Article:
    """Turn one file's text into an Article (Markdown, plain text or HTML)."""
    source = unicodedata.normalize("NFC", source.lstrip("\ufeff"))
    suffix = Path(name).suffix.lower()
    meta: dict = {}
    if suffix in (".html", ".htm"):
        from rlsbot.html import html_to_markdown

        meta, source = html_to_markdown(source)
        suffix = ".md"
    front, body = split_front_matter(source)
    meta.update(front)
    body = clean_text(body)
    if suffix in (".md", ".markdown"):
        blocks = markdown_blocks(body)
    else:
        blocks = text_blocks(strip_chrome(body))
    title = clean_text(meta.get("title", "")).strip()
    if blocks and not title:
        first = blocks[0]
        # The first line is the title when it is a heading or a short line.
        if first.kind == "heading" or (first.kind == "paragraph" and len(first.text) <= 150 and "\n" not in first.text and not first.text.endswith(".")):
            title = first.text
            blocks = blocks[1:]
    elif blocks and blocks[0].kind == "heading" and blocks[0].text == title:
        blocks = blocks[1:]
    if not title:
        title = _title_from_name(name)
    meta = {k: clean_text(str(v)).strip() for k, v in meta.items() if str(v).strip()}
    meta["title"] = title
    return build_article(name, blocks, meta, title, digest or hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest())


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM, or UTF-16 with BOM), else Latin-1/CP-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def read_article_file(path: Path, name: str | None = None) -> Article:
    """Read and parse one article file; raises ValueError with a reason."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ValueError(f"larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise ValueError("is empty")
    if looks_binary(data):
        raise ValueError("looks like a binary file, not text")
    article = parse_article(name or path.name, decode(data), hashlib.sha256(data).hexdigest())
    if not article.text.strip():
        raise ValueError("has no article text")
    return article


def article_files(folder: Path) -> Iterator[tuple[Path, str] | Skipped]:
    """Article files under a folder, sorted; symlinks leading outside are skipped."""
    root = folder.resolve()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.startswith(".") or not filename.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(dirpath) / filename
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    yield Skipped(rel, "is a broken symlink")
                    continue
                if root != target and root not in target.parents:
                    yield Skipped(rel, "is a symlink to a file outside the corpus folder")
                    continue
            yield path, rel


def load_folder(folder: Path) -> tuple[list[Article], list[Skipped]]:
    """Read every article in a folder. Unreadable files are skipped, not fatal."""
    if not folder.is_dir():
        raise CorpusError(f"corpus folder not found: {folder}")
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for entry in article_files(folder):
        if isinstance(entry, Skipped):
            skipped.append(entry)
            continue
        path, rel = entry
        try:
            articles.append(read_article_file(path, rel))
        except ValueError as exc:
            skipped.append(Skipped(rel, str(exc)))
    return articles, skipped


def dedupe(articles: Iterable[Article]) -> tuple[list[Article], list[Skipped]]:
    """Keep the first of articles whose text is identical."""
    seen: dict[str, str] = {}
    kept: list[Article] = []
    dropped: list[Skipped] = []
    for article in articles:
        key = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
        if key in seen:
            dropped.append(Skipped(article.name, f"has the same text as {seen[key]}; indexed once"))
            continue
        seen[key] = article.name
        kept.append(article)
    return kept, dropped


def bundled_corpus() -> Path:
    """The folder of articles shipped with rlsbot.

    An installed wheel carries it as ``rlsbot/corpus``; a source checkout has
    it at the top level beside the package.
    """
    here = Path(__file__).parent
    inside = here / "corpus"
    return inside if inside.is_dir() else here.parent / "corpus"
