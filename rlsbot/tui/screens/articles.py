"""The list of every article rlsbot answers from (ctrl+o)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rlsbot.article import Article
from rlsbot.tui.widgets import plain


class ArticlesScreen(ModalScreen[str]):
    """Every article rlsbot answers from; enter opens one."""

    CSS_PATH = "articles.tcss"
    BINDINGS = [Binding("escape", "dismiss", "Back")]

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = list(articles)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="articles-box"):
            yield Static(Content.styled(f"The articles ({len(self.articles)})", "bold"), classes="title")
            options: list[Option | None] = []
            for a in self.articles:
                if options:
                    options.append(None)
                by = ", ".join(str(a.meta[k]) for k in ("author", "publisher", "date") if a.meta.get(k))
                words = len(a.text.split())
                prompt = Content.assemble(
                    plain(a.title, "bold"),
                    "\n",
                    plain(f"{by} \u00b7 " if by else "", "$foreground-muted"),
                    plain(f"{a.name}, {words} words", "$foreground-muted"),
                )
                options.append(Option(prompt, id=a.name))
            yield OptionList(*options, id="articles")
            yield Static(
                Content.assemble(
                    ("enter", "bold"), (" reads an article \u00b7 ", "$foreground-muted"), ("esc", "bold"), (" back", "$foreground-muted")
                ),
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss(self, result: str | None = None) -> None:  # type: ignore[override]
        self.dismiss(result)


__all__ = ["ArticlesScreen"]
