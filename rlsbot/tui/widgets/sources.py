"""The sources panel: the citations of the selected answer."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from rlsbot.answer import Answer, Citation
from rlsbot.tui.widgets.plain import plain

QUOTE_PREVIEW = 90  # characters of a quote shown in the sources panel


def _score(c: Citation) -> str:
    return f"{c.score:.2f}"


def citation_prompt(c: Citation) -> Content:
    """One citation in the sources panel: marker, title, section, score, a glimpse of the quote."""
    quote = " ".join(c.quote.split())
    if len(quote) > QUOTE_PREVIEW:
        quote = quote[: QUOTE_PREVIEW - 1].rstrip() + "\u2026"
    # The section only where the quote truly stands under one; no made-up label otherwise.
    return Content.assemble(
        (f"[{c.n}] ", "bold $text-accent"),
        plain(c.title, "bold"),
        "\n",
        plain(c.section, "$text-secondary"),
        ((" \u00b7 " if c.section else "") + f"score {_score(c)}", "$foreground-muted"),
        "\n",
        plain(f"\u201c{quote}\u201d", "italic $foreground-muted"),
    )


class SourcesPanel(Vertical):
    """The citations of the selected answer; choosing one opens the article there."""

    class Chosen(Message):
        def __init__(self, answer: Answer, citation: Citation) -> None:
            super().__init__()
            self.answer = answer
            self.citation = citation

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.answer: Answer | None = None

    def compose(self):
        yield Static(Content.styled("Sources", "bold"), classes="title")
        yield Static(self._hint(), classes="hint")
        yield OptionList(id="citations")

    def _hint(self) -> Content:
        if self.answer is None:
            return Content.styled("Ask a question: the sources of its answer show here.", "$foreground-muted")
        if not self.answer.citations:
            return Content.styled("No sources: the articles do not cover this question.", "$foreground-muted")
        return Content.assemble(
            ("tab", "bold"),
            (" here, ", "$foreground-muted"),
            ("enter", "bold"),
            (" (or a click) opens the article at the quote", "$foreground-muted"),
        )

    def show(self, answer: Answer | None) -> None:
        self.answer = answer
        self.query_one(".hint", Static).update(self._hint())
        options = self.query_one("#citations", OptionList)
        options.clear_options()
        if answer is not None:
            for i, c in enumerate(answer.citations):
                if i:
                    options.add_option(None)  # a separator line
                options.add_option(Option(citation_prompt(c), id=str(c.n)))
            if answer.citations:
                options.highlighted = 0
        options.display = bool(answer and answer.citations)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.answer is None or event.option_list.id != "citations":
            return
        n = int(event.option.id or 0)
        chosen = [c for c in self.answer.citations if c.n == n]
        if chosen:
            self.post_message(self.Chosen(self.answer, chosen[0]))


__all__ = ["SourcesPanel", "citation_prompt"]
