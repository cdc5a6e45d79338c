"""BM25 over passages, precomputed when the index is made.

Scoring follows rank_bm25 exactly (rlsbot.bm25), but every term's
contribution to every passage that contains it is computed once when the
index is made or loaded, as bm25s does.  A query then only adds up a few
precomputed columns (rlsbot.postings).  Saving and loading are
rlsbot.index_cache's.  Only building imports numpy: a small cached index is
queried without it.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from rlsbot.analysis import fillers, stem, subject_words, synonym_groups, words
from rlsbot.article import Article, article_key
from rlsbot.bm25 import BM25Params
from rlsbot.english import common_words
from rlsbot.index_meta import FIELDS, Fields
from rlsbot.passage_table import PassageTable
from rlsbot.passages import Passage
from rlsbot.postings import NpPostings, PyPostings, postings_for
from rlsbot.stem_bound import may_stem_to_any

if TYPE_CHECKING:
    import numpy as np

    from rlsbot.analyser import Analysed, _Analyser, passage_terms

__all__ = ["Analysed", "Hit", "Index", "Reusable", "passage_terms"]


def __getattr__(name: str):
    # The analyser is for building: a cached index is queried without importing it.
    if name in ("Analysed", "_Analyser", "analyse", "passage_terms"):
        from rlsbot import analyser

        return getattr(analyser, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Hit(NamedTuple):
    passage: Passage
    score: float
    rank: int


class Reusable(Protocol):
    """What Index.build needs of an earlier index (rlsbot.index_cache.CachedIndex)."""

    def article_slots(self) -> dict[tuple[str, str], int]: ...

    def reused(self, articles: list[int]) -> tuple[list[Analysed], list[str], list[str]]: ...


# ---------------------------------------------------------------- the index


class Index:
    """Passages, their BM25 term columns, and the vocabulary a query needs.

    Scoring is rlsbot.postings': in plain Python up to ``SMALL`` postings (no
    numpy import for the bundled corpus), with numpy past it.  The columns
    (``col_ptr``, ``col_docs``, ``col_tf``, ``doc_len``) are memoryviews or
    numpy arrays accordingly.
    """

    def __init__(
        self,
        passages: Sequence[Passage],
        vocab: Mapping[str, int],
        doc_len: Sequence[int],
        col_ptr: Sequence[int],
        col_docs: Sequence[int],
        col_tf: Sequence[int],
        surface: Mapping[str, str],
        surface_count: Mapping[str, int],
        params: BM25Params,
    ) -> None:
        self.passages = passages if isinstance(passages, PassageTable) else list(passages)
        self.vocab = vocab
        self.surface = surface  # every word seen in the corpus -> its stem
        self.surface_count = surface_count
        self.params = params
        self.n_docs = len(self.passages)
        self._postings: PyPostings | NpPostings = postings_for(col_ptr, col_docs, col_tf, doc_len, params)
        p = self._postings
        self.col_ptr, self.col_docs, self.col_tf, self.doc_len, self.avgdl = p.col_ptr, p.col_docs, p.col_tf, p.doc_len, p.avgdl
        # Set by build() and load(): what save() needs to let a later build
        # reuse each article's analysis.
        self._articles: list[tuple[str, str]] = []  # (name, article_key)
        self._art_ptr: Sequence[int] = (0,)  # article -> its passages
        self._art_surface: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # ptr, ids, counts
        self._surface_list: Sequence[str] = []
        self._extra_stems: Mapping[str, str] = {}  # _question_stems, sorted

    @property
    def df(self) -> Sequence[int]:
        """Passages holding each term."""
        return self._postings.df

    @property
    def idf(self) -> Sequence[float]:
        """Each term's IDF (all computed: a query needs only ``idf_of``)."""
        return self._postings.idf

    @property
    def term_const(self) -> Sequence[float]:
        """Per term, what it adds to every passage whatever the passage holds (BM25+'s delta)."""
        return self._postings.term_const

    def column(self, t: int) -> tuple[Sequence[int], Sequence[float]]:
        """Term ``t``'s passages and its BM25 contribution to each."""
        return self._postings.column(t)

    @property
    def col_score(self) -> Sequence[float]:
        """Every (term, passage) contribution, term-major like ``col_docs`` (all columns computed)."""
        return self._postings.col_score

    # ------------------------------------------------------------ building

    @classmethod
    def build(
        cls,
        articles: Iterable[Article],
        params: BM25Params | None = None,
        progress: Callable[[int, int], None] | None = None,
        reuse: Reusable | None = None,
        fields: Fields = FIELDS,
    ) -> Index:
        """Index articles.  With ``reuse``, articles it has unchanged are not analysed again.

        ``progress(done, total)`` is called as the articles that had to be
        analysed are done (after each one, or each chunk of a large build,
        which worker processes share: rlsbot.analyser).  ``reuse`` must
        have been made with the same ``fields``.
        """
        from rlsbot.analyser import analyse

        articles = list(articles)
        keys = [article_key(a) for a in articles]
        reusable = reuse.article_slots() if reuse is not None else {}
        slots = [reusable.get((a.name, k)) for a, k in zip(articles, keys, strict=True)]
        todo = [a for a, slot in zip(articles, slots, strict=True) if slot is None]
        fresh, analyser = analyse(todo, fields, (lambda done: progress(done, len(todo))) if progress else None)
        fresh.reverse()
        # an int: that article of ``reuse``
        parts: list[Analysed | int] = [fresh.pop() if slot is None else slot for slot in slots]
        index = _assemble(parts, analyser, reuse, params or BM25Params(), [a.title for a in articles])
        index._articles = [(a.name, k) for a, k in zip(articles, keys, strict=True)]
        return index

    @classmethod
    def from_terms(
        cls,
        passages: Sequence[Passage],
        docs: Sequence[Sequence[str]],
        surface: dict[str, str],
        surface_count: dict[str, int],
        params: BM25Params,
    ) -> Index:
        """An index over ready-made term lists (one per passage), e.g. for tests and benchmarks."""
        import numpy as np

        vocab = {t: i for i, t in enumerate(sorted({t for terms in docs for t in terms}))}
        ids, tfs, entries = array("q"), array("q"), array("q")
        for terms in docs:
            c = Counter(terms)
            ids.extend(vocab[t] for t in c)
            tfs.extend(c.values())
            entries.append(len(c))
        lengths = np.asarray([len(t) for t in docs], dtype=np.int64)
        return _from_postings(
            passages,
            vocab,
            np.asarray(ids, dtype=np.int64),
            np.asarray(tfs, dtype=np.int64),
            np.asarray(entries, dtype=np.int64),
            lengths,
            surface,
            surface_count,
            params,
        )

    # ------------------------------------------------------------ querying

    def _ids(self, terms: Iterable[tuple[str, float]]) -> list[tuple[int, float]]:
        vocab = self.vocab
        return [(t, weight) for t, weight in ((vocab.get(term), weight) for term, weight in terms) if t is not None]

    def scores(self, terms: Iterable[tuple[str, float]]) -> Sequence[float]:
        """BM25 score of every passage for weighted query terms.

        With every weight 1 this equals rank_bm25's ``get_scores`` for the same
        variant and parameters, repeated terms counted each time.
        """
        return self._postings.scores(self._ids(terms))

    def search(self, terms: Sequence[tuple[str, float]], top: int = 10) -> list[Hit]:
        """The best ``top`` passages, best first; passages matching nothing are left out.

        Ties keep corpus order, so results are deterministic.
        """
        if not self.n_docs or top <= 0:
            return []
        best = self._postings.best(self._ids(terms), top)
        return [Hit(self.passages[d], score, rank + 1) for rank, (d, score) in enumerate(best)]

    def idf_of(self, term: str) -> float:
        t = self.vocab.get(term)
        return self._postings.idf_of(t) if t is not None else 0.0

    def stem_of(self, word: str) -> str | None:
        """The stem of a word the passages' text lacks, when the build stemmed it (a heading's, a title's, a common word's)."""
        return self._extra_stems.get(word)

    def df_of(self, term: str) -> int:
        t = self.vocab.get(term)
        return self._postings.df_of(t) if t is not None else 0


