"""The article reader's body: the article in blocks, cited quotes highlighted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from rlsbot.answer import Citation
from rlsbot.article import Article, marker_start
from rlsbot.tui.widgets.plain import plain


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph or a whole list: one widget in the reader."""

    kind: str
    start: int
    end: int


def blocks(article: Article) -> list[Block]:
    """The article's spans with consecutive list items joined, each item's marker included as the file wrote it."""
    out: list[Block] = []
    text = article.text
    for span in article.spans:
        start = span.start
        if span.kind == "item":
            start = marker_start(text, start)
        if span.kind == "item" and out and out[-1].kind == "list":
            out[-1] = Block("list", out[-1].start, span.end)
        else:
            out.append(Block("list" if span.kind == "item" else span.kind, start, span.end))
    if not out and text:
        out.append(Block("paragraph", 0, len(text)))
    return out


CURRENT_STYLE = "bold $text-warning on $warning-muted"
CITED_STYLE = "$text-primary on $primary-muted"


def block_content(text: str, block: Block, spans: Sequence[tuple[int, int, bool]]) -> Content:
    """The block's text, with each (start, end, current) span highlighted.

    Each piece goes through :func:`safe` on its own so that offsets stay
    those of the article text.
    """
    cuts: list[tuple[int, int, str]] = []
    for start, end, current in sorted(spans):
        s, e = max(start, block.start), min(end, block.end)
        if s < e:
            cuts.append((s, e, CURRENT_STYLE if current else CITED_STYLE))
    parts: list[Content] = []
    at = block.start
    for s, e, style in cuts:
        if s < at:
            s = at
        if s >= e:
            continue
        if at < s:
            parts.append(plain(text[at:s]))
        parts.append(plain(text[s:e], style))
        at = e
    if at < block.end:
        parts.append(plain(text[at : block.end]))
    content = Content("").join(parts)
    if block.kind == "heading":
        content = content.stylize("bold $text-primary")
    return content


class ReaderBlock(Static):
    """One block of the article in the reader."""

    def __init__(self, block: Block, content: Content, **kwargs) -> None:
        super().__init__(content, **kwargs)
        self.block = block


class ArticleView(VerticalScroll):
    """The whole article, blocks one under the other, with the cited quotes highlighted."""

    def __init__(self, article: Article, citations: Sequence[Citation] = (), current: Citation | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.citations = [c for c in citations if c.article == article.name]
        self.current = current

    def compose(self):
        spans = [(c.start, c.end, c == self.current) for c in self.citations]
        for block in blocks(self.article):
            hit = [(s, e, cur) for s, e, cur in spans if s < block.end and e > block.start]
            classes = f"-{block.kind}"
            if hit:
                classes += " -cited" + (" -current" if any(cur for *_, cur in hit) else "")
            yield ReaderBlock(block, block_content(self.article.text, block, hit), classes=classes)

    def block_at(self, offset: int) -> ReaderBlock | None:
        for widget in self.query(ReaderBlock):
            if widget.block.start <= offset < max(widget.block.end, widget.block.start + 1):
                return widget
        return None


__all__ = ["ArticleView", "Block", "ReaderBlock", "block_content", "blocks"]
