"""Fuzzing the engine with 10,000+ generated questions (issue 7).

Questions mix corpus words, misspellings of them, stopwords, emoji,
right-to-left text, combining marks, control characters, NULs, lone
surrogates and very long words, from a seeded generator so that a failure
can be replayed.  One Bot answers them all.  Every question must be
answered or refused, never raise, and every quote must be verbatim.
"""

from __future__ import annotations

import random
import re
import time

import pytest

from rlsbot.render import to_text

N_QUESTIONS = 10_000
SEED = 20240607
CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

STOPWORDS = [
    "the",
    "a",
    "is",
    "it",
    "does",
    "do",
    "can",
    "what",
    "how",
    "why",
    "and",
    "or",
    "of",
    "for",
    "in",
    "with",
    "about",
    "should",
    "i",
]
EMOJI = ["\U0001f600", "\U0001f9b5", "\U0001f48a", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f", "\U0001f1fa\U0001f1f8"]
RTL = ["\u05de\u05d2\u05e0\u05d6\u05d9\u05d5\u05dd", "\u0645\u063a\u0646\u064a\u0633\u064a\u0648\u0645", "\u202e", "\u200f", "\u061c"]
COMBINING = ["\u0301", "\u0302", "\u0308", "\u0327", "\u20dd", "\u0489"]
JUNK = [
    "\x00",
    "\x1b[2J",
    "\x1b]8;;http://evil\x07",
    "\x07",
    "\x08",
    "\r",
    "\t",
    "\x9b",
    "\ufeff",
    "\u200b",
    "\ud800",
    "\udfff",
    "\uffff",
    "\x7f",
]


def corpus_words(bot) -> list[str]:
    found = {w for a in bot.articles.values() for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", a.text)}
    return sorted(found)


def misspell(rng: random.Random, word: str) -> str:
    if len(word) < 2:
        return word
    i = rng.randrange(len(word))
    edit = rng.randrange(4)
    if edit == 0:
        return word[:i] + word[i + 1 :]
    if edit == 1:
        return word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[i:]
    if edit == 2:
        return word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[i + 1 :]
    j = min(i + 1, len(word) - 1)
    return word[:i] + word[j] + word[i] + word[j + 1 :]


def token(rng: random.Random, words: list[str]) -> str:
    roll = rng.random()
    if roll < 0.40:
        return rng.choice(words)
    if roll < 0.55:
        return misspell(rng, rng.choice(words))
    if roll < 0.67:
        return rng.choice(STOPWORDS)
    if roll < 0.72:
        return rng.choice(EMOJI)
    if roll < 0.77:
        return rng.choice(RTL)
    if roll < 0.82:
        return rng.choice(words) + "".join(rng.choice(COMBINING) for _ in range(rng.randint(1, 4)))
    if roll < 0.90:
        return rng.choice(JUNK) + rng.choice(words)
    if roll < 0.93:
        return rng.choice("abcdefghijklmnopqrstuvwxyz") * rng.randint(50, 3000)
    if roll < 0.96:
        return "".join(chr(rng.randint(0x20, 0x2FFFF)) for _ in range(rng.randint(1, 12)))
    if roll < 0.98:
        return rng.choice(words).upper()
    return "".join(rng.choice("?!.,;:()[]{}<>\"'*_`~#") for _ in range(rng.randint(1, 6)))


def question(rng: random.Random, words: list[str]) -> str:
    text = " ".join(token(rng, words) for _ in range(rng.randint(1, 12)))
    return text + rng.choice(["", "?", " ?", "!!", "\n", "..."])


@pytest.mark.slow
def test_fuzz_ten_thousand_questions(bot):
    rng = random.Random(SEED)
    words = corpus_words(bot)
    counts = {"answered": 0, "refused": 0, "errors": 0}
    failures: list[str] = []
    started = time.monotonic()
    for i in range(N_QUESTIONS):
        q = question(rng, words)
        try:
            answer = bot.ask(q)
            for c in answer.citations:
                assert c.quote == bot.articles[c.article].text[c.start : c.end], f"quote {c.n} is not verbatim"
            assert answer.answered == bool(answer.citations)
            assert not CONTROL_BUT_NEWLINE.search(to_text(answer))
        except Exception as exc:  # noqa: BLE001 - counted, then reported all together
            counts["errors"] += 1
            if len(failures) < 10:
                failures.append(f"#{i} {q[:120]!r}: {type(exc).__name__}: {exc}")
            continue
        counts["answered" if answer.answered else "refused"] += 1
    elapsed = time.monotonic() - started
    print(
        f"\nfuzz: {N_QUESTIONS} questions in {elapsed:.1f}s: {counts['answered']} answered, {counts['refused']} refused, {counts['errors']} errors"
    )
    assert sum(counts.values()) == N_QUESTIONS
    assert counts["errors"] == 0, "\n".join(failures)
    # the mix is meant to exercise both paths
    assert counts["answered"] > N_QUESTIONS // 20 and counts["refused"] > N_QUESTIONS // 20, counts
