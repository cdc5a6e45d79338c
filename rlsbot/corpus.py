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
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm")
BULLET = "\u2022 "
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# Part of every article digest: bump it when the same file would parse differently.
PARSER_VERSION = "rlsbot-corpus-2"


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


# Inline Markdown: the article text is what a reader sees, so quotes carry
# no asterisks, link targets or backslash escapes.  One left-to-right pass, so
# an escaped "\*" is a literal star and never opens emphasis.
_INLINE = re.compile(
    r"""
      \\(?P<esc>[!-/:-@\[-`{-~])                                   # backslash escape
    | (?P<ticks>`+)(?P<code>.+?)(?P=ticks)                         # code span
    | !\[(?:\\.|[^\]\\])*\]\([^()\s]*(?:\s+"[^"]*")?\)             # image: dropped
    | \[(?P<label>(?:\\.|[^\]\\])+)\]\((?:[^()\s]+|<[^>]*>)?(?:\s+"[^"]*")?\)   # link: its text
    | <(?P<auto>(?:https?|mailto):[^<>\s]+)>                       # autolink
    | <!--.*?-->                                                   # HTML comment
    | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>                     # inline HTML tag
    | (?P<strong>\*\*|__)(?=\S)(?P<strongtext>(?:\\.|[^\\])+?)(?<=\S)(?P=strong)
    | \*(?=[^\s*])(?P<em>(?:\\.|[^\\*])+?)(?<=[^\s\\])\*
    | (?<![\w\\])_(?=[^\s_])(?P<emu>(?:\\.|[^\\_])+?)(?<=[^\s\\])_(?!\w)
    """,
    re.X | re.S,
)


def markdown_inline(text: str) -> str:
    """Text of a Markdown line as read: emphasis, links, code and escapes resolved."""

    def one(m: re.Match) -> str:
        if m.group("esc") is not None:
            return m.group("esc")
        if m.group("code") is not None:
            return m.group("code").strip()
        if m.group("auto") is not None:
            return m.group("auto")
        for group in ("label", "strongtext", "em", "emu"):
            if m.group(group) is not None:
                return markdown_inline(m.group(group))
        tag = m.group()
        return " " if tag.lower().startswith("<br") else ""

    if not any(c in text for c in "\\`[<*_"):
        return text
    return " ".join(_INLINE.sub(one, text).split())


_MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)[ \t]*$")
_MD_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_MD_QUOTE = re.compile(r"^\s{0,3}>[ \t]?")


def markdown_blocks(body: str) -> list[Block]:
    """Blocks of a Markdown body: ATX and setext headings, list items, paragraphs.

    Block quotes are read as their text; rules, fences and HTML comments go.
    """
    blocks: list[Block] = []
    para: list[str] = []
    fence = ""

    def flush() -> None:
        if para:
            text = markdown_inline(" ".join(para)) if not fence else " ".join(para)
            if text:
                blocks.append(Block("paragraph", text))
            para.clear()

    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    for raw in body.splitlines():
        opening = _MD_FENCE.match(raw)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                flush()
                fence = ""
            elif raw.strip():
                para.append(raw.strip())
            else:
                flush()
            continue
        if opening:
            flush()
            fence = opening.group(1)
            continue
        while _MD_QUOTE.match(raw):
            raw = _MD_QUOTE.sub("", raw, count=1)
        line = raw.strip()
        if not line:
            flush()
            continue
        setext = _MD_SETEXT.match(raw)
        if setext and len(para) == 1 and (setext.group(1)[0] == "=" or len(setext.group(1)) >= 2):
            blocks.append(Block("heading", markdown_inline(para.pop())))
            continue
        if _MD_RULE.match(raw):
            flush()
            continue
        heading = _MD_HEADING.match(raw)
        if heading:
            flush()
            text = markdown_inline(heading.group(2))
            if text:
                blocks.append(Block("heading", text))
            continue
        bullet = _BULLET_LINE.match(raw)
        if bullet:
            flush()
            text = markdown_inline(bullet.group(1))
            if text:
                blocks.append(Block("item", text))
            continue
        if blocks and blocks[-1].kind == "item" and not para and raw[:1].isspace():
            # an indented continuation of a list item
            blocks[-1] = Block("item", blocks[-1].text + " " + markdown_inline(line))
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


_QUESTION_WORDS = {"what", "why", "how", "when", "where", "which", "who", "can", "could", "does", "do", "is", "are", "should", "will"}


