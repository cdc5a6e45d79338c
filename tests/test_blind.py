"""The blind question sets, judged blind: rlsbot must not answer strangers worse than this.

A quote no judge has seen counts as not answering, so a change that quotes
new sentences fails here until they are judged (``tests/blind/evaluate.py
--worklist``) — a reminder, not a loophole.
"""

from __future__ import annotations

import pytest

from tests.blind import evaluate as blind

# set: (quote [1] answers, some quote answers, quote precision, correct refusals, wrong refusals at most, mean quoted words at most)
FLOORS = {
    "A1": (0.95, 0.95, 0.80, 0.87, 0.00, 60),
    "B1": (0.89, 0.93, 0.74, 0.93, 0.00, 60),
    "A3": (0.69, 0.82, 0.63, 1.00, 0.03, 60),
    "B3": (0.87, 0.87, 0.72, 1.00, 0.03, 60),
    "A5": (0.71, 0.73, 0.61, 0.87, 0.07, 60),  # tuned on after its first judged run
    "B5": (0.80, 0.80, 0.60, 0.87, 0.05, 60),  # tuned on after its first judged run
    "A7": (0.69, 0.76, 0.49, 0.81, 0.05, 60),  # tuned on after its first judged run
    "B7": (0.74, 0.76, 0.71, 0.93, 0.11, 60),  # tuned on after its first judged run
    "A9": (
        0.78,
        0.80,
        0.69,
        0.93,
        0.07,
        60,
    ),  # tuned on: written in the 2026-11-26 round by helpers who saw only the articles and the users
    "B9": (
        0.71,
        0.76,
        0.59,
        0.87,
        0.09,
        60,
    ),  # tuned on: written in the 2026-11-26 round by helpers who saw only the articles and the users
    "A2": (0.71, 0.76, 0.70, 0.87, 0.14, 60),  # frozen: never tuned on
    "B2": (0.66, 0.68, 0.54, 0.88, 0.12, 60),  # frozen: never tuned on
    "A4": (0.63, 0.67, 0.57, 0.75, 0.16, 60),  # frozen from the start: never tuned on
    "B4": (0.57, 0.61, 0.49, 0.80, 0.15, 60),  # frozen from the start: never tuned on
    "A6": (0.56, 0.65, 0.58, 0.81, 0.20, 60),  # frozen from the start: written late, never tuned on
    "B6": (0.60, 0.63, 0.47, 0.93, 0.14, 60),  # frozen from the start: written late, never tuned on
    "A8": (0.71, 0.73, 0.64, 0.87, 0.16, 60),  # frozen from the start: written at the end of a round, never tuned on
    "B8": (0.58, 0.65, 0.51, 0.87, 0.18, 60),  # frozen from the start: written at the end of a round, never tuned on
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_rates(name):
    results = blind.run_set(name)
    s = blind.score(name, results, blind.load_judgements(name))
    q1, some, precision, refused, wrongly, words = FLOORS[name]
    print(blind.table([s]))
    assert s["q1 answers"] >= q1 * s["covered"]
    assert s["some answers"] >= some * s["covered"]
    assert (s["precision"] or 0) * (s["quotes"] - s["unjudged"]) >= precision * s["quotes"]
    assert s["correct refusals"] >= refused * s["uncovered"]
    assert s["wrong refusals"] <= wrongly * s["covered"]
    assert s["mean words"] <= words
