"""BM25 over passages, precomputed at index time, and its on-disk cache.

Scoring follows rank_bm25 exactly (it stays the reference implementation and a
test compares the two), but every term's contribution to every passage that
contains it is computed once when the index is loaded, as bm25s does.  A
query then only adds up a few precomputed columns.

The cache is one NumPy ``.npz`` of plain arrays (strings stored as UTF-8
bytes, metadata as a small JSON document), loaded with ``allow_pickle=False``:
nothing in it can run code.  It also keeps what indexing learned from each
article (passages, sentences, term counts, words), keyed by the article's
content, so after an edit only the changed articles are analysed again.
"""

from __future__ import annotations

import hashlib
import json
import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rlsbot.analysis import (
    ANALYZER_VERSION,
    fillers,
    index_terms,
    is_stopword,
    learn_stems,
    stem,
    subject_words,
    synonym_groups,
    words,
)
from rlsbot.article import Article
from rlsbot.passages import Passage, Sentence, build_passages, splitter_key
from rlsbot.storage import atomic_write

CACHE_FORMAT = 4
_CHUNK = 1 << 20
_SEP = "\x00"  # joins stored strings: no word, heading or file name holds a NUL


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


# ---------------------------------------------------------------- passages


class PassageTable(Sequence[Passage]):
    """Passages kept as arrays; a Passage object is made when first asked for.

    A cached index of 100,000 passages loads in milliseconds this way, and a
    question only ever looks at a handful of them.
    """

    def __init__(
        self,
        articles: list[str],
        sections: list[str],
        arrays: dict[str, np.ndarray],
        made: list[Passage | None] | None = None,
    ) -> None:
        self.articles = articles
        self.sections = sections
        self.arrays = arrays  # p_article, p_section, p_start, p_end, p_sent_ptr, s_start, s_end, s_item
        self._n = len(arrays["p_start"])
        self._made: list[Passage | None] = made if made is not None else [None] * self._n

    @classmethod
    def of(cls, passages: Sequence[Passage]) -> PassageTable:
        articles: dict[str, int] = {}
        sections: dict[str, int] = {}
        p_article, p_section, p_start, p_end, p_sent = array("i"), array("i"), array("q"), array("q"), array("q", [0])
        s_start, s_end, s_item = array("q"), array("q"), array("b")
        for p in passages:
            p_article.append(articles.setdefault(p.article, len(articles)))
            p_section.append(sections.setdefault(p.section, len(sections)))
            p_start.append(p.start)
            p_end.append(p.end)
            for s in p.sentences:
                s_start.append(s.start)
                s_end.append(s.end)
                s_item.append(s.kind == "item")
            p_sent.append(len(s_start))
        arrays = {
            "p_article": np.asarray(p_article, dtype=np.int32),
            "p_section": np.asarray(p_section, dtype=np.int32),
            "p_start": np.asarray(p_start, dtype=np.int64),
            "p_end": np.asarray(p_end, dtype=np.int64),
            "p_sent_ptr": np.asarray(p_sent, dtype=np.int64),
            "s_start": np.asarray(s_start, dtype=np.int64),
            "s_end": np.asarray(s_end, dtype=np.int64),
            "s_item": np.asarray(s_item, dtype=np.bool_),
        }
        return cls(list(articles), list(sections), arrays, list(passages))

    def slice(self, lo: int, hi: int) -> PassageTable:
        """Passages lo..hi, sharing this table's strings."""
        a = self.arrays
        s_lo, s_hi = int(a["p_sent_ptr"][lo]), int(a["p_sent_ptr"][hi])
        arrays = {name: a[name][lo:hi] for name in ("p_article", "p_section", "p_start", "p_end")}
        arrays["p_sent_ptr"] = a["p_sent_ptr"][lo : hi + 1] - s_lo
        arrays.update({name: a[name][s_lo:s_hi] for name in ("s_start", "s_end", "s_item")})
        return PassageTable(self.articles, self.sections, arrays, self._made[lo:hi])

    @classmethod
    def concat(cls, tables: Sequence[PassageTable]) -> PassageTable:
        """One table of all passages, in order; its strings are sorted, and only those used are kept."""
        names: dict[int, tuple[list[str], list[str]]] = {id(t.articles): (t.articles, t.sections) for t in tables}
        all_articles = sorted({a for articles, _ in names.values() for a in articles})
        all_sections = sorted({s for _, sections in names.values() for s in sections})
        article_id = dict(zip(all_articles, range(len(all_articles)), strict=True))
        section_id = dict(zip(all_sections, range(len(all_sections)), strict=True))
        maps = {
            key: (
                np.asarray([article_id[a] for a in articles], dtype=np.int32),
                np.asarray([section_id[x] for x in sections], dtype=np.int32),
            )
            for key, (articles, sections) in names.items()
        }
        parts: dict[str, list[np.ndarray]] = {
            name: [] for name in ("p_article", "p_section", "p_start", "p_end", "s_start", "s_end", "s_item")
        }
        sent_counts = []
        made: list[Passage | None] = []
        for t in tables:
            article_map, section_map = maps[id(t.articles)]
            parts["p_article"].append(article_map[t.arrays["p_article"]])
            parts["p_section"].append(section_map[t.arrays["p_section"]])
            for name in ("p_start", "p_end", "s_start", "s_end", "s_item"):
                parts[name].append(t.arrays[name])
            sent_counts.append(np.diff(t.arrays["p_sent_ptr"]))
            made += t._made
        empty = {"p_article": np.int32, "p_section": np.int32, "s_item": np.bool_}
        arrays = {
            name: np.concatenate(chunks) if chunks else np.zeros(0, dtype=empty.get(name, np.int64)) for name, chunks in parts.items()
        }
        counts = np.concatenate(sent_counts) if sent_counts else np.zeros(0, dtype=np.int64)
        arrays["p_sent_ptr"] = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        # only the strings some passage uses
        used_articles = np.unique(arrays["p_article"])
        used_sections = np.unique(arrays["p_section"])
        article_final = np.zeros(len(all_articles), dtype=np.int32)
        article_final[used_articles] = np.arange(len(used_articles))
        section_final = np.zeros(len(all_sections), dtype=np.int32)
        section_final[used_sections] = np.arange(len(used_sections))
        arrays["p_article"] = article_final[arrays["p_article"]]
        arrays["p_section"] = section_final[arrays["p_section"]]
        return cls(
            [all_articles[i] for i in used_articles.tolist()],
            [all_sections[i] for i in used_sections.tolist()],
            arrays,
            made,
        )

    def __len__(self) -> int:
        return self._n

    def _make(self, i: int) -> Passage:
        a = self.arrays
        lo, hi = int(a["p_sent_ptr"][i]), int(a["p_sent_ptr"][i + 1])
        starts, ends, items = a["s_start"][lo:hi].tolist(), a["s_end"][lo:hi].tolist(), a["s_item"][lo:hi].tolist()
        passage = Passage(
            self.articles[int(a["p_article"][i])],
            self.sections[int(a["p_section"][i])],
            int(a["p_start"][i]),
            int(a["p_end"][i]),
            tuple(Sentence(s, e, "item" if item else "sentence") for s, e, item in zip(starts, ends, items, strict=True)),
        )
        self._made[i] = passage
        return passage

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("passage index out of range")
        return self._made[i] or self._make(i)

    def __iter__(self) -> Iterator[Passage]:
        for i in range(self._n):
            yield self._made[i] or self._make(i)


