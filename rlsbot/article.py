"""The Article type: canonical text, title, metadata and block layout.

Every article, whatever its source format, is turned into the same list of
blocks (headings, paragraphs, list items) and one canonical *article text*
built from them.  All offsets anywhere in rlsbot point into that text, so a
Markdown file and the same article pasted as raw text give the same passages.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

# The marker of a list item whose source has none of its own (an HTML <li>).
BULLET_MARK = "\u2022"
# How ranking and answer selection read every item's marker, whatever the file
# wrote: "1." must add no word to a passage, and "- x" and "* x" are one line.
BULLET = BULLET_MARK + " "
# The byline: the only metadata shown beside a quote, in the order it is shown.
BYLINE_KEYS = ("author", "publisher", "date", "url")


class Block(NamedTuple):
    kind: str  # "heading", "paragraph" or "item"
    text: str
    marker: str = BULLET_MARK  # an item's list marker as the file wrote it ("-", "*", "1.", "2)")


class Section(NamedTuple):
    heading: str
    start: int
    end: int


class Span(NamedTuple):
    """A block's place in the article text."""

    kind: str
    start: int
    end: int
    section: int  # index into Article.sections, -1 before the first heading


class Article(NamedTuple):
    """One article: canonical text, title, metadata and its block layout."""

    name: str  # the corpus file name, e.g. "magnesium-for-restless-legs.md"
    title: str
    text: str
    meta: dict
    spans: tuple[Span, ...] = ()
    sections: tuple[Section, ...] = ()
    digest: str = ""

    @property
    def author(self) -> str:
        return str(self.meta.get("author", ""))


def byline_parts(meta: dict) -> list[str]:
    """Who published an article and when, as shown under its title (the URL apart)."""
    return [str(meta[k]) for k in BYLINE_KEYS[:3] if meta.get(k)]


def article_key(article: Article) -> str:
    """Names an article's content as indexing sees it: text, layout and name.

    ``content_key`` names the text alone (for de-duplication); this one adds
    the block layout, which changes passages without changing the text.
    """
    h = hashlib.sha256(article.text.encode("utf-8", "surrogatepass"))
    h.update("\x00".join(s.heading for s in article.sections).encode("utf-8", "surrogatepass"))
    h.update(repr([(s.kind, s.start, s.end, s.section) for s in article.spans]).encode())
    h.update(repr([(s.start, s.end) for s in article.sections]).encode())
    return h.hexdigest()


def content_key(article: Article) -> str:
    """Names an article's text: two files with the same key are the same article.

    White space does not count: a page saved as HTML and the same page
    pasted as text differ in line breaks and spaces, not in words.
    """
    text = with_bullets(article.text, [s.start for s in article.spans if s.kind == "item"])
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


def marker_start(text: str, item_start: int) -> int:
    """Where the list item starting at ``item_start`` has its marker: the start of its line.

    An item read from a paragraph that lost its bullet has none: then it is
    ``item_start`` itself.
    """
    return text.rfind("\n", 0, item_start) + 1


