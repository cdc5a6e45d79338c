"""What the answer tests read of an answer: its quotes in order, or why it refused."""

from __future__ import annotations


def quotes(answer) -> list[str]:
    return [c.quote for c in answer.citations]


def answered_quotes(answer) -> list[str]:
    """The quotes of an answer that must be one, not a refusal."""
    assert answer.answered, f"refused: {answer.gaps or answer.missing}"
    return quotes(answer)


def refusal(answer) -> tuple[str, ...]:
    """Why an answer that must be a refusal refused: its gaps, one line each. A refusal quotes nothing."""
    assert not answer.answered, f"answered: {quotes(answer)[:1]}"
    assert not answer.citations
    return answer.gaps
