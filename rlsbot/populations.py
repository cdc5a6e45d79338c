"""Who a question is about when that changes the answer: a child, a teenager, breastfeeding, pregnancy.

"My 6 year old", "while breastfeeding" qualify a question: an answer about
adults does not answer it, and a dose for adults is never a child's dose.
Each population has the question shapes that name it and the cue of a
sentence that speaks of it.  Patterns are compiled when first used, like
the asks' (``rlsbot.patterns.pattern``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from rlsbot.patterns import LazyPattern, pattern


class Population(NamedTuple):
    kind: str
    question: LazyPattern
    cue: LazyPattern  # a sentence about this population names it so
    name: str  # for "the articles do not say ... for children"


# "my son is 6", "she's 9", "aged 8": an age said of someone.
_AGED = (
    r"\b(?:(?:son|daughter|boy|girl|grandson|granddaughter|grandchild|grandkid|child|kid|brother|sister|nephew|niece|he|she)"
    r"(?:\s+is|['\u2019]?s|\s+just\s+turned|\s+turned)|aged?)\s+"
)
# "6yo", "6 years old" are ages; so is "my 6 yrs son". "for 2 yrs now", "on dialysis 2 years" say how long.
_OF_SOMEONE = r"(?:(?<=\bmy )|(?<=\bour )|(?<=\bhis )|(?<=\bher )|(?<=\ba )|(?<=\ban ))"
_SOMEONE = r"(?=\s+(?:son|daughter|boy|girl|kid|child|grandson|granddaughter|nephew|niece)\b)"
_CHILD_AGE = (
    r"\b(?:[1-9]|1[0-2])\s*(?:-|\s)?(?:y/?o|(?:yrs?|years?)[- ]old)\b|\b(?:[1-9]|1[0-2])[- ]year[- ]old\b"
    rf"|{_OF_SOMEONE}(?:[1-9]|1[0-2])\s*(?:-|\s)?(?:yrs?|years?)\b|\b(?:[1-9]|1[0-2])\s*(?:-|\s)?(?:yrs?|years?){_SOMEONE}"
)
# Read only when the question holds a digit: the pattern is long to compile.
_CHILD_AGE_SAID = pattern(
    _AGED + r"(?:[1-9]|1[0-2])\b(?![.,]\d)(?!\s*(?:mg|mcg|g|ml|%|percent|weeks|months|days|feet|foot|ft|stone|kg|lbs?|pounds)\b)"
)
_TEEN_AGE_SAID = pattern(_AGED + r"1[3-7]\b(?![.,]\d)")
POPULATIONS: tuple[Population, ...] = (
    Population(
        "child",
        pattern(
            # "short with the kids", "once the kids are in bed": the household in a story, not whom it is asked for
            r"(?<!\bwith the )(?<!\bat the )(?<!\bonce the )(?<!\bafter the )(?<!\bput the )(?<!\bfeed the )(?<!\bwatch the )"
            # "my kids keep asking why their dad can't sit still": the ones who ask, not whom it is asked for
            r"(?:\bchild(?:ren|hood)?\b|\bkids?\b)(?!\s+(?:keep |kept |always |are always )?(?:ask|asks|asking|asked|want(?:s|ed)? to know)\b)|\bkiddo|\btoddlers?\b|\binfants?\b|(?<!\bthe )(?<!\bfirst )(?<!\bsecond )(?<!\bthird )\bbab(?:y|ies)\b|\bpaediatric|\bpediatric|\bmy (?:little )?(?:boy|girl)\b|"
            + _CHILD_AGE
        ),
        pattern(r"\bchild(?:ren|hood)?\b|\bkids?\b|\bpaediatric|\bpediatric|\binfants?\b|\btoddlers?\b"),
        "children",
    ),
    Population(
        "teen",
        pattern(
            r"\bteens?\b|\bteenagers?\b|\badolescents?\b|\b1[3-9][- ]?(?:y/?o|(?:yrs?|years?)[- ]old)\b"
            rf"|{_OF_SOMEONE}1[3-9][- ]?(?:yrs?|years?)\b|\b1[3-9][- ]?(?:yrs?|years?){_SOMEONE}"
        ),
        pattern(r"\bteens?\b|\bteenagers?\b|\badolescen|\bchild(?:ren|hood)?\b"),
        "teenagers",
    ),
    Population(
        "breastfeeding",
        pattern(r"\bbreast-?\s?feed|\bbreastfed\b|\bnursing\b(?!\s+homes?\b)|\blactat"),
        pattern(r"\bbreast-?\s?feed|\bnursing\b(?!\s+homes?\b)|\blactat"),
        "breastfeeding",
    ),
    Population(
        "pregnancy",
        pattern(
            r"\bpregnan|\bexpecting\b|\b\d+\s*(?:wks|weeks) (?:pregnant|along)|\b(?:i'?m|i am|she'?s|she is|we'?re|now) \d+\s*(?:wks|weeks)\b|\btrimester|\bthe baby\b|\b(?:first|second|third) baby\b|\bgiving birth\b|\bgave birth\b"
        ),
        pattern(r"\bpregnan|\btrimester|\bgiving birth\b"),
        "pregnancy",
    ),
)


def populations_of(question: str) -> list[Population]:
    """The populations a question is about ("my 6 year old": child; "30 wks pregnant": pregnancy)."""
    # A teenager is not a small child: "my 15 year old" is asked about as a teen.
    kinds = {p.kind for p in POPULATIONS if p.question.search(question)}
    if any(ch.isdigit() for ch in question):
        if _TEEN_AGE_SAID.search(question):
            kinds.add("teen")  # "my son is 15"
        elif _CHILD_AGE_SAID.search(question):
            kinds.add("child")  # "my son is 6", "she's 9"
    return [p for p in POPULATIONS if p.kind in settled(kinds, question)]


def settled(kinds: Iterable[str], question: str) -> tuple[str, ...]:
    """Who a question is about, once its clues agree: "34 wks pregnant ... once baby's here?" asks of pregnancy, not a child."""
    kinds = tuple(dict.fromkeys(kinds))
    if "pregnancy" in kinds and not re.search(r"\bchild|\bkids?\b|\btoddler", question, re.I):
        kinds = tuple(k for k in kinds if k != "child")  # "after the baby comes" is about the mother
    if "teen" in kinds and not re.search(r"\bchild|\bkids?\b", question, re.I):
        kinds = tuple(k for k in kinds if k != "child")
    return kinds
