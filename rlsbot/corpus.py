"""Corpus folders: reading article files, parsing them, de-duplication."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from rlsbot.article import Article, Block, article_key, build_article, content_key, split_front_matter
from rlsbot.paths import user_corpus
from rlsbot.text import clean_text, one_line

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# Part of every article digest: bump it when the same file would parse differently.
PARSER_VERSION = "rlsbot-corpus-5"


class CorpusError(Exception):
    """A corpus folder that cannot be used at all (missing, or no articles)."""


class Skipped(NamedTuple):
    """A file that could not be read as an article, and why."""

    path: str
    reason: str


def _title_from_name(name: str) -> str:
    stem = Path(name).stem.replace("_", " ").replace("-", " ").strip()
    return stem[:1].upper() + stem[1:] if stem else name


def _first_line_title(block: Block) -> bool:
    """A pasted text's first line is its title when it is a heading or a short line."""
    return block.kind == "heading" or (block.kind == "paragraph" and len(block.text) <= 150 and not block.text.endswith("."))


def _same_headline(heading: str, title: str) -> bool:
    """Is a page's first heading its title, perhaps with the site's name around it ("Iron | Clinic")?"""
    h, t = heading.casefold().strip(), title.casefold().strip()
    return h == t or (len(h) >= 8 and t.startswith(h) and t[len(h) :].lstrip()[:1] in ("|", "-", "\u2013", "\u2014", ":", "\u00b7"))


def _take_byline(blocks: list[Block], meta: dict) -> list[Block]:
    """Take "By Jane Smith, MD | Updated ..." out of the first few blocks into the metadata."""
    from rlsbot.chrome import BYLINE, DATE  # page rules: compiled only when a page is parsed

    for i, block in enumerate(blocks[:3]):
        if block.kind != "paragraph" or len(block.text) > 160:
            continue
        byline = BYLINE.match(block.text)
        if byline:
            meta.setdefault("author", byline.group(1))
            date = DATE.search(block.text, byline.end(1))
            if date:
                meta.setdefault("date", date.group())  # "Updated March 3, 2024" on the byline
            return blocks[:i] + blocks[i + 1 :]
    return blocks


def parse_article(name: str, source: str, digest: str = "") -> Article:
    """Turn one file's text into an Article (Markdown, plain text or HTML)."""
    # imported here: a start whose articles all come from the article cache parses nothing
    from rlsbot.chrome import clean_author, strip_chrome
    from rlsbot.formats import drop_furniture, markdown_blocks, text_blocks

    source = unicodedata.normalize("NFC", source.lstrip("\ufeff"))
    suffix = Path(name).suffix.lower()
    meta: dict = {}
    page = suffix in (".html", ".htm")
    if page:
        from rlsbot.html import html_to_markdown

        meta, source = html_to_markdown(source)
        source = unicodedata.normalize("NFC", source)
        suffix = ".md"
    front, body = split_front_matter(source)
    meta.update(front)
    body = clean_text(body)
    markdown = suffix in (".md", ".markdown")
    # A page's <li> has no marker of its own: its items are written "\u2022".
    blocks = drop_furniture(markdown_blocks(body, own_markers=not page) if markdown else text_blocks(strip_chrome(body)))
    title = " ".join(clean_text(meta.get("title", "")).split())
    if blocks and not title:
        if _first_line_title(blocks[0]):
            title = blocks[0].text
            blocks = blocks[1:]
    elif blocks and blocks[0].kind == "heading" and _same_headline(blocks[0].text, title):
        # The page's own headline beats a <title> that adds the site's name.
        title = blocks[0].text
        blocks = blocks[1:]
    blocks = _take_byline(blocks, meta)
    if meta.get("author"):
        meta["author"] = clean_author(str(meta["author"])) or str(meta["author"])
    if not title:
        title = _title_from_name(name)
    meta = {k: clean_text(str(v)).strip() for k, v in meta.items() if str(v).strip()}
    meta["title"] = title
    return build_article(name, blocks, meta, title, digest or hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest())


