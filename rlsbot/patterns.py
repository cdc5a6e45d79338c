"""Question patterns compiled on first use, and the strings that tell when one cannot match.

The asks (``rlsbot.asks``), populations and leaning rules are several hundred
patterns; a question needs a handful of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


class LazyPattern:
    """A pattern compiled when first used (compiling all at import cost a cached `rlsbot ask` ~25 ms).

    One with *triggers* (``data/ask_triggers.json``: strings one of which every
    match holds) is not even compiled for ASCII text that holds none of them:
    compiling every question pattern to find that out cost another ~20 ms.
    """

    __slots__ = ("source", "_compiled", "_triggers")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None
        self._triggers: tuple[str, ...] | None | bool = False  # False: not looked up yet

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled

    def cannot_match(self, text: str) -> bool:
        """True only when no match is possible: ASCII text (where ignoring case is
        lower-casing; the Kelvin sign folds onto k) that holds none of the triggers."""
        if self._triggers is False:
            self._triggers = _triggers().get(self.source)
        if not self._triggers or not text.isascii():
            return False
        lowered = text.lower()
        return not any(t in lowered for t in self._triggers)

    def search(self, text: str, *args) -> re.Match[str] | None:
        if not args and self.cannot_match(text):
            return None
        return self._get().search(text, *args)

    def match(self, text: str, *args) -> re.Match[str] | None:
        return self._get().match(text, *args)

    def finditer(self, text: str):
        if self.cannot_match(text):
            return iter(())
        return self._get().finditer(text)

    def findall(self, text: str) -> list:
        if self.cannot_match(text):
            return []
        return self._get().findall(text)


@cache
def _triggers() -> dict[str, tuple[str, ...]]:
    # Written by tests/ask_triggers.py from the patterns, keyed by exact source:
    # a pattern edited since has no entry, so it is always searched.
    import json

    found = json.loads((DATA / "ask_triggers.json").read_text(encoding="utf-8"))
    return {source: tuple(strings) for source, strings in found.items()}


def pattern(source: str) -> LazyPattern:
    """A question pattern, compiled (and its triggers looked up) on first use."""
    return LazyPattern(source)


def matched_words(patterns: Iterable[re.Pattern[str] | LazyPattern], question: str, words: Callable[[str], list[str]]) -> set[str]:
    """The words (as ``words`` splits them) of a question that a match of any of the patterns touches ("caus" -> "causes")."""
    found: set[str] = set()
    for each in patterns:
        for m in each.finditer(question):
            start, end = m.start(), m.end()
            if start == end:
                continue
            # Out to whole words, but only from a match that stops inside one:
            # "forgot my " does not make the next word ("horizant") the ask's.
            while question[start].isalnum() and start > 0 and question[start - 1].isalnum():
                start -= 1
            while question[end - 1].isalnum() and end < len(question) and question[end].isalnum():
                end += 1
            found.update(words(question[start:end]))
    return found