# ---------------------------------------------------------------- analysis


class _Analyser:
    """Analyses articles into compact arrays over provisional term and word ids.

    Each distinct word is looked up (stopword? stem?) once per build, not once
    per occurrence, and an article's result is a few arrays rather than
    dictionaries: 100,000 passages fit in a few hundred MB.
    """

    def __init__(self) -> None:
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

    def article(self, article: Article) -> _Analysed:
        """Passages of an article and the terms of each (``passage_terms``)."""
        text = article.text
        passages = build_passages(article)
        ids, tfs, entries, lengths = array("i"), array("i"), array("i"), array("i")
        heading_ids: dict[str, list[int]] = {}
        everything: list[str] = []
        for passage in passages:
            found = words(text[passage.start : passage.end])
            everything += found
            terms = self.term_ids(found)
            heading = heading_ids.get(passage.section)
            if heading is None:
                heading = heading_ids[passage.section] = self.term_ids(words(passage.section))
            terms += heading
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
        return _Analysed(
            PassageTable.of(passages),
            np.asarray(ids, dtype=np.int32),
            np.asarray(tfs, dtype=np.int32),
            np.asarray(entries, dtype=np.int32),
            np.asarray(lengths, dtype=np.int32),
            np.asarray(word_ids, dtype=np.int32),
            np.asarray(list(surface.values()), dtype=np.int32),
        )