def _looks_like_question_heading(line: str) -> bool:
    """ "How much is enough?" on a line of its own heads what follows; "But is this true?" does not."""
    words = line.split()
    return 0 < len(words) <= 8 and len(line) <= 80 and line.endswith("?") and line[0].isupper() and words[0].lower() in _QUESTION_WORDS


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
            elif len(line) <= 120 and _BYLINE.match(line):
                # "By Jane Smith" on the line under the title: a line of its own
                if para:
                    blocks.append(Block("paragraph", " ".join(para)))
                    para = []
                blocks.append(Block("paragraph", line))
            elif not para and i + 1 < len(raws) and _BULLET_LINE.match(raws[i + 1]) and _looks_like_heading(line):
                blocks.append(Block("heading", line))  # "Article at a Glance" over its bullets
            else:
                para.append(line)
        if len(para) == 1 and (_looks_like_heading(para[0]) or _looks_like_question_heading(para[0])):
            blocks.append(Block("heading", para[0]))
        elif para:
            blocks.append(Block("paragraph", " ".join(para)))
    if blocks and blocks[-1].kind == "heading":
        # a heading with nothing under it is a line of text
        blocks[-1] = Block("paragraph", blocks[-1].text)
    return blocks


# ---------------------------------------------------------------- site chrome

# Whole lines that are site furniture, never article prose: share rows,
# "Back to top", newsletter prompts, banners, cookie notices, bylines with a
# date, breadcrumbs, footers.  Conservative: a pattern must match the entire
# line, and words that an article could use in a sentence of its own
# ("Updated guidelines recommend...", "Share your symptoms with...") need the
# rest of the line to be furniture too (a date, a network's name).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[t ]\d{{2}}:\d{{2}}\S*)?|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
)
_NAME = r"(?-i:(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})"
_CREDENTIALS = r"(?:,?\s+(?-i:[A-Z][A-Za-z.]{1,8}))*"
_CHROME_LINES = [
    # navigation
    r"(?:\u2191\s*)?(?:back|return|go|scroll) to (?:the )?top(?: of (?:the )?page)?\s*\u2191?",
    r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)",
    r"(?:main |site )?(?:menu|navigation)|toggle (?:navigation|menu)|(?:open|close) (?:menu|search)|search(?: this site)?",
    r"home(?:\s*[>\u203a\u00bb/|]\s*[^>\u203a\u00bb|/]{1,40}){1,6}",  # breadcrumbs: Home > Conditions > RLS
    # bylines and dates
    r"(?:originally |first )?(?:published|posted)(?: (?:on|by))?:?",
    rf"(?:(?:originally |first )?(?:published|posted)|(?:last )?(?:updated|modified|reviewed)|last reviewed)(?: on)?:?\s+{_DATE}(?:\s*(?:,|by|\||\u2014|\u2013|-)\s*.{{0,60}})?",
    rf"(?:medically reviewed|fact[- ]checked|reviewed) by\s+{_NAME}{_CREDENTIALS}(?:\s*(?:\u2014|\u2013|-|\||\u00b7|on)\s*.{{0,80}})?",
    r"\d{1,3}[ -]?min(?:ute)?s?\.? read|reading time:?\s*\d{1,3}\s*min(?:ute)?s?\.?",
    # ads and banners
    r"advertisements?|sponsored(?: content)?|ad|scroll to continue(?: with content)?|(?:story|article) continues below(?: advertisement)?",
    r".{0,60}\breport (?:is )?now available\b.{0,60}",
    r".{0,60}\bnow available for .{0,40}members!?",
    r".{0,80}\b(?:free (?:shipping|delivery) on|shop now|buy now|order (?:now|today)|limited[- ]time offer|use (?:promo |discount )?code)\b.{0,80}",
    # sharing
    r"share(?: this)?(?: article| post| page| story| leaflet)?(?: (?:on|via) \w+)?:?",
    r"(?:tweet|print|email|pin it|share)(?:\s+(?:tweet|print|email|pin it|share))*",
    r"(?:[\w+.-]+ )?icon(?: [\w+.-]+ icon)*",
    r"(?:[\w+.-]+ icon\s*){2,}",
    r"(?:print|download|save)(?: this)?(?: page| article| leaflet| post)?(?: as)?(?: \(?pdf\)?)?",
    r"(?:copy|copied) link|link copied",
    # sign-up prompts and newsletters
    r"(?:follow us|sign up|subscribe|log ?in|sign ?in|register|join us)(?: (?:now|today|here|on \w+))?[.!]?",
    r".{0,80}\b(?:delivered (?:straight )?to your inbox|sign up for (?:our|the) (?:free )?(?:\w+ )?newsletter|subscribe to (?:our|the) (?:free )?(?:\w+ )?newsletter)\b.{0,80}",
    r"(?:join|get) (?:our|the) (?:free )?(?:newsletter|mailing list)[.!]?|enter your email(?: address)?|(?:your )?e-?mail address",
    r"click here to (?:subscribe|sign up|register|download|read more|learn more).{0,40}",
    # related content
    r"(?:read more|read next|related(?: articles?| posts?| stories| content| reading| leaflets?)?|you (?:may|might) also like"
    r"|recommended(?: for you| reading| articles)?|trending(?: now)?|most (?:read|popular)|popular (?:posts|articles|stories)"
    r"|table of contents|in this article|on this page|jump to)[:.]?",
    r"(?:read more|read next|related|also read|see also|you (?:may|might) also like)\s*:\s*.{1,120}",
    r"(?:learn|find out|see|view|show) more\s*[\u00bb\u203a\u2192>]?",
    r"(?:tags|tagged(?: with)?|filed under|categories|topics)\s*:\s*.{0,150}",
    r"(?:image|photo|picture|illustration)(?: credit| source| by)?\s*:\s*.{0,100}|(?:getty images|shutterstock|istock)(?:\s*/.{0,40})?",
    # feedback and comments
    r"was this (?:article|page|information|post|leaflet) (?:helpful|useful)\??(?:\s*(?:yes|no)){0,2}|thank you for your feedback[.!]?|yes\s*[/|]?\s*no",
    r"leave a (?:comment|reply)|post a comment|add (?:a )?comment|\d+ comments?|comments?(?: \(\d+\))?|loading(?:\.\.\.|\u2026)?",
    # cookie notices and footers
    r"(?:accept|allow|manage|reject|decline) (?:all )?cookies|cookie (?:settings|preferences|policy)",
    r"(?:.{0,200}\b(?:we use cookies|this (?:web)?site uses cookies|uses cookies to)\b.{0,300})",
    r"(?:\u00a9|copyright\s*\u00a9|copyright\s+\d{4}).{0,150}|.{0,120}\ball rights reserved\b.{0,40}",
    r"privacy policy|terms (?:of (?:use|service)|and conditions)|cookie policy|contact us|about us|site ?map|advertise with us",
]
_CHROME = re.compile(r"^(?:" + "|".join(_CHROME_LINES) + r")$", re.I)

