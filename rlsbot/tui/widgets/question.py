"""The question line."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.widgets import Input


class QuestionInput(Input):
    """The question line, with up/down through the questions asked before."""

    BINDINGS = [
        Binding("up", "history(-1)", "Earlier question", show=False),
        Binding("down", "history(1)", "Later question", show=False),
    ]

    def __init__(self, history: Iterable[str] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = list(history)
        self._at = len(self.history)
        self._draft = ""

    def set_history(self, questions: Iterable[str]) -> None:
        """Start the history afresh from ``questions`` (oldest first), at a fresh draft."""
        self.history = list(questions)
        self._at = len(self.history)
        self._draft = ""

    def remember(self, question: str) -> None:
        """Add a question asked (once, if asked twice in a row) and go back to a fresh draft."""
        if not self.history or self.history[-1] != question:
            self.history.append(question)
        self._at = len(self.history)
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._at == len(self.history):
            self._draft = self.value  # what was being typed comes back after the newest
        at = max(0, min(len(self.history), self._at + step))
        if at == self._at:
            return
        self._at = at
        self.value = self.history[at] if at < len(self.history) else self._draft
        self.cursor_position = len(self.value)


__all__ = ["QuestionInput"]
