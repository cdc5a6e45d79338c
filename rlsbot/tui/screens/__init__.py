"""The screens: the chat, the article reader, the articles and conversations lists, dialogs, each with its own bindings and stylesheet."""

from __future__ import annotations

from rlsbot.tui.screens.articles import ArticlesScreen
from rlsbot.tui.screens.chat import ChatScreen
from rlsbot.tui.screens.conversations import ConversationsScreen
from rlsbot.tui.screens.dialogs import ConfirmScreen, PromptScreen
from rlsbot.tui.screens.reader import ReaderScreen

__all__ = ["ArticlesScreen", "ChatScreen", "ConfirmScreen", "ConversationsScreen", "PromptScreen", "ReaderScreen"]
