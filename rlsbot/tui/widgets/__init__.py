"""The chat screen's widgets, one module per widget or small group."""

from __future__ import annotations

from rlsbot.tui.widgets.article import ArticleView, Block, ReaderBlock, blocks
from rlsbot.tui.widgets.empty import EmptyState
from rlsbot.tui.widgets.plain import plain
from rlsbot.tui.widgets.question import QuestionInput
from rlsbot.tui.widgets.sources import SourcesPanel, citation_prompt
from rlsbot.tui.widgets.turn import AnswerMarkdown, TurnView, searched_line

__all__ = [
    "AnswerMarkdown",
    "ArticleView",
    "Block",
    "EmptyState",
    "QuestionInput",
    "ReaderBlock",
    "SourcesPanel",
    "TurnView",
    "blocks",
    "citation_prompt",
    "plain",
    "searched_line",
]
