"""Which subject a question is about: restless legs syndrome, or another condition or drug it names.

Every question is about restless legs syndrome unless it says otherwise
("does parkinson's run in families?"); a quote must then be about that
subject, or stand in an article that is.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rlsbot.analysis import content_words, subject_words, words
from rlsbot.article import Article
from rlsbot.index import Hit, Index
from rlsbot.patterns import pattern
from rlsbot.query import FOCUS_ZIPF, SPECIFIC, SUBJECT, Query, QueryWord, rarity
from rlsbot.quotes import ACRONYM_FIRST
from rlsbot.subject import SUBJECT_RE, about_subject, form_of, is_about

# Words of a title that name no condition of their own.
_GENERIC_TITLE = {"diseas", "disord", "syndrom", "condit", "inform", "page", "health", "what", "need", "know", "treatment", "about"}
# "I don't have Parkinson's": a condition the asker says is not theirs is no subject.
_DENIED = re.compile(
    r"\b(?:do|does|did)(?:n['’]?t| not) (?:even |actually |really )?(?:have|has|got)(?: got)? (?:any )?([^\W_]+)", re.IGNORECASE
)


# "what does 'PLMS' mean?", "what does the word neuropathy mean", "ferritin?? what even is that": a word asked to be explained
_MEANS = pattern(
    r"\bwhat (?:does|do) (?:the (?:word|term) )?['‘\"]?((?:[\w-]+ ){0,2}[\w-]+)['’\"]? (?:actually |really |even )?(?:mean|stand for)\b"
    r"|^\W*([\w-]+)\W*\?+\s*what (?:even |exactly |actually )?(?:is|are) (?:that|it|this|they)\b"
    # "what does ferritin actually measure?", "what does a ferritin test tell you": what the test is
    r"|\bwhat (?:does|do) (?:a |an |the |my )?((?:[\w-]+ ){0,1}[\w-]+?)(?: tests?| levels?)? (?:actually |really |even )?(?:measure|tell)\b",
)


_QUOTED = pattern(r"['‘\"]([\w-]+(?: [\w-]+){0,2})['’\"]")


def _defined(query: Query) -> str | None:
    """The word a question asks the meaning of, when it is not restless legs themselves and the articles have it."""
    low = query.question.lower()
    if "mean" not in low and "stand for" not in low and not (("?" in low or "measure" in low or "tell" in low) and "what" in low):
        return None  # compiling the pattern costs a first question ~1 ms
    m = _MEANS.search(query.question)
    if m is None:
        return None
    said = _QUOTED.search(query.question) if (m.group(1) or "").lower() in ("that word", "this word", "that term", "the word") else None
    asked = set(words(said.group(1) if said else (m.group(1) or m.group(2) or m.group(3))))
    named = [qw for qw in query.words if qw.word in asked and qw.found and not qw.carried]
    if not named or any(qw.kind == SUBJECT for qw in named) or SUBJECT_RE.search(m.group(0)):
        return None
    rarest = min(named, key=lambda qw: rarity(qw.corrected or qw.word))
    return rarest.word if rarity(rarest.corrected or rarest.word) < FOCUS_ZIPF else None


class OtherSubject(NamedTuple):
    """Another subject a question is about."""

    pattern: re.Pattern[str]  # its name, as a quote or heading says it
    # The drug an article names the asked-about brand a form of, and the form:
    # "gabapentin" and "extended-release tablets" for Horizant.
    form_of: str = ""
    form: str = ""


def _named(*alternatives: str, form: tuple[str, str] = ("", "")) -> OtherSubject:
    return OtherSubject(re.compile("|".join(rf"\b{re.escape(w)}" for w in alternatives), re.IGNORECASE), *form)


_THE_TWO = re.compile(r"\b(?:the two|the 2|both)\b(?: \w+)? (?:be |are |is )?(?:connected|linked|related)\b", re.IGNORECASE)


def other_subject(query: Query, hits: list[Hit], articles: dict[str, Article], index: Index) -> OtherSubject | None:
    """The other condition a question is about ("does parkinson's run in families?"), if any.

    A question that names restless legs is about them; otherwise, when its
    focus names the condition an article on something else is titled after,
    that condition is its subject. A brand a drug's leaflet names as a form
    of its drug ("Horizant") makes the drug the subject.
    """
    defined = _defined(query)
    if defined is not None:
        return _named(defined)
    if any(qw.kind == SUBJECT and not qw.carried and not qw.story for qw in query.words):
        return None
    # "Switched from Neurontin to Horizant for my legs. What time of day do I take the Horizant?": a story that names the
    # legs leaves a brand the asking sentence names its drug's subject, and no other condition.
    brand_only = any(qw.kind == SUBJECT and not qw.carried for qw in query.words)
    # "I've got iron deficiency anaemia ... and my legs have been horrendous at night. are the two connected?": how the
    # story's condition bears on the legs it names; the legs stay the subject.
    brand_only = brand_only or (_THE_TWO.search(query.question) is not None and any(qw.kind == SUBJECT and qw.story for qw in query.words))
    denied = {m.group(1).casefold().rstrip("s") for m in _DENIED.finditer(query.question)}
    # A condition's name is a rare word ("ADHD", "crohns"); "brain" runs through many pages and titles.
    focus = {t for qw in query.focus if rarity(qw.corrected or qw.word) < FOCUS_ZIPF for t, _ in qw.terms}
    main = query.focus[0] if query.focus else None
    name = (main.corrected or main.word) if main is not None and rarity(main.corrected or main.word) < FOCUS_ZIPF else None
    if name is not None and name.rstrip("s") in denied:
        return None
    # Each article once, in the order of its best passage: every test below is of the article alone.
    for name_of_article in dict.fromkeys(hit.passage.article for hit in hits):
        article = articles[name_of_article]
        if about_subject(article):
            continue
        if name is not None:
            form = form_of(article, name)
            if form is not None:
                return _named(name, form[0], form=form)
            if brand_only:
                continue
            if is_about(article, name):
                # "How is ADHD treated?" over a page on attention deficit disorder that says "ADHD" throughout.
                return _named(name)
        named = (set(corpus_terms(article.title, index)) - _GENERIC_TITLE) & focus
        if named and not brand_only:
            names = [w for w in re.findall(r"[^\W_]+", article.title) if corpus_terms(w, index) and corpus_terms(w, index)[0] in named]
            if names:
                return _named(*names)
    return None


# A leaflet's advice for another use of the drug: "If you are taking gabapentin to treat seizures and you suddenly stop ..."
_OTHER_USE = re.compile(r"^\W*if you (?:are|were) (?:taking|using) [\w-]+ to (?:treat|control|prevent|relieve) ([^,.;]+)", re.IGNORECASE)


def for_other_use(sentence: str, query: Query) -> bool:
    """Is the sentence a leaflet's advice for a use of the drug other than the subject, one the question does not name?"""
    use = _OTHER_USE.match(sentence)
    return use is not None and not SUBJECT_RE.search(use.group(1)) and not {qw.word for qw in query.focus} & set(words(use.group(1)))


