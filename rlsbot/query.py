"""From a question to weighted index terms, and what the question asks.

Each question word is looked up in the index vocabulary in turn as typed, by
stem, through the lay and domain vocabularies (``data/lay.txt``,
``data/synonyms.txt``), and finally as a misspelling of a corpus word.  What
is found nowhere is *missing*, and the missing words decide whether the
articles cover the question at all.

Not every word is a topic.  A question names people ("my mum": never searched), asks for a kind of answer
("how much", "side effects", "is it a myth": the *ask*, see ``asks.py``), may be about a population ("my 6
year old"), and uses ordinary English ("exactly", "read"): none of these can make a question uncovered.
What is left is its *focus*.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rlsbot import english, typos
from rlsbot.analysis import (
    fillers,
    is_contraction,
    is_stopword,
    lay_words,
    medicine_names,
    normalize,
    people_words,
    points_back,
    said_in_quotes,
    spelled_out,
    split_story,
    stem,
    subject_words,
    synonym_groups,
    told_before_asking,
    with_medicine_told,
    without_filler_phrases,
    words,
)
from rlsbot.asks import ask, asks_of
from rlsbot.english import TYPO_ZIPF, as_english, base_forms, in_health_writing, is_number, nameable, phrasal_verb, rarity, respelled
from rlsbot.index import Index
from rlsbot.patterns import matched_words, pattern
from rlsbot.populations import populations_of, settled
from rlsbot.stem_bound import may_stem_to_any

MAX_QUESTION_WORDS = 64  # a question longer than this is searched by its first words
SPECIFIC, SUBJECT, FILLER, INTENT = "specific", "subject", "filler", "intent"
ASK, POPULATION = "ask", "population"
ORDINARY = "ordinary"  # everyday English the articles lack ("today"): named, never decisive
WEIGHTS = {SPECIFIC: 1.0, SUBJECT: 0.5, FILLER: 0.2, INTENT: 0.6, ASK: 0.5, POPULATION: 0.8, ORDINARY: 0.0}
CORRECTION_WEIGHT = 0.9
LAY_WEIGHT = 0.9  # "meds" searched as "medicines"
ORDINARY_ZIPF = 5.3  # a missing word this common (Zipf, wordfreq) is wording: "read" 5.5, "really" 6.0; "drive" 5.1 is a topic
TECHNICAL_ZIPF = 3.2  # a missing word rarer is a topic ("melatonin", "acupuncture" 3.0), not wording ("sofa" 3.8, "gadget" 3.4)
# Found words this common ("comes" 4.9, "night" 5.6) are searched, but are the focus only of a question naming nothing rarer.
SCENE_ZIPF = 4.0  # beside a focus word rarer than this, one at least this common only sets the scene
FOCUS_ZIPF = 4.8
_VERB_ENDINGS = (("es", ""), ("ed", ""), ("ing", ""))  # a lay word the articles lack, as a verb: "overdoes" is "overdo"
STORY_WEIGHT = 0.5  # weight of the words around the asking sentence
LONG_QUESTION = 6  # content words beyond which a question is read as a story, not a list of topics


class QueryWord(NamedTuple):
    word: str  # normalized, as typed
    kind: str  # SPECIFIC, SUBJECT or FILLER
    terms: tuple[tuple[str, float], ...]  # index terms searched for it, weighted
    corrected: str = ""  # the corpus word a misspelling was read as
    carried: bool = False  # brought forward from an earlier turn of a conversation
    # From the sentences around the question ("I'm on dialysis. Will a
    # transplant help?"): it ranks, and is the focus (carried) only of a
    # question that names none of its own ("...Is it safe?").
    story: bool = False

    def scaled(self, factor: float) -> QueryWord:
        """This word as context for a later turn, its weight scaled down."""
        return QueryWord(self.word, self.kind, tuple((t, w * factor) for t, w in self.terms), self.corrected, True, self.story)

    @property
    def found(self) -> bool:
        return bool(self.terms)


class Query(NamedTuple):
    question: str
    words: tuple[QueryWord, ...]
    asks: tuple[str, ...] = ()  # kinds of answer wanted, main one first (asks.py)
    populations: tuple[str, ...] = ()  # who it is about: "child", "pregnancy"...
    # What an earlier turn asked for, when this one ("and for pregnant women?")
    # asks nothing of its own: it ranks sentences, but never alone refuses one.
    carried_asks: tuple[str, ...] = ()
    # Names the index cannot hold, a quote must say: "vitamin D" (one letter
    # is no index term, so "vitamin" alone would match any vitamin).
    names: tuple[str, ...] = ()

    @property
    def terms(self) -> list[tuple[str, float]]:
        """Weighted index terms; a term reached twice keeps its best weight."""
        best: dict[str, float] = {}
        for qw in self.words:
            for term, weight in qw.terms:
                best[term] = max(best.get(term, 0.0), weight)
        return list(best.items())

    @property
    def text(self) -> str:
        """The query as searched, e.g. "magnesium pregnancy"."""
        return " ".join(qw.corrected or qw.word for qw in self.words if qw.found and qw.kind != FILLER)

    @property
    def missing(self) -> list[str]:
        """The question's words the articles lack, to name in the answer ("melatonin", "children")."""
        kinds = (SPECIFIC, SUBJECT, ASK, POPULATION, ORDINARY)
        return [qw.word for qw in self.words if not qw.found and qw.kind in kinds and not qw.carried and not is_number(qw.word)]

    @property
    def missing_topics(self) -> list[str]:
        """The things asked about that the articles lack ("chocolate" in "coffee or chocolate")."""
        kinds = (SPECIFIC, SUBJECT)
        return [qw.word for qw in self.words if not qw.found and qw.kind in kinds and not qw.carried and not is_number(qw.word)]

    @property
    def focus(self) -> list[QueryWord]:
        """What the question is about, found in the articles: its own words before carried ones, rarest first.

        Everyday words ("done", "problem") are the focus only of a question that names nothing rarer (``FOCUS_ZIPF``)."""
        found = [
            qw
            for qw in self.words
            if qw.found and qw.kind == SPECIFIC and (_VITAMIN.match(qw.word) or not any(ch.isdigit() for ch in qw.word))
        ]
        found = [qw for qw in found if qw.carried or not qw.story]  # a story the question leans on is carried
        # A story's word read as a misspelling ("dreading" as "drawing") is a guess about a setting: last, and never alone.
        sure = [qw for qw in found if not (qw.story and qw.corrected)]
        core = [qw for qw in sure if rarity(qw.corrected or qw.word) < FOCUS_ZIPF]
        people = () if self.populations else _KINDS_OF_PEOPLE  # "is it mostly women?"; "and for pregnant women?" asks of pregnancy
        core = core or [qw for qw in sure if rarity(qw.corrected or qw.word) < ORDINARY_ZIPF or qw.word in people]
        core += [qw for qw in found if qw not in sure and rarity(qw.corrected) < FOCUS_ZIPF]
        # "iron tablets" are about iron: a form of treatment is the focus only after what it is of.
        return sorted(core, key=lambda qw: (is_generic(qw), qw.carried, qw.story and bool(qw.corrected), rarity(qw.corrected or qw.word)))

    @property
    def covered(self) -> bool:
        """Do the articles speak to this question at all?

        Yes when it names something specific that the articles contain and
        more of such things than it names things they lack; or, naming nothing
        they lack, at least asks about their shared subject ("what is RLS?").
        A match on filler words alone ("is it good for people?") is not cover.
        """
        own = [qw for qw in self.words if not qw.carried]
        found = [qw for qw in own if qw.found and qw.kind == SPECIFIC and not is_generic(qw)]
        forms = [qw for qw in own if qw.found and qw.kind == SPECIFIC and is_generic(qw)]
        missing = [
            qw
            for qw in own
            if not qw.found and qw.kind in (SPECIFIC, SUBJECT) and not self.coordinated(qw.word) and not any(ch.isdigit() for ch in qw.word)
        ]
        carried = any(qw.carried and qw.found for qw in self.words)
        subject = any(qw.found and qw.kind == SUBJECT for qw in own)
        # Everyday words the articles lack never sink a question alone, but a question made mostly of them ("how do I
        # reset my wifi router?") is not one the articles speak to because one word matched; one that asks of a topic
        # carried in ("a safe amount for my little brother?"), of its own story, or of RLS ("any proof it's genetic?") is.
        everyday = sum(1 for qw in own if qw.kind == ORDINARY and not qw.found and not any(ch.isdigit() for ch in qw.word))
        told = carried and (bool(self.asks) or any(qw.carried and qw.story for qw in self.words))
        if everyday and not (subject or told or any(ask(k).of_subject for k in self.asks)) and len(found) + len(forms) <= everyday / 2:
            return False
        if not missing:
            # An ask alone ("is it good for people?") names nothing to look for, unless it asks something of the subject
            # itself: "does it run in families?" asks it of restless legs, as every question does that names no other condition.
            # "can kids get it?" asks it of restless legs, for someone.
            gets_it = bool(self.populations) and GETS_IT.search(self.question) is not None
            return bool(found or forms or carried or subject or gets_it or any(ask(k).of_subject for k in self.asks))
        # A rare word or a name the articles lack is what a short question is about: "melatonin", "quinine", "ADHD". A long
        # question tells its story in words the articles never use ("my recliner"): what it names that they have decides,
        # unless its closing question names rare things, none there ("... Do compression stockings actually help?").
        topics = sum(1 for qw in missing if self.is_topic(qw))
        if topics and subject and self.populations and told_before_asking(self.question, GETS_IT.search, [qw.word for qw in missing]):
            return True  # "my kids both fidget at night, can children get restless legs?": the clause before tells, it asks of RLS
        if len(found) + len(missing) > LONG_QUESTION:
            asked = [qw for qw in found + missing if not qw.story]
            unmet = not any(qw.found for qw in asked) and any(rarity(qw.word) < SCENE_ZIPF for qw in asked)
            return bool(found or carried) and topics * 3 < len(found) + len(missing) and not unmet
        if topics:
            return False
        # "why do my legs act up on the sofa?" asks of the subject and names
        # something the articles have, as many as it names they lack ("how do I
        # stop my knees clicking at the gym?" does not); "does alcohol make it
        # worse?" names only what they lack. Otherwise the things found must
        # outnumber the things missing.
        if found and any(ask(k).of_subject for k in self.asks) and len(found) + len(forms) >= len(missing):
            return True
        return len(found) + len(forms) > len(missing)

    def sets_scene(self, core: tuple[int, ...]) -> bool:
        """Do the commoner words of an asking question's focus only set the scene for its rarest ("food requirements" of Horizant)?"""
        names = [self.focus[k].corrected or self.focus[k].word for k in core]
        return (
            bool(self.asks)
            and len(names) > 1
            and rarity(names[0]) < SCENE_ZIPF <= min(rarity(w) for w in names[1:])
            and not any(map(self.coordinated, names[1:]))
        )

    def is_topic(self, qw: QueryWord) -> bool:
        """Is a missing word surely a topic: rare in English ("swears" as "swear"), or a name typed as one ("ADHD", "Sinemet")?"""
        word = qw.corrected or qw.word
        if any(ch.isdigit() for ch in word):
            return False
        if said_in_quotes(qw.word, self.question):
            return False  # "says her legs feel 'fizzy'": the words someone used, not a topic
        name = rf"(?<![.?!]\s)(?<!^)\b(?:{re.escape(qw.word.upper())}|{re.escape(qw.word.capitalize())})\b"
        named = bool(re.search(name, self.question.strip())) or english.named_place(qw.word, self.question)  # "a clinic in leeds"
        return max(rarity(w) for w in (word, *base_forms(word))) < TECHNICAL_ZIPF or named

    def coordinated(self, word: str) -> bool:
        """Is the word the other half of something the articles have ("coffee or chocolate")?"""
        found = {qw.word for qw in self.words if qw.found and qw.kind == SPECIFIC}
        w = re.escape(word)
        # "coffee or chocolate", "coffee and dark chocolate", "chocolate or coffee", "antibiotics like doxycycline or cipro"
        for m in re.finditer(
            rf"(\w+)\s+(?:or|and|&|/)\s+(?:\w+\s+)?{w}\b|\b{w}\s+(?:or|and|&|/)\s+(?:\w+\s+)?(\w+)"
            rf"|(\w+),?\s+(?:like|such as|e\.?g\.?|including)\s+(?:[\w-]+,?\s+(?:or\s+|and\s+)?){{0,3}}{w}\b",
            normalize(self.question),
        ):
            if (other := m.group(1) or m.group(2) or m.group(3)) in found and nameable(other):  # not "tonic water / quinine"
                return True
        return False


