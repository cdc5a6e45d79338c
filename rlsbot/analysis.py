"""The one analyzer: the same tokens, stopwords and stems at index and query time.

nltk is imported only when a word has to be stemmed that the index has not
seen, so answering from a cached index usually never loads it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from rlsbot.phrases import PHRASES

# Bump whenever tokens, stems, stopwords, sentence splitting or passage
# building change: the on-disk index is keyed by it.
ANALYZER_VERSION = "rlsbot-analyzer-6"

# Words, numbers and word-internal apostrophes ("isn't"); "B6" stays one token.
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
MAX_TOKEN_CHARS = 40
DATA = Path(__file__).parent / "data"


def _data_lines(name: str) -> list[str]:
    """A data file's lines in file order, blank lines and comments left out."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _data_words(name: str) -> frozenset[str]:
    return frozenset(_data_lines(name))


@cache
def stopwords() -> frozenset[str]:
    return _data_words("stopwords.txt")


@cache
def fillers() -> frozenset[str]:
    return _data_words("filler.txt")


@cache
def subject_words() -> frozenset[str]:
    return _data_words("subject.txt")


@cache
def people_words() -> frozenset[str]:
    """Who a question is about ("my mum", "our GP"): never what it is about."""
    return frozenset(w for line in _data_words("people.txt") for w in line.split())


@cache
def lay_words() -> dict[str, tuple[str, ...]]:
    """Everyday word -> the article words it stands for ("meds" -> medicines, medications)."""
    # Read in file order: a set's order changes with each process's string hashing.
    lay: dict[str, tuple[str, ...]] = {}
    for line in _data_lines("lay.txt") + _data_lines("medicines.txt"):
        word, *meanings = line.split()
        lay[word] = tuple(dict.fromkeys((*lay.get(word, ()), *meanings)))  # a word listed twice keeps both lines' meanings
    return lay


@cache
def medicine_names() -> frozenset[str]:
    """Medicines by their own names (data/medicines.txt): read as their kind only where the articles lack the name."""
    return frozenset(line.split()[0] for line in _data_lines("medicines.txt"))


FORM_WEIGHT = 0.95  # another form of the same word ("pregnant" for "pregnancy")
RELATED_WEIGHT = 0.6  # a related everyday word ("drip" for "IV")


@cache
def synonym_groups() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> the other words of its groups, each with its weight, in file order."""
    text = (DATA / "synonyms.txt").read_text(encoding="utf-8")
    groups: dict[str, dict[str, float]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words = line.split()
        weight = RELATED_WEIGHT
        if words[0] == "=":
            words, weight = words[1:], FORM_WEIGHT
        for word in words:
            others = groups.setdefault(word, {})
            for other in words:
                if other != word:
                    others[other] = max(others.get(other, 0.0), weight)
    return {word: tuple(others.items()) for word, others in groups.items()}


def normalize(text: str) -> str:
    """Case-fold and unify compatibility forms and apostrophes."""
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()


def words(text: str) -> list[str]:
    """Normalized word tokens, possessive 's dropped, overlong tokens cut."""
    text = normalize(text)
    out = _WORD.findall(text)  # every word at once: this runs over whole corpora
    if "'s" in text:
        out = [w[:-2] if w.endswith("'s") else w for w in out]
    if out and max(map(len, out)) > MAX_TOKEN_CHARS:
        out = [w[:MAX_TOKEN_CHARS] for w in out]
    return out


@cache
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


# Every stem computed in this process, and those an index cache brought with
# it (learn_stems): a word stemmed once is never stemmed again, and a question
# about words the corpus has needs no nltk at all.
_STEMS: dict[str, str] = {}

# Snowball conflates these with words of another meaning: "effective" and
# "effect" both become "effect", so "is magnesium effective?" would quote
# side effects.
_STEM_EXCEPTIONS = {
    "effective": "effectiv",
    "effectively": "effectiv",
    "effectiveness": "effectiv",
    "ineffective": "ineffectiv",
}


def stem(word: str) -> str:
    """Snowball (Porter2) stem of a normalized word; digits stay as they are."""
    found = _STEMS.get(word)
    if found is None:
        found = _STEM_EXCEPTIONS.get(word) or (word if not word.isalpha() or len(word) <= 2 else _stemmer().stem(word))
        _STEMS[word] = found
    return found


def learn_stems(words: list[str], stems: list[str]) -> None:
    """Remember stems computed earlier (by the same analyzer version)."""
    _STEMS.update(zip(words, stems, strict=True))


