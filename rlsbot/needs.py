"""What a sentence must have to be quoted for one question: its focus words and their weights, the ask that alone can
answer it, the people it is asked for, and the subject it is asked of (``rlsbot.answer`` scores the sentences)."""

from __future__ import annotations

import re
from typing import NamedTuple

from rlsbot.analysis import lay_words, words
from rlsbot.article import Article
from rlsbot.asks import ask
from rlsbot.index import Hit, Index
from rlsbot.populations import POPULATIONS as _POPULATIONS
from rlsbot.query import FOCUS_ZIPF, GETS_IT, Query, QueryWord, is_generic, rarity
from rlsbot.question_subject import corpus_terms, other_subject
from rlsbot.subject import SUBJECT_RE, brands_of

PASSAGES_CONSIDERED = 60
GENERIC_FOCUS_WEIGHT = 0.5  # "tablets" in "magnesium tablets": barely the focus
SOFT_FOCUS_ZIPF = 4.0  # a focus word rarer than this ("zinc", "ropinirole") is required even of an ask of the subject
_GENERIC_FORMS = ("tablet", "tablets", "capsule", "capsules", "pill", "pills")
# Supplements are no "RLS medicines": what long use of those does is said of the medicines, not of magnesium or iron
_SUPPLEMENTS = frozenset("magnesium iron ferritin vitamin vitamins folate folic zinc supplement supplements".split())


class Needs(NamedTuple):
    """What a sentence must have to be quoted for one question."""

    focus: tuple[frozenset[str], ...]  # each focus word's index terms, the main one first
    focus_weights: tuple[float, ...]
    core: tuple[int, ...]  # the focus words that are not forms of treatment ("tablets")
    lay: bool  # some focus word is an everyday one read through the lay vocabulary
    # The question asks something of the subject itself ("what causes it?",
    # "can kids get it?"): the words around it rank sentences, none is required.
    strict: object | None  # the main ask when only its cue can answer it
    soft: bool = False
    populations: tuple = ()
    subject: re.Pattern[str] | None = SUBJECT_RE  # None: the subject is the focus itself
    form: frozenset[str] = frozenset()  # a brand's own form ("extended-release"): preferred, never required
    forms: tuple[int, ...] = ()  # focus words that are forms of treatment ("tablets") or a story's: never make a focus too thin
    # What a drug may be taken with is the same whatever it is taken for ("vicodin for my back ... horizant for the rls. will
    # they clash?"): a sentence naming the main focus answers in any article (the gabapentin leaflet's "... Vicodin ...").
    of_itself: bool = False


