"""Source formats to blocks: Markdown, pasted plain text, and decoding file bytes.

HTML is turned into Markdown first (rlsbot.html) and then read as Markdown.
"""

from __future__ import annotations

import re

from rlsbot.article import Block
from rlsbot.chrome import BYLINE

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
            elif len(line) <= 120 and BYLINE.match(line):
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
