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
    "A1": (0.93, 0.93, 0.79, 0.87, 0.03, 60),
    "B1": (0.84, 0.91, 0.71, 0.93, 0.00, 60),
    "A3": (0.67, 0.78, 0.60, 1.00, 0.05, 60),
    "B3": (0.76, 0.76, 0.65, 1.00, 0.05, 60),
    "A5": (0.67, 0.73, 0.59, 0.87, 0.07, 60),  # tuned on after its first judged run
    "B5": (0.69, 0.73, 0.54, 0.87, 0.05, 60),  # tuned on after its first judged run
    "A7": (0.65, 0.71, 0.47, 0.81, 0.07, 60),  # tuned on after its first judged run
    "B7": (0.72, 0.74, 0.73, 0.93, 0.13, 60),  # tuned on after its first judged run
    "A2": (0.73, 0.78, 0.72, 0.87, 0.14, 60),  # frozen: never tuned on
    "B2": (0.64, 0.66, 0.53, 0.88, 0.14, 60),  # frozen: never tuned on
    "A4": (0.56, 0.60, 0.55, 0.75, 0.18, 60),  # frozen from the start: never tuned on
    "B4": (0.51, 0.59, 0.46, 0.80, 0.15, 60),  # frozen from the start: never tuned on
    "A6": (0.47, 0.58, 0.52, 0.81, 0.22, 60),  # frozen from the start: written late, never tuned on
    "B6": (0.56, 0.60, 0.47, 0.93, 0.16, 60),  # frozen from the start: written late, never tuned on
    "A8": (0.67, 0.71, 0.60, 0.87, 0.16, 60),  # frozen from the start: written at the end of a round, never tuned on
    "B8": (0.52, 0.60, 0.46, 0.87, 0.20, 60),  # frozen from the start: written at the end of a round, never tuned on
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