def is_stopword(word: str) -> bool:
    return word in stopwords() or (len(word) == 1 and not word.isdigit())


def content_words(text: str) -> list[str]:
    """``words`` less the stopwords, in order."""
    stop = stopwords()
    # is_stopword's rule, inlined: this runs over every sentence an answer weighs
    return [w for w in words(text) if w not in stop and (len(w) != 1 or w.isdigit())]


def index_terms(text: str) -> list[str]:
    """What a passage is indexed as: stems of its non-stopwords, in order."""
    return [stem(w) for w in content_words(text)]


def is_contraction(word: str) -> bool:
    """A stopword run into another ("that'll", "should've", "wasn't", "hasnt"): says nothing."""
    head, _, tail = word.partition("'")
    return bool(tail) and head in stopwords() or word.endswith("nt") and word[:-2] + "n't" in stopwords()


# A sentence ends at . ? or ! before a space, but not after a lone letter
# ("e.g.", "J. Smith"): a question's story needs no Punkt, and a split too
# many only moves a few words into the story around the question.
# A colon ends a sentence too: "I don't trust the internet, so I'll ask straight: can it be cured?"
_SENTENCE_END = re.compile(r"(?<=[?!:])\s+|(?<=[^\W_]{2}\.)\s+|(?<=\d\.)\s+|(?<=\bhere)\s*[-–—]+\s+")  # "Nurse here - how..."


@cache
def _asks() -> re.Pattern[str]:
    return re.compile(
        r"^\W*(?:(?:ok|okay|so|well|and|but|hi|hey|hello|hiya|please|pls|also|just|honestly|basically|quick question|question)\W+)*"
        r"(?:what|what's|whats|how|why|when|where|which|who|is|are|can|could|does|do|did|should|will|would|has|have|any)\b",
        re.IGNORECASE,
    )


_HEAD_WORDS = 4
_TELLS = re.compile(
    r"^\W*(?:for|about|re|hi|hey|hello|ok|okay|so|question|quick question)\b|\b(?:i|my|me|we|our|us|his|her|he|she|they|their)\b",
    re.IGNORECASE,
)


def split_story(question: str) -> tuple[str, str]:
    """A question told as a story: (the sentences around it, the sentences that ask).

    "I'm on dialysis. My legs jump all evening. Will a transplant help?" asks
    in its last sentence; the others say who asks and why.  The asking part
    is every sentence ending in "?" or shaped as a question, or else the last;
    a question of one sentence has no story: ("", question).
    """
    parts = [p.strip() for p in _SENTENCE_END.split(question.strip()) if p.strip()]
    # "Horizant: timing and food requirements?": a short head before a colon names the topic, it tells no story.
    # ("For my biology project:" says why it is asked.)
    while len(parts) > 1 and parts[0].endswith(":") and len(parts[0].split()) <= _HEAD_WORDS and not _TELLS.search(parts[0]):
        parts[:2] = [parts[0] + " " + parts[1]]
    if len(parts) < 2:
        return "", question
    # People leave off question marks ("...too?? is it passed down", "so what
    # IS it actually, in normal words. doc said it like i should know").
    asking = [p for p in parts if p.endswith("?") or _asks().match(p)] or parts[-1:]
    if len(asking) == len(parts):
        return "", question
    return " ".join(p for p in parts if p not in asking), " ".join(asking)


# "my blood pressure pill is a calcium channel blocker. can i still take magnesium?": whether it goes with the medicine told of
_STILL_TAKE = re.compile(
    r"\b(?:can|could|should|may) (?:i|she|he|we|they) (?:still|keep|carry on|continue(?: to)?|also) (?:tak|hav|us)(?:e|ing)\b", re.I
)
_MEDICINE_TOLD = re.compile(
    r"\b(?:pills?|tablets?|meds|medicines?|medications?|antibiotics?|blockers?|drugs?|prescriptions?|diuretics?|inhibitors?|thinners?)\b",
    re.I,
)


def with_medicine_told(story: str, asking: str) -> bool:
    """Does the asking sentence ask whether to go on taking something, beside a medicine the story tells of?"""
    return bool(_STILL_TAKE.search(asking)) and (bool(_MEDICINE_TOLD.search(story)) or not medicine_names().isdisjoint(words(story)))