@dataclass
class _Analysed:
    """One article's passages and postings; ids are an _Analyser's or a cache's."""

    passages: PassageTable
    term_ids: np.ndarray  # passage-major: each passage's distinct terms
    tfs: np.ndarray
    entries: np.ndarray  # per passage: how many distinct terms
    lengths: np.ndarray  # per passage: how many terms
    surface_ids: np.ndarray  # every word of the article's passages
    surface_counts: np.ndarray


def passage_terms(text: str, section: str) -> list[str]:
    """Index terms of a passage: its words and its section heading's."""
    return index_terms(text) + index_terms(section)


def analyzer_key() -> str:
    """Names everything analysis depends on: a cached analysis is reused only under the same key."""
    return f"{ANALYZER_VERSION}|{CACHE_FORMAT}|nltk {_nltk_version()}|punkt {splitter_key()[:16]}"


def _nltk_version() -> str:
    # Read the version file, not ``import nltk`` (0.2 s): the stems depend on it.
    import importlib.util

    spec = importlib.util.find_spec("nltk")
    try:
        return (Path(spec.origin).parent / "VERSION").read_text().strip() if spec and spec.origin else "?"
    except OSError:
        return "?"


def article_key(article: Article) -> str:
    """Names an article's content as indexing sees it: text, layout and name."""
    h = hashlib.sha256(article.text.encode("utf-8", "surrogatepass"))
    h.update(_SEP.join(s.heading for s in article.sections).encode("utf-8", "surrogatepass"))
    h.update(repr([(s.kind, s.start, s.end, s.section) for s in article.spans]).encode())
    h.update(repr([(s.start, s.end) for s in article.sections]).encode())
    return h.hexdigest()


def corpus_key(articles: Sequence[Article], params: BM25Params | None = None) -> str:
    """Names the corpus content and the analyzer an index was built for.

    The ranking parameters are not part of it: they are applied when a cached
    index is loaded.
    """
    h = hashlib.sha256(analyzer_key().encode())
    for article in articles:
        h.update(b"\0" + article.name.encode("utf-8", "surrogatepass") + b"\0" + article_key(article).encode())
    return h.hexdigest()


