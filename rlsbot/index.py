"""BM25 over passages, precomputed at index time, and its on-disk cache.

Scoring follows rank_bm25 exactly (it stays the reference implementation and a
test compares the two), but every term's contribution to every passage that
contains it is computed once when the index is built, as bm25s does.  A query
then only adds up a few precomputed columns.

The cache is one NumPy ``.npz`` (its metadata a JSON document stored as bytes
inside it) loaded with ``allow_pickle=False``: nothing in it can run code.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rlsbot.analysis import ANALYZER_VERSION, index_terms, stem, words
from rlsbot.corpus import Article
from rlsbot.passages import Passage, Sentence, build_passages

CACHE_FORMAT = 3


@dataclass(frozen=True)
class BM25Params:
    """Which rank_bm25 variant, and its parameters.

    BM25L with k1=1.2, b=0.5, delta=0.5 won on the gold set
    (benchmarks/tune.py; table in benchmarks/README.md). Its IDF,
    log((N+1)/(df+0.5)), stays positive for a word found in most passages
    ("magnesium" here), where BM25Okapi's IDF floor nearly erases it.
    """

    variant: str = "l"  # "okapi", "l" or "plus", as in rank_bm25
    k1: float = 1.2
    b: float = 0.5
    delta: float = 0.5  # BM25L and BM25+ only
    epsilon: float = 0.25  # BM25Okapi only


def idf_values(df: np.ndarray, n_docs: int, params: BM25Params) -> np.ndarray:
    """Inverse document frequency per term, exactly as rank_bm25 computes it."""
    df = df.astype(np.float64)
    if params.variant == "okapi":
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        floor = params.epsilon * (idf.sum() / len(idf)) if len(idf) else 0.0
        return np.where(idf < 0, floor, idf)
    if params.variant == "l":
        return math.log(n_docs + 1) - np.log(df + 0.5)
    if params.variant == "plus":
        return np.log((n_docs + 1) / df)
    raise ValueError(f"unknown BM25 variant {params.variant!r}")


def term_contributions(idf: np.ndarray, tf: np.ndarray, doc_len: np.ndarray, avgdl: float, params: BM25Params) -> np.ndarray:
    """One term's score in each passage that contains it (rank_bm25's formulas)."""
    k1, b = params.k1, params.b
    norm = 1 - b + b * doc_len / avgdl
    if params.variant == "okapi":
        return idf * (tf * (k1 + 1) / (tf + k1 * norm))
    if params.variant == "l":
        ctd = tf / norm
        return idf * tf * (k1 + 1) * (ctd + params.delta) / (k1 + ctd + params.delta)
    # BM25+: the delta part is added to every passage, contained or not; it is
    # kept apart as a per-term constant so the stored matrix stays sparse.
    return idf * (tf * (k1 + 1)) / (k1 * norm + tf)


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    rank: int


class Index:
    """Passages, their BM25 term columns, and the vocabulary a query needs."""

    def __init__(
        self,
        passages: Sequence[Passage],
        vocab: dict[str, int],
        df: np.ndarray,
        doc_len: np.ndarray,
        col_ptr: np.ndarray,
        col_docs: np.ndarray,
        col_tf: np.ndarray,
        surface: dict[str, str],
        surface_count: dict[str, int],
        params: BM25Params,
    ) -> None:
        self.passages = list(passages)
        self.vocab = vocab
        self.df = df
        self.doc_len = doc_len
        self.col_ptr = col_ptr
        self.col_docs = col_docs
        self.col_tf = col_tf
        self.surface = surface  # every word seen in the corpus -> its stem
        self.surface_count = surface_count
        self.params = params
        self.n_docs = len(self.passages)
        self.avgdl = float(doc_len.sum() / self.n_docs) if self.n_docs else 1.0
        self.idf = idf_values(df, self.n_docs, params) if self.n_docs else np.zeros(0)
        # Precompute every (term, passage) contribution once.
        term_of_entry = np.repeat(np.arange(len(df)), np.diff(col_ptr))
        self.col_score = (
            term_contributions(self.idf[term_of_entry], col_tf.astype(np.float64), doc_len[col_docs].astype(np.float64), self.avgdl, params)
            if len(col_docs)
            else np.zeros(0)
        )
        self.term_const = self.idf * params.delta if params.variant == "plus" else np.zeros(len(df))

    # ------------------------------------------------------------ building

    @classmethod
    def build(
        cls,
        articles: Iterable[Article],
        params: BM25Params | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Index:
        articles = list(articles)
        passages: list[Passage] = []
        docs: list[list[str]] = []
        surface_count: Counter[str] = Counter()
        for i, article in enumerate(articles):
            for passage in build_passages(article):
                passages.append(passage)
                text = article.text[passage.start : passage.end]
                docs.append(passage_terms(text, passage.section))
                surface_count.update(words(text))
            if progress:
                progress(i + 1, len(articles))
        surface = {w: stem(w) for w in surface_count}
        return cls.from_terms(passages, docs, surface, dict(surface_count), params or BM25Params())

    @classmethod
    def from_terms(
        cls,
        passages: Sequence[Passage],
        docs: Sequence[Sequence[str]],
        surface: dict[str, str],
        surface_count: dict[str, int],
        params: BM25Params,
    ) -> Index:
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[int] = []
        for d, terms in enumerate(docs):
            for term, tf in Counter(terms).items():
                rows.append(d)
                cols.append(vocab.setdefault(term, len(vocab)))
                tfs.append(tf)
        col = np.asarray(cols, dtype=np.int64)
        order = np.argsort(col, kind="stable")
        counts = np.bincount(col, minlength=len(vocab)) if len(col) else np.zeros(len(vocab), dtype=np.int64)
        col_ptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        doc_len = np.asarray([len(t) for t in docs], dtype=np.int64)
        return cls(
            passages,
            vocab,
            counts.astype(np.int64),
            doc_len,
            col_ptr,
            np.asarray(rows, dtype=np.int64)[order].astype(np.int32),
            np.asarray(tfs, dtype=np.int64)[order].astype(np.int32),
            surface,
            surface_count,
            params,
        )

    # ------------------------------------------------------------ querying

    def scores(self, terms: Iterable[tuple[str, float]]) -> np.ndarray:
        """BM25 score of every passage for weighted query terms.

        With every weight 1 this equals rank_bm25's ``get_scores`` for the same
        variant and parameters, repeated terms counted each time.
        """
        out = np.zeros(self.n_docs)
        const = 0.0
        for term, weight in terms:
            t = self.vocab.get(term)
            if t is None:
                continue
            lo, hi = self.col_ptr[t], self.col_ptr[t + 1]
            out[self.col_docs[lo:hi]] += weight * self.col_score[lo:hi]
            const += weight * self.term_const[t]
        if const:
            out += const
        return out

    def search(self, terms: Sequence[tuple[str, float]], top: int = 10) -> list[Hit]:
        """The best ``top`` passages, best first; passages matching nothing are left out."""
        if not self.n_docs or top <= 0:
            return []
        scores = self.scores(terms)
        matched = np.zeros(self.n_docs, dtype=bool)
        for term, weight in terms:
            t = self.vocab.get(term)
            if t is not None and weight > 0:
                matched[self.col_docs[self.col_ptr[t] : self.col_ptr[t + 1]]] = True
        candidates = np.flatnonzero(matched)
        if not len(candidates):
            return []
        cand_scores = scores[candidates]
        if len(candidates) > top:
            part = np.argpartition(-cand_scores, top - 1)[:top]
            candidates, cand_scores = candidates[part], cand_scores[part]
        # best first; ties keep corpus order so results are deterministic
        order = np.lexsort((candidates, -cand_scores))
        return [Hit(self.passages[int(candidates[i])], float(cand_scores[i]), rank + 1) for rank, i in enumerate(order)]

    def idf_of(self, term: str) -> float:
        t = self.vocab.get(term)
        return float(self.idf[t]) if t is not None else 0.0

    def df_of(self, term: str) -> int:
        t = self.vocab.get(term)
        return int(self.df[t]) if t is not None else 0

    # ------------------------------------------------------------ cache

    def save(self, path: Path, key: str) -> None:
        """Write the index to one file atomically: temp file, fsync, rename."""
        meta = {
            "format": CACHE_FORMAT,
            "key": key,
            "analyzer": ANALYZER_VERSION,
            "params": self.params.__dict__,
            "vocab": list(self.vocab),
            "surface": self.surface,
            "surface_count": self.surface_count,
            "passages": [
                [p.article, p.section, p.start, p.end, [[s.start, s.end, s.kind == "item"] for s in p.sentences]]
                for p in self.passages
            ],
        }
        data = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        arrays = {
            "meta": np.frombuffer(data, dtype=np.uint8),
            "df": self.df,
            "doc_len": self.doc_len,
            "col_ptr": self.col_ptr,
            "col_docs": self.col_docs,
            "col_tf": self.col_tf,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda f: np.savez(f, **arrays))

    @classmethod
    def load(cls, path: Path, key: str) -> Index | None:
        """The cached index for ``key``; None when there is none or it is for other content.

        Raises ValueError when a file is there but damaged.
        """
        if not path.exists():
            return None
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(z["meta"].tobytes().decode("utf-8", "surrogatepass"))
                if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT or meta.get("key") != key:
                    return None
                arrays = {name: z[name] for name in ("df", "doc_len", "col_ptr", "col_docs", "col_tf")}
            passages = [
                Passage(a, s, start, end, tuple(Sentence(ss, se, "item" if item else "sentence") for ss, se, item in sents))
                for a, s, start, end, sents in meta["passages"]
            ]
            vocab = {term: i for i, term in enumerate(meta["vocab"])}
            index = cls(
                passages,
                vocab,
                arrays["df"],
                arrays["doc_len"],
                arrays["col_ptr"],
                arrays["col_docs"],
                arrays["col_tf"],
                meta["surface"],
                meta["surface_count"],
                BM25Params(**meta["params"]),
            )
            consistent = (
                len(index.df) == len(vocab)
                and len(index.col_ptr) == len(vocab) + 1
                and len(index.doc_len) == len(passages)
                and int(index.col_ptr[-1]) == len(index.col_docs) == len(index.col_tf)
                and (not len(index.col_docs) or int(index.col_docs.max()) < len(passages))
            )
        except Exception as exc:  # any damage at all: zip, JSON, shapes, types
            raise ValueError(f"the cached index is damaged ({type(exc).__name__})") from None
        if not consistent:
            raise ValueError("the cached index is inconsistent")
        return index


def passage_terms(text: str, section: str) -> list[str]:
    """Index terms of a passage: its words and its section heading's."""
    return index_terms(text) + index_terms(section)


def corpus_key(articles: Sequence[Article], params: BM25Params) -> str:
    """Names the corpus content, the analyzer and the ranking an index was built for."""
    h = hashlib.sha256()
    h.update(f"{ANALYZER_VERSION}|{CACHE_FORMAT}|{sorted(params.__dict__.items())}".encode())
    for article in articles:
        h.update(b"\0" + article.name.encode("utf-8", "surrogatepass") + b"\0" + article.digest.encode())
    return h.hexdigest()


def atomic_write(path: Path, write: Callable) -> None:
    """Write through a temp file in the same folder, fsync, then rename over ``path``.

    A crash, a full disk or Ctrl-C leaves either the old file or the new one,
    never half of one.
    """
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