def told_before_asking(question: str, asking: Callable[[str], re.Match[str] | None], found: list[str]) -> bool:
    """Are these words all in the clauses before where the question asks? ("my kids both fidget at night, can children get RLS?")"""
    at = asking(question)
    cut = question.rfind(",", 0, at.start()) if at else -1
    return cut > 0 and all(re.search(rf"\b{re.escape(w)}\b", question[:cut], re.IGNORECASE) for w in found)


# An asking sentence that points at the story before it: "...Is that connected to restless legs?", "...when do I take it?"
_POINTS_BACK = re.compile(
    r"\b(?:that|this|these|those|both|the two|the 2|they)\b(?:\s+\w+){0,3}?\s+(?:linked|connected|related|causing|behind|to blame|the cause|the reason)\b"
    r"|\b(?:take|taking|stop|stopping|give|giving|crush|cut|split)\s+(?:it|them)\b|\bsame thing as\b|\b(?:be |been )?doing (?:this|that)\b"
    # "...Could the medicine be behind it?", "could it be that pill doing it", "...Does that work?": the story is "it"
    r"|\b(?:could|can|might|would) (?:the|that|this|his|her|my|these|those|either|any|any of the|either of the) (?:\w+ )?(?:medicines?|medications?|meds|tablets?|pills?|drugs?) be\s+(?:behind|causing|doing|to blame for)\s+(?:it|this|that|these)\b"
    # "...Could either med be contributing?", "...could any of them be making his restless legs worse?"
    r"|\b(?:could|can|might|would) (?:either|any|one|some|both) (?:of (?:them|these|those|the \w+) |(?:\w+ )?(?:meds?|medicines?|medications?|tablets?|pills?|drugs?) )be (?:contributing|making|causing|behind|to blame)\b"
    r"|\b(?:could|can|might|would) (?:any|either|one|some|both) of (?:these|those|them|the \w+) be\b"  # "... could any of these be setting my legs off?"
    r"|\bpill doing it\b|\b(?:does|do|would|will|could|can) (?:that|this|those|these|it) (?:really |actually )?(?:work|help)\b(?! (?:to|if)\b)"
    # "...my iron is low. could that be why my legs go crazy?", "...just started dialysis. will that sort out his legs?"
    r"|\b(?:could|can|might|would|is) (?:that|this) (?:be )?(?:why|the reason)\b"
    r"|\b(?:will|would|could|does|can|did) (?:that|this) (?:really |actually |also )?(?:sort|fix|cure|clear|settle|ease|improve)\b"
    r"|\b(?:will|would|could|does|can|did) (?:that|this|it) (?:really |actually |also )?do (?:anything|something|much)\b"
    # "...takes an antihistamine for hay fever. could that make her restless legs worse?"
    # "...a script for ropinirole. is that actually an approved med for restless legs?"
    r"|\b(?:is|are) (?:that|this|they|these) (?:really |actually |even )?(?:an? |the )?(?:approved|proper|real|licensed|recogni[sz]ed|usual|standard|normal) (?:\w+ )?(?:meds?|medicines?|medications?|drugs?|treatments?|tablets?|pills?)\b"
    # "...still taking anti-sickness pills. could they be making the restless legs worse", "could that be winding my legs up?"
    r"|\b(?:could|can|might|would|will|does|do|did) (?:that|this|those|these|they) (?:really |actually |also )?(?:make|be making|have made|be winding)\b"
    # "...says the studies on magnesium are rubbish. how good is the evidence actually?": the evidence for what the story named
    r"|\b(?:how (?:good|strong|solid|reliable|convincing)|what) (?:is|are) the (?:evidence|research|proof|science|studies)\b"
    r"|\bwhat do(?:es)? the (?:evidence|research|studies|science) (?:really |actually )?(?:say|show)\b",
    re.IGNORECASE,
)


# How someone put a feeling, in their own words: "says her legs feel 'fizzy'", "calls it 'the jitters'"
_QUOTED_WORDS = re.compile(
    r"\b(?:feels?|felt|feeling|says?|said|calls?|called|describes?|described)\s+(?:\w+\s+){0,2}?['‘\"“]([\w\s-]{1,40}?)['’\"”](?!\w)"
)


def said_in_quotes(word: str, question: str) -> bool:
    """Is the word one someone was quoted using ("says her legs feel 'fizzy'"): their words, not a topic?"""
    return any(word in words(m.group(1)) for m in _QUOTED_WORDS.finditer(question))


def points_back(asking: str) -> bool:
    """Does an asking sentence point at the story told before it ("Is that ...?", "... take it?")?"""
    return _POINTS_BACK.search(asking) is not None


