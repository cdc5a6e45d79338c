"""Evidence selection, abstention and composition: from ranked passages to an Answer.

An answer is made of whole sentences of the articles, never of words rlsbot
chose.  The passages BM25 ranks highest are opened up into their sentences,
and a sentence can be quoted only when

* it is about the question's subject: restless legs syndrome unless the
  question names another condition; a sentence qualifies when it, or its
  article, is about that subject (Parkinson's research is not RLS research);
* it carries the question's focus (the rarest thing it names), in itself or
  in the heading it stands under;
* it gives what the question asks for when only that can answer it (an
  amount for "how much", a length of time for "how long": ``asks.py``), and
  speaks of the question's population when it names one (a child, pregnancy);
* it stands alone: a sentence that leans on the one before ("This", "However")
  is quoted with it, a list item with its lead-in, or not at all;
* no quote says the same sentence again.

Those that qualify are ranked by how much of the focus they carry, whether
they give the ask, and their passage's rank. The best is quote [1]; others
follow only while they stay close to it.  When nothing qualifies the answer is
a refusal that says which part of the question the articles lack.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from rlsbot.analysis import lay_words
from rlsbot.article import BYLINE_KEYS, Article, with_bullets
from rlsbot.ask_type import AMOUNTS_ANSWER, BRINGS_ON, EXPLAINS, MEASURED, NAMES_SOME, TREATS, WHICH, WHY
from rlsbot.asks import ask
from rlsbot.english import nameable
from rlsbot.index import Hit, Index
from rlsbot.needs import PASSAGES_CONSIDERED, Needs, needs_of
from rlsbot.query import FILLER, FOCUS_ZIPF, SUBJECT, TECHNICAL_ZIPF, Query, QueryWord, is_generic, rarity
from rlsbot.question_subject import ASIDE, corpus_terms, for_other_use, names_all, names_other, other_route, strays, weighed
from rlsbot.quotes import (
    CONTRASTS,
    NOT_AN_ANSWER,
    about_the_author,
    asks_of_the_author,
    concludes,
    goes_on,
    names_then_says,
    quotable_span,
    repeats,
    same_sentence,
)
from rlsbot.subject import ANY_USE, SUBJECT_RE, about_subject, lists_subject, topic_of

DISCLAIMER = "Quoted from the articles, not medical advice: ask your doctor before you change a treatment."

MAX_QUOTES = 3
MIN_FOCUS_SHARE = 0.45  # of the focus's weight, in the quote (its heading counts half)
MOST_OF_FOCUS = 0.6  # of a focus of three or more words, enough to do without the main one
KEEP_RATIO = 0.85  # a further quote scores at least this share of quote [1]: an answer stops when the next adds less
PASSAGE_RANK_WEIGHT = 0.25
ASK_WEIGHT = 0.8  # a sentence that gives the main ask ("5 to 10 percent" for "how common")
OTHER_ASK_WEIGHT = 0.15
SECTION_ASK_WEIGHT = 0.2  # it stands under a heading that names the ask ("Causes")
QUESTION_WORDS_WEIGHT = 0.3  # the share of all the question's words it has, by IDF
STRONG_FOCUS = 2.0  # focus weight (6 - Zipf) at which the focus counts in full
CUE_WEIGHT = 0.1  # per further cue of the main ask (a side effect named, then another)
PHRASE_WEIGHT = 0.15  # per pair of question words found side by side
LENGTH_PENALTY = 0.35  # a long sentence loses a little to short ones: score / (1 + 0.35 * extra/12) per 12 terms beyond 12
FORM_WEIGHT = 0.3  # a sentence on a brand's own form ("extended-release"), beside the drug's name
# "why is it worse in the evening?", "what happens if I stop?": a sentence that gives a reason ("Thus, ...") or what follows
WHY_WEIGHT = 0.3
# "which other illnesses raise the risk?": a sentence that names some ("These include kidney failure, ..."). Also "what does it
# feel like?" (an s-word after "what"), which wants "creeping, crawling, tingling, or burning": a quote [1] on both groups.
WHICH_WEIGHT = 0.3


_WORSENS = re.compile(r"\btrigger|\bworse", re.IGNORECASE)  # "can be triggered by medications", "make ... worse"

# "However, some people's symptoms go away ...", not "However, the genetic changes ... in these families ...": it points back
_QUALIFIES = re.compile(
    r"[ \t]*(?:However|But|Still|Nevertheless),? "
    # not one that points back ("... in these families"); "suggest that you see ..." is no pointing
    r"(?![^.?!\n]*\b(?:these|those|this|such|that(?! (?:you|he|she|they|it|we|i|the|a|an|some|most|many|people|your|their|his|her)\b))\b)"
)


class Citation(NamedTuple):
    """One verbatim quote and where it comes from."""

    n: int
    article: str  # corpus file name
    title: str
    section: str
    start: int
    end: int
    quote: str  # exactly article.text[start:end]
    score: float
    meta: dict  # the article's byline (BYLINE_KEYS)


class Answer(NamedTuple):
    """What rlsbot says to one question."""

    question: str
    query: str  # the words actually searched
    answered: bool
    citations: tuple[Citation, ...] = ()
    missing: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()  # (as typed, read as)
    # What the articles do not cover, one line each: "The articles discuss magnesium doses, but not for children."
    # Said on refusals, and on answers that cover only part of a question.
    gaps: tuple[str, ...] = ()


class _Candidate(NamedTuple):
    article: str
    section: str
    start: int  # the quote's span, lead-in or leaned-on sentence included
    end: int
    score: float
    order: tuple[int, int]  # passage rank, sentence index: ties go to the better passage
    own_focus: bool  # the sentence itself names the question's main focus
    gives_ask: bool  # it says what the question asks for (or the question asks nothing in particular)
    read: str  # the quote as selection reads it: every list marker "\u2022 " (article.with_bullets)


def _weights(terms: set[str] | None, query: Query, index: Index) -> float:
    """The question's IDF weight found among ``terms`` (all of it when None).

    Fillers count for nothing; the shared subject ("restless legs syndrome")
    counts once, by its best word: three words of one name must not outweigh
    the one word a question is about.
    """
    got = subject = 0.0
    for qw in query.words:
        if qw.kind == FILLER:
            continue
        best = max((w * index.idf_of(t) for t, w in qw.terms if terms is None or t in terms), default=0.0)
        if qw.kind == SUBJECT:
            subject = max(subject, best)
        else:
            got += best
    return got + subject


def _has(terms: set[str], needed: frozenset[str]) -> bool:
    return bool(terms & needed)


def _candidates(
    query: Query, hits: list[Hit], articles: dict[str, Article], index: Index, needs: Needs, relax: frozenset[str] = frozenset()
) -> list[_Candidate]:
    """Every sentence of the top passages that may be quoted, scored."""
    total = _weights(None, query, index) or 1.0
    focus_total = sum(needs.focus_weights) or 1.0
    asks = [ask(k) for k in query.asks or query.carried_asks]
    main = asks[0] if asks else None
    top_score = max(hits[0].score, 1e-9) if hits else 1.0
    # Two question words side by side in a sentence ("runs in families") say more than apart.
    asked = [qw.terms[0][0] for qw in query.words if qw.terms and not qw.carried and qw.kind != "intent"]
    pairs = set(zip(asked, asked[1:], strict=False))
    known: dict[str, list[str]] = {}  # a sentence is most often quoted as itself; headings and titles recur
    why = bool(WHY.search(query.question))
    # the drug a leaflet is titled after may be any the question names: "does vicodin clash with the gabapentin?"
    drugs = [qw.corrected or qw.word for qw in query.focus] if main is not None and main.kind in ANY_USE else []
    # "which foods ...?", and side effects, asked for as a list: a sentence that names some
    which = bool(WHICH.search(query.question)) or (main is not None and main.kind == "side effects")
    treats_asked = main is not None and main.kind == "treatment" and "cause" not in (query.asks or query.carried_asks)
    # "which drugs make it worse?": the medicines that bring it on, not those that treat it
    brings_asked = main is not None and main.kind == "cause" and any(is_generic(qw) and not qw.carried for qw in query.words)
    amounts_unasked = main.kind not in AMOUNTS_ANSWER if main is not None else not MEASURED.search(query.question)

    def terms_of(text: str) -> list[str]:
        found = known.get(text)
        if found is None:
            found = known[text] = corpus_terms(text, index)
        return found

    out: list[_Candidate] = []
    for hit in hits[:PASSAGES_CONSIDERED]:
        article = articles[hit.passage.article]
        text = article.text
        section = hit.passage.section
        if about_the_author(section, article.author) and not asks_of_the_author(query.question, article.author):
            continue  # a bio answers only who wrote the article
        section_terms = set(terms_of(section)) | set(terms_of(article.title))
        # About the subject: an article on RLS or the asked drug's leaflet that lists it; for another subject, its title names it.
        if needs.subject is SUBJECT_RE:
            on_topic_article = about_subject(article) or any(lists_subject(article, drug) for drug in drugs)
        else:
            on_topic_article = needs.subject is not None and bool(needs.subject.search(article.title))
        for i, sentence in enumerate(hit.passage.sentences):
            span = quotable_span(text, hit.passage.sentences, i)
            if span is None:
                continue
            own = text[sentence.start : sentence.end]
            if main is not None and main.kind == "difference" and needs.focus and CONTRASTS.search(own):
                # "how do I tell it from night cramps?": the contrast, with what its paragraph says of the cramps.
                span = (span[0], goes_on(text, hit.passage.sentences, i, span[1], lambda s: _has(set(terms_of(s)), needs.focus[0])))
            elif (
                span[1] == sentence.end
                and (says := names_then_says(own)) is not None
                and (said := goes_on(text, hit.passage.sentences, i, span[1], says, 1)) > span[1]
            ):
                span = (span[0], said)  # "... disorder (PLMD)." then what it is: "PLMD is a condition in which ..."
            elif main is not None and span[1] == sentence.end and not main.cue.search(own):
                # The sentence after it concludes what was asked: "..., your doctor can confirm that you have RLS."
                span = (span[0], goes_on(text, hit.passage.sentences, i, span[1], lambda s: concludes(s) and bool(main.cue.search(s)), 1))
            quoted = with_bullets(text, [s.start for s in hit.passage.sentences if s.kind == "item"], *span)
            if NOT_AN_ANSWER.match(own) or amounts_unasked and ask("dose").cue.search(own):
                continue  # "daily doses of 270-350 mg" answers no question of who gets it
            if treats_asked and BRINGS_ON.search(quoted) and not TREATS.search(quoted):
                continue  # "which prescription meds are there for rls?": not the medicines that bring it on
            if brings_asked and TREATS.search(quoted) and not (BRINGS_ON.search(quoted) or _WORSENS.search(quoted)):
                continue  # "which drugs cause rls?": not "The goals of treatment are to: ..."
            if "subject" not in relax and (for_other_use(own, query) or other_route(quoted, query)):
                continue
            ordered = terms_of(own)
            terms = set(ordered)
            # In the drug's own leaflet the brand's form names it: "Swallow the extended-release tablets whole" is Horizant's
            # (a sentence of its own: not a list's "- tell your doctor if ... If you will be taking the extended-release tablets, ...").
            by_form = bool(
                on_topic_article
                and needs.subject is not SUBJECT_RE
                and needs.focus
                and needs.form
                and needs.form <= terms
                and sentence.kind != "item"
            )
            if by_form:
                terms |= needs.focus[0]
            context = set(terms_of(quoted)) | section_terms
            # The subject: this sentence, its section, its article (in one on RLS, "PLMS usually affects ..." is not) or the
            # paragraph it goes on with, three sentences back at most ("People with RLS should ... Drugs ... help as well").
            itself = needs.of_itself and _has(set(terms_of(own)), needs.focus[0])  # names the drug asked of (Needs.of_itself)
            if "subject" not in relax and needs.subject is not None and not itself and (not on_topic_article or names_other(own, query)):
                lead = text[max(text.rfind("\n", 0, span[0]) + 1, hit.passage.sentences[max(0, i - 3)].start) : span[0]]
                continues = needs.subject.search(lead) and not names_other(own, query)
                if not (needs.subject.search(quoted) or needs.subject.search(section) or continues):
                    continue
            # The focus: the main one in the quote or its heading, and most of the rest.
            if needs.focus and not needs.soft:
                share = sum(w for f, w in zip(needs.focus, needs.focus_weights, strict=True) if _has(terms, f))
                share += 0.5 * sum(
                    w for f, w in zip(needs.focus, needs.focus_weights, strict=True) if not _has(terms, f) and _has(context, f)
                )
                share /= focus_total
                lacked = sum(needs.focus_weights[k] for k in needs.forms if not _has(context, needs.focus[k]))
                thin = share * focus_total / ((focus_total - lacked) or 1.0)  # a form ("as a supplement") lacked is no thin focus
                # The main focus, unless most of a many-sided focus is there.
                if not _has(context, needs.focus[0]) and (len(needs.core) < 3 or share < MOST_OF_FOCUS):
                    continue
                # One or two things asked about ("iron deficiency"): the quote has them all.
                if len(needs.core) <= 2 and not needs.lay and not all(_has(context, needs.focus[k]) for k in needs.core):
                    continue
                if thin < MIN_FOCUS_SHARE:
                    continue
            elif needs.focus:
                share = sum(w for f, w in zip(needs.focus, needs.focus_weights, strict=True) if _has(context, f)) / focus_total
            else:
                share = 1.0
            if needs.strict is not None and "ask" not in relax and not needs.strict.cue.search(quoted):
                continue
            if "population" not in relax and any(not (p.cue.search(quoted) or p.cue.search(section)) for p in needs.populations):
                continue
            if "names" not in relax and any(not re.search(rf"\b{re.escape(name)}\b", quoted, re.IGNORECASE) for name in query.names):
                continue  # "vitamin D" asked, a sentence on vitamin B6 is no answer
            # A focus of forms alone ("meds") says little about which sentence answers.
            score = share * min(1.0, focus_total / STRONG_FOCUS)
            if main is not None:
                cues = len(main.cue.findall(own))
                if cues:
                    score += ASK_WEIGHT + CUE_WEIGHT * min(3, cues - 1)
                elif main.cue.search(quoted):
                    score += ASK_WEIGHT / 2
                if topic_of(article, hit.passage.start) in main.sections or section.casefold() in main.sections:
                    score += SECTION_ASK_WEIGHT
            score += OTHER_ASK_WEIGHT * sum(1 for a in asks[1:] if a.cue.search(own))
            if needs.form and _has(terms, needs.form):
                score += FORM_WEIGHT
            if why and EXPLAINS.search(own):
                score += WHY_WEIGHT
            if which and NAMES_SOME.search(quoted):
                score += WHICH_WEIGHT
            score += QUESTION_WORDS_WEIGHT * _weights(terms | section_terms, query, index) / total
            if pairs:
                score += PHRASE_WEIGHT * min(2, len(pairs & set(zip(ordered, ordered[1:], strict=False))))
            length = len(terms)  # the sentence's own words: a list it brings along is not padding
            score /= 1.0 + LENGTH_PENALTY * max(0, length - 12) / 12
            score += PASSAGE_RANK_WEIGHT * max(hit.score, 0.0) / top_score
            own_focus = not needs.focus or _has(set(terms_of(ASIDE.sub("", own))), needs.focus[0])  # not "In addition to magnesium"
            own_focus = own_focus or by_form
            if brings_asked and not own_focus:
                continue  # "which medicines make it worse?": the medicines named in the quote, not only in its heading
            gives_ask = main is None or bool(main.cue.search(quoted))
            out.append(_Candidate(article.name, section, span[0], span[1], score, (hit.rank, i), own_focus, gives_ask, quoted))
    return out


def _as_discussed(qw: QueryWord, index: Index) -> str:
    """A focus word as the articles discuss it: a word they lack, read through the lay vocabulary, is named as what it was
    read as ("sertraline": antidepressants; the articles never name sertraline)."""
    word = qw.corrected or qw.word
    if word in index.surface:
        return word
    return next((m for m in lay_words().get(word, ()) if m in index.surface), word)


def _focus_name(query: Query, index: Index, strict: bool = False) -> str:
    """The focus words to name in a refusal, the question's own first; with ``strict``, only telling ones ("" if none)."""
    own = [qw for qw in query.focus if not qw.carried] or query.focus
    names = list(dict.fromkeys(_as_discussed(qw, index) for qw in own))  # two antidepressants by name are one kind the articles discuss
    guessed = {qw.corrected for qw in query.focus if qw.story and qw.corrected}  # "dreading" read as "drawing" is a guess
    telling = [w for w in names if nameable(w) and w not in guessed]
    return " and ".join((telling if strict or telling else names)[:2])


