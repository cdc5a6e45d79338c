"""Follow-up questions; how a conversation is serialised (rlsbot.store keeps them).

Follow-ups are resolved with historical query expansion (HQE; Lin et al.,
"Query Reformulation using Query History for Passage Retrieval in
Conversational Search", 2020, one of the TREC CAsT baselines), reduced to
what a few articles need and without any language model:

* a turn is a *follow-up* when it leans on what came before: it uses a
  pronoun ("is it safe?"), starts with "and" / "what about" / "how about",
  or is short and names none of the shared subject words ("side effects?");
* a follow-up is searched with its own words plus the words of the turns
  before it, those at a lower weight that decays with every turn (HQE's
  session keywords), so an old topic fades instead of piling up;
* any other turn is a new topic: the context starts again from it.

The query that was actually searched is on every Answer (``answer.query``).
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass

from rlsbot.analysis import people_words, words
from rlsbot.answer import Answer, Citation
from rlsbot.asks import ask
from rlsbot.english import rarity
from rlsbot.query import ASK, FOCUS_ZIPF, INTENT, SPECIFIC, SUBJECT, WEIGHTS, Query, QueryWord, is_generic

CARRY = 0.7  # weight of the previous turn's words in a follow-up
MIN_CARRIED_WEIGHT = 0.3  # words that decay below this are dropped
SHORT_QUESTION = 3  # content words; a question this short leans on context

_FOLLOW_START = re.compile(r"^\s*(?:and|also|but|so|then|what about|how about|what of|and what about|plus)\b", re.I)
# "why?", "how come?" after an answer: why that is so, of what was asked (not what causes RLS).
_BARE_WHY = re.compile(
    r"^\W*(?:but |and |so )?(?:why|how come)(?: (?:is|does|would|do) (?:that|it|this)(?: happen| so)?)?(?: though| then| exactly)?\W*$",
    re.I,
)
_INSTEAD = re.compile(r"^\s*(?:and\s+)?(?:what|how) about\b", re.I)
# "what about for my husband who has kidney trouble?": the same question for someone else, the new words who they are.
_FOR_SOMEONE = re.compile(
    r"^\s*(?:and\s+)?(?:what|how) about (?:for )?(?:my|your|his|her|our|a|an|someone|somebody|anyone|people|those|the)\s+(?:\w+\s+){0,2}(?:who|with|that)\b",
    re.I,
)
# Words that point back to something said before ("is it safe?"): a turn using one leans on the turns before it.
POINTING_WORDS = frozenset(
    {"it", "its", "it's", "they", "them", "their", "theirs", "this", "that", "these", "those", "one", "ones", "he", "she", "her", "him"}
)
# "my mum has rls, can she drink coffee?": someone new pointed at, not the topic; her new focus replaces the last one.
PERSON_WORDS = frozenset({"he", "she", "her", "him"})
# Of the words for people, those that name no one new: pronouns, the asker, the doctor.
_NOT_SOMEONE = frozenset(
    "i me my mine myself we us our you your yourself he him his she her hers they them their someone somebody "
    "doc docs doctor doctors gp gps physician physicians nurse nurses pharmacist pharmacists patient patients pt pts family".split()
)
# "is it ok to take magnesium ...?": an "it" that stands for what follows, not for anything said before.
_DUMMY_IT = re.compile(
    r"\b(?:is|was|would|will) it (?:\w+ )?(?:ok|okay|alright|fine|safe|possible|true|normal|worth|bad|good|wise) (?:to|that|if)\b", re.I
)
# "does walking help or make it worse?": "it" is the condition, not what the turn before asked about; who it was about carries.
_THE_CONDITION = re.compile(r"\b(?:help|helps|ease|eases|make|makes|trigger|triggers|worsen|worsens|calm|calms|settle|settles) it\b", re.I)
# "can it go into the arms?": "it" is the condition, where it is felt, for anyone (not the magnesium asked about before).
_FELT_IN = re.compile(
    r"\b(?:can|does|could|will|would|do) it(?= (?:ever |also )?(?:go|spread|move|travel|happen|occur|start|show up)s? (?:in|into|to|up)"
    r" (?:the |my |your |her |his |their |other )?(?:arms?|hands?|body|torso|back|hips?|thighs?|feet|extremities)\b)",
    re.I,
)
# "this late in life", "that bad": a degree, not a pointer to anything said before.
_DEGREE = re.compile(r"\b(?:this|that) (?=(?:late|early|young|old|bad|long|often|far|severe|much|many)\b)", re.I)
STORE_VERSION = 1


@dataclass(frozen=True)
class Turn:
    question: str
    answer: Answer


def is_follow_up(question: str, query: Query) -> bool:
    """Does this question lean on the turns before it?"""
    if _FOLLOW_START.match(question):
        return True
    # "my dad had restless legs for years. does that mean im going to get it too": "that" and "it" point into its own story
    if any(qw.story and qw.kind == SUBJECT and qw.found for qw in query.words):
        return False
    if any(t in POINTING_WORDS for t in words(_DUMMY_IT.sub(" ", question))):
        return True
    own = [qw for qw in query.words if qw.kind in (SPECIFIC, SUBJECT)]
    names_subject = any(qw.kind == SUBJECT and qw.found for qw in own)
    return len(own) <= SHORT_QUESTION - 1 and not names_subject or not own


def _someone(question: str) -> frozenset[str]:
    """The words of ``question`` that name someone other than the asker and the doctor ("mum", "wife", "kids")."""
    return frozenset(w for w in words(question) if w in people_words() and w not in _NOT_SOMEONE)


def _as_topic(qw: QueryWord, medicines: QueryWord) -> QueryWord:
    """A word read as the ask ("drugs" of "what drugs are there?") as the topic a follow-up carries: a word for medicines
    is the articles' "medicines" too ("Side effects may include ..." under the heading "Medicines")."""
    own = {t: w / WEIGHTS[ASK] for t, w in qw.terms}
    terms = {**dict(medicines.terms), **own} if own.keys() & dict(medicines.terms).keys() else own
    return QueryWord(qw.word, SPECIFIC, tuple(terms.items()), qw.corrected)