# Ways of asking that name nothing: "in plain words", "be honest".
_FILLER_WORDS = tuple(
    "words terms english language honest real good what nah not true false fiction normal just two nuts crazy mad haywire away hype stuff nonsense rubbish marketing gimmick fad scam woo snake myth opinion guesswork wishful couple carry carries carrying ignored overlooked shelf week month year hour hr weekend".split()
)


@cache
def _filler_phrases() -> re.Pattern[str]:
    return re.compile(
        r"\bin (?:plain|simple|normal|layman['’]?s?|everyday|basic) (?:words|terms|english|language)\b|\bbe honest(?: with me)?\b"
        r"|\bfor (?:real|good)\b|\bor (?:what|nah|not)\b|\btrue or false\b|\bfact or fiction\b|(?:(?<=\bit )|(?<=\bthem ))(?:straight|right) away\b|\b(?:a )?couple of\b|\bjust a couple\b"
        # "legs carry on like this": how they behave, nothing to look for
        r"|\bcarr(?:y|ies|ying) on\b|\boff the (?:\w+ )?shelf\b"
        # "12 hr flight next month": when and how long, not a thing to look for
        r"|\b(?:next|last|this|coming) (?:week|month|year|weekend)\b|\b\d+[- ]?(?:hr|hrs|hour|hours)(?= (?:flight|drive|trip|journey|shift|ride|coach|train))"
        # "so my legs dont go nuts on the plane": how it feels, not a thing to look for
        r"|\b(?:go|goes|going|gone|went|drive me|driving me|drives me) (?:nuts|crazy|mad|haywire|bananas|wild)\b"
        # "could the two be linked?": the story's two things, no number to look for
        r"|\bthe two(?: things)?\b(?= (?:be|are|is|of them)\b)"
        # "...now got the runs. normal??", "is it normal for it to come and go?": asking, not naming
        r"|\b(?:is (?:that|this|it|all this|this all) )?(?:normal|usual)\b(?=\s*(?:\?|$|for\b|to\b|thing\b))"
        # "...or is it just internet hype?", "...or just wellness-influencer stuff": a dismissal, not a topic
        r"|\bor (?:is it |it['’]?s |its |is that |are they )?(?:(?:just|only|all) )?(?:a |an |some )?(?:[\w'’-]+ ){0,2}(?:hype|stuff|nonsense|rubbish|marketing|gimmicks?|fads?|scams?|woo|snake oil|myths?|ignored|overlooked|opinion|guesswork|wishful thinking)\b",
        re.IGNORECASE,
    )


# "Mg supplementation": the chemical symbol, not milligrams ("400 mg", "400mg").
_MAGNESIUM_SYMBOL = re.compile(r"(?<![\d.,])(?<![\d.,]\s)\bMg\b")


_MANAGEMENT = re.compile(r"\bmgmt\b", re.IGNORECASE)
# "P.A.D." or "PAD" in capitals: peripheral artery disease, not a heating pad.
_PAD = re.compile(r"\bP\.A\.D\.?(?!\w)|\bPAD\b")


# "does that mean ill get it too": "I'll" typed without its apostrophe, not "ill" (unwell).
_I_WILL = re.compile(r"\bill\b(?=\s+(?:get|have|be|need|end up|pass|give|take|ever|still|probably|definitely)\b)", re.IGNORECASE)


def spelled_out(question: str) -> str:
    """A question with a chemical symbol or a clinician's shorthand written as its word: "Mg supplementation" is
    magnesium, "part of mgmt" is management (what it asks: a treatment); "ill get it" is "I will get it"; "P.A.D." is a disease."""
    question = _MANAGEMENT.sub("management", question) if "mgmt" in question.lower() else question
    question = _I_WILL.sub("i will", question) if "ill" in question.lower() else question
    question = _PAD.sub("peripheral artery disease", question) if "P" in question else question
    return _MAGNESIUM_SYMBOL.sub("magnesium", question) if "Mg" in question else question


def without_filler_phrases(question: str) -> str:
    """A question less the ways of asking that name nothing ("in plain words", "or nah"), two-word names joined."""
    lowered = question.lower()
    for phrase, word, unless in PHRASES:
        if phrase in lowered:
            question = re.sub(rf"\b{phrase}\b{unless}", word, question, flags=re.IGNORECASE)
    return _filler_phrases().sub(" ", question) if any(w in lowered for w in _FILLER_WORDS) else question
