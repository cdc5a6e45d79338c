"""The BM25 formula: per rank_bm25 variant, its IDF and its term score.

Scores equal rank_bm25's (tests/test_bm25.py compares the two); rank_bm25
stays the reference, not the runtime, because it scores every passage in
Python on each query.  Here each term's contribution to each passage that
holds it is computed once, the first time a query needs it (rlsbot.postings):
over numpy arrays for a large index, term by term in plain Python for a
small one (``idf_one``, ``contributions``), with the same operations in the
same order.  Only the array functions import numpy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np


class BM25Params(NamedTuple):
    """Which rank_bm25 variant, and its parameters.

    BM25+ with k1=2.0, b=0.75, delta=1 (README, "Measured on the gold set").
    Its IDF, log((N+1)/df), stays positive for a word found in most passages
    ("magnesium" is in 19 of 22 here), where BM25Okapi's IDF floor nearly
    erases it.  rank_bm25's BM25L answered one more gold question, but it
    multiplies every term's score by the term frequency once more; on
    Cranfield, text nobody here wrote, it falls to nDCG@10 0.26 whatever its
    parameters, so it does not ship.  Among the BM25+ settings, which all tie
    on the gold set's pass rate, k1 and b were picked on Cranfield (0.375).
    """

    variant: str = "plus"  # "okapi", "l" or "plus", as in rank_bm25
    k1: float = 2.0
    b: float = 0.75
    delta: float = 1.0  # BM25L and BM25+ only
    epsilon: float = 0.25  # BM25Okapi only


def _okapi_idf(df: np.ndarray, n_docs: int, params: BM25Params) -> np.ndarray:
    import numpy as np

    idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
    floor = params.epsilon * (idf.sum() / len(idf)) if len(idf) else 0.0
    return np.where(idf < 0, floor, idf)


def _l_idf(df: np.ndarray, n_docs: int, params: BM25Params) -> np.ndarray:
    import numpy as np

    return math.log(n_docs + 1) - np.log(df + 0.5)


def _plus_idf(df: np.ndarray, n_docs: int, params: BM25Params) -> np.ndarray:
    import numpy as np

    return np.log((n_docs + 1) / df)


# The same per term in plain Python (rlsbot.postings scores small corpora
# without numpy): the same operations in the same order, with math.log.


def _okapi_idf1(df: int, n_docs: int, params: BM25Params, mean: float) -> float:
    idf = math.log(n_docs - df + 0.5) - math.log(df + 0.5)
    return params.epsilon * mean if idf < 0 else idf


def _l_idf1(df: int, n_docs: int, params: BM25Params, mean: float) -> float:
    return math.log(n_docs + 1) - math.log(df + 0.5)


def _plus_idf1(df: int, n_docs: int, params: BM25Params, mean: float) -> float:
    return math.log((n_docs + 1) / df)


def _okapi_score(idf: np.ndarray, tf: np.ndarray, norm: np.ndarray, params: BM25Params) -> np.ndarray:
    k1 = params.k1
    return idf * (tf * (k1 + 1) / (tf + k1 * norm))


def _l_score(idf: np.ndarray, tf: np.ndarray, norm: np.ndarray, params: BM25Params) -> np.ndarray:
    k1 = params.k1
    ctd = tf / norm
    return idf * tf * (k1 + 1) * (ctd + params.delta) / (k1 + ctd + params.delta)


def _plus_score(idf: np.ndarray, tf: np.ndarray, norm: np.ndarray, params: BM25Params) -> np.ndarray:
    # BM25+: the delta part is added to every passage, contained or not; it is
    # kept apart as a per-term constant (``constant``) so the stored matrix stays sparse.
    k1 = params.k1
    return idf * (tf * (k1 + 1)) / (k1 * norm + tf)


_VARIANTS = {
    "okapi": (_okapi_idf, _okapi_idf1, _okapi_score),
    "l": (_l_idf, _l_idf1, _l_score),
    "plus": (_plus_idf, _plus_idf1, _plus_score),
}


def _variant(params: BM25Params):
    try:
        return _VARIANTS[params.variant]
    except KeyError:
        raise ValueError(f"unknown BM25 variant {params.variant!r}") from None


def idf_values(df: np.ndarray, n_docs: int, params: BM25Params) -> np.ndarray:
    """Inverse document frequency per term, exactly as rank_bm25 computes it."""
    import numpy as np

    return _variant(params)[0](df.astype(np.float64), n_docs, params)


def term_contributions(idf: np.ndarray, tf: np.ndarray, doc_len: np.ndarray, avgdl: float, params: BM25Params) -> np.ndarray:
    """One term's score in each passage that contains it (rank_bm25's formulas)."""
    norm = 1 - params.b + params.b * doc_len / avgdl
    return _variant(params)[2](idf, tf, norm, params)


def constant(idf: np.ndarray, params: BM25Params) -> np.ndarray:
    """Per term, what it adds to every passage whatever the passage holds (BM25+'s delta)."""
    import numpy as np

    return idf * params.delta if params.variant == "plus" else np.zeros(len(idf))


# ------------------------------------------------ per term, in plain Python


def needs_mean_idf(params: BM25Params) -> bool:
    """Whether ``idf_one`` needs the mean IDF of all terms (BM25Okapi's floor for common terms)."""
    _variant(params)
    return params.variant == "okapi"


def mean_idf(dfs: Iterable[int], n_docs: int) -> float:
    """BM25Okapi's mean IDF over all terms before its floor, as rank_bm25 averages it; 0.0 with no terms."""
    log = math.log
    raw = [log(n_docs - df + 0.5) - log(df + 0.5) for df in dfs]
    return math.fsum(raw) / len(raw) if raw else 0.0


def idf_one(df: int, n_docs: int, params: BM25Params, mean: float = 0.0) -> float:
    """``idf_values`` for one term; ``mean`` is ``mean_idf`` where ``needs_mean_idf``."""
    return _variant(params)[1](df, n_docs, params, mean)


def contributions(idf: float, tfs: Iterable[int], lengths: Iterable[int], avgdl: float, params: BM25Params) -> list[float]:
    """``term_contributions`` in plain Python: the same operations in the same order, so the same floats."""
    score, b = _variant(params)[2], params.b
    if params.variant == "plus":  # _plus_score inlined, the same operations in the same order: 0.44 against 0.56 us a posting
        k1 = params.k1
        return [idf * (tf * (k1 + 1)) / (k1 * (1 - b + b * dl / avgdl) + tf) for tf, dl in zip(tfs, lengths, strict=True)]
    return [score(idf, tf, 1 - b + b * dl / avgdl, params) for tf, dl in zip(tfs, lengths, strict=True)]


def constant_one(idf: float, params: BM25Params) -> float:
    """``constant`` for one term."""
    return idf * params.delta if params.variant == "plus" else 0.0