# Rows of share buttons pasted as words: "Facebook Twitter Pinterest Email".
_SOCIAL_NETWORKS = {
    "facebook", "twitter", "x", "instagram", "pinterest", "linkedin", "youtube", "whatsapp", "reddit", "tumblr",
    "telegram", "tiktok", "threads", "bluesky", "mastodon", "flipboard", "messenger", "snapchat", "google+", "rss",
}  # fmt: skip
_SOCIAL_WORDS = _SOCIAL_NETWORKS | {
    "email",
    "e-mail",
    "mail",
    "print",
    "share",
    "tweet",
    "pin",
    "copy",
    "link",
    "icon",
    "sms",
    "save",
    "feed",
}
# Footer link rows: "Privacy Policy | Terms of Use | Contact Us".
_FOOTER_ITEMS = {
    "home", "about", "about us", "contact", "contact us", "privacy", "privacy policy", "privacy notice", "terms", "terms of use",
    "terms of service", "terms and conditions", "cookies", "cookie policy", "cookie settings", "accessibility", "sitemap",
    "site map", "careers", "jobs", "advertise", "advertise with us", "disclaimer", "editorial policy", "help", "faq", "faqs",
    "newsletter", "subscribe", "press", "media", "feedback", "blog", "shop", "donate", "legal", "imprint", "our team",
}  # fmt: skip


def _is_share_row(line: str) -> bool:
    words = [w.strip(".,:;!()[]").lower() for w in re.split(r"[\s|\u00b7\u2022/]+", line) if w.strip(".,:;!()[]|")]
    return (
        0 < len(words) <= 20
        and all(w in _SOCIAL_WORDS for w in words)
        and any(w in _SOCIAL_NETWORKS or w in ("icon", "share") for w in words)
    )


def _is_footer_row(line: str) -> bool:
    items = [i.strip().lower() for i in re.split(r"\s*[|\u00b7\u2022]\s*", line) if i.strip()]
    return len(items) >= 2 and all(i in _FOOTER_ITEMS for i in items)


