"""One question and its answer in the transcript."""

from __future__ import annotations

from markdown_it import MarkdownIt
from textual import events
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import LoadingIndicator, Markdown, Static

from rlsbot.answer import Answer
from rlsbot.render import to_markdown
from rlsbot.tui.widgets.plain import plain


def _parser() -> MarkdownIt:
    # "gfm-like" turns anything that looks like a URL into a link, even in
    # escaped text; an article's words must never become something to click.
    return MarkdownIt("gfm-like", {"linkify": False}).disable("linkify")


class AnswerMarkdown(Markdown):
    """An answer rendered from :func:`rlsbot.render.to_markdown`; links are never opened."""

    def __init__(self, markdown: str = "", **kwargs) -> None:
        super().__init__(markdown, parser_factory=_parser, open_links=False, **kwargs)


def searched_line(answer: Answer) -> Content:
    """How the question was understood: the words actually searched."""
    words = answer.query.strip()
    return Content.assemble(
        ("searching: ", "$foreground-muted"),
        plain(words, "italic") if words else ("(no word the articles know)", "italic $foreground-muted"),
    )


class TurnView(Vertical):
    """One question and its answer in the transcript."""

    class Selected(Message):
        """The turn was clicked: show its sources."""

        def __init__(self, turn: TurnView) -> None:
            super().__init__()
            self.turn = turn

    def __init__(self, question: str, answer: Answer | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.question = question
        self.answer = answer
        self.error: str | None = None

    def compose(self):
        yield Static(Content.assemble(("\u276f ", "bold $accent"), plain(self.question, "bold")), classes="question")
        yield Static(searched_line(self.answer) if self.answer else "", classes="searched")
        yield LoadingIndicator(classes="progress")
        yield AnswerMarkdown(to_markdown(self.answer) if self.answer else "", classes="answer")

    @property
    def pending(self) -> bool:
        return self.answer is None and self.error is None

    def show_progress(self) -> None:
        """The answer is taking longer than a moment."""
        if self.pending:
            self.add_class("-slow")

    def set_answer(self, answer: Answer):
        self.answer = answer
        self.remove_class("-slow")
        self.query_one(".searched", Static).update(searched_line(answer))
        return self.query_one(AnswerMarkdown).update(to_markdown(answer))

    def set_error(self, message: str) -> None:
        self.error = message
        self.remove_class("-slow")
        self.query_one(".searched", Static).update(plain(message, "$text-error"))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Selected(self))


__all__ = ["AnswerMarkdown", "TurnView", "searched_line"]
