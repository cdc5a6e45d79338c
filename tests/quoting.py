"""What the answer tests read of an answer: its quotes, in order."""

from __future__ import annotations


def quotes(answer) -> list[str]:
    return [c.quote for c in answer.citations]


def answered_quotes(answer) -> list[str]:
    """The quotes of an answer that must be one, not a refusal."""
    assert answer.answered, f"refused: {answer.gaps or answer.missing}"
    return quotes(answer)