# ---------------------------------------------------------------- the index


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
        self.passages = passages if isinstance(passages, PassageTable) else list(passages)
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
        # Every (term, passage) contribution, computed once, a slice at a
        # time so that the temporaries of 100,000 passages stay small.
        term_of_entry = np.repeat(np.arange(len(df), dtype=np.int32), np.diff(col_ptr))
        self.col_score = np.empty(len(col_docs))
        for lo in range(0, len(col_docs), _CHUNK):
            hi = lo + _CHUNK
            self.col_score[lo:hi] = term_contributions(
                self.idf[term_of_entry[lo:hi]],
                col_tf[lo:hi].astype(np.float64),
                doc_len[col_docs[lo:hi]].astype(np.float64),
                self.avgdl,
                params,
            )
        del term_of_entry
        self.term_const = self.idf * params.delta if params.variant == "plus" else np.zeros(len(df))
        # Set by build() and load(): what save() needs to let a later build
        # reuse each article's analysis.
        self._articles: list[tuple[str, str]] = []  # (name, article_key)
        self._art_ptr = np.zeros(1, dtype=np.int64)  # article -> its passages
        self._art_surface: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # ptr, ids, counts
        self._surface_list: list[str] = []
        self._extra_stems: dict[str, str] = {}

    # ------------------------------------------------------------ building

    @classmethod
    def build(
        cls,
        articles: Iterable[Article],
        params: BM25Params | None = None,
        progress: Callable[[int, int], None] | None = None,
        reuse: CachedIndex | None = None,
    ) -> Index:
        """Index articles.  With ``reuse``, articles it has unchanged are not analysed again.

        ``progress(done, total)`` is called after each article that had to be
        analysed.
        """
        articles = list(articles)
        keys = [article_key(a) for a in articles]
        reusable = reuse.article_slots() if reuse is not None else {}
        todo = sum(1 for a, k in zip(articles, keys, strict=True) if (a.name, k) not in reusable)
        analyser = _Analyser()
        parts: list[_Analysed | int] = []  # an int: that article of ``reuse``
        done = 0
        for a, k in zip(articles, keys, strict=True):
            slot = reusable.get((a.name, k))
            if slot is not None:
                parts.append(slot)
                continue
            parts.append(analyser.article(a))
            done += 1
            if progress:
                progress(done, todo)
        index = _assemble(parts, analyser, reuse, params or BM25Params())
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
            # a passage holds a term once, so no index repeats within a column
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
        columns = []
        for term, weight in terms:
            t = self.vocab.get(term)
            if t is not None and weight > 0:
                columns.append(self.col_docs[self.col_ptr[t] : self.col_ptr[t + 1]])
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
        if self._art_surface is None:
            raise ValueError("only an index made by Index.build can be saved")
        table = self.passages if isinstance(self.passages, PassageTable) else PassageTable.of(self.passages)
        meta = {
            "format": CACHE_FORMAT,
            "key": key,
            "analyzer": analyzer_key(),
            "articles": self._articles,
            "counts": [
                len(self.vocab),
                len(self._surface_list),
                len(table),
                len(table.articles),
                len(table.sections),
                len(self._extra_stems),
            ],
        }
        surface_stems = [self.surface[w] for w in self._surface_list]
        art_ptr, art_ids, art_counts = self._art_surface
        arrays = {
            "meta": _blob(json.dumps(meta, ensure_ascii=False, separators=(",", ":"))),
            "vocab": _blob(_SEP.join(self.vocab)),
            "surface": _blob(_SEP.join(self._surface_list)),
            "surface_stems": _blob(_SEP.join(surface_stems)),
            "surface_count": np.asarray([self.surface_count[w] for w in self._surface_list], dtype=np.int64),
            "extra_words": _blob(_SEP.join(self._extra_stems)),
            "extra_stems": _blob(_SEP.join(self._extra_stems.values())),
            "passage_articles": _blob(_SEP.join(table.articles)),
            "passage_sections": _blob(_SEP.join(table.sections)),
            **table.arrays,
            "doc_len": self.doc_len,
            "col_ptr": self.col_ptr,
            "col_docs": self.col_docs,
            "col_tf": self.col_tf,
            "art_ptr": self._art_ptr,
            "art_surface_ptr": art_ptr,
            "art_surface_ids": art_ids,
            "art_surface_counts": art_counts,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda f: np.savez(f, **arrays))

    @classmethod
    def load(cls, path: Path, key: str, params: BM25Params | None = None) -> Index | None:
        """The cached index for ``key``; None when there is none or it is for other content.

        Raises ValueError when a file is there but damaged.
        """
        cached = CachedIndex.open(path)
        if cached is None:
            return None
        with cached:
            if cached.key != key:
                return None
            return cached.index(params or BM25Params())


