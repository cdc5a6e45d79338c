"""Derive and write rlsbot/data/ask_triggers.json: for each question pattern of
rlsbot.asks, strings one of which every match holds (lower-cased).

The derivation reads the pattern's parse tree (the ``re`` module's own
parser): a run of literal characters is in every match of the sequence that
holds it; a group, an alternation (when each branch has a requirement) and a
repeat of at least once pass their requirement up; lookarounds, classes and
optional parts require nothing.  Of a sequence's requirements the one whose
shortest string is longest is kept.  A pattern with no requirement gets no
entry and is always searched.

    python tests/ask_triggers.py      # rewrite the file after changing a question pattern
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from re import _constants as sre
from re import _parser as sre_parse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rlsbot.asks import ASKS, DATA  # noqa: E402
from rlsbot.populations import POPULATIONS  # noqa: E402

PATH = DATA / "ask_triggers.json"


def required(sequence) -> set[str] | None:
    """Lower-case strings one of which every match of the parsed ``sequence`` holds; None when unknown."""
    found: list[set[str]] = []
    run = ""
    for op, av in list(sequence) + [(None, None)]:  # the sentinel ends the last run
        if op is sre.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if run:
            found.append({run})
            run = ""
        if op is sre.SUBPATTERN:
            inner = required(av[-1])
        elif op is sre.BRANCH:
            branches = [required(b) for b in av[1]]
            inner = set().union(*branches) if all(branches) else None
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = required(av[2])
        else:
            inner = None
        if inner:
            found.append(inner)
    if not found:
        return None
    return max(found, key=lambda strings: (min(map(len, strings)), -len(strings)))


def triggers(source: str) -> list[str] | None:
    """The requirement of a pattern compiled with re.IGNORECASE, without strings that hold another."""
    strings = required(sre_parse.parse(source, re.IGNORECASE))
    if not strings:
        return None
    return sorted(s for s in strings if not any(o != s and o in s for o in strings))


def derived() -> dict[str, list[str]]:
    """Every question pattern's triggers, keyed by its source."""
    out = {}
    for pattern in [a.question for a in ASKS] + [p.question for p in POPULATIONS]:
        found = triggers(pattern.source)
        if found:
            out[pattern.source] = found
    return out


if __name__ == "__main__":
    PATH.write_text(json.dumps(derived(), indent=1, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"wrote {PATH}")