class Conversation:
    """A chain of questions, each answered in the light of the ones before."""

    def __init__(self, bot, turns: list[Turn] | None = None, conversation_id: str | None = None, resolve: bool = True) -> None:
        self.bot = bot
        self.turns: list[Turn] = list(turns or [])
        self.id = conversation_id or time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]
        self.resolve = resolve  # False answers every line alone (for measuring)
        self._context: list[QueryWord] = []
        self._asks: tuple[str, ...] = ()
        self._populations: tuple[str, ...] = ()
        self._people: frozenset[str] = frozenset()  # who the turns of the current topic named ("my wife", "mum")
        for turn in self.turns:  # rebuild the context of a reopened conversation
            self._update(self.resolved_query(turn.question))

    def resolved_query(self, question: str) -> Query:
        """The question with the conversation's context carried in when it is a follow-up."""
        own = self.bot.query(question)
        if not self.resolve or not self._context or not is_follow_up(question, own):
            return own
        if _BARE_WHY.match(question):
            own = own._replace(words=tuple(qw for qw in own.words if qw.kind != INTENT), asks=())
        if own.missing_topics and not own.focus:
            return own  # a new topic the articles lack ("the capital of Peru?") borrows nothing
        have = {qw.word for qw in own.words} | {qw.corrected for qw in own.words if qw.corrected}
        # "what about magnesium?" replaces the focus; "and for kids?" or "is
        # it safe?" keeps it. What was asked for carries unless this turn asks
        # something of its own; who it is about ("in pregnancy") carries on.
        plain = _DEGREE.sub(" ", _FELT_IN.sub(" ", _DUMMY_IT.sub(" ", question)))
        pointing = [t for t in words(_THE_CONDITION.sub(" ", plain)) if t in POINTING_WORDS]
        # "can she drink coffee?" after "my wife is pregnant": she may still be asking about what was asked before.
        named = _someone(question)
        someone_new = bool(named)
        points_back = any(t not in PERSON_WORDS or not someone_new for t in pointing)
        # A form alone ("... to take as a supplement?") is a form of what was asked about, unless
        # it is what the turn asks about instead ("what about medicines?").
        replaces = (
            not points_back
            and not _FOR_SOMEONE.match(question)
            and (any(not is_generic(qw) for qw in own.focus) or bool(own.focus and _INSTEAD.match(question)))
        )
        names_subject = any(qw.kind == SUBJECT and qw.found for qw in own.words)
        if someone_new and not points_back and (replaces or names_subject):
            return own  # "my mum has rls, can she drink coffee?": a new question about someone new, nothing carried
        # An everyday word of the turn before ("every evening") is not carried into a follow-up that asks of the subject for
        # someone: "will it stop once the baby's here?" ("how many cups a day is safe?" is still of the coffee).
        of_subject = bool(own.asks and own.populations and not own.focus) and all(ask(k).of_subject for k in own.asks)
        carried = tuple(
            qw
            for qw in self._context
            if qw.word not in have
            and qw.found
            and not (replaces and qw.kind == SPECIFIC)
            and not (of_subject and rarity(qw.corrected or qw.word) >= FOCUS_ZIPF)
        )
        # A question that names its own focus ("how much magnesium is safe per
        # day?") is asked for itself: who the last one was about does not carry.
        # "can she ...?" is still about the pregnant wife; "my mum has rls, can she ...?" about someone new.
        leaning = bool(pointing or _THE_CONDITION.search(plain))
        # Who the last turn was about ("in pregnancy") is not who a newly named person is ("my mum has rls, is it safe for her?").
        fresh_person = bool(named - self._people)
        own_only = replaces and (not leaning or someone_new) or fresh_person
        populations = tuple(dict.fromkeys(own.populations + (() if own_only else self._populations)))
        return Query(question, own.words + carried, own.asks, populations, () if own.asks else self._asks, own.names)

    def ask(self, question: str) -> Answer:
        query = self.resolved_query(question)
        answer = self.bot.ask(question, query=query)
        self.turns.append(Turn(question, answer))
        self._update(query)
        return answer

    def _update(self, query: Query) -> None:
        self._asks, self._populations = query.asks or query.carried_asks, query.populations
        follow = any(qw.carried for qw in query.words)
        self._people = (self._people if follow else frozenset()) | _someone(query.question)
        # Intents ("how much" -> doses, "help" -> ease) are the shape of one
        # question, not its topic: they are never carried to the next turn.
        fresh = [qw for qw in query.words if not qw.carried and qw.kind in (SPECIFIC, SUBJECT) and qw.found]
        # "which meds are there?" -> "and are they safe?": the medicines were what it asked for, and what "they" are.
        asked = [qw for qw in query.words if not qw.carried and qw.kind == ASK and qw.found and is_generic(qw)]
        if asked:
            medicines = self.bot.query("medicines").words[0]
            fresh += [_as_topic(qw, medicines) for qw in asked]
        if not follow:
            if fresh or not self._context:
                self._context = [qw.scaled(CARRY) for qw in fresh]
            return
        words = {qw.word for qw in fresh}
        older = [qw.scaled(CARRY) for qw in query.words if qw.carried and qw.word not in words]
        older = [qw for qw in older if max((w for _, w in qw.terms), default=0) >= MIN_CARRIED_WEIGHT]
        self._context = [qw.scaled(CARRY) for qw in fresh] + older

    def reset(self) -> None:
        self.turns.clear()
        self._context = []
        self._asks, self._populations = (), ()
        self.id = time.strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]

    # ------------------------------------------------------------ storage

    def to_dict(self) -> dict:
        return {
            "version": STORE_VERSION,
            "id": self.id,
            "turns": [{"question": t.question, "answer": answer_to_dict(t.answer)} for t in self.turns],
        }

    @classmethod
    def from_dict(cls, bot, data: dict) -> Conversation:
        if not isinstance(data, dict) or data.get("version") != STORE_VERSION or not isinstance(data.get("turns"), list):
            raise ValueError("not an rlsbot conversation of a known version")
        turns = [Turn(str(t["question"]), answer_from_dict(t["answer"])) for t in data["turns"]]
        return cls(bot, turns, str(data.get("id") or "") or None)


def answer_to_dict(a: Answer) -> dict:
    """An Answer as plain JSON-able data (how conversations are saved)."""
    return {
        "question": a.question,
        "query": a.query,
        "answered": a.answered,
        "missing": list(a.missing),
        "corrections": [list(c) for c in a.corrections],
        "gaps": list(a.gaps),
        "citations": [
            {k: getattr(c, k) for k in ("n", "article", "title", "section", "start", "end", "quote", "score")} | {"meta": c.meta}
            for c in a.citations
        ],
    }


def answer_from_dict(d: dict) -> Answer:
    """The Answer saved by :func:`answer_to_dict`; raises KeyError, TypeError or ValueError on anything else."""
    return Answer(
        question=str(d["question"]),
        query=str(d.get("query", "")),
        answered=bool(d["answered"]),
        citations=tuple(Citation(**{"meta": {}, **c}) for c in d.get("citations", [])),  # meta: older saves lack it
        missing=tuple(d.get("missing", [])),
        corrections=tuple(tuple(c) for c in d.get("corrections", [])),
        gaps=tuple(str(g) for g in d.get("gaps", [])),
    )


__all__ = ["Conversation", "Turn", "answer_from_dict", "answer_to_dict", "is_follow_up"]
