"""The article reader: an article scrolled to a quote, highlighted in context."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from rlsbot.answer import Citation
from rlsbot.article import Article
from rlsbot.tui.widgets import ArticleView, plain


class ReaderScreen(Screen):
    """An article, scrolled to the quoted sentences, which are highlighted in context."""

    CSS_PATH = "reader.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "jump(1)", "Next quote"),
        Binding("p", "jump(-1)", "Previous quote"),
    ]

    def __init__(self, article: Article, citations: Sequence[Citation] = (), current: Citation | None = None) -> None:
        super().__init__()
        self.article = article
        self.citations = [c for c in citations if c.article == article.name]
        self.current = current

    def compose(self) -> ComposeResult:
        a = self.article
        by = ", ".join(str(a.meta[k]) for k in ("author", "publisher", "date") if a.meta.get(k))
        head = Content.assemble(
            plain(a.title, "bold"), "\n", plain(by + " \u00b7 " if by else "", "$foreground-muted"), plain(a.name, "$foreground-muted")
        )
        yield Static(head, id="reader-title")
        yield Static(self._status(), id="reader-status")
        yield ArticleView(a, self.citations, self.current, id="article")
        yield Footer()

    def _status(self) -> Content:
        if self.current is None:
            return Content.styled("The whole article.", "$foreground-muted")
        i = self.citations.index(self.current) + 1 if self.current in self.citations else 0
        # A section is named only where the quote truly stands under a heading.
        where = f", in section \u201c{self.current.section}\u201d" if self.current.section else ""
        return Content.assemble(
            (f"[{self.current.n}]", "bold $text-warning"),
            plain(f" quote {i} of {len(self.citations)} from this article{where}", "$foreground-muted"),
        )

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self.call_after_refresh(self.scroll_to_current)

    def scroll_to_current(self) -> None:
        if self.current is None:
            return
        view = self.query_one(ArticleView)
        block = view.block_at(self.current.start)
        if block is not None:
            view.scroll_to_widget(block, animate=False, center=True, immediate=True)

    def action_jump(self, step: int) -> None:
        if not self.citations:
            return
        i = self.citations.index(self.current) if self.current in self.citations else -step
        self.current = self.citations[(i + step) % len(self.citations)]
        view = self.query_one(ArticleView)
        view.current = self.current
        view.remove_children()
        view.mount_all(list(view.compose()))
        self.query_one("#reader-status", Static).update(self._status())
        self.call_after_refresh(self.scroll_to_current)


__all__ = ["ReaderScreen"]
