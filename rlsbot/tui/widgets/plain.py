"""Article and question text made safe for the screen.

Every piece of text that comes from an article or a question reaches the
screen as a ``Content`` built from plain strings (never parsed as markup) or
as Markdown escaped by :func:`rlsbot.render.md_escape`, so ``[X]`` shows as
written and nothing in an article can restyle the screen or open a link.
"""

from __future__ import annotations

from textual.content import Content

from rlsbot.text import safe


def plain(text: str, style: str = "") -> Content:
    """Text exactly as written: control characters made visible, no markup."""
    return Content.styled(safe(text), style) if style else Content(safe(text))


__all__ = ["plain"]
