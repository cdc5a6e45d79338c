"""Evidence selection, abstention and composition: from ranked passages to an Answer.

An answer is made of whole sentences of the articles, never of words rlsbot
chose.  The passages BM25 ranks highest are opened up into their sentences;
each sentence is scored by how much of the question it contains (question
words weighted by their IDF) and by its passage's rank; the best sentences
are quoted, grouped by article, in the order they stand in the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rlsbot.analysis import index_terms
from rlsbot.article import BYLINE_KEYS, Article
from rlsbot.index import Hit, Index
from rlsbot.passages import Passage, Sentence
from rlsbot.query import FILLER, INTENT, SPECIFIC, SUBJECT, Query

DISCLAIMER = "Quoted from the articles, not medical advice: ask your doctor before you change a treatment."

PASSAGES_CONSIDERED = 8
MAX_QUOTES = 5
MAX_QUOTES_PER_ARTICLE = 4
# A sentence is quoted when its score is at least this share of the best one.
KEEP_RATIO = 0.6
# Another article's best sentence is shown beside the best article's when it
# reaches this share: the articles often speak to a question from two angles.
SECOND_VIEW_RATIO = 0.6
PASSAGE_RANK_WEIGHT = 0.5
# Long sentences that mention the question's words in passing lose a little
# to short ones that are about them: score / (1 + LENGTH_PENALTY * extra/12)
# for every 12 index terms beyond the first 12.
LENGTH_PENALTY = 0.6


@dataclass(frozen=True)
class Citation:
    """One verbatim quote and where it comes from."""

    n: int
    article: str  # corpus file name
    title: str
    section: str
    start: int
    end: int
    quote: str  # exactly article.text[start:end]
    score: float
    meta: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Answer:
    """What rlsbot says to one question."""

    question: str
    query: str  # the words actually searched
    answered: bool
    citations: tuple[Citation, ...] = ()
    missing: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()  # (as typed, read as)
    # What the articles do not cover, one line each: "The articles discuss
    # magnesium doses, but not for children." Said on refusals, and on answers
    # that cover only part of a question.
    gaps: tuple[str, ...] = ()


@dataclass
class _Scored:
    passage: Passage
    sentence: Sentence
    score: float
    order: tuple[int, int]


def _word_weights(terms: set[str] | None, query: Query, index: Index) -> tuple[float, bool]:
    """The question weight found among ``terms`` (all of it when None), and whether a specific word is in it.

    Fillers ("help", "good") are found everywhere and count for nothing.  The
    shared subject ("restless legs syndrome") counts once, by its best word:
    three words of one name must not outweigh the one word a question is about.
    """
    got = 0.0
    subject = 0.0
    specific = False
    for qw in query.words:
        if qw.kind == FILLER:
            continue
        best = max((w * index.idf_of(t) for t, w in qw.terms if terms is None or t in terms), default=0.0)
        if qw.kind == SUBJECT:
            subject = max(subject, best)
            continue
        got += best
        if best and qw.kind in (SPECIFIC, INTENT):
            specific = True
    return got + subject, specific


def _query_weight(query: Query, index: Index) -> float:
    return _word_weights(None, query, index)[0] or 1.0


def compose(question: str, query: Query, hits: list[Hit], articles: dict[str, Article], index: Index) -> Answer:
    corrections = tuple((qw.word, qw.corrected) for qw in query.words if qw.corrected)
    not_covered = Answer(question, query.text, False, (), tuple(query.missing), corrections)
    if not query.covered or not hits:
        return not_covered

    total = _query_weight(query, index)
    needs_specific = any(qw.found and qw.kind == SPECIFIC for qw in query.words)
    top_score = hits[0].score or 1.0
    scored: list[_Scored] = []
    for hit in hits[:PASSAGES_CONSIDERED]:
        article = articles[hit.passage.article]
        section_terms = set(index_terms(hit.passage.section))
        for i, sentence in enumerate(hit.passage.sentences):
            terms = set(index_terms(article.text[sentence.start : sentence.end]))
            got, specific = _word_weights(terms | section_terms, query, index)
            own, _ = _word_weights(terms, query, index)
            if not own or (needs_specific and not specific):
                continue
            length = len(terms)
            density = 1.0 / (1.0 + LENGTH_PENALTY * max(0, length - 12) / 12)
            score = density * got / total + PASSAGE_RANK_WEIGHT * max(hit.score, 0.0) / top_score
            scored.append(_Scored(hit.passage, sentence, score, (hit.rank, i)))
    if not scored:
        return not_covered

    scored.sort(key=lambda s: (-s.score, s.order))
    best = scored[0].score
    chosen: list[_Scored] = []
    per_article: dict[str, int] = {}
    for s in scored:
        name = s.passage.article
        # Best first: an article's first sentence here is its best one.
        first_of_article = per_article.get(name, 0) == 0
        keep = s.score >= KEEP_RATIO * best or (first_of_article and s.score >= SECOND_VIEW_RATIO * best)
        if keep and per_article.get(name, 0) < MAX_QUOTES_PER_ARTICLE and len(chosen) < MAX_QUOTES:
            chosen.append(s)
            per_article[name] = per_article.get(name, 0) + 1

    spans = _quote_spans(chosen, articles)
    # Group by article, best article first; inside one article, reading order.
    article_rank = {}
    for s in chosen:
        article_rank.setdefault(s.passage.article, len(article_rank))
    spans.sort(key=lambda q: (article_rank[q[0]], q[1]))
    citations = []
    for n, (name, start, end, section, score) in enumerate(spans, 1):
        article = articles[name]
        citations.append(
            Citation(
                n=n,
                article=name,
                title=article.title,
                section=section,
                start=start,
                end=end,
                quote=article.text[start:end],
                score=round(score, 4),
                meta={k: v for k, v in article.meta.items() if k in BYLINE_KEYS},
            )
        )
    return Answer(question, query.text, True, tuple(citations), tuple(query.missing), corrections)


def _is_lead_in(text: str, sentences: tuple[Sentence, ...], j: int) -> bool:
    """Is sentence j a lead-in ending in ':' with list items right under it?"""
    return (
        j + 1 < len(sentences) and sentences[j].kind == "sentence" and text[sentences[j].end - 1] == ":" and sentences[j + 1].kind == "item"
    )


def _quote_spans(chosen: list[_Scored], articles: dict[str, Article]) -> list[tuple[str, int, int, str, float]]:
    """Character spans to quote; overlapping ones merge.

    A lead-in ending in ':' takes the list right under it along, and a
    sentence directly before such a lead-in in the same paragraph ("The most
    common side effect ... is stomach upset. Other common side effects
    include:") takes the lead-in and its list.
    """
    raw: list[tuple[str, int, int, str, float]] = []
    for s in chosen:
        text = articles[s.passage.article].text
        sentences = s.passage.sentences
        i = sentences.index(s.sentence)
        end = s.sentence.end

        if not _is_lead_in(text, sentences, i) and _is_lead_in(text, sentences, i + 1) and "\n" not in text[end : sentences[i + 1].start]:
            i += 1
        if _is_lead_in(text, sentences, i):
            while i + 1 < len(sentences) and sentences[i + 1].kind == "item":
                i += 1
            end = sentences[i].end
        raw.append((s.passage.article, s.sentence.start, end, s.passage.section, s.score))
    raw.sort(key=lambda r: (r[0], r[1]))
    merged: list[tuple[str, int, int, str, float]] = []
    for r in raw:
        if merged and merged[-1][0] == r[0] and r[1] <= merged[-1][2]:
            m = merged[-1]
            merged[-1] = (m[0], m[1], max(m[2], r[2]), m[3], max(m[4], r[4]))
        else:
            merged.append(r)
    return merged
