"""BM25 over term columns: in plain Python for a small corpus, with numpy for a large one.

An index keeps, per term, the passages that hold it and how often
(``col_ptr``, ``col_docs``, ``col_tf``: rlsbot.index).  Each term's
contribution to each of its passages is computed the first time a query
touches the term, so a fresh process pays for the columns one question reads.

The bundled corpus has a few hundred passages and ~3,000 postings: there
numpy buys nothing and its import is most of a cached ``rlsbot ask``
(~0.1 s), so ``PyPostings`` scores them with dicts and lists over zero-copy
views of the cache file.  Past ``SMALL`` postings (the 100,000 passages of
benchmarks/scale.py have 7 million) ``NpPostings`` scores with numpy; a
large index read from its cache is ``LazyPostings``, which scores a query
touching few postings in plain Python too and imports numpy only for one
touching many.  All compute rank_bm25's formulas (rlsbot.bm25) with the same
operations in the same order, rank best first and keep ties in corpus order:
tests/test_index_nonumpy.py checks they agree.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from heapq import nsmallest
from typing import TYPE_CHECKING

from rlsbot.bm25 import (
    BM25Params,
    constant,
    constant_one,
    contributions,
    idf_one,
    idf_values,
    mean_idf,
    needs_mean_idf,
    term_contributions,
)

if TYPE_CHECKING:
    import numpy as np

# Postings (and passages) up to which plain Python scores.  Measured as whole
# cached `rlsbot search` processes on generated corpora (benchmarks/startup.py
# --crossover, benchmarks/README.md): plain Python was faster up to ~200,000
# postings (3,000 passages), checking the cache in Python costing ~0.3 us a
# posting against numpy's import; queries after it cost about the same
# either way there (~1 ms).  Half that, for a margin on a quieter machine.
SMALL = 100_000
# Postings one query may touch for a large index (LazyPostings) to be scored
# in plain Python: ~2 us each on first touch against numpy's import (~0.1 s)
# while numpy is not imported (``UNIMPORTED``), and once it is, against
# numpy's ~1 ms a query (``FEW``).  Measured at 100,000 passages:
# benchmarks/README.md ("A cached search at 100,000 passages without numpy").
FEW = 1_000
UNIMPORTED = 50_000
_CHUNK = 1 << 20

Terms = Sequence[tuple[int, float]]  # (term id, weight)


def is_small(n_postings: int, n_docs: int) -> bool:
    """Whether an index this size is scored (and its cache checked) in plain Python."""
    return n_postings <= SMALL and n_docs <= SMALL


def postings_for(col_ptr, col_docs, col_tf, doc_len, params: BM25Params) -> PyPostings | NpPostings:
    """Plain Python for a small index; for a large one read from the cache (memoryviews), numpy only for a query
    touching many postings; numpy for one just built (its arrays are numpy's) or whose IDF needs every term's."""
    if is_small(len(col_docs), len(doc_len)):
        return PyPostings(col_ptr, col_docs, col_tf, doc_len, params)
    if isinstance(col_docs, memoryview) and not needs_mean_idf(params):
        return LazyPostings(col_ptr, col_docs, col_tf, doc_len, params)
    return NpPostings(col_ptr, col_docs, col_tf, doc_len, params)


class PyPostings:
    """Term columns as sequences of Python ints (memoryviews of the cache file or of arrays)."""

    def __init__(self, col_ptr: Sequence[int], col_docs: Sequence[int], col_tf: Sequence[int], doc_len: Sequence[int], params: BM25Params):
        self.col_ptr, self.col_docs, self.col_tf, self.doc_len = (_ints(a) for a in (col_ptr, col_docs, col_tf, doc_len))
        self.params = params
        self.n_docs = len(self.doc_len)
        self.avgdl = sum(self.doc_len) / self.n_docs if self.n_docs else 1.0
        self._mean = 0.0 if not needs_mean_idf(params) else None  # also refuses an unknown variant now
        self._idf: dict[int, float] = {}
        self._columns: dict[int, list[float]] = {}

    def df_of(self, t: int) -> int:
        return self.col_ptr[t + 1] - self.col_ptr[t]

    @property
    def df(self) -> list[int]:
        ptr = self.col_ptr
        return [b - a for a, b in zip(ptr, ptr[1:], strict=False)]

    def idf_of(self, t: int) -> float:
        idf = self._idf.get(t)
        if idf is None:
            if self._mean is None:  # BM25Okapi's floor: the mean over every term, once
                self._mean = mean_idf(self.df, self.n_docs)
            idf = self._idf[t] = idf_one(self.df_of(t), self.n_docs, self.params, self._mean)
        return idf

    @property
    def idf(self) -> list[float]:
        return [self.idf_of(t) for t in range(len(self.col_ptr) - 1)]

    def const_of(self, t: int) -> float:
        return constant_one(self.idf_of(t), self.params)

    @property
    def term_const(self) -> list[float]:
        return [self.const_of(t) for t in range(len(self.col_ptr) - 1)]

    def column(self, t: int) -> tuple[Sequence[int], list[float]]:
        """Term ``t``'s passages and its BM25 contribution to each."""
        lo, hi = self.col_ptr[t], self.col_ptr[t + 1]
        docs = self.col_docs[lo:hi]
        scores = self._columns.get(t)
        if scores is None:
            lengths = self.doc_len
            scores = self._columns[t] = contributions(
                self.idf_of(t), self.col_tf[lo:hi], [lengths[d] for d in docs], self.avgdl, self.params
            )
        return docs, scores

    @property
    def col_score(self) -> list[float]:
        return [s for t in range(len(self.col_ptr) - 1) for s in self.column(t)[1]]

    def scores(self, terms: Terms) -> list[float]:
        out = [0.0] * self.n_docs
        const = 0.0
        for t, weight in terms:
            docs, scores = self.column(t)
            for d, s in zip(docs, scores, strict=True):
                out[d] += weight * s
            const += weight * self.const_of(t)
        return [s + const for s in out] if const else out

    def best(self, terms: Terms, top: int) -> list[tuple[int, float]]:
        """The ``top`` best (passage, score) among passages holding a term of positive weight; ties in corpus order."""
        summed: dict[int, float] = {}
        candidates: set[int] = set()
        const = 0.0
        for t, weight in terms:
            docs, scores = self.column(t)
            get = summed.get
            for d, s in zip(docs, scores, strict=True):
                summed[d] = get(d, 0.0) + weight * s
            if weight > 0:
                candidates.update(docs)
            const += weight * self.const_of(t)
        if const:
            summed = {d: summed[d] + const for d in candidates}
        return [(d, summed[d]) for d in nsmallest(top, candidates, key=lambda d: (-summed[d], d))]


class LazyPostings(PyPostings):
    """A large cached index: a query touching few postings is scored in plain Python, as a small index is.

    At 100,000 passages a question's terms are mostly in a few hundred to a
    few thousand passages each, while importing numpy costs a whole process
    ~0.1 s.  A query touching more than ``FEW`` postings (``UNIMPORTED`` while
    numpy is not imported yet), and whatever needs every term (``df``,
    ``idf``, ``scores``), goes to ``NpPostings`` over the same memoryviews.
    The two compute the same floats in the same order (tests/test_index_nonumpy.py).
    """

    def __init__(self, col_ptr, col_docs, col_tf, doc_len, params: BM25Params) -> None:
        super().__init__(col_ptr, col_docs, col_tf, doc_len, params)
        self._np: NpPostings | None = None

    def _numpy(self) -> NpPostings:
        if self._np is None:
            self._np = NpPostings(self.col_ptr, self.col_docs, self.col_tf, self.doc_len, self.params)
        return self._np

    def _few(self, terms: Terms) -> bool:
        touched = sum(self.df_of(t) for t, _ in terms)
        return touched <= FEW or (touched <= UNIMPORTED and "numpy" not in sys.modules)

    @property
    def df(self):  # type: ignore[override]
        return self._numpy().df

    @property
    def idf(self):  # type: ignore[override]
        return self._numpy().idf

    @property
    def term_const(self):  # type: ignore[override]
        return self._numpy().term_const

    @property
    def col_score(self):  # type: ignore[override]
        return self._numpy().col_score

    def scores(self, terms: Terms):  # type: ignore[override]
        return self._numpy().scores(terms)

    def best(self, terms: Terms, top: int) -> list[tuple[int, float]]:
        return super().best(terms, top) if self._few(terms) else self._numpy().best(terms, top)


class NpPostings:
    """Term columns as numpy arrays: zero-copy over the cache file's views."""

    def __init__(self, col_ptr, col_docs, col_tf, doc_len, params: BM25Params) -> None:
        import numpy as np

        self.col_ptr, self.col_docs, self.col_tf, self.doc_len = (np.asarray(a) for a in (col_ptr, col_docs, col_tf, doc_len))
        self.params = params
        self.n_docs = len(self.doc_len)
        self.df = np.diff(self.col_ptr)
        self.avgdl = float(self.doc_len.sum() / self.n_docs) if self.n_docs else 1.0
        self.idf = idf_values(self.df, self.n_docs, params) if self.n_docs else np.zeros(0)
        self.term_const = constant(self.idf, params)
        self._col_score = np.empty(len(self.col_docs))
        self._scored = np.zeros(len(self.df), dtype=bool)

    def df_of(self, t: int) -> int:
        return int(self.df[t])

    def idf_of(self, t: int) -> float:
        return float(self.idf[t])

    def column(self, t: int) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        lo, hi = int(self.col_ptr[t]), int(self.col_ptr[t + 1])
        if not self._scored[t]:
            self._col_score[lo:hi] = term_contributions(
                self.idf[t],
                self.col_tf[lo:hi].astype(np.float64),
                self.doc_len[self.col_docs[lo:hi]].astype(np.float64),
                self.avgdl,
                self.params,
            )
            self._scored[t] = True
        return self.col_docs[lo:hi], self._col_score[lo:hi]

    @property
    def col_score(self) -> np.ndarray:
        import numpy as np

        todo = np.flatnonzero(~self._scored)
        if len(todo):
            # a slice at a time, so the temporaries of 100,000 passages stay small
            term_of_entry = np.repeat(np.arange(len(self.df), dtype=np.int32), self.df)
            for lo in range(0, len(self.col_docs), _CHUNK):
                hi = lo + _CHUNK
                self._col_score[lo:hi] = term_contributions(
                    self.idf[term_of_entry[lo:hi]],
                    self.col_tf[lo:hi].astype(np.float64),
                    self.doc_len[self.col_docs[lo:hi]].astype(np.float64),
                    self.avgdl,
                    self.params,
                )
            self._scored[:] = True
        return self._col_score

    def scores(self, terms: Terms) -> np.ndarray:
        import numpy as np

        out = np.zeros(self.n_docs)
        const = 0.0
        for t, weight in terms:
            docs, contributions = self.column(t)
            # a passage holds a term once, so no index repeats within a column
            out[docs] += weight * contributions
            const += weight * self.term_const[t]
        if const:
            out += const
        return out

    def best(self, terms: Terms, top: int) -> list[tuple[int, float]]:
        import numpy as np

        scores = self.scores(terms)
        columns = [self.col_docs[self.col_ptr[t] : self.col_ptr[t + 1]] for t, weight in terms if weight > 0]
        if not columns:
            return []
        if len(columns) == 1:
            candidates = columns[0].astype(np.int64)  # a column is sorted already
        else:
            matched = np.zeros(self.n_docs, dtype=bool)
            for column in columns:
                matched[column] = True
            candidates = np.flatnonzero(matched)
        cand_scores = scores[candidates]
        if len(candidates) > top:
            # every candidate scoring at least the top-th best: ties at the cut are then
            # decided by corpus order, as below, not by where argpartition left them
            kth = np.partition(cand_scores, len(cand_scores) - top)[len(cand_scores) - top]
            keep = cand_scores >= kth
            candidates, cand_scores = candidates[keep], cand_scores[keep]
        # best first; ties keep corpus order so results are deterministic
        order = np.lexsort((candidates, -cand_scores))[:top]
        return [(int(candidates[i]), float(cand_scores[i])) for i in order]


def _ints(a) -> Sequence[int]:
    """A sequence indexing to Python ints: a numpy array as a zero-copy memoryview, anything else as it is."""
    if hasattr(a, "__array_interface__"):
        return memoryview(a)
    return a
