"""The BM25 formula, one function pair per rank_bm25 variant.

Scores equal rank_bm25's (tests/test_bm25.py compares the two); rank_bm25
stays the reference, not the runtime, because it scores every passage in
Python on each query.  Here each term's contribution to each passage that
holds it is computed once, when the index is made (rlsbot.index).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BM25Params:
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
    idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
    floor = params.epsilon * (idf.sum() / len(idf)) if len(idf) else 0.0
    return np.where(idf < 0, floor, idf)


def _l_idf(df: np.ndarray, n_docs: int, params: BM25Params) -> np.ndarray:
    return math.log(n_docs + 1) - np.log(df + 0.5)


def _plus_idf(df: np.ndarray, n_docs: int, params: BM25Params) -> np.ndarray:
    return np.log((n_docs + 1) / df)


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


_VARIANTS = {"okapi": (_okapi_idf, _okapi_score), "l": (_l_idf, _l_score), "plus": (_plus_idf, _plus_score)}


def _variant(params: BM25Params):
    try:
        return _VARIANTS[params.variant]
    except KeyError:
        raise ValueError(f"unknown BM25 variant {params.variant!r}") from None


def idf_values(df: np.ndarray, n_docs: int, params: BM25Params) -> np.ndarray:
    """Inverse document frequency per term, exactly as rank_bm25 computes it."""
    return _variant(params)[0](df.astype(np.float64), n_docs, params)


def term_contributions(idf: np.ndarray, tf: np.ndarray, doc_len: np.ndarray, avgdl: float, params: BM25Params) -> np.ndarray:
    """One term's score in each passage that contains it (rank_bm25's formulas)."""
    norm = 1 - params.b + params.b * doc_len / avgdl
    return _variant(params)[1](idf, tf, norm, params)


def constant(idf: np.ndarray, params: BM25Params) -> np.ndarray:
    """Per term, what it adds to every passage whatever the passage holds (BM25+'s delta)."""
    return idf * params.delta if params.variant == "plus" else np.zeros(len(idf))
