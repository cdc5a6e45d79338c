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
    "A1": (0.86, 0.89, 0.69, 0.87, 0.03, 60),
    "B1": (0.78, 0.86, 0.67, 0.93, 0.03, 60),
    "A3": (0.58, 0.73, 0.59, 1.00, 0.09, 60),
    "B3": (0.68, 0.68, 0.60, 1.00, 0.09, 60),
    "A5": (0.58, 0.65, 0.47, 0.87, 0.07, 60),  # tuned on after its first judged run
    "B5": (0.56, 0.63, 0.46, 0.87, 0.11, 60),  # tuned on after its first judged run
    "A7": (0.56, 0.63, 0.42, 0.81, 0.11, 60),  # tuned on after its first judged run
    "B7": (0.59, 0.61, 0.66, 0.93, 0.18, 60),  # tuned on after its first judged run
    "A2": (0.63, 0.71, 0.64, 0.87, 0.16, 60),  # frozen: never tuned on
    "B2": (0.64, 0.66, 0.53, 0.88, 0.14, 60),  # frozen: never tuned on
    "A4": (0.52, 0.56, 0.48, 0.75, 0.18, 60),  # frozen from the start: never tuned on
    "B4": (0.44, 0.51, 0.41, 0.80, 0.20, 60),  # frozen from the start: never tuned on
    "A6": (0.45, 0.54, 0.48, 0.81, 0.24, 60),  # frozen from the start: written late, never tuned on
    "B6": (0.47, 0.52, 0.42, 0.93, 0.18, 60),  # frozen from the start: written late, never tuned on
    "A8": (0.60, 0.63, 0.53, 0.87, 0.18, 60),  # frozen from the start: written at the end of a round, never tuned on
    "B8": (0.47, 0.56, 0.44, 0.87, 0.20, 60),  # frozen from the start: written at the end of a round, never tuned on
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