def _gaps(query: Query, hits: list[Hit], articles: dict[str, Article], index: Index, needs: Needs) -> tuple[str, ...]:
    """Why nothing qualified: the parts of the question the articles lack, each said once."""
    focus, named = _focus_name(query, index), _focus_name(query, index, strict=True)
    who = " or ".join(p.name for p in needs.populations)
    # Nothing to name: "The articles do not say how to treat it for children.", not "The articles discuss this, but ..."
    but = f"The articles discuss {focus}, but" if focus else "The articles"
    but_not = f"{but} not" if focus else "The articles say nothing of this"

    @cache  # each is a pass over every candidate sentence; the lines below ask some twice
    def found(*relaxed: str) -> bool:
        return bool(_candidates(query, hits, articles, index, needs, frozenset(relaxed)))

    lines = []
    # Found once the ask is let go, the population is there: only the ask is missing.
    only_ask = needs.strict is not None and found("ask")
    if needs.populations and not only_ask and (found("population") or found("population", "ask")):
        lines.append(f"{but_not} for {who}.")
    if needs.strict is not None and needs.populations and only_ask and found("population"):
        # "is magnesium safe in pregnancy?" then "how much?": an amount and pregnancy are there, never together.
        lines.append(f"{but} do not say {needs.strict.says} for {who}.")
    elif needs.strict is not None and lines and not found("population"):
        # "how much gabapentin for a 10 year old?": neither the child nor the amount is there, said in one line.
        lines[-1] = f"{but_not} for {who}, and do not say {needs.strict.says}."
    elif needs.strict is not None and only_ask:
        lines.append(f"{but} do not say {needs.strict.says}.")
    if not lines and query.names:
        lines.append(f"The articles do not mention {' or '.join(query.names)}.")
    if not lines and found("subject"):
        lines.append(
            f"The articles mention {named} only about other conditions, not restless legs syndrome."
            if named
            else "The articles answer this only about other conditions, not restless legs syndrome."
        )
    if not lines and query.focus:
        # Found words, but no one passage speaks to them together ("ropinirole" and "iron"); "month" or "thinks" is not named.
        lines.append(
            f"The articles discuss {named}, but no passage answers this question."
            if named
            else "No passage of the articles answers this question."
        )
    return tuple(lines)


