"""How common a word is in English at large, and whether health writing uses it.

Two compact lists shipped with rlsbot, both derived offline (never imported at
run time): ``data/common_en.txt`` from wordfreq (CC BY-SA 4.0) and
``data/health_en.txt`` and ``data/health_terms.txt`` from MedQuAD's NIH answers (CC BY 4.0).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@cache
def _common_english() -> str:
    # One line per tenth of Zipf frequency: "4.3 word word ...". A question
    # looks up a handful of words, so they are found in the text itself
    # rather than by building a 29,000-entry table at every start.
    text = (DATA / "common_en.txt").read_text(encoding="utf-8")
    return text.replace("\n", " \n")


@cache
def common_words(floor: float) -> dict[str, float]:
    """The English words at least this common, with their Zipf frequency."""
    table: dict[str, float] = {}
    for line in _common_english().splitlines():
        if line and not line.startswith("#"):
            value, _, words = line.partition(" ")
            if float(value) < floor:
                break  # the lines go from the most common down
            table.update(dict.fromkeys(words.split(), float(value)))
    return table


@cache
def zipf(word: str) -> float:
    """How common a word is in English at large (Zipf frequency; 0 for rare words and non-words)."""
    if not word or not word.isalpha():
        return 0.0
    text = _common_english()
    at = text.find(f" {word} ")
    while at != -1:
        line = text.rfind("\n", 0, at) + 1
        if not text.startswith("#", line):
            return float(text[line : text.index(" ", line)])
        at = text.find(f" {word} ", at + 1)
    return 0.0


def _word_set(name: str) -> frozenset[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@cache
def _health_english() -> frozenset[str]:
    return _word_set("health_en.txt")


@cache
def _health_terms() -> frozenset[str]:
    return _word_set("health_terms.txt")


def in_health_writing(word: str) -> bool:
    """Does NIH consumer health text use this common word ("driving" yes, "weird" no)?

    rlsbot/data/health_en.txt (derived from MedQuAD); an inflection the list
    lacks ("evenings") counts as its base form.
    """
    words = _health_english()
    return word in words or any(base in words for base in base_forms(word, _INFLECTIONS + (("ly", ""),)))


# Endings an inflected word sheds to find its base form: "calms" -> "calm".
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def base_forms(word: str, endings: tuple[tuple[str, str], ...] = _INFLECTIONS) -> list[str]:
    """The words an inflection may be a form of ("evenings" -> "evening"), for lists that hold base forms only."""
    return [word[: -len(ending)] + base for ending, base in endings if word.endswith(ending) and len(word) > len(ending) + 2]


NAMED_ZIPF = 5.0  # a word as common as "month" or "likely" says nothing of what the articles discuss
VERB_ZIPF = 4.5  # "thinks" is a form of "think", far commoner than it and this common: a verb's, not a topic's
_OF_A_VERB = (("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""))


def nameable(word: str) -> bool:
    """Is a question's word worth naming as what the articles discuss: not everyday English ("month", "likely"), nor a
    form of a commoner verb ("thinks", "wakes")? "coffee", "bedtime" and "nerves" are."""
    own = rarity(word)
    return own < NAMED_ZIPF and not any(rarity(b) >= VERB_ZIPF and rarity(b) >= own + 0.5 for b in base_forms(word, _OF_A_VERB))


def is_number(word: str) -> bool:
    """A number or a decade ("80s", "1980's"): an age or a year, never a topic to name as missing."""
    return word.removesuffix("s").removesuffix("'").removesuffix("’").isdigit()


def rarity(word: str) -> float:
    """How common a word is in English: lower is rarer, and so more telling.

    An inflection the list lacks ("calms") is as common as its base form.
    """
    return zipf(word) or max((zipf(base) for base in base_forms(word)), default=0.0)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
TYPO_ZIPF = 4.0  # a misspelling is read as an English word only this common


def english_spelling(word: str) -> str | None:
    """The common English word one edit away from a word English does not know ("actualy" -> "actually", "giv" -> "give").

    Norvig's single edits, looked up in the shipped word-frequency list: a
    letter put back first, then deletes, swaps and replaces (not of three
    letters); the most common wins.
    """
    if len(word) < 3 or not word.isalpha():
        return None
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    known = common_words(TYPO_ZIPF)
    # A letter left out is the commonest slip ("wich" is "which", though "with" is one letter changed and commoner).
    found = [w for w in {a + c + b for a, b in splits for c in _LETTERS} if w in known]
    if not found and len(word) > 3:  # three letters are too few to read any other edit as meant ("tms" is no "tums")
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        found = [w for w in edits if w in known]
    return max(found, key=lambda w: (known[w], w)) if found else None


# "wind them up", "settles restless legs down", "sorting it out": the verb of a phrasal verb is how the asker talks, not a topic
_PHRASAL = r"(?:\s+(?:it|them|me|him|her|us|things|(?:(?:my|his|her|their|your|the|mum's|dad's)\s+)?(?:restless\s+)?legs?))?\s+(?:up|down|out|off)\b"


def phrasal_verb(word: str, question: str) -> bool:
    """Is the word the verb of a phrasal verb in the question ("wind them up"): everyday English, not a topic?"""
    return re.search(rf"\b{re.escape(word)}{_PHRASAL}", question, re.IGNORECASE) is not None


_SERVICE = (
    r"\b(?:clinics?|specialists?|groups?|doctors?|neurologists?|hospitals?|cent(?:re|er)s?|services?|charit(?:y|ies)|consultants?|experts?)"
)


def named_place(word: str, question: str) -> bool:
    """Is the word where a service is sought ("a specialist clinic in manchester"): a topic the articles lack, however
    common the word is and however seldom health writing uses it?"""
    return re.search(rf"{_SERVICE} (?:in|near|around) {re.escape(word)}\b", question, re.IGNORECASE) is not None


@cache  # a question's misspelt word is read twice: for its asks (respelled) and as a word the articles lack (query)
def as_english(word: str) -> str | None:
    """The English word a typed word stands for: itself when English knows it (or its plural: "wart") or health
    writing uses it ("creatine", not "creative" misspelt), else its spelling one edit away ("actualy" -> "actually"),
    else None."""
    return word if rarity(word) or zipf(word + "s") or word in _health_terms() else english_spelling(word)


def respelled(question: str, known: Container[str]) -> tuple[str, dict[str, str]]:
    """The question with its words English does not know, nor ``known`` (the articles' words), put right when one edit
    from a common English word, and those words: ("ropinerol side effects", {"efects": "effects"}).  Asks are read from
    it; a medicine's name is no English word misspelt."""
    fixes = {
        w: meant
        for w in dict.fromkeys(re.findall(r"[a-z]+", question.lower()))
        if w not in known and (meant := as_english(w)) not in (None, w)
    }
    return (re.sub(r"[A-Za-z]+", lambda m: fixes.get(m[0].lower(), m[0]), question) if fixes else question), fixes