# Conditions told apart from restless legs: a sentence that begins with one is about it ("Leg cramps cause more severe pain ...")
_OTHER_FIRST = re.compile(r"^\W*(?:(?:leg|night|nocturnal|muscle|calf)\s+)?(cramps?|neuropathy|arthritis|akathisia)\b", re.IGNORECASE)


def names_other(sentence: str, query: Query) -> bool:
    """Does the sentence begin with another condition ("PLMS", "Leg cramps") the question does not name?"""
    m = ACRONYM_FIRST.match(sentence) or _OTHER_FIRST.match(sentence)
    if m is None or SUBJECT_RE.match(m.group(1)):
        return False
    asked = {qw.word for qw in query.words}
    return m.group(1).casefold() not in asked and m.group(1).casefold().rstrip("s") not in asked


def weighed(query: Query) -> tuple[QueryWord, ...]:
    """The two options a question weighs ("magnesium morning or night"), both found in the articles; none if it weighs none."""
    own = {qw.word: qw for qw in query.words if qw.found and qw.kind == SPECIFIC and not qw.carried}
    pairs = re.findall(r"\b([\w-]+),? (?:or|vs\.?|versus) ([\w-]+)\b", query.question.lower())
    return next(((own[a], own[b]) for a, b in pairs if a in own and b in own), ())


def names_all(options: tuple[QueryWord, ...], text: str, index: Index) -> bool:
    """Does the text name every one of the options?"""
    terms = set(corpus_terms(text, index)) if options else set()
    return all(any(t in terms for t, _ in qw.terms) for qw in options)


def corpus_terms(text: str, index: Index) -> list[str]:
    """Index terms of corpus text through the index's own table of words: no stemmer to load.

    A title word the passages never use stays as it is; it can only match a
    question word the same way.
    """
    surface = index.surface
    return [surface.get(w, w) for w in content_words(text)]


# How a medicine is given: by mouth, or into a vein.
_BY_MOUTH = re.compile(r"\b(?:tablets?|pills?|capsules?|oral(?:ly)?|by mouth|swallow\w*)\b", re.IGNORECASE)
_INTO_A_VEIN = re.compile(r"\b(?:iv|intravenous(?:ly)?|infusions?|injections?|injected|drips?)\b", re.IGNORECASE)


def other_route(quote: str, query: Query) -> bool:
    """Does the quote speak only of the other way of giving it ("via an IV" for "magnesium tablets while breastfeeding")?"""
    for asked, other in ((_BY_MOUTH, _INTO_A_VEIN), (_INTO_A_VEIN, _BY_MOUTH)):
        if asked.search(query.question) and not other.search(query.question):
            return bool(other.search(quote)) and not asked.search(quote)
    return False


def title_topic(article: Article, index: Index) -> frozenset[str]:
    """What an article's title says it is about, beyond the shared subject: "iron", "anemia" of "Iron-Deficiency Anemia"."""
    own = [w for w in content_words(article.title) if len(w) > 2 and w not in subject_words() and rarity(w) < FOCUS_ZIPF]
    return frozenset(corpus_terms(" ".join(own), index)) - _GENERIC_TITLE


# "In addition to magnesium, several natural and alternative treatments ...": not about magnesium
ASIDE = re.compile(r"\b(?:in addition to|besides|apart from|other than)\s+[\w-]+", re.IGNORECASE)


def strays(quote: str, first: str, asked: set[str], article: Article, index: Index) -> bool:
    """Does a further quote name its own page's topic ("IV iron therapy ..." on a page on anemia) that neither the question nor quote [1] names?"""
    topic = title_topic(article, index)
    own = set(corpus_terms(ASIDE.sub("", quote), index))
    return bool(topic and (topic & own) - asked - set(corpus_terms(first, index)))
