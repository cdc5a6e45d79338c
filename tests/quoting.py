"""What the answer tests read of an answer: its quotes in order, or why it refused; and where an article's sentence is."""

from __future__ import annotations

from rlsbot.passages import build_passages


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


def sentence_in(article, opening: str):
    """The passage of ``article`` that holds the sentence opening with ``opening``, and that sentence's place in it."""
    text = article.text
    for passage in build_passages(article):
        for i, sentence in enumerate(passage.sentences):
            if text[sentence.start : sentence.end].startswith(opening):
                return passage, i
    raise AssertionError(f"no sentence of {article.name} opens with {opening!r}")
