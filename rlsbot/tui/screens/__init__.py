"""The screens: the chat, the article reader and the articles list, each with its own bindings and stylesheet."""

from __future__ import annotations

from rlsbot.tui.screens.articles import ArticlesScreen
from rlsbot.tui.screens.chat import ChatScreen
from rlsbot.tui.screens.reader import ReaderScreen

__all__ = ["ArticlesScreen", "ChatScreen", "ReaderScreen"]