def read_article_bytes(path: Path) -> bytes:
    """The bytes of an article file; raises ValueError when it is not a readable regular file."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ValueError("is a folder, not an article file")
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file")  # a FIFO or a device would block or never end
        if info.st_size > MAX_ARTICLE_BYTES:
            raise ValueError(f"is larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise ValueError("does not exist") from None
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror or exc})") from None


def article_from_bytes(data: bytes, name: str) -> Article:
    """Parse one file's bytes as the article ``name``; raises ValueError with a reason."""
    from rlsbot.formats import decode, looks_binary

    if not data.strip():
        raise ValueError("is empty")
    if looks_binary(data):
        raise ValueError("looks like a binary file, not text")
    source = decode(data, Path(name).suffix.lower())
    # The digest names the bytes and the parser that read them, so a cached
    # index is rebuilt when either changes.
    digest = hashlib.sha256(PARSER_VERSION.encode() + b"\0" + data).hexdigest()
    article = parse_article(name, source, digest)
    if not article.text.strip():
        raise ValueError("has no article text")
    return article


def parse_files(files: list[tuple[bytes, str]]) -> list[tuple[Article, str, str] | str]:
    """``article_from_bytes`` of each (bytes, name) with its article_key and content_key, in order.

    The reason stands instead where a file is no article.  Many files are
    parsed (and their keys hashed) in worker processes (rlsbot.parallel).
    """
    from rlsbot.parallel import map_chunks

    return [parsed for chunk in map_chunks(_parse_chunk, files) for parsed in chunk]


def _parse_chunk(files: list[tuple[bytes, str]]) -> list[tuple[Article, str, str] | str]:
    out: list[tuple[Article, str, str] | str] = []
    for data, name in files:
        try:
            article = article_from_bytes(data, name)
        except ValueError as exc:
            out.append(str(exc))
            continue
        out.append((article, article_key(article), content_key(article)))
    return out


def read_article_file(path: Path, name: str | None = None) -> Article:
    """Read and parse one article file; raises ValueError with a reason."""
    return article_from_bytes(read_article_bytes(path), name or path.name)


# A corpus folder is walked within limits, so that a mistyped --corpus (/, a
# home folder, a network mount) ends with one line instead of a walk of hours.
MAX_WALK_ENTRIES = 200_000  # files and folders seen; 40 times the 5,000 articles of benchmarks/scale.py
MAX_DEPTH = 16  # folders below the corpus folder


def _stderr_progress(folder: Path) -> Callable[[int], None]:
    """Progress on a terminal's stderr once a walk has taken a second: how many files and folders so far."""
    started = time.monotonic()
    shown = [0.0]

    def show(seen: int) -> None:
        now = time.monotonic()
        if seen < 0:  # done: clear the line if one was shown
            if shown[0]:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
            return
        if now - started > 1.0 and now - shown[0] > 0.25 and sys.stderr.isatty():
            shown[0] = now
            sys.stderr.write(f"\rrlsbot: reading {one_line(str(folder))}: {seen:,} files and folders so far")
            sys.stderr.flush()

    return show


def article_files(folder: Path, progress: Callable[[int], None] | None = None) -> Iterator[tuple[Path, str] | Skipped]:
    """Article files under a folder, sorted; symlinks leading outside are skipped.

    Folders on another file system (mount points) and folders more than
    MAX_DEPTH deep are skipped with a reason; the file system's root, and a
    folder holding more than MAX_WALK_ENTRIES files and folders, raise
    CorpusError.  ``progress`` is called with the count seen so far (and -1
    at the end); by default a long walk shows it on a terminal's stderr.
    """
    root = folder.resolve()
    if root == Path(root.anchor):
        raise CorpusError(f"{folder} is the whole file system, not a corpus folder: give a folder of articles")
    try:
        device = root.stat().st_dev
    except OSError:
        return
    progress = progress or _stderr_progress(folder)
    seen = 0
    try:
        for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
            seen += len(dirnames) + len(filenames)
            if seen > MAX_WALK_ENTRIES:
                raise CorpusError(f"{folder} holds more than {MAX_WALK_ENTRIES:,} files and folders: too many for a corpus folder")
            progress(seen)
            depth = len(Path(dirpath).relative_to(folder).parts)
            yield from _walk_step(folder, root, device, depth, dirpath, dirnames, filenames)
    finally:
        progress(-1)


