"""From a question to weighted index terms: stems, domain words, typo repair.

Each question word is looked up in the index vocabulary in turn as typed, by
stem, through the domain word groups (``data/synonyms.txt``), and finally as
a misspelling of a corpus word.  What is found nowhere is *missing*, and the
missing words decide whether the articles cover the question at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from rlsbot import typos
from rlsbot.analysis import fillers, is_stopword, stem, subject_words, synonym_groups, words
from rlsbot.index import Index

MAX_QUESTION_WORDS = 64  # a question longer than this is searched by its first words
SPECIFIC, SUBJECT, FILLER, INTENT = "specific", "subject", "filler", "intent"
WEIGHTS = {SPECIFIC: 1.0, SUBJECT: 0.5, FILLER: 0.2, INTENT: 0.6}
CORRECTION_WEIGHT = 0.9


@dataclass(frozen=True)
class QueryWord:
    word: str  # normalized, as typed
    kind: str  # SPECIFIC, SUBJECT or FILLER
    terms: tuple[tuple[str, float], ...]  # index terms searched for it, weighted
    corrected: str = ""  # the corpus word a misspelling was read as
    carried: bool = False  # brought forward from an earlier turn of a conversation

    def scaled(self, factor: float) -> QueryWord:
        """This word as context for a later turn, its weight scaled down."""
        return QueryWord(self.word, self.kind, tuple((t, w * factor) for t, w in self.terms), self.corrected, True)

    @property
    def found(self) -> bool:
        return bool(self.terms)


@dataclass(frozen=True)
class Query:
    question: str
    words: tuple[QueryWord, ...]

    @cached_property
    def terms(self) -> list[tuple[str, float]]:
        """Weighted index terms; a term reached twice keeps its best weight."""
        best: dict[str, float] = {}
        for qw in self.words:
            for term, weight in qw.terms:
                best[term] = max(best.get(term, 0.0), weight)
        return list(best.items())

    @property
    def text(self) -> str:
        """The query as searched, e.g. "magnesium pregnancy"."""
        return " ".join(qw.corrected or qw.word for qw in self.words if qw.found and qw.kind != FILLER)

    @property
    def missing(self) -> list[str]:
        return [qw.word for qw in self.words if not qw.found and qw.kind in (SPECIFIC, SUBJECT) and not qw.carried]

    @property
    def covered(self) -> bool:
        """Do the articles speak to this question at all?

        Yes when it names something specific that the articles contain and
        more of such things than it names things they lack; or, naming nothing
        they lack, at least asks about their shared subject ("what is RLS?").
        A match on filler words alone ("is it good for people?") is not cover.
        """
        own = [qw for qw in self.words if not qw.carried]
        found = sum(1 for qw in own if qw.found and qw.kind == SPECIFIC)
        missing = len(self.missing)
        if missing:
            # Context from earlier turns never outvotes what this turn asks
            # about: "what about acupuncture?" is not covered by magnesium.
            return found > missing
        carried = sum(1 for qw in self.words if qw.carried and qw.found and qw.kind == SPECIFIC)
        subject = sum(1 for qw in own if qw.found and qw.kind == SUBJECT)
        return bool(found or carried or subject)


def _kind(word: str) -> str:
    if word in subject_words():
        return SUBJECT
    if word in fillers():
        return FILLER
    return SPECIFIC


class Resolver:
    """Looks question words up against one index's vocabulary."""

    def __init__(self, index: Index, synonyms: bool = True, typos: bool = True) -> None:
        self.index = index
        self.use_synonyms = synonyms  # switches for measuring each aid on the gold set
        self.use_typos = typos
        self._buckets: typos.Dictionary | None = None

    def term_for(self, word: str) -> str | None:
        """The index term for a word, if the corpus has it in any inflection."""
        term = self.index.surface.get(word)
        if term is None:
            # Only stem (and so import nltk) when some index term could be the
            # stem: Snowball stems are prefixes of the word, bar a final y->i.
            vocab = self.index.vocab
            candidates = (word[:k] for k in range(min(3, len(word)), len(word) + 1))
            if not any(c in vocab for c in candidates) and not (word[-1:] == "y" and word[:-1] + "i" in vocab):
                return None
            term = stem(word)
        return term if term in self.index.vocab else None

    def synonyms(self, word: str) -> list[tuple[str, float]]:
        """Index terms for the word's domain vocabulary, with their relative weights."""
        if not self.use_synonyms:
            return []
        found: dict[str, float] = {}
        for other, weight in synonym_groups().get(word, ()):
            term = self.term_for(other)
            if term and weight > found.get(term, 0.0):
                found[term] = weight
        return list(found.items())

    def correct(self, word: str) -> str | None:
        """The corpus word (or domain word) a misspelt question word most likely is (rlsbot.typos)."""
        if len(word) < typos.MIN_LENGTH or not word.isalpha() or not self.use_typos:
            return None
        if not self._candidates(word):  # also builds the dictionary on first use
            return None
        return self._buckets.correct(word, self.index.surface_count, fillers().__contains__)

    def _candidates(self, word: str) -> list[str]:
        """Dictionary words that could be within the edit limit (rlsbot.typos.Dictionary, built on first use)."""
        if self._buckets is None:
            dictionary = {w for w in self.index.surface if w.isalpha() and len(w) >= 4 and not is_stopword(w)}
            dictionary |= {w for w in synonym_groups() if w.isalpha() and len(w) >= 4}
            self._buckets = typos.Dictionary(dictionary)
        return self._buckets.candidates(word)

    def _expand(self, word: str, weight: float) -> list[tuple[str, float]]:
        """The word's own index term at ``weight``, then its domain words at their share of it."""
        direct = self.term_for(word)
        terms = [(direct, weight)] if direct else []
        terms += [(term, weight * relative) for term, relative in self.synonyms(word) if term != direct]
        return terms

    def resolve(self, word: str, acronym: bool = False) -> QueryWord:
        kind = _kind(word)
        terms = self._expand(word, WEIGHTS[kind])
        corrected = ""
        if not terms and not acronym:
            fixed = self.correct(word)
            if fixed:
                corrected = fixed
                kind = _kind(fixed)
                terms = self._expand(fixed, WEIGHTS[kind] * CORRECTION_WEIGHT)
        return QueryWord(word, kind, tuple(terms), corrected)


