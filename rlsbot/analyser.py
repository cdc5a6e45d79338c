"""Articles into passages and term postings: the analysis an index is built from.

An article's analysis depends on nothing but the article, so a large build
spreads articles over worker processes (``analyse``): each worker analyses
whole chunks with ids of its own, and the chunks are put back together in
corpus order with their ids mapped to one set, so the index is the same
however many processes made it.
"""

from __future__ import annotations

import os
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rlsbot.analysis import index_terms, is_stopword, learn_stems, stem, words
from rlsbot.article import Article, with_bullets, worded_items
from rlsbot.index_meta import FIELDS, Fields
from rlsbot.parallel import map_chunks, processes
from rlsbot.passage_table import PassageTable
from rlsbot.passages import build_passages, sentence_splitter

if TYPE_CHECKING:
    import numpy as np


class _Analyser:
    """Analyses articles into compact arrays over provisional term and word ids.

    Each distinct word is looked up (stopword? stem?) once per build, not once
    per occurrence, and an article's result is a few arrays rather than
    dictionaries: 100,000 passages fit in a few hundred MB.
    """

    def __init__(self, fields: Fields = FIELDS) -> None:
        self.fields = fields
        self.terms: list[str] = []  # provisional term id -> term
        self.term_id: dict[str, int] = {}
        self.words: list[str] = []  # provisional word id -> word
        self.word_id: dict[str, int] = {}
        self._word_term: dict[str, int] = {}  # word -> term id, -1 for a stopword

    def term(self, term: str) -> int:
        t = self.term_id.get(term)
        if t is None:
            t = self.term_id[term] = len(self.terms)
            self.terms.append(term)
        return t

    def word(self, word: str) -> int:
        w = self.word_id.get(word)
        if w is None:
            w = self.word_id[word] = len(self.words)
            self.words.append(word)
        return w

    def _term_of(self, word: str) -> int:
        t = -1 if is_stopword(word) else self.term(stem(word))
        self._word_term[word] = t
        return t

    def term_ids(self, found: list[str]) -> list[int]:
        """``index_terms`` as ids: stems of the non-stopwords, in order."""
        get = self._word_term.get
        ids = [get(w) for w in found]
        if None in ids:
            ids = [self._term_of(w) if t is None else t for w, t in zip(found, ids, strict=True)]
        return [t for t in ids if t >= 0]

    def article(self, article: Article) -> Analysed:
        """Passages of an article and the terms of each (``passage_terms``)."""
        import numpy as np  # here, not at the top: a cached index is queried without numpy (rlsbot.postings)

        text = article.text
        passages = build_passages(article)
        ids, tfs, entries, lengths = array("i"), array("i"), array("i"), array("i")
        heading_ids: dict[str, list[int]] = {}
        everything: list[str] = []
        fields = self.fields
        # BM25F with whole-number weights: each field's terms counted ``weight`` times
        title = self.term_ids(words(article.title)) * fields.title
        numbered = worded_items(article)  # a file's "1." is no word: ranking reads it as "\u2022"
        for passage in passages:
            found = words(with_bullets(text, numbered, passage.start, passage.end) if numbered else text[passage.start : passage.end])
            everything += found
            terms = self.term_ids(found) * fields.text
            heading = heading_ids.get(passage.section)
            if heading is None:
                heading = heading_ids[passage.section] = self.term_ids(words(passage.section)) * fields.heading
            terms += heading
            terms += title
            counts = Counter(terms)
            ids.extend(counts)
            tfs.extend(counts.values())
            entries.append(len(counts))
            lengths.append(len(terms))
        surface = Counter(everything)
        get = self.word_id.get
        word_ids = [get(w) for w in surface]
        if None in word_ids:
            word_ids = [self.word(w) if i is None else i for w, i in zip(surface, word_ids, strict=True)]
        return Analysed(
            PassageTable.of(passages),
            np.asarray(ids, dtype=np.int32),
            np.asarray(tfs, dtype=np.int32),
            np.asarray(entries, dtype=np.int32),
            np.asarray(lengths, dtype=np.int32),
            np.asarray(word_ids, dtype=np.int32),
            np.asarray(list(surface.values()), dtype=np.int32),
        )


@dataclass
class Analysed:
    """One article's passages and postings; ids are an _Analyser's or a cache's."""

    passages: PassageTable
    term_ids: np.ndarray  # passage-major: each passage's distinct terms
    tfs: np.ndarray
    entries: np.ndarray  # per passage: how many distinct terms
    lengths: np.ndarray  # per passage: how many terms
    surface_ids: np.ndarray  # every word of the article's passages
    surface_counts: np.ndarray


def passage_terms(text: str, section: str, title: str = "", fields: Fields = FIELDS) -> list[str]:
    """Index terms of a passage: its words, its section heading's and its article title's, by field weight."""
    return index_terms(text) * fields.text + index_terms(section) * fields.heading + index_terms(title) * fields.title


def analyse(
    articles: Sequence[Article], fields: Fields = FIELDS, progress: Callable[[int], None] | None = None
) -> tuple[list[Analysed], _Analyser]:
    """Every article's analysis in order, and the analyser whose ids they use.

    ``progress(n)`` is called with the count analysed so far.
    """
    import numpy as np

    analyser = _Analyser(fields)
    out: list[Analysed] = []
    if processes(len(articles)) < 2:
        for a in articles:
            out.append(analyser.article(a))
            if progress:
                progress(len(out))
        return out, analyser
    jobs = [(a, fields) for a in articles]
    # each worker's ids -> ours, grown as its chunks bring new terms and words
    maps: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    for worker, done, terms, found, stems in map_chunks(_analyse_chunk, jobs, prepare=sentence_splitter):
        term_map, word_map = maps.setdefault(worker, ([], []))
        term_map += [analyser.term(t) for t in terms]
        word_map += [analyser.word(w) for w in found]
        learn_stems(found, stems)  # the index stores every word's stem: none is stemmed twice
        term_array, word_array = np.asarray(term_map, dtype=np.int32), np.asarray(word_map, dtype=np.int32)
        for r in done:
            r.term_ids, r.surface_ids = term_array[r.term_ids], word_array[r.surface_ids]
        out += done
        if progress:
            progress(len(out))
    return out, analyser


# A worker's analyser, kept from chunk to chunk: each distinct word is looked
# up once per worker, and a chunk sends back only the terms and words it added.
_worker: _Analyser | None = None
_made = 0  # analysers made in this process: with the pid, names whose ids a chunk's are


def _analyse_chunk(
    jobs: list[tuple[Article, Fields]],
) -> tuple[tuple[int, int], list[Analysed], list[str], list[str], list[str]]:
    """A worker's task: some articles' analyses, the terms and words new to this worker, and those words' stems."""
    global _worker, _made
    fields = jobs[0][1]
    if _worker is None or _worker.fields != fields:
        _worker, _made = _Analyser(fields), _made + 1
    analyser = _worker
    t0, w0 = len(analyser.terms), len(analyser.words)
    done = [analyser.article(a) for a, _ in jobs]
    for r in done:
        # sent back as arrays alone: Passage objects are made again when asked for
        t = r.passages
        r.passages = PassageTable(t.articles, t.sections, t.arrays)
    found = analyser.words[w0:]
    return (os.getpid(), _made), done, analyser.terms[t0:], found, [stem(w) for w in found]
