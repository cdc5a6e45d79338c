"""One kind of answer a question may want (``rlsbot.asks`` holds them all).

Also the shapes of an amount and of a length of time, which the strict asks need.
"""

from __future__ import annotations

from typing import NamedTuple

from rlsbot.patterns import LazyPattern


class Ask(NamedTuple):
    kind: str
    question: LazyPattern  # the question shapes that ask for it
    cue: LazyPattern  # what a sentence that gives it says
    strict: bool  # only a sentence with the cue can answer it
    says: str  # "how much to take", for "the articles do not say how much to take"
    sections: tuple[str, ...] = ()  # section headings that give it ("Causes")
    search: tuple[str, ...] = ()  # words searched for it beside the question's own
    # Asked of the subject alone it makes sense ("what causes it?"); "does it
    # help?" or "is it safe?" need a focus the articles have.
    of_subject: bool = False


AMOUNT = r"\b\d[\d,.]*\s*(?:-|–|to)?\s*\d*[\d,.]*\s*(?:mg|milligrams?|mcg|micrograms?|grams?|g|iu|ml)\b"
# A length of time. One followed by "before" or "after" is a schedule ("take them at
# least 2 hours before you take gabapentin"), not how long something takes or lasts.
TIME = (
    r"\b(?:\d+|one|two|three|four|five|six|ten|few|several|many)\s*(?:-|to)?\s*\d*\s*"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b(?!\s+(?:before|after)\b)|\bwithin (?:a|an|\d+|one|two|a few) (?:days?|weeks?|months?)\b|\blife-?long\b"
)