def is_generic(qw: QueryWord) -> bool:
    """Is the word a form of treatment ("tablets"), never what a question is about?"""
    return (qw.corrected or qw.word) in _GENERIC


GETS_IT = pattern(r"\b(?:get|have|develop)s? (?:it|this|rls|restless legs?)\b(?! from)")  # "can kids get it?"
_VITAMIN = re.compile(r"^[a-ek]\d{1,2}$")  # "b6", "b12", "d3": a name, not a number
_KINDS_OF_PEOPLE = frozenset("women men woman man female male females males elderly".split())
# Forms of treatment: "iron tablets" is about iron.
_GENERIC = frozenset(
    "tablet tablets pill pills capsule capsules meds med medication medications medicine medicines drug drugs "
    "supplement supplements supplementation treatment treatments therapy therapies remedy remedies".split()
)


def _kind(word: str) -> str:
    return SUBJECT if word in subject_words() else FILLER if word in fillers() else SPECIFIC


class Resolver:
    """Looks question words up against one index's vocabulary."""

    def __init__(self, index: Index, synonyms: bool = True, typos: bool = True) -> None:
        self.index = index
        self.use_synonyms = synonyms  # switches for measuring each aid on the gold set
        self.use_typos = typos
        self._buckets: dict[str, typos.Dictionary] = {}  # by first letter, each built when first asked for

    def term_for(self, word: str) -> str | None:
        """The index term for a word, if the corpus has it in any inflection."""
        term = self.index.surface.get(word)
        if term is None:
            vocab = self.index.vocab
            # Stemming imports nltk (0.7 s): not when the stem can be no index term (rlsbot.stem_bound).
            if not may_stem_to_any(word, vocab):
                return None
            term = self.index.stem_of(word) or stem(word)
        return term if term in self.index.vocab else None

    def synonyms(self, word: str) -> list[tuple[str, float]]:
        """Index terms for the word's domain vocabulary, with their relative weights."""
        if not self.use_synonyms:
            return []
        found: dict[str, float] = {}
        for other, weight in synonym_groups().get(word, ()):
            term = self.term_for(other)
            if term and weight > found.get(term, 0.0):
                found[term] = weight
        return list(found.items())

    def correct(self, word: str) -> str | None:
        """The corpus word (or domain word) a misspelt question word most likely is (rlsbot.typos)."""
        if len(word) < typos.MIN_LENGTH or not word.isalpha() or not self.use_typos:
            return None
        if not self._candidates(word):  # also builds the dictionary on first use
            return None
        return self._buckets[word[0]].correct(word, self.index.surface_count, fillers().__contains__)

    def _candidates(self, word: str) -> list[str]:
        """Dictionary words within the edit limit: a misspelling keeps its first letter, so only that letter's are read."""
        letter = word[0]  # of 200,000 words in a large index, one range of its sorted table
        if letter not in self._buckets:
            surface = self.index.surface
            words = surface.starting_with(letter) if hasattr(surface, "starting_with") else [w for w in surface if w[:1] == letter]
            dictionary = {w for w in words if w.isalpha() and len(w) >= 4 and not is_stopword(w)}
            dictionary |= {w for w in synonym_groups() if w[:1] == letter and w.isalpha() and len(w) >= 4}
            self._buckets[letter] = typos.Dictionary(dictionary)
        return self._buckets[letter].candidates(word)

    def _expand(self, word: str, weight: float) -> list[tuple[str, float]]:
        """The word's own index term at ``weight``, its lay meanings, then its domain words at their share of it."""
        direct = self.term_for(word)
        terms = [(direct, weight)] if direct else []
        if self.use_synonyms:
            lay = lay_words()
            meanings = lay.get(word) or (() if direct else next((lay[b] for b in base_forms(word, _VERB_ENDINGS) if b in lay), ()))
            for meaning in () if direct and word in medicine_names() else meanings:
                term = self.term_for(meaning)
                if term and all(term != t for t, _ in terms):
                    terms.append((term, weight * LAY_WEIGHT))
        terms += [(term, weight * relative) for term, relative in self.synonyms(word) if all(term != t for t, _ in terms)]
        return terms

    def resolve(self, word: str, acronym: bool = False) -> QueryWord:
        kind = _kind(word)
        terms = self._expand(word, WEIGHTS[kind])
        corrected = ""
        if not terms and not acronym:
            fixed = self.correct(word)
            if fixed:
                corrected = fixed
                kind = _kind(fixed)
                terms = self._expand(fixed, WEIGHTS[kind] * CORRECTION_WEIGHT)
        return QueryWord(word, kind, tuple(terms), corrected)


