"""The chat screen: a Textual app over the same Answer the CLI prints.

Only this package imports Textual, so that the command line starts fast.
"""

from __future__ import annotations

__all__ = ["run_chat"]


def run_chat(bot) -> None:
    """Open the chat screen on ``bot``'s articles (see :mod:`rlsbot.tui.app`)."""
    from rlsbot.tui.app import run_chat as _run

    _run(bot)
