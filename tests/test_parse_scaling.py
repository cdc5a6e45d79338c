"""Parsing time grows linearly: doubling a pathological input at most about doubles the time.

Measured as a ratio of best-of-five times, never against a wall clock: time(2n)/time(n)
is about 2 for a linear parser, 4 for a quadratic one, 8 for a cubic one.
The long version with its table is benchmarks/parse_scaling.py.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rlsbot.corpus import parse_article

MAX_RATIO = 3.0


def _best_seconds(name: str, source: str, repeat: int) -> float:
    # The fastest of five runs: what other work on a shared machine adds is
    # never negative, so the minimum is the measure it disturbs least (as timeit does).
    times = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(repeat):
            parse_article(name, source)
        times.append(time.perf_counter() - t)
    return min(times)


def growth(name: str, make, n: int) -> float:
    """time(2n)/time(n), each the best of 5 runs of enough repeats to take 20 ms (shorter runs are mostly noise)."""
    small, large = make(n), make(2 * n)
    repeat = 1
    while _best_seconds(name, small, repeat) < 0.02 and repeat < 4096:
        repeat *= 2
    return _best_seconds(name, large, repeat) / _best_seconds(name, small, repeat)


# Issue 16's inputs, each at a size where the old regular expressions took
# 4-10 times as long for twice the input.
PATHOLOGICAL = {
    "heading padded with spaces": ("a.md", lambda n: "# a" + " " * n + "b\n", 400),
    "unclosed link brackets": ("a.md", lambda n: "[" * n, 2000),
    "unclosed image brackets": ("a.md", lambda n: "![" * (n // 2), 2000),
    "unclosed strong emphasis": ("a.md", lambda n: "**a " * (n // 4), 2000),
    "unclosed comments": ("a.md", lambda n: "<!--" * (n // 4), 2000),
    "bullet padded with spaces (.md)": ("a.md", lambda n: "- " + " " * n + "\n", 4000),
    "bullet padded with spaces (.txt)": ("a.txt", lambda n: "- " + " " * n + "\n", 4000),
    "front matter without its end": ("a.md", lambda n: "---\n" + "a: b\n" * (n // 5), 4000),
}


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_pathological_input_parses_in_linear_time(case):
    name, make, n = PATHOLOGICAL[case]
    article = parse_article(name, make(n))  # and it parses at all
    assert article.title
    ratio = growth(name, make, n)
    for _ in range(2):  # a busy moment on a shared machine: measure again
        if ratio < MAX_RATIO:
            break
        ratio = growth(name, make, n)
    assert ratio < MAX_RATIO, f"{case}: doubling the input multiplied the time by {ratio:.1f}"


# Pieces that open a construct a backtracking pattern would try to close.
_PIECES = ["[", "![", "](", "**", "__", "*", "_", "`", "<!--", "<a ", "\\", "# ", "- ", "1. ", "> ", "|", " ", "a", "\n", "---", ":"]


@pytest.mark.slow  # about 20 s: each example is timed until its runs are long enough to compare
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    unit=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join),
    prefix=st.sampled_from(["", "# ", "- ", "---\n", "Title\n\n"]),
    suffix=st.sampled_from([".md", ".txt"]),
)
def test_generated_pathological_input_parses_in_linear_time(unit, prefix, suffix):
    n = max(1, 3000 // len(unit))

    def make(k: int) -> str:
        return prefix + unit * k

    ratio = growth("a" + suffix, make, n)
    for _ in range(2):  # a busy moment on a shared machine: measure again
        if ratio < MAX_RATIO:
            break
        ratio = growth("a" + suffix, make, n)
    assert ratio < MAX_RATIO, f"{prefix + unit!r} x n in {suffix}: doubling n multiplied the time by {ratio:.1f}"
