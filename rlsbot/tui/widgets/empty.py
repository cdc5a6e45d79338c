"""What the chat screen shows before the first question."""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rlsbot.article import Article
from rlsbot.tui.widgets.plain import plain


class EmptyState(Vertical):
    """What rlsbot is, what it covers, and a few questions to start with."""

    class Starter(Message):
        def __init__(self, question: str) -> None:
            super().__init__()
            self.question = question

    def __init__(self, articles: Sequence[Article], starters: Sequence[str], shown: int = 8, **kwargs) -> None:
        super().__init__(**kwargs)
        self.articles = list(articles)
        self.starters = list(starters)
        self.shown = shown

    def compose(self):
        n = len(self.articles)
        yield Static(Content.styled("rlsbot", "bold $text-accent"), classes="brand")
        yield Static(
            Content.assemble(
                "Answers questions about ",
                ("restless legs syndrome", "bold"),
                f" by quoting {n} article{'s' if n != 1 else ''} word for word, with numbered sources. "
                "When the articles do not cover a question, it says so.",
            ),
            classes="intro",
        )
        yield Static(Content.styled("The articles", "bold"), classes="heading")
        yield Static(self._articles(), classes="articles")
        if self.starters:
            yield Static(Content.styled("Try asking", "bold"), classes="heading")
            yield OptionList(*[Option(plain(q), id=f"starter-{i}") for i, q in enumerate(self.starters)], id="starters")
        yield Static(
            Content.assemble(
                ("tab", "bold"),
                (" picks a starter \u00b7 ", "$foreground-muted"),
                ("ctrl+p", "bold"),
                (" commands \u00b7 ", "$foreground-muted"),
                ("Not medical advice.", "italic $foreground-muted"),
            ),
            classes="tips",
        )

    def _articles(self) -> Content:
        lines: list[Content] = []
        for a in self.articles[: self.shown]:
            by = ", ".join(str(a.meta[k]) for k in ("author", "publisher") if a.meta.get(k))
            line = Content.assemble(("\u2022 ", "$text-accent"), plain(a.title))
            if by:
                line = line + plain(f" \u2014 {by}", "$foreground-muted")
            lines.append(line)
        if len(self.articles) > self.shown:
            lines.append(Content.styled(f"\u2026 and {len(self.articles) - self.shown} more (ctrl+o lists them)", "$foreground-muted"))
        return Content("\n").join(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Starter(self.starters[event.option_index]))


__all__ = ["EmptyState"]