class CachedIndex:
    """An open cache file: its key, and on demand the index or its articles' analyses."""

    def __init__(self, z, meta: dict) -> None:
        self._z = z
        self.meta = meta
        self.key: str = meta["key"]
        self._strings: dict[str, list[str]] = {}

    @classmethod
    def open(cls, path: Path) -> CachedIndex | None:
        """None when there is no cache file or it is another format or analyzer's.

        Raises ValueError when the file is damaged.
        """
        if not path.exists():
            return None
        try:
            z = np.load(path, allow_pickle=False)
        except Exception as exc:  # not a zip, truncated...
            raise ValueError(f"the cached index is damaged ({type(exc).__name__})") from None
        try:
            meta = json.loads(_text(z["meta"]))
            if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT or meta.get("analyzer") != analyzer_key():
                z.close()
                return None
            if not isinstance(meta.get("key"), str):
                raise TypeError("key")
        except Exception as exc:
            z.close()
            raise ValueError(f"the cached index is damaged ({type(exc).__name__})") from None
        return cls(z, meta)

    def __enter__(self) -> CachedIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._z.close()

    def strings(self, name: str, count: int) -> list[str]:
        if name not in self._strings:
            text = _text(self._z[name])
            found = text.split(_SEP) if count else []
            if len(found) != count:
                raise ValueError(f"{name}: {len(found)} strings, expected {count}")
            self._strings[name] = found
        return self._strings[name]

    def index(self, params: BM25Params) -> Index:
        """The index itself.  Raises ValueError when the file is damaged."""
        try:
            index = self._index(params)
        except Exception as exc:  # any damage at all: zip, JSON, shapes, types
            raise ValueError(f"the cached index is damaged ({type(exc).__name__}: {exc})") from None
        return index

    def _index(self, params: BM25Params) -> Index:
        z, meta = self._z, self.meta
        n_vocab, n_surface, n_passages, n_articles, n_sections, n_extra = (int(c) for c in meta["counts"])
        vocab_list = self.strings("vocab", n_vocab)
        surface_list = self.strings("surface", n_surface)
        surface_stems = self.strings("surface_stems", n_surface)
        extra = dict(zip(self.strings("extra_words", n_extra), self.strings("extra_stems", n_extra), strict=True))
        arrays = {name: z[name] for name in ("doc_len", "col_ptr", "col_docs", "col_tf", "art_ptr", "surface_count")}
        table_arrays = {
            name: z[name] for name in ("p_article", "p_section", "p_start", "p_end", "p_sent_ptr", "s_start", "s_end", "s_item")
        }
        table = PassageTable(self.strings("passage_articles", n_articles), self.strings("passage_sections", n_sections), table_arrays)
        _check(arrays, table_arrays, n_vocab, n_surface, n_passages, n_articles, n_sections, len(meta["articles"]))
        col_ptr = arrays["col_ptr"]
        index = Index(
            table,
            dict(zip(vocab_list, range(n_vocab), strict=True)),
            np.diff(col_ptr),
            arrays["doc_len"],
            col_ptr,
            arrays["col_docs"],
            arrays["col_tf"],
            dict(zip(surface_list, surface_stems, strict=True)),
            dict(zip(surface_list, arrays["surface_count"].tolist(), strict=True)),
            params,
        )
        index._articles = [(str(name), str(k)) for name, k in meta["articles"]]
        index._art_ptr = arrays["art_ptr"]
        index._surface_list = surface_list
        index._extra_stems = extra
        learn_stems(surface_list, surface_stems)
        learn_stems(list(extra), list(extra.values()))
        return index

    def article_slots(self) -> dict[tuple[str, str], int]:
        """(name, article key) -> its number here, for every article this cache holds."""
        return {(str(name), str(k)): i for i, (name, k) in enumerate(self.meta["articles"])}

    def reused(self, articles: list[int]) -> tuple[list[_Analysed], list[str], list[str]]:
        """The cached analyses of some articles, and the vocabulary and surface words their ids point into.

        Raises ValueError when the file is damaged.
        """
        try:
            return self._reused(articles)
        except Exception as exc:  # any damage at all: zip, shapes, types, missing members
            raise ValueError(f"the cached index is damaged ({type(exc).__name__}: {exc})") from None

    def _reused(self, articles: list[int]) -> tuple[list[_Analysed], list[str], list[str]]:
        z, meta = self._z, self.meta
        n_vocab, n_surface, n_passages, n_articles, n_sections, _ = (int(c) for c in meta["counts"])
        vocab_list = self.strings("vocab", n_vocab)
        surface_list = self.strings("surface", n_surface)
        learn_stems(surface_list, self.strings("surface_stems", n_surface))  # not stemmed again
        table_arrays = {
            name: z[name] for name in ("p_article", "p_section", "p_start", "p_end", "p_sent_ptr", "s_start", "s_end", "s_item")
        }
        table = PassageTable(self.strings("passage_articles", n_articles), self.strings("passage_sections", n_sections), table_arrays)
        col_ptr, col_docs, col_tf, doc_len = z["col_ptr"], z["col_docs"], z["col_tf"], z["doc_len"]
        art_ptr = z["art_ptr"]
        s_ptr, s_ids, s_counts = z["art_surface_ptr"], z["art_surface_ids"], z["art_surface_counts"]
        _check(
            {
                "doc_len": doc_len,
                "col_ptr": col_ptr,
                "col_docs": col_docs,
                "col_tf": col_tf,
                "art_ptr": art_ptr,
                "surface_count": z["surface_count"],
            },
            table_arrays,
            n_vocab,
            n_surface,
            n_passages,
            n_articles,
            n_sections,
            len(meta["articles"]),
        )
        if len(s_ptr) != len(meta["articles"]) + 1 or int(s_ptr[-1]) != len(s_ids) or len(s_ids) != len(s_counts):
            raise ValueError("per-article word counts do not fit")
        if len(s_ids) and not 0 <= int(s_ids.min()) <= int(s_ids.max()) < n_surface:
            raise ValueError("word ids out of range")
        # Back from term columns to passage rows.
        order = np.argsort(col_docs, kind="stable")
        row_terms = np.repeat(np.arange(n_vocab, dtype=np.int64), np.diff(col_ptr))[order]
        row_tf = col_tf[order].astype(np.int64)
        row_ptr = np.concatenate(([0], np.cumsum(np.bincount(col_docs, minlength=n_passages)))).astype(np.int64)
        out = []
        for a in articles:
            p0, p1 = int(art_ptr[a]), int(art_ptr[a + 1])
            e0, e1 = int(row_ptr[p0]), int(row_ptr[p1])
            out.append(
                _Analysed(
                    passages=table.slice(p0, p1),
                    term_ids=row_terms[e0:e1],
                    tfs=row_tf[e0:e1],
                    entries=np.diff(row_ptr[p0 : p1 + 1]),
                    lengths=doc_len[p0:p1].astype(np.int64),
                    surface_ids=s_ids[int(s_ptr[a]) : int(s_ptr[a + 1])].astype(np.int64),
                    surface_counts=s_counts[int(s_ptr[a]) : int(s_ptr[a + 1])].astype(np.int64),
                )
            )
        return out, vocab_list, surface_list