def parse(question: str, index: Index, resolver: Resolver | None = None) -> Query:
    """Analyse a question against an index.

    A question told as a story is read as a short conversation: its asking sentence is the question, and what
    the sentences around it name that the articles have comes along as context (``QueryWord.story``); what they
    name that the articles lack ("my recliner", "the VA") is not missed. Who it is about is read from the whole
    of it: "My son is 6. How much magnesium can I give him?" asks for a child.
    """
    resolver = resolver or Resolver(index)
    question = spelled_out(typos.spelled_acronyms(question, index.surface))
    story, asking = split_story(question)
    if not story:
        return _parse(question, index, resolver)
    own = _parse(asking, index, resolver)
    around = _parse(story, index, resolver)
    have = {qw.word for qw in own.words} | {qw.corrected for qw in own.words if qw.corrected}
    # "...Is it safe?" names nothing and leans on the story as a follow-up; "...What causes RLS?" or "...Is there a blood test?" names
    # what it asks or asks it of the subject itself, and the story only ranks. "...Any tips?" asks tips on the story: it leans.
    # "...Is that connected to restless legs?" or "...when do I take it?" points at the story: it leans, its words weigh in full.
    says_subject = any(qw.kind == SUBJECT and qw.found for qw in own.words)  # then its story's "restless legs" add nothing
    of_subject = says_subject or any(ask(k).of_subject for k in own.asks if k != "treatment")
    # "...i thought only old folks got restless legs. can a child really have it?": "it" is the story's subject, asked of someone.
    of_subject = of_subject or bool(
        own.populations and _HAVE_IT.search(asking) and any(qw.kind == SUBJECT and qw.found for qw in around.words)
    )
    leans = (points_back(asking) and all(is_generic(qw) for qw in own.focus)) or not (own.focus or of_subject)
    # "...a stomach acid tablet every day. does that stop iron getting absorbed?": what the story told does it, in full.
    told_does = bool(_STORY_DOES.match(asking)) and not says_subject
    kinds = (SPECIFIC,) if says_subject and not leans else (SPECIFIC, SUBJECT)
    context = tuple(
        qw.scaled(1.0 if leans or told_does else STORY_WEIGHT)._replace(story=True, carried=leans)
        for qw in around.words
        if qw.found and qw.kind in kinds and qw.word not in have and (qw.corrected or qw.word) not in have
    )
    # "...tonic water with quinine... Does that work?", "I'm on hydroxychloroquine. Does it interact with magnesium?": the
    # story's medicine or remedy is what is asked about, found or not.
    if (leans and "effect" in own.asks) or (told_does and "interactions" in own.asks):
        context += tuple(qw._replace(story=True) for qw in around.words if not qw.found and qw.kind == SPECIFIC and around.is_topic(qw))
    populations = settled(own.populations + around.populations, question)
    asks = own.asks
    if "drug trial" in around.asks and "diagnosis" in asks:  # "...'to see if it works'. is that a way of diagnosing it?"
        asks = ("drug trial", *asks)
    if not asks and with_medicine_told(story, asking):  # "...a calcium channel blocker. can i still take magnesium?"
        asks = ("interactions",)
    # "My tablets helped at first but now my legs are worse. Does that happen?": an asking sentence that asks nothing of its
    # own, or no more than "why?", asks what the story does, unless that is an everyday word ("walking makes it worse").
    told = tuple(k for k in around.asks if k not in _EVERYDAY_ASKS)
    if told and (not asks or len(words(asking)) <= 2):
        asks = tuple(dict.fromkeys(told + asks))
        have |= {qw.word for qw in context}
        context += tuple(qw for qw in around.words if qw.kind == INTENT and qw.word not in have)
    return Query(question, own.words + context, asks, populations, (), tuple(dict.fromkeys(own.names + around.names)))


