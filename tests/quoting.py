"""What the answer tests read of an answer: its quotes, in order."""

from __future__ import annotations


def quotes(answer) -> list[str]:
    return [c.quote for c in answer.citations]
