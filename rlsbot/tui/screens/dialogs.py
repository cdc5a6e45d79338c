"""Small dialogs: a yes/no question and a one-line prompt, each a modal screen that answers with dismiss()."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from rlsbot.tui.widgets import plain


class ConfirmScreen(ModalScreen[bool]):
    """Ask before doing something that cannot be undone; y / n / escape, or the buttons."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str, yes: str = "Delete") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.question), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe choice is the default

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PromptScreen(ModalScreen["str | None"]):
    """One line of text, prefilled: enter accepts it, escape cancels (None)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled(self.title_text, "bold"), classes="dialog-text")
            yield Input(self.value, id="prompt", select_on_focus=False)
            yield Static(
                Content.assemble(
                    plain(self.hint + " \u00b7 " if self.hint else "", "$foreground-muted"),
                    ("enter", "bold"),
                    (" accepts \u00b7 ", "$foreground-muted"),
                    ("esc", "bold"),
                    (" cancels", "$foreground-muted"),
                ),
                classes="hint",
            )

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


__all__ = ["ConfirmScreen", "PromptScreen"]