_STORY_DOES = re.compile(
    r"^\W*(?:(?:so|and|but|then) )?(?:does|do|did|can|could|might) (?:that|this|these|those|it|they) (?!(?:\w+ )?(?:be|mean|matter|happen|run|runs|get|go|come|last|start|ever)\b)",
    re.IGNORECASE,
)
_HAVE_IT = re.compile(r"\b(?:have|has|get|gets|got|develop|suffer from)\s+(?:it|this|that)\b", re.IGNORECASE)

# Asks a story names with an everyday word ("worse", "helps", "treated"): not what its question asks.
_EVERYDAY_ASKS = frozenset({"cause", "effect", "treatment"})

# "vitamin D": one letter is no index term, so the name is kept whole (Query.names).
_LETTER_VITAMIN = re.compile(r"\bvitamins?\s+([a-z])\b(?![-'’]\w)", re.IGNORECASE)


def _parse(question: str, index: Index, resolver: Resolver) -> Query:
    seen: set[str] = set()
    out: list[QueryWord] = []
    # What it asks and of whom, read with its misspellings of English put right: "ropinerol side efects" asks for side effects.
    asked, fixes = respelled(question, index.surface)
    asks, populations = asks_of(asked), populations_of(asked)
    ask_words = matched_words([a.question for a in asks], asked, words)
    population_words = matched_words([p.question for p in populations], asked, words)
    # Short words typed in capitals ("ADHD") are names, never misspellings (rlsbot.typos).
    acronyms = typos.acronyms(question)
    for word in words(without_filler_phrases(question)):
        if is_stopword(word) or is_contraction(word) or word in seen:
            continue
        seen.add(word)
        if word in people_words():
            continue  # "my mum": who it is about, never what
        # Words typed in capitals are names, and common English words are no misspellings: "something" is not "soothing".
        qw = resolver.resolve(word, acronym=word in acronyms or rarity(word) >= TYPO_ZIPF)
        if qw.kind == SPECIFIC and fixes.get(word, word) in population_words:
            qw = QueryWord(qw.word, POPULATION, tuple((t, w * WEIGHTS[POPULATION]) for t, w in qw.terms), qw.corrected)
        elif qw.kind == SPECIFIC and fixes.get(word, word) in ask_words:
            qw = QueryWord(qw.word, ASK, tuple((t, w * WEIGHTS[ASK]) for t, w in qw.terms), qw.corrected)
        elif qw.kind == SPECIFIC and not qw.found:
            # A word the articles lack may be an English word misspelt ("actualy"): it is judged as the word it stands for.
            meant = as_english(qw.word)
            # Everyday English is never what a question is about, nor a word health writing never uses ("weird", "hype"),
            # save where a service is sought: "a specialist clinic in manchester" names a place the articles lack.
            talk = meant and not english.named_place(qw.word, question)
            talk = talk and (not in_health_writing(meant) or phrasal_verb(qw.word, question))  # "hype", "wind them up"
            if meant and (meant in fillers() or is_stopword(meant)):  # "exacly"
                qw = QueryWord(qw.word, FILLER, (), meant)
            elif meant and (rarity(meant) >= ORDINARY_ZIPF or rarity(meant) >= TECHNICAL_ZIPF and talk):
                qw = QueryWord(qw.word, ORDINARY, (), qw.corrected)
            elif meant and meant != qw.word:
                qw = QueryWord(qw.word, SPECIFIC, (), meant)
        out.append(qw)
        if len(out) >= MAX_QUESTION_WORDS:
            break
    for wanted in asks:
        for word in wanted.search:
            if word not in seen:
                seen.add(word)
                qw = resolver.resolve(word)
                out.append(QueryWord(word, INTENT, tuple((t, WEIGHTS[INTENT] * w) for t, w in qw.terms)))
    names = tuple(dict.fromkeys(f"vitamin {m.group(1).upper()}" for m in _LETTER_VITAMIN.finditer(question)))
    return Query(question, tuple(out), tuple(a.kind for a in asks), tuple(p.kind for p in populations), (), names)
