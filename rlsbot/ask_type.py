"""One kind of answer a question may want (``rlsbot.asks`` holds them all).

Also the shapes of an amount and of a length of time, which the strict asks need, and the
sentence shapes that rank answers to "why", "which" and amounts (``rlsbot.answer``).
"""

from __future__ import annotations

import re
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


# The RLS medicines by name, generic and brand, as askers write them ("could that be the gabapentin?").
_DRUG_NAMES = "gabapentin horizant neurontin ropinirole requip pramipexole mirapex rotigotine neupro pregabalin lyrica".split()
RLS_DRUGS = "(?:" + "|".join(_DRUG_NAMES) + ")"
# What may "make you drowsy": a medicine by name or word, or "they" (look-behinds, so that it stays what the question is about).
MAKERS = "|".join(
    rf"(?<=\b{w} )"
    for w in (
        "they",
        "these",
        "those",
        *_DRUG_NAMES,
        *(f"{m}{s}" for m in ("tablet", "pill", "medicine", "medication", "drug") for s in ("", "s")),
        "meds",
    )
)
AMOUNT = r"\b\d[\d,.]*\s*(?:-|–|to)?\s*\d*[\d,.]*\s*(?:mg|milligrams?|mcg|micrograms?|grams?|g|iu|ml)\b"
# A length of time. One followed by "before" or "after" is a schedule ("take them at
# least 2 hours before you take gabapentin"), not how long something takes or lasts.
TIME = (
    r"\b(?:\d+|one|two|three|four|five|six|ten|few|several|many)\s*(?:-|to)?\s*\d*\s*"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b(?!\s+(?:before|after|of age|old)\b)|\bwithin (?:(?:a|an|\d+|one|two|a few|several) )?(?:days?|weeks?|months?)\b|\blife-?long\b"
)


# "why is it worse in the evening?", "what happens if I stop?": a sentence that gives a reason ("Thus, ...") or what follows
WHY = re.compile(r"\bwhy\b|\bhow come\b|\bwhat (?:happens|will happen|would happen) if\b", re.IGNORECASE)
EXPLAINS = re.compile(
    r"\b(?:because|thus|therefore|so that|due to|as a result|the reason|(?:this|which) is why|may experience|leads? to|for unknown reasons)\b",
    re.I,
)
# "which other illnesses raise the risk?": a sentence that names some ("These include kidney failure, ..."). Also "what does it
# feel like?" (an s-word after "what"), which wants "creeping, crawling, tingling, or burning".
WHICH = re.compile(r"\b(?:which|what)\s+(?:other\s+|kinds?\s+of\s+|sorts?\s+of\s+|types?\s+of\s+)?[a-z]+s\b(?<!\bis)", re.IGNORECASE)
NAMES_SOME = re.compile(r"\binclud(?:e|es|ing)\b|\bsuch as\b|\bfor example\b|:\s*\n|\w+, \w+(?: \w+)?,? (?:and|or) \w+", re.IGNORECASE)
# The asks an amount ("270-350 mg") may answer; to the rest (how common, who gets it, what it is) it is no answer,
# nor to a question that asks nothing in particular unless it names a measure ("what ferritin level should I aim for?")
MEASURED = re.compile(r"\b(?:levels?|amounts?|how (?:much|many|high|low)|numbers?|range|target|aim)\b", re.IGNORECASE)
AMOUNTS_ANSWER = frozenset(
    ("dose", "missed dose", "safety", "side effects", "avoid", "interactions", "timing", "comparison", "effect", "treatment", "foods")
)
# "Some prescription and over-the-counter medicines can cause or worsen RLS symptoms.": what brings it on, no treatment
BRINGS_ON = re.compile(
    r"\b(?:cause|causes|trigger|triggers|worsen|worsens)\b(?:\s+or\s+(?:cause|trigger|worsen)s?\b)?\s+(?:rls|restless|symptoms|it|the)\b",
    re.I,
)
TREATS = re.compile(r"\btreat|\brelie|\bease|\bhelp|\bimprov|\bgo away\b", re.I)