def _check(arrays, table, n_vocab, n_surface, n_passages, n_articles, n_sections, n_art_entries) -> None:
    """Shapes and bounds, so that a damaged or doctored file fails here and not mid-query."""
    col_ptr, col_docs = arrays["col_ptr"], arrays["col_docs"]

    def fail(what: str):
        raise ValueError(what)

    if len(col_ptr) != n_vocab + 1 or int(col_ptr[0]) != 0 or np.any(np.diff(col_ptr) <= 0):
        fail("term columns")
    if int(col_ptr[-1]) != len(col_docs) or len(arrays["col_tf"]) != len(col_docs):
        fail("term column lengths")
    if len(col_docs) and not 0 <= int(col_docs.min()) <= int(col_docs.max()) < n_passages:
        fail("passage ids")
    if len(arrays["doc_len"]) != n_passages or len(arrays["surface_count"]) != n_surface:
        fail("passage lengths")
    art_ptr = arrays["art_ptr"]
    if len(art_ptr) != n_art_entries + 1 or int(art_ptr[0]) != 0 or int(art_ptr[-1]) != n_passages or np.any(np.diff(art_ptr) < 0):
        fail("articles")
    for name in ("p_article", "p_section", "p_start", "p_end"):
        if len(table[name]) != n_passages:
            fail(name)
    sent_ptr = table["p_sent_ptr"]
    if len(sent_ptr) != n_passages + 1 or int(sent_ptr[0]) != 0 or np.any(np.diff(sent_ptr) <= 0):
        fail("sentences")
    if (
        int(sent_ptr[-1]) != len(table["s_start"])
        or len(table["s_end"]) != len(table["s_start"])
        or len(table["s_item"]) != len(table["s_start"])
    ):
        fail("sentence lengths")
    if n_passages and not (0 <= int(table["p_article"].min()) and int(table["p_article"].max()) < n_articles):
        fail("passage articles")
    if n_passages and not (0 <= int(table["p_section"].min()) and int(table["p_section"].max()) < n_sections):
        fail("passage sections")


def _assemble(parts: list, analyser: _Analyser, reuse: CachedIndex | None, params: BM25Params) -> Index:
    """One index from fresh analyses and articles of a cached index, in corpus order."""
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
    # Stems a question may need beyond the corpus words: section headings and
    # the words of the data files, so a cached index can answer without nltk.
    extra_words = {w for section in passages.sections for w in words(section)}
    extra_words |= set(synonym_groups()) | subject_words() | fillers()
    index._extra_stems = {w: stem(w) for w in sorted(extra_words) if w not in surface}
    return index


def _sorted_ids(names: list[str], used: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The used names, sorted, and a map from their old ids to positions in that list."""
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
    docs = np.repeat(np.arange(len(entries), dtype=np.int64), entries)
    order = np.argsort(ids, kind="stable")  # within a column, passages stay in order
    df = np.bincount(ids, minlength=len(vocab)).astype(np.int64) if len(ids) else np.zeros(len(vocab), dtype=np.int64)
    col_ptr = np.concatenate(([0], np.cumsum(df))).astype(np.int64)
    return Index(
        passages,
        vocab,
        df,
        lengths.astype(np.int64),
        col_ptr,
        docs[order].astype(np.int32),
        tfs[order].astype(np.int32),
        surface,
        surface_count,
        params,
    )


def _blob(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)


def _text(blob: np.ndarray) -> str:
    if blob.dtype != np.uint8 or blob.ndim != 1:
        raise ValueError("not a string")
    return blob.tobytes().decode("utf-8", "surrogatepass")