def with_bullets(text: str, item_starts: Sequence[int], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with the marker of each item starting in it written "\u2022 ".

    Quotes keep the file's own markers; what ranks and selects them reads
    every marker alike, so that a file's "1." is not a word and "- nausea"
    is the same line as "\u2022 nausea".  ``item_starts`` are in text order.
    """
    end = len(text) if end is None else end
    parts: list[str] = []
    at = start
    for item in item_starts[bisect_left(item_starts, start) : bisect_right(item_starts, end)]:
        mark = marker_start(text, item)
        if mark < at or mark == item:
            continue  # the marker is before the slice, or the item has none of its own
        parts += (text[at:mark], BULLET)
        at = item
    if not parts:
        return text[start:end]
    parts.append(text[at:end])
    return "".join(parts)


_WORD_CHAR = re.compile(r"[^\W_]")


def worded_items(article: Article) -> list[int]:
    """Where the items start whose marker is a word to the analyzer ("1.", "2)"), in text order.

    "-", "*" and "\u2022" are no words: only these markers read differently as "\u2022".
    """
    text = article.text
    return [s.start for s in article.spans if s.kind == "item" and _WORD_CHAR.search(text, marker_start(text, s.start), s.start)]


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


def _heading_over_list_only(blocks: list[Block], i: int) -> bool:
    """Is blocks[i] the first paragraph after a heading that sat directly over a list?"""
    j = i - 1
    while j >= 0 and blocks[j].kind == "item":
        j -= 1
    return j >= 0 and blocks[j].kind == "heading" and j < i - 1


# A text that runs this many paragraphs before its first heading lost its
# headings (a scraped page): the few it kept head only what is right under them.
LOST_HEADINGS_PARAGRAPHS = 4


def _headings_were_lost(blocks: list[Block]) -> bool:
    first = next((i for i, b in enumerate(blocks) if b.kind == "heading"), len(blocks))
    return first < len(blocks) and sum(b.kind == "paragraph" for b in blocks[:first]) >= LOST_HEADINGS_PARAGRAPHS


def _scope_ends(blocks: list[Block], i: int) -> bool:
    """In a text that lost its headings: does blocks[i] come after the one unit its heading covers?

    The unit is a single paragraph, a list, or a lead-in ending in a colon
    with its list.  What follows is given no section rather than a wrong one.
    """
    if blocks[i].kind == "item" and blocks[i - 1].kind == "item":
        return False  # the list goes on
    j = i - 1
    while j >= 0 and blocks[j].kind == "item":
        j -= 1
    if j < 0 or blocks[j].kind == "heading" or (i == j + 1 and blocks[i].kind == "item"):
        return False
    # blocks[j] is a paragraph: the heading's unit, if the heading is right over it
    return j >= 1 and blocks[j - 1].kind == "heading"


# A clause has one of these; a list item often has none ("Symptoms that
# start or get worse at night.", "Relief from moving.").
_FINITE = frozenset(
    "is are was were be been has have had may might can could will would should must do does did shall isn't aren't "
    "doesn't don't can't won't".split()
)
_FIRST_SENTENCE = re.compile(r".*?[.!?](?=\s|$)|.+", re.S)


def looks_like_item(text: str) -> bool:
    """Does a line read as a list item rather than a sentence of its own?

    No verb a clause needs, a label ("Serum iron."), a gerund phrase
    ("Going to bed at the same time every day."), or no full stop at all.
    """
    text = text.strip().lstrip("\u2022-*\u00b7 ")
    if not text.endswith((".", "!", "?")):
        return True
    first = _FIRST_SENTENCE.match(text).group(0)
    tokens = [t.strip(".,;:()\"'").lower() for t in first.split()]
    if len(tokens) <= 4:
        return True
    if not any(t in _FINITE for t in tokens):
        return True
    return tokens[0].endswith("ing") and not any(t in _FINITE for t in tokens[1:])


def _unmarked_items(blocks: list[Block]) -> set[int]:
    """Paragraphs that are the items of a list that lost its bullets.

    Pages copied from the web (MedQuAD's among them) keep a lead-in's colon
    but drop the markers: "The four key signs of RLS are:" followed by
    "Relief from moving. Movement ... helps." as a paragraph.  They run on
    while they read as items; quoted alone they would not stand.
    """
    found: set[int] = set()
    for j, block in enumerate(blocks):
        if block.kind != "paragraph" or not block.text.rstrip().endswith(":"):
            continue
        marked = ""  # the first word of the last bulleted item, if the list has bullets
        for i in range(j + 1, len(blocks)):
            if blocks[i].kind == "item":
                marked = blocks[i].text.split(" ", 1)[0]
                continue
            text = blocks[i].text.rstrip()
            if blocks[i].kind != "paragraph" or text.endswith(":") or not looks_like_item(text):
                break  # a heading, a sentence of its own, or the next lead-in
            # After bulleted items a paragraph goes on with them only in their
            # shape ("- Keeping ..." then "Going to bed ..."), or unfinished.
            if marked and text.endswith((".", "!", "?")) and not (marked.endswith("ing") and text.split(" ", 1)[0].endswith("ing")):
                break
            found.add(i)
    return found


def build_article(name: str, blocks: list[Block], meta: dict, title: str, digest: str) -> Article:
    parts: list[str] = []
    spans: list[Span] = []
    sections: list[list] = []
    pos = 0
    prev_kind = ""
    lost = _headings_were_lost(blocks)
    unmarked = _unmarked_items(blocks)
    for i, block in enumerate(blocks):
        if lost and block.kind != "heading" and sections and sections[-1][0] and _scope_ends(blocks, i):
            sections[-1][2] = pos
            sections.append(["", pos + 2, pos + 2])
        elif block.kind == "paragraph" and prev_kind == "item" and sections and _heading_over_list_only(blocks, i):
            # "Article at a Glance" heads its bullets only; the prose after
            # them is the article's own, not part of that box.
            sections[-1][2] = pos
            sections.append(["", pos + 2, pos + 2])
        if parts:
            sep = "\n" if block.kind == "item" and prev_kind == "item" else "\n\n"
            parts.append(sep)
            pos += len(sep)
        # An item keeps its file's own marker: a quote is the file's characters.
        marker = block.marker + " " if block.kind == "item" else ""
        text = marker + block.text
        if block.kind == "heading":
            if sections:
                sections[-1][2] = pos
            sections.append([block.text, pos, pos])
        start = pos + len(marker)
        parts.append(text)
        pos += len(text)
        spans.append(Span("item" if i in unmarked else block.kind, start, pos, len(sections) - 1))
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