def needs_of(query: Query, hits: list[Hit], articles: dict[str, Article], index: Index) -> Needs:
    """What a sentence of the top passages must have to answer this question (``rlsbot.answer._candidates`` checks it)."""
    wanted = (query.asks or query.carried_asks)[:1]
    # "... in the evenings ... or ordinary cramps in the calf?": what is told apart is the focus, the rest its setting.
    focus = query.focus[:1] if wanted == ("difference",) else query.focus
    # A teenager's exercise or hot bath is anyone's ("my 16 yo trains daily: does exercise help?"); a medicine is not.
    own = [qw.corrected or qw.word for qw in focus if not is_generic(qw)]  # "pills for teenagers?" names no everyday thing
    everyday = bool(own) and all(ask("self-care").cue.search(word) for word in own)
    populations = tuple(p for p in _POPULATIONS if p.kind in query.populations and not (p.kind == "teen" and everyday))
    # Only the main ask can be strict. Whether something is safe for someone
    # (while breastfeeding, for a child) wants a verdict: "tell your doctor if you are breast-feeding" is none.
    strict = next((ask(k) for k in wanted if ask(k).strict or (k in ("safety", "treatment") and populations)), None)
    other = other_subject(query, hits[:PASSAGES_CONSIDERED], articles, index)
    terms = [frozenset(t for t, _ in qw.terms) for qw in focus]
    # English rarity, not corpus IDF: in a library about magnesium, "magnesium" is
    # in every passage, yet it is what "magnesium tablets upset my stomach" is about.
    weights = [GENERIC_FOCUS_WEIGHT if is_generic(qw) else max(0.5, 6.0 - focus_rarity(qw)) for qw in focus]
    if other is not None and other.form_of and focus:
        # Asked about Horizant in a leaflet on gabapentin: a sentence on gabapentin
        # carries it, and one on its extended-release tablets most of all (what
        # to do about a missed dose differs between the forms).
        terms[0] |= frozenset(corpus_terms(other.form_of, index))
    elif focus:
        # Asked about gabapentin, a sentence on its brand ("The extended-release tablet (Horizant) is taken ...") carries it.
        named = {
            b
            for a in dict.fromkeys(h.passage.article for h in hits[:PASSAGES_CONSIDERED])
            for b in brands_of(articles[a], focus[0].corrected or focus[0].word)
        }
        terms[0] |= frozenset(t for b in named for t in corpus_terms(b, index))
    if wanted == ("wearing off",) and focus and not is_generic(focus[0]) and _SUPPLEMENTS.isdisjoint(words(query.question)):
        # "ropinirole was brilliant for a year, now it's worse": what long use of RLS medicines does is said of them all.
        terms[0] |= frozenset(corpus_terms("medicines medications drugs", index))
    form = frozenset(corpus_terms(other.form, index)) - frozenset(corpus_terms(" ".join(_GENERIC_FORMS), index)) if other else frozenset()
    return Needs(
        form=form,
        focus=tuple(terms),
        focus_weights=tuple(weights),
        # Two things asked about in the articles' own words ("iron deficiency"): a quote has both.
        # A story's words are its setting: only the first is needed ("flying" of "flying ... next month ... dreading").
        core=tuple(k for k, qw in enumerate(focus) if not is_generic(qw) and focus_rarity(qw) < FOCUS_ZIPF and (k == 0 or not qw.story)),
        # ... nor, when only the ask's own words can answer, do a story's ("i drive a forklift on nights"): they set the scene
        forms=tuple(k for k, qw in enumerate(focus) if is_generic(qw) or (k > 0 and qw.story and strict is not None)),
        lay=any((qw.corrected or qw.word) in lay_words() for qw in focus),
        soft=soft_focus(query),
        strict=strict,
        populations=populations,
        subject=other.pattern if other is not None else SUBJECT_RE,
        of_itself=wanted == ("interactions",) and bool(focus) and not is_generic(focus[0]),
    )


def focus_rarity(qw: QueryWord) -> float:
    """How telling a focus word is: an everyday word as what it stands for ("coffee": caffeine)."""
    word = qw.corrected or qw.word
    # "nightly" is searched as night, and tells no more than "night" does
    own = max(rarity(word), rarity(word[:-2]) if word.endswith("ly") else 0.0)
    return min([own, *(rarity(meaning) for meaning in lay_words().get(word, ()))])


def soft_focus(query: Query) -> bool:
    """Does the question ask of the subject itself, so that its other words only rank?

    "what causes it?", "when in pregnancy does it start?", "can kids get it?
    my 9yo can't sit still at bedtime" are answered by what they ask;
    "does dialysis help?", "is magnesium safe?" or "ropinirole while
    breastfeeding?" need their focus in the quote: an ask that needs a focus,
    a rare word, or a focus carried from the turn before.
    """
    if any(not ask(k).of_subject for k in query.asks + query.carried_asks):
        return False
    if query.populations and GETS_IT.search(query.question):
        return True  # "can kids get it? my 9yo ...": asked of restless legs, the rest is the story
    if any(qw.carried for qw in query.focus):
        return False
    if not (query.asks or query.populations):
        return False
    return all(rarity(qw.corrected or qw.word) >= SOFT_FOCUS_ZIPF for qw in query.focus)