def is_chrome(line: str) -> bool:
    """Is this whole line site furniture (never a sentence of an article)?"""
    line = " ".join(line.split())
    if not line or len(line) > 500:
        return False
    return bool(_CHROME.match(line)) or _is_share_row(line) or _is_footer_row(line)


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


# "By Dr. Jane Smith" or "Written by Jane Smith, RN" under a pasted title.
_BYLINE = re.compile(
    rf"^(?i:(?:written |posted |words )?by)\s+({_NAME}){_CREDENTIALS}(?:\s*(?:\||\u00b7|\u2014|\u2013|-|,|on)\s*.{{0,60}})?$"
)


def _first_line_title(block: Block) -> bool:
    """A pasted text's first line is its title when it is a heading or a short line."""
    return block.kind == "heading" or (block.kind == "paragraph" and len(block.text) <= 150 and not block.text.endswith("."))


def parse_article(name: str, source: str, digest: str = "") -> Article:
    """Turn one file's text into an Article (Markdown, plain text or HTML)."""
    source = unicodedata.normalize("NFC", source.lstrip("\ufeff"))
    suffix = Path(name).suffix.lower()
    meta: dict = {}
    if suffix in (".html", ".htm"):
        from rlsbot.html import html_to_markdown

        meta, source = html_to_markdown(source)
        source = unicodedata.normalize("NFC", source)
        suffix = ".md"
    front, body = split_front_matter(source)
    meta.update(front)
    body = clean_text(body)
    markdown = suffix in (".md", ".markdown")
    blocks = markdown_blocks(body) if markdown else text_blocks(strip_chrome(body))
    title = " ".join(clean_text(meta.get("title", "")).split())
    if blocks and not title:
        if _first_line_title(blocks[0]):
            title = blocks[0].text
            blocks = blocks[1:]
    elif blocks and blocks[0].kind == "heading" and blocks[0].text == title:
        blocks = blocks[1:]
    if not markdown and blocks and blocks[0].kind == "paragraph" and len(blocks[0].text) <= 120:
        byline = _BYLINE.match(blocks[0].text)
        if byline:
            meta.setdefault("author", byline.group(1))
            blocks = blocks[1:]
    if not title:
        title = _title_from_name(name)
    meta = {k: clean_text(str(v)).strip() for k, v in meta.items() if str(v).strip()}
    meta["title"] = title
    return build_article(name, blocks, meta, title, digest or hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest())


_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_UTF8_NAMES = {"utf-8", "utf8", "unicode-1-1-utf-8"}


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for mostly-ASCII UTF-16 saved without a byte-order mark."""
    head = data[:8192]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, suffix: str = "") -> str:
    """UTF-8 (with or without BOM), UTF-16, an HTML page's declared charset, else Latin-1/CP-1252.

    Raises ValueError for bytes that are none of these: text in another
    encoding would otherwise be read as a page of accented nonsense.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            raise ValueError("cannot be decoded (it looks like UTF-16 but is not)") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if suffix in (".html", ".htm"):
        declared = _HTML_CHARSET.search(data[:4096])
        charset = declared.group(1).decode("ascii").lower() if declared else ""
        if charset and charset not in _UTF8_NAMES:
            try:
                return data.decode(charset)
            except LookupError:
                raise ValueError(f"cannot be decoded: unknown character set {charset!r}") from None
            except UnicodeDecodeError:
                raise ValueError(f"cannot be decoded as {charset}, the character set it declares") from None
    # Latin-1 prose has an accented letter here and there; text in another
    # encoding (Shift-JIS, KOI8-R, ...) read as Latin-1 is mostly high bytes.
    letters = [b for b in data[:65536] if b > 32]
    if letters and sum(b >= 0x80 for b in letters) / len(letters) > 0.3:
        raise ValueError("cannot be decoded: it is not UTF-8, and not Latin-1 text either (save it as UTF-8)")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data):
        return False
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


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


def read_article_file(path: Path, name: str | None = None) -> Article:
    """Read and parse one article file; raises ValueError with a reason."""
    return article_from_bytes(read_article_bytes(path), name or path.name)


def text_key(article: Article) -> str:
    """Names an article's text: two files with the same key are the same article."""
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def article_files(folder: Path) -> Iterator[tuple[Path, str] | Skipped]:
    """Article files under a folder, sorted; symlinks leading outside are skipped."""
    root = folder.resolve()
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
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
        key = text_key(article)
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