def _walk_step(folder: Path, root: Path, device: int, depth: int, dirpath: str, dirnames: list[str], filenames: list[str]):
    # "Web page, complete" saves the page's frames and scripts in a
    # "NAME_files" folder beside NAME.html: parts of a page, not articles.
    pages = {Path(f).stem + "_files" for f in filenames if f.lower().endswith((".html", ".htm"))}
    dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in pages)
    for d in list(dirnames):
        sub = Path(dirpath) / d
        if sub.is_symlink():
            # os.walk does not follow it; one leading outside is said so,
            # one inside is read through its real path already.
            dirnames.remove(d)
            try:
                target = sub.resolve(strict=True)
            except (OSError, RuntimeError):
                continue
            if root != target and root not in target.parents:
                yield Skipped(sub.relative_to(folder).as_posix(), "is a symlink to a folder outside the corpus folder")
            continue
        try:
            other_device = sub.lstat().st_dev != device
        except OSError:
            other_device = False  # gone or unreadable: os.walk skips it
        if other_device:
            dirnames.remove(d)
            yield Skipped(sub.relative_to(folder).as_posix(), "is another file system (a mount point); not read")
        elif depth >= MAX_DEPTH:
            dirnames.remove(d)
            yield Skipped(sub.relative_to(folder).as_posix(), f"is more than {MAX_DEPTH} folders deep; not read")
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


def first_of_each_name(items: Iterable, name_of: Callable) -> tuple[list, list[Skipped]]:
    """The first item of each file name (the bundled folder comes first); the others skipped, said why."""
    seen: set[str] = set()
    unique, skipped = [], []
    for item in items:
        name = name_of(item)
        if name in seen:
            skipped.append(Skipped(name, "has the same file name as another article; skipped"))
            continue
        seen.add(name)
        unique.append(item)
    return unique, skipped


def dedupe(articles: Iterable[Article]) -> tuple[list[Article], list[Skipped]]:
    """Keep the first of articles whose text is identical."""
    seen: dict[str, str] = {}
    kept: list[Article] = []
    dropped: list[Skipped] = []
    for article in articles:
        key = content_key(article)
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


def corpus_folders(corpus: str | os.PathLike | None = None) -> list[Path]:
    """``--corpus`` or ``RLSBOT_CORPUS`` alone; by default the bundled articles and the user's."""
    chosen = corpus or os.environ.get("RLSBOT_CORPUS")
    if chosen:
        return [Path(chosen).expanduser()]
    folders = [bundled_corpus()]
    mine = user_corpus()
    if mine.is_dir():
        folders.append(mine)
    return folders


class Gathered(NamedTuple):
    """The articles of some folders, one of each text and name, and what was left out."""

    articles: tuple[Article, ...]
    folders: tuple[Path, ...]
    warnings: tuple[str, ...]


def gather(corpus: str | os.PathLike | None = None) -> Gathered:
    """Read every folder of ``corpus_folders``; raises CorpusError when no article is usable."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    folders = corpus_folders(corpus)
    for folder in folders:
        found, bad = load_folder(folder)
        articles.extend(found)
        skipped.extend(bad)
    articles, dupes = dedupe(articles)
    unique, clashes = first_of_each_name(articles, lambda a: a.name)
    skipped += clashes
    warnings = [f"skipped {s.path}: {s.reason}" for s in skipped]
    warnings += [f"note: {d.path} {d.reason}" for d in dupes]
    if not unique:
        raise CorpusError(f"no readable articles in {', '.join(str(f) for f in folders)}")
    return Gathered(tuple(unique), tuple(folders), tuple(warnings))
