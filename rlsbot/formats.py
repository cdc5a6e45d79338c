"""Source formats to blocks: Markdown, pasted plain text, and decoding file bytes.

HTML is turned into Markdown first (rlsbot.html) and then read as Markdown.
"""

from __future__ import annotations

import re
from functools import cache

from rlsbot.article import BULLET_MARK, Block
from rlsbot.chrome import BYLINE, LINK_LIST_LEAD, is_chrome

# A bullet or number at the start of a pasted line.  Matched at one place
# with a single optional run of spaces, so it cannot backtrack: the item's
# text is the rest of the line, stripped.
_BULLET_START = re.compile(r"\s*([-*+\u2022\u25aa\u25cf\u00b7\u2023\u2043]|\d{1,3}[.)])\s")
_TERMINAL = ".!?:;,\u2026"


def _bullet_text(raw: str) -> tuple[str, str] | None:
    """The marker as typed and the text of a bulleted or numbered line, or None when the line is no list item."""
    m = _BULLET_START.match(raw)
    if not m:
        return None
    text = raw[m.end() :].strip()
    return (m.group(1), text) if text else None


@cache
def _markdown_parser():
    """CommonMark with tables: markdown-it-py parses in linear time, hand regexes backtracked.

    Imported on first use: most starts read the article analysis from the cache.
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


# Inline HTML in a block of raw HTML: the tags go, the words stay.  One
# character class each way, so it scans every character once.
_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def _inline_text(children) -> str:
    """What a reader sees of one inline token: emphasis, links, code and escapes resolved; images dropped."""
    out: list[str] = []
    for child in children or ():
        kind = child.type
        if kind == "text":
            out.append(child.content)
        elif kind == "code_inline":
            out.append(child.content.strip())
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "html_inline":
            if child.content[:3].lower() == "<br":
                out.append(" ")
    # Runs of ASCII white space are one space; a no-break space inside a line
    # is the author's and stays, so quotes match the source text.
    return _SPACES.sub(" ", "".join(out)).strip()


def markdown_inline(text: str) -> str:
    """Text of a Markdown line as read: emphasis, links, code and escapes resolved."""
    tokens = _markdown_parser().parseInline(text)
    return _inline_text(tokens[0].children) if tokens else ""


def _bold_line(children) -> bool:
    """Is an inline token one run of bold text (a heading in Markdown written without "#")?"""
    kinds = [c.type for c in children or () if not (c.type == "text" and not c.content.strip())]
    return len(kinds) == 3 and kinds[0] == "strong_open" and kinds[1] == "text" and kinds[2] == "strong_close"


def _raw_lines(content: str) -> list[str]:
    """Paragraphs of a code block or raw HTML block: its lines, joined, split at blank lines."""
    paras: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", content):
        text = _SPACES.sub(" ", chunk).strip()
        if text:
            paras.append(text)
    return paras


def markdown_blocks(body: str, own_markers: bool = True) -> list[Block]:
    """Blocks of a Markdown body: headings, list items, paragraphs, in linear time.

    Block quotes are read as their text; rules, tables, images and HTML
    comments go.  A list item's paragraphs make one item, with the marker
    the file wrote ("-", "*", "+", "1.", "2)"), or "\u2022" when
    ``own_markers`` is false (Markdown made from a page, whose items had none).
    """
    blocks: list[Block] = []
    kind = "paragraph"  # of the next inline token
    marker = BULLET_MARK  # of the list item open
    item_open = False  # a list item's first paragraph was read: later ones join it
    skip = 0  # inside a table: tables of links and file sizes are page furniture
    plain: set[int] = set()  # short title-like one-line paragraphs
    marked = False  # the text has headings in Markdown's own syntax
    for token in _markdown_parser().parse(body):
        t = token.type
        if t == "table_open":
            skip += 1
        elif t == "table_close":
            skip -= 1
        elif skip:
            continue
        elif t == "heading_open":
            kind, marked = "heading", True
        elif t == "list_item_open":
            kind, item_open = "item", False
            if own_markers:
                # an ordered item's number is its info, as written ("01"); markup is "." or ")"
                marker = token.info + token.markup
        elif t in ("heading_close", "list_item_close"):
            kind, item_open = "paragraph", False
        elif t in ("bullet_list_open", "ordered_list_open"):
            item_open = False  # a nested list's items are items of their own
        elif t == "inline":
            text = _inline_text(token.children)
            if not text:
                continue
            if kind == "paragraph" and token.level == 1 and _looks_like_heading(text):
                if _bold_line(token.children):
                    blocks.append(Block("heading", text))  # "**Causes**" on a line of its own
                    continue
                if "\n" not in token.content and not BYLINE.match(text):  # a byline is read as one later
                    plain.add(len(blocks))  # a short title-like line: a heading if text follows it
            if kind == "item" and item_open and blocks and blocks[-1].kind == "item":
                blocks[-1] = blocks[-1]._replace(text=blocks[-1].text + " " + text)
            else:
                blocks.append(Block(kind, text, marker) if kind == "item" else Block(kind, text))
                item_open = kind == "item"
        elif t in ("fence", "code_block"):
            blocks.extend(Block("paragraph", p) for p in _raw_lines(token.content))
        elif t == "html_block":
            if token.content.lstrip().startswith("<!--"):
                continue
            blocks.extend(Block("paragraph", p) for p in _raw_lines(_TAG.sub(" ", token.content)))
    # Markdown written without "#" (and only then): a short title-like line
    # between blank lines, over a paragraph of prose, is a heading.
    if not marked:
        for i in sorted(plain):
            # over prose, or over a list's lead-in that lost its colon
            prose = i + 1 < len(blocks) and (blocks[i + 1].text[-1:] in _TERMINAL or (i + 2 < len(blocks) and blocks[i + 2].kind == "item"))
            if prose and _heading_over(blocks[i].text, blocks[i + 1].text):
                blocks[i] = Block("heading", blocks[i].text)
        # A title-like line right over a heading heads nothing and says
        # nothing: a figure's caption or an empty heading, never a quote.
        # The first line may be the title, read as such later.
        drop = {i for i in plain if i > 0 and blocks[i].kind == "paragraph" and i + 1 < len(blocks) and blocks[i + 1].kind == "heading"}
        blocks = [b for i, b in enumerate(blocks) if i not in drop]
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


# Words a hard-wrapped line of prose ends on, mid-phrase: such a line is no heading.
_MID_PHRASE = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "by",
    "as",
    "at",
    "that",
    "is",
    "are",
    "be",
    "can",
    "may",
    "your",
}


def _heading_over(line: str, following: str) -> bool:
    """Is a short title-like line, over a line that starts a sentence, a heading?"""
    words = line.split()
    return (
        _looks_like_heading(line)
        and len(words) <= 8
        and len(line) <= 60
        and words[-1].lower() not in _MID_PHRASE
        and following[:1].isupper()
        and len(following) > len(line)
    )


def _glued_heading(line: str, following: str) -> bool:
    """A heading pasted without its blank line: much shorter than the line under it (a hard-wrapped line is not)."""
    return _heading_over(line, following) and len(following) > 2 * len(line)


_QUESTION_WORDS = {"what", "why", "how", "when", "where", "which", "who", "can", "could", "does", "do", "is", "are", "should", "will"}


def _looks_like_question_heading(line: str) -> bool:
    """ "How much is enough?" on a line of its own heads what follows; "But is this true?" does not."""
    words = line.split()
    return 0 < len(words) <= 8 and len(line) <= 80 and line.endswith("?") and line[0].isupper() and words[0].lower() in _QUESTION_WORDS


def drop_furniture(blocks: list[Block]) -> list[Block]:
    """The article without its page furniture: chrome blocks, link lists with their lead-in, furniture sections.

    Whole blocks only, never a sentence out of one: a lead-in such as "These
    resources address the diagnosis of ...:" goes with the list under it, a
    heading such as "Related articles" or "References" with its section.
    """
    kept: list[Block] = []
    drop_items = False  # after a link list's lead-in: its items go too
    drop_section = False  # under a furniture heading: everything up to the next heading goes
    for block in blocks:
        lead = len(block.text) <= 300 and bool(LINK_LIST_LEAD.match(block.text))
        if block.kind == "heading":
            drop_items = False
            drop_section = lead
            if not lead and not is_chrome(block.text):
                kept.append(block)  # a chrome heading ("Espaol") goes alone: the text under it is the article's
            continue
        if drop_section or (drop_items and block.kind == "item"):
            continue
        drop_items = False
        if lead:
            drop_items = True
            continue
        if is_chrome(block.text):
            continue
        kept.append(block)
    while kept and kept[-1].kind == "heading":
        kept.pop()  # a heading left with nothing under it heads no text
    return kept


def text_blocks(body: str) -> list[Block]:
    """Blocks of pasted plain text: blank-line separated, bullets, short headings."""
    blocks: list[Block] = []
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in re.split(r"\n[ \t\u00a0]*\n", body):
        raws = [raw for raw in chunk.split("\n") if raw.strip()]
        para: list[str] = []
        for i, raw in enumerate(raws):
            line = raw.strip()
            bullet = _bullet_text(raw)
            if bullet:
                if para:
                    blocks.append(Block("paragraph", " ".join(para)))
                    para = []
                marker, item = bullet
                blocks.append(Block("item", item, marker))
            elif len(line) <= 120 and BYLINE.match(line):
                # "By Jane Smith" on the line under the title: a line of its own
                if para:
                    blocks.append(Block("paragraph", " ".join(para)))
                    para = []
                blocks.append(Block("paragraph", line))
            elif not para and i + 1 < len(raws) and _bullet_text(raws[i + 1]) and _looks_like_heading(line):
                blocks.append(Block("heading", line))  # "Article at a Glance" over its bullets
            elif not para and i == 0 and len(raws) > 1 and _glued_heading(line, raws[1].strip()):
                blocks.append(Block("heading", line))  # "Outlook" on the line over its paragraph
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
