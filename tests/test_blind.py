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
    "A1": (0.84, 0.86, 0.65, 0.85, 0.03, 60),
    "B1": (0.73, 0.84, 0.65, 0.90, 0.03, 60),
    "A3": (0.49, 0.66, 0.50, 0.95, 0.10, 60),
    "B3": (0.63, 0.63, 0.53, 0.95, 0.09, 60),
    "A5": (0.58, 0.62, 0.47, 0.85, 0.14, 60),  # tuned on after its first judged run (46%, 52%, 0.44)
    "B5": (0.49, 0.56, 0.47, 0.85, 0.20, 60),  # tuned on after its first judged run (48%, 52%, 0.43)
    "A2": (0.60, 0.66, 0.59, 0.85, 0.18, 60),  # frozen: never tuned on
    "B2": (0.59, 0.61, 0.47, 0.85, 0.14, 60),  # frozen: never tuned on
    "A4": (0.49, 0.56, 0.49, 0.74, 0.20, 60),  # frozen from the start: written last, never tuned on
    "B4": (0.40, 0.48, 0.38, 0.80, 0.24, 60),  # frozen from the start: written last, never tuned on
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