def compose(question: str, query: Query, hits: list[Hit], articles: dict[str, Article], index: Index) -> Answer:
    corrections = tuple((qw.word, qw.corrected) for qw in query.words if qw.corrected)
    # "does magnesium spray work as well as the pills?": what is compared is not there to compare
    if not query.covered or not hits or (query.asks[:1] == ("comparison",) and any(rarity(w) < FOCUS_ZIPF for w in query.missing_topics)):
        return Answer(question, query.text, False, (), tuple(query.missing), corrections)
    needs = needs_of(query, hits, articles, index)
    found = _candidates(query, hits, articles, index, needs)
    if query.asks[:1] == ("comparison",) and (options := weighed(query)):  # "magnesium morning or night, which is better?"
        found = [c for c in found if names_all(options, c.read, index)]  # a quote that compares names both
    unnamed: tuple[str, ...] = ()
    if not found and query.names and any(not (qw.corrected or qw.word).startswith("vitamin") and not is_generic(qw) for qw in query.focus):
        # "iron tablets and vitamin D?": the covered part is answered, the other named.
        found = _candidates(query, hits, articles, index, needs, frozenset({"names"}))
        unnamed = query.names if found else ()
    partly: tuple[str, ...] = ()
    other = _other_option(query, needs) if not found else None
    if other is not None:
        # "do hot baths or compression socks help?": no sentence has both options; the rarer one, if a sentence gives what is asked.
        found = [c for c in _candidates(query, hits, articles, index, needs._replace(core=needs.core[:1])) if c.gives_ask and c.own_focus]
        says = ask((query.asks or query.carried_asks)[0]).says
        partly = (f"The articles discuss {_as_discussed(other, index)}, but do not say {says}.",) if found else ()
    if not found and query.sets_scene(needs.core):
        # "Horizant: administration timing and food requirements?": the commoner words set the scene; a sentence that answers of the rarest will do
        found = [c for c in _candidates(query, hits, articles, index, needs._replace(core=needs.core[:1])) if c.gives_ask and c.own_focus]
    if not found:
        gaps = _gaps(query, hits, articles, index, needs)
        return Answer(question, query.text, False, (), tuple(query.missing), corrections, gaps)

    found.sort(key=lambda c: (-c.score, c.order))
    best = found[0].score
    chosen: list[_Candidate] = []
    asked = {t for qw in query.words for t, _ in qw.terms}  # and a brand's drug ("Horizant": gabapentin), not IV's iron
    asked |= set().union(*needs.focus) if query.focus and rarity(query.focus[0].word) < TECHNICAL_ZIPF else set()
    for c in found:
        if len(chosen) == MAX_QUOTES:
            break
        if chosen and (c.score < KEEP_RATIO * best or not c.own_focus or not c.gives_ask):
            continue
        if any(o.article == c.article and o.start < c.end and c.start < o.end for o in chosen) or (
            chosen and strays(c.read, chosen[0].read, asked, articles[c.article], index)  # "IV iron ..." after IV magnesium
        ):
            continue
        if any(same_sentence(c.read, o.read) for o in chosen):
            break  # the same sentence again, a word or two changed ("make"/"makes"): nothing after it adds more
        if any(repeats(c.read, o.read) or repeats(o.read, c.read) for o in chosen):
            continue  # one says nearly all of the other, as another page of the same publisher does: one is enough
        chosen.append(c)

    # "RLS symptoms often get worse over time." is not cut from the "However, some people's symptoms go away for weeks to
    # months." that qualifies it, when that pair answers too.
    for k, c in enumerate(chosen):
        if not _QUALIFIES.match(articles[c.article].text, c.end):
            continue
        wider = min(
            (w for w in found if w.article == c.article and w.start == c.start and w.end > c.end), key=lambda w: w.end, default=None
        )
        if wider is not None and not any(o is not c and o.article == c.article and c.end <= o.start < wider.end for o in chosen):
            chosen[k] = wider._replace(score=c.score)
    # Articles in the order of their best quote; inside one, best first.
    article_rank: dict[str, int] = {}
    for c in chosen:
        article_rank.setdefault(c.article, len(article_rank))
    chosen.sort(key=lambda c: (article_rank[c.article], -c.score))
    citations = []
    for n, c in enumerate(chosen, 1):
        article = articles[c.article]
        citations.append(
            Citation(
                n=n,
                article=c.article,
                title=article.title,
                section=c.section,
                start=c.start,
                end=c.end,
                quote=article.text[c.start : c.end],
                score=round(c.score, 4),
                meta={k: v for k, v in article.meta.items() if k in BYLINE_KEYS},
            )
        )
    return Answer(question, query.text, True, tuple(citations), tuple(query.missing_topics) + unnamed, corrections, partly)


def _other_option(query: Query, needs: Needs) -> QueryWord | None:
    """The second of two options ("X or Y", each a word of its own) the question asks something of ("does it help?"), if so."""
    if len(needs.core) != 2 or needs.populations or needs.strict is not None or not (query.asks or query.carried_asks):
        return None
    other = query.focus[needs.core[1]]
    return other if query.coordinated(other.corrected or other.word) else None
