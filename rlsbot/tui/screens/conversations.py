"""The saved conversations (ctrl+l): search them, open one, rename or delete it."""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from rlsbot.store import ConversationStore, Summary
from rlsbot.tui.screens.dialogs import ConfirmScreen, PromptScreen
from rlsbot.tui.widgets import plain


def summary_prompt(s: Summary, current: bool = False) -> Content:
    """One conversation in the list: its name, then when and how long."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.updated))
    turns = f"{s.turns} question{'s' if s.turns != 1 else ''}"
    return Content.assemble(
        plain(s.title or "(untitled)", "bold"),
        "\n",
        plain(f"{when} \u00b7 {turns}" + (" \u00b7 open now" if current else ""), "$foreground-muted"),
    )


class ConversationsScreen(ModalScreen["str | None"]):
    """Every saved conversation, newest first; dismissed with the id of the one to open (None: stay)."""

    CSS_PATH = "conversations.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("r", "rename", "Rename"),
        Binding("d,delete", "delete", "Delete"),
        Binding("slash", "search", "Search", show=False),
    ]

    def __init__(self, store: ConversationStore, current: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.current = current
        self.summaries: list[Summary] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="conversations-box"):
            yield Static(Content.styled("Conversations", "bold"), classes="title")
            yield Input(placeholder="Search the questions, quotes and names\u2026", id="conversations-search")
            yield OptionList(id="conversations")
            yield Static(
                Content.assemble(
                    ("enter", "bold"),
                    (" opens \u00b7 ", "$foreground-muted"),
                    ("r", "bold"),
                    (" renames \u00b7 ", "$foreground-muted"),
                    ("d", "bold"),
                    (" deletes \u00b7 ", "$foreground-muted"),
                    ("/", "bold"),
                    (" searches \u00b7 ", "$foreground-muted"),
                    ("esc", "bold"),
                    (" back", "$foreground-muted"),
                ),
                classes="hint",
            )

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#conversations", OptionList).focus()

    def refresh_list(self, keep: str | None = None) -> None:
        """List the conversations that match the search, keeping the highlight on ``keep`` when it is there."""
        words = self.query_one("#conversations-search", Input).value
        self.summaries = self.store.summaries(search=words)
        options = self.query_one("#conversations", OptionList)
        options.set_options(Option(summary_prompt(s, s.id == self.current), id=s.id) for s in self.summaries)
        ids = [s.id for s in self.summaries]
        if ids:
            options.highlighted = ids.index(keep) if keep in ids else 0

    def highlighted(self) -> Summary | None:
        """The conversation under the list's cursor."""
        option = self.query_one("#conversations", OptionList).highlighted_option
        return next((s for s in self.summaries if option is not None and s.id == option.id), None)

    @on(Input.Changed, "#conversations-search")
    def _search(self) -> None:
        self.refresh_list()

    @on(Input.Submitted, "#conversations-search")
    def _search_done(self) -> None:
        self.query_one("#conversations", OptionList).focus()

    @on(OptionList.OptionSelected, "#conversations")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_search(self) -> None:
        self.query_one("#conversations-search", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_rename(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            return

        def renamed(title: str | None) -> None:
            if title is not None:
                self.store.rename(chosen.id, title)
                self.refresh_list(keep=chosen.id)

        self.app.push_screen(PromptScreen("Rename the conversation", chosen.title, "empty: named by its first question"), renamed)

    def action_delete(self) -> None:
        chosen = self.highlighted()
        if chosen is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.store.delete(chosen.id)
                self.refresh_list()
                self.notify(f"Deleted \u201c{chosen.title}\u201d.", markup=False)

        turns = f"{chosen.turns} question{'s' if chosen.turns != 1 else ''}"
        self.app.push_screen(ConfirmScreen(f"Delete \u201c{chosen.title}\u201d and its {turns}? This cannot be undone."), confirmed)


__all__ = ["ConversationsScreen", "summary_prompt"]