def _assemble(parts: list, analyser: _Analyser, reuse: Reusable | None, params: BM25Params, titles: Sequence[str] = ()) -> Index:
    """One index from fresh analyses and articles of a cached index, in corpus order; ``titles``, the articles'."""
    import numpy as np

    slots = [p for p in parts if isinstance(p, int)]
    if slots and reuse is not None:
        got, old_vocab, old_surface = reuse.reused(slots)
        # the cache's ids, as the analyser's
        term_map = np.asarray([analyser.term(t) for t in old_vocab], dtype=np.int64)
        word_map = np.asarray([analyser.word(w) for w in old_surface], dtype=np.int64)
        for _slot, r in zip(slots, got, strict=True):
            r.term_ids, r.surface_ids = term_map[r.term_ids], word_map[r.surface_ids]
        reused = dict(zip(slots, got, strict=True))
        parts = [reused[p] if isinstance(p, int) else p for p in parts]

    def cat(name: str) -> np.ndarray:
        return np.concatenate([getattr(p, name) for p in parts]) if parts else np.zeros(0, dtype=np.int64)

    ids, s_ids, s_counts = cat("term_ids"), cat("surface_ids"), cat("surface_counts")
    # Final ids in sorted order, so a build is the same however much was
    # reused; terms and words of removed articles drop out here.
    vocab_list, term_final = _sorted_ids(analyser.terms, np.bincount(ids, minlength=len(analyser.terms)) > 0)
    surface_list, word_final = _sorted_ids(analyser.words, np.bincount(s_ids, minlength=len(analyser.words)) > 0)
    s_ids = word_final[s_ids]
    totals = np.bincount(s_ids, weights=s_counts, minlength=len(surface_list)).astype(np.int64)
    passages = PassageTable.concat([p.passages for p in parts])
    surface = {w: stem(w) for w in surface_list}
    index = _from_postings(
        passages,
        dict(zip(vocab_list, range(len(vocab_list)), strict=True)),
        term_final[ids],
        cat("tfs"),
        cat("entries"),
        cat("lengths"),
        surface,
        dict(zip(surface_list, totals.tolist(), strict=True)),
        params,
    )
    index._art_ptr = np.concatenate(([0], np.cumsum([len(p.passages) for p in parts]))).astype(np.int64)
    index._art_surface = (
        np.concatenate(([0], np.cumsum([len(p.surface_ids) for p in parts]))).astype(np.int64),
        s_ids.astype(np.int32),
        s_counts.astype(np.int32),
    )
    index._surface_list = surface_list
    index._extra_stems = _question_stems(passages.sections, titles, surface, index.vocab)
    return index


