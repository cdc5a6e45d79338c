"""Typo repair (rlsbot.typos): rapidfuzz's distances, capitals repaired, acronyms kept (issue 14)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rlsbot.bot import Bot
from rlsbot.typos import Dictionary, acronyms, osa_distance

ARTICLES = {
    "penicillin.md": "# Penicillin\n\nPenicillin allergy causes a rash in some people.\n\nAdd a note of the allergy to your records.\n",
    "rls.md": "# RLS\n\nRLS and ADHD often come together. IV iron helps some people with RLS.\n",
}


def reference_osa(a: str, b: str) -> int:
    """Optimal string alignment distance, written out (the hand-written code rapidfuzz replaced)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@given(st.text("abcde", max_size=9), st.text("abcde", max_size=9), st.integers(0, 3))
def test_distance_is_the_optimal_string_alignment_capped(a, b, limit):
    assert osa_distance(a, b, limit) == min(reference_osa(a, b), limit + 1)


def test_nearest_then_most_frequent_word_wins():
    d = Dictionary(["magnesium", "magnesia", "manganese"])
    assert d.correct("magneisum", {}) == "magnesium"  # a swap: one edit
    assert Dictionary(["restless", "restlest"]).correct("restles", {"restlest": 1, "restless": 9}) == "restless"
    assert d.correct("zzzzzzz", {}) is None


def test_words_in_capitals_are_repaired_but_acronyms_are_kept(corpus):
    bot = Bot.load(corpus, cache=False)
    for question in ("PENICILLAN allergy", "Penicilan allergy", "penicilln allergy"):
        words = {w.word: w for w in bot.query(question).words}
        assert words["penicillan" if "A" in question else question.split()[0].lower()].corrected == "penicillin"
        assert any("Penicillin allergy" in c.quote for c in bot.ask(question).citations)
    words = {w.word: w for w in bot.query("ADHD RLS IV PLMD ADDS").words}
    assert {w: words[w].corrected for w in ("adhd", "rls", "iv", "plmd", "adds")} == dict.fromkeys(
        ("adhd", "rls", "iv", "plmd", "adds"), ""
    )
    assert words["adhd"].found and words["rls"].found and words["iv"].found


def test_which_capital_words_count_as_acronyms():
    assert acronyms("ADHD, RLS, IV, B12 and PLMD but not PENICILLAN or Iron") == {"adhd", "rls", "iv", "b12", "plmd"}
