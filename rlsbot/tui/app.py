"""The rlsbot application: theme, the chat screen, the command palette.

Everything about the conversation lives on :class:`~rlsbot.tui.screens.chat.ChatScreen`;
the App only installs it, picks and remembers the theme, and offers the chat's
commands in the palette.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from rlsbot.storage import atomic_write
from rlsbot.store import ConversationStore
from rlsbot.tui.screens.chat import ChatScreen

SETTINGS_FILE = "chat.json"
LIGHT_THEME, DARK_THEME = "textual-light", "textual-dark"
# Actions of the chat screen that the App is asked about (e.g. by the footer) over other screens.
CHAT_ACTIONS = frozenset(b.action.split("(")[0] for b in ChatScreen.BINDINGS if not b.action.startswith("app."))


def terminal_theme(environ: dict[str, str] | None = None) -> str | None:
    """Light or dark, from the terminal's COLORFGBG ("fg;bg") when it says; None when it does not."""
    env = os.environ if environ is None else environ
    if env.get("TEXTUAL_THEME"):
        return env["TEXTUAL_THEME"]
    bg = env.get("COLORFGBG", "").rsplit(";", 1)[-1]
    if not bg.isdigit():
        return None
    return LIGHT_THEME if int(bg) in (7, *range(9, 16)) else DARK_THEME


class RlsbotApp(App):
    """The chat screen over one :class:`~rlsbot.bot.Bot`.

    ``store`` keeps the conversations (``ConversationStore.default()`` when
    None); ``theme`` overrides the saved or the terminal's theme (tests pin it).
    """

    TITLE = "rlsbot"
    DEFAULT_MODE = "chat"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide"), (180, "-very-wide")]

    def __init__(
        self, bot, store: ConversationStore | None = None, theme: str | None = None, starters: Sequence[str] | None = None
    ) -> None:
        super().__init__()
        self.bot = bot
        self.store = store if store is not None else ConversationStore.default()
        self.starters = starters
        self._settings = self.store.folder / SETTINGS_FILE
        self._pinned_theme = theme
        self.theme = theme or self._saved_theme() or terminal_theme() or DARK_THEME
        # A mode, not get_default_screen(): a mode's screen has its CSS_PATH loaded and is
        # composed before the app is ready. Made at start-up, so it gets the bot set by then.
        self.add_mode("chat", lambda: ChatScreen(self.bot, self.store, self.starters))

    @property
    def chat(self) -> ChatScreen:
        """The chat screen, whichever screen is on top."""
        return self.screen_stack[0]  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    # ------------------------------------------------------------ the command palette

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The chat's keys act on the transcript: over the reader or a dialog they are hidden and off.
        if action in CHAT_ACTIONS and not isinstance(self.screen, ChatScreen):
            return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if not isinstance(screen, ChatScreen):
            yield from super().get_system_commands(screen)
            return
        yield SystemCommand("New conversation", "Clear the transcript; follow-ups start afresh (ctrl+n)", screen.action_new_conversation)
        yield SystemCommand("Conversations", "Open, rename, delete or search the saved conversations (ctrl+l)", screen.action_conversations)
        yield SystemCommand(
            "Export conversation as Markdown", "Write the conversation to a .md file you name (ctrl+s)", screen.action_export
        )
        yield SystemCommand(
            "Copy the last answer", "Send the last answer as Markdown to the terminal's clipboard (ctrl+y)", screen.action_copy_answer
        )
        yield SystemCommand(
            "Toggle sources panel", "Show or hide the sources of the selected answer (ctrl+b)", screen.action_toggle_sources
        )
        yield SystemCommand("Switch theme", "Pick a light or dark theme", self.action_change_theme)
        yield SystemCommand("Show the articles", "List the articles rlsbot quotes (ctrl+o)", screen.action_articles)
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command

    # ------------------------------------------------------------ settings

    def _saved_theme(self) -> str | None:
        try:
            theme = json.loads(self._settings.read_text(encoding="utf-8")).get("theme")
        except (OSError, ValueError, AttributeError):
            return None
        return theme if isinstance(theme, str) and theme in self.available_themes else None

    def _remember_theme(self, theme) -> None:
        if self._pinned_theme:
            return
        data = json.dumps({"theme": theme.name}).encode("utf-8")
        try:
            self._settings.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self._settings, lambda f: f.write(data))
        except OSError:
            pass  # the theme is a nicety; the next start just uses the default


def run_chat(bot) -> None:
    """Open the chat screen on ``bot``'s articles; returns when the user quits.

    The one entry point: the command line's ``chat`` calls it from a terminal.
    """
    RlsbotApp(bot).run()


__all__ = ["RlsbotApp", "run_chat", "terminal_theme"]