def _question_stems(sections: Iterable[str], titles: Iterable[str], surface: Mapping[str, str], vocab: Mapping[str, int]) -> dict[str, str]:
    """Stems a question may need beyond the corpus words, so a cached index answers without nltk (0.7 s to import).

    The words of section headings, article titles and the data files, and
    the common English words ("customer", "walked") whose stem could be an
    index term: rlsbot.query rules the others out without stemming.
    """
    extra = {w for text in (*sections, *titles) for w in words(text)}
    extra |= set(synonym_groups()) | subject_words() | fillers()
    # the tests rlsbot.query asks before stemming, the cheap ones first: a term that is a prefix of
    # the word is one of its first three letters or begins with its first four (or the word ends in y: y->i)
    short, heads = {t for t in vocab if len(t) <= 3}, {t[:4] for t in vocab if len(t) > 3}
    extra |= {
        w
        for w in common_words(0.0)
        if (w[:3] in short or w[:4] in heads or w[-1:] == "y")
        and w.isalpha()  # the others take no stemmer (rlsbot.analysis.stem)
        and w not in surface
        and may_stem_to_any(w, vocab)
    }
    return {w: stem(w) for w in sorted(extra) if w not in surface}


def _sorted_ids(names: list[str], used: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The used names, sorted, and a map from their old ids to positions in that list."""
    import numpy as np

    kept = sorted(np.flatnonzero(used).tolist(), key=names.__getitem__)
    final = np.full(len(names), -1, dtype=np.int64)
    final[kept] = np.arange(len(kept))
    return [names[i] for i in kept], final


def _from_postings(
    passages: Sequence[Passage],
    vocab: dict[str, int],
    ids: np.ndarray,
    tfs: np.ndarray,
    entries: np.ndarray,
    lengths: np.ndarray,
    surface: dict[str, str],
    surface_count: dict[str, int],
    params: BM25Params,
) -> Index:
    """Term columns from passage rows: entry i belongs to passage ``repeat(arange, entries)[i]``."""
    import numpy as np

    docs = np.repeat(np.arange(len(entries), dtype=np.int64), entries)
    order = np.argsort(ids, kind="stable")  # within a column, passages stay in order
    df = np.bincount(ids, minlength=len(vocab)).astype(np.int64) if len(ids) else np.zeros(len(vocab), dtype=np.int64)
    col_ptr = np.concatenate(([0], np.cumsum(df))).astype(np.int64)
    return Index(
        passages,
        vocab,
        lengths.astype(np.int64),
        col_ptr,
        docs[order].astype(np.int32),
        tfs[order].astype(np.int32),
        surface,
        surface_count,
        params,
    )