def parse(question: str, index: Index, resolver: Resolver | None = None) -> Query:
    """Analyse a question against an index."""
    resolver = resolver or Resolver(index)
    seen: set[str] = set()
    out: list[QueryWord] = []
    # Short words typed in capitals ("ADHD") are names, never misspellings; "PENICILLAN" is repaired.
    acronyms = typos.acronyms(question)
    for word in words(question):
        if is_stopword(word) or word in seen:
            continue
        seen.add(word)
        out.append(resolver.resolve(word, acronym=word in acronyms))
        if len(out) >= MAX_QUESTION_WORDS:
            break
    for word in _intent_words(question):
        if word not in seen:
            seen.add(word)
            qw = resolver.resolve(word)
            out.append(QueryWord(word, INTENT, tuple((t, WEIGHTS[INTENT] * w) for t, w in qw.terms)))
    return Query(question, tuple(out))


# Question shapes that name what is asked for without using its word.
_INTENTS = [
    (re.compile(r"\bhow (?:much|many)\b|\bhow (?:often|frequently)\b", re.I), ["dose", "mg", "daily"]),
    # "does X help Y?" is answered by a sentence saying X eases, relieves or improves Y.
    (re.compile(r"\bhelp(?:s|ed|ing)?\b|\bwork(?:s|ed)? for\b", re.I), ["ease"]),
    (
        re.compile(
            r"\b(?:who|when) (?:should(?:n['\u2019]t| not)|must(?:n['\u2019]t| not)|can(?:['\u2019]t|not))\b|\bnot (?:be )?(?:take|use)",
            re.I,
        ),
        ["disorder"],
    ),
]


def _intent_words(question: str) -> list[str]:
    extra: list[str] = []
    for pattern, added in _INTENTS:
        if pattern.search(question):
            extra.extend(added)
    return extra


def _osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (edits and adjacent swaps), capped."""
    return typos.osa_distance(a, b, limit)
