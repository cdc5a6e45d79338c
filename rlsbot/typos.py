"""Typo repair: the corpus word a misspelt question word most likely is.

Distances are rapidfuzz's optimal string alignment (edits and adjacent
swaps, in C); rapidfuzz is imported on the first misspelling only, so a
question without one never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping

MIN_LENGTH = 5  # shorter words are left alone: one edit turns "adhd" into "add"
# Words typed in capitals that are names, never misspellings: short ones
# ("ADHD", "RLS", "IV") and any with a digit ("B12").  Longer all-capital
# words ("PENICILLAN") are repaired like any other word not in the corpus.
ACRONYM = re.compile(r"\b(?:[A-Z][A-Z0-9]{1,3}|[A-Z]+[0-9][A-Z0-9]*)\b")


_SHORT_FORM = re.compile(r"\b[A-Z]{2,4}\b")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def spelled_acronyms(question: str, known: Container[str] = ()) -> str:
    """The question with a short form the articles lack (``known``: their words) and it spells out itself written in
    full: "I have rheumatoid arthritis ... is the RA to blame?" asks of rheumatoid arthritis. "RLS" is the articles' own."""
    for short in dict.fromkeys(s for s in _SHORT_FORM.findall(question) if s != "RLS" and s.lower() not in known):
        ws, n = _WORD.findall(question), len(short)
        for run in (ws[i : i + n] for i in range(len(ws) - n + 1)):
            if all(len(w) > 2 for w in run) and "".join(w[0] for w in run).upper() == short:
                question = re.sub(rf"\b{short}\b", " ".join(run), question)
                break
    return question


def limit_for(word: str) -> int:
    """How many edits a word may be away from its correction."""
    return 1 if len(word) < 8 else 2


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (edits and adjacent swaps), capped at limit + 1."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b, score_cutoff=limit)


def acronyms(question: str) -> set[str]:
    """The question's words that are names typed in capitals, case-folded."""
    return {w.casefold() for w in ACRONYM.findall(question)}


class Dictionary:
    """Words a misspelling may be read as, bucketed by first letter.

    A misspelling rarely changes the first letter; each bucket is one list
    that rapidfuzz scans in C, so even the 200,000 words of a large corpus
    answer in about a millisecond and the dictionary builds in one pass.
    """

    def __init__(self, words: Iterable[str]) -> None:
        buckets: dict[str, list[str]] = {}
        for w in sorted(set(words)):
            buckets.setdefault(w[0], []).append(w)
        self.buckets = buckets

    def candidates(self, word: str) -> list[str]:
        """Words that could be within the edit limit: same first letter, near length."""
        limit = limit_for(word)
        return [w for w in self.buckets.get(word[:1], ()) if abs(len(w) - len(word)) <= limit]

    def correct(self, word: str, count: Mapping[str, int], skip: Callable[[str], bool] = lambda w: False) -> str | None:
        """The nearest word, the most frequent of equally near ones, then the first in order; None when none is near."""
        if len(word) < MIN_LENGTH or not word.isalpha():
            return None
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        limit = limit_for(word)
        found = process.extract(word, self.buckets.get(word[0], ()), scorer=OSA.distance, score_cutoff=limit, limit=None)
        best = min(
            ((distance, -count.get(w, 0), w) for w, distance, _ in found if not skip(w)),
            default=None,
        )
        return best[2] if best else None
