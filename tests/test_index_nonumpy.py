"""A small index is scored in plain Python (no numpy import), and exactly as the numpy path scores it."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

import rlsbot.postings
from rlsbot.bm25 import BM25Params
from rlsbot.corpus import bundled_corpus, load_folder
from rlsbot.index import Index
from rlsbot.index_cache import load_index, save_index
from rlsbot.index_meta import corpus_key
from rlsbot.passages import Passage, Sentence
from rlsbot.postings import LazyPostings, NpPostings, PyPostings
from rlsbot.sorted_table import JoinedStrings, string_ends

ROOT = Path(__file__).resolve().parent.parent

VARIANTS = [
    BM25Params(),  # the shipping defaults (BM25+)
    BM25Params(variant="okapi", k1=1.5, b=0.75, epsilon=0.25),  # its floor uses the mean IDF of all terms
    BM25Params(variant="okapi", k1=0.9, b=0.3, epsilon=0.5),
    BM25Params(variant="l", k1=1.2, b=0.5, delta=0.5),
    BM25Params(variant="plus", k1=1.2, b=1.0, delta=0.5),
]


@pytest.fixture
def numpy_path(monkeypatch):
    """Makes every index built or loaded while active score with numpy, however small."""

    def force() -> None:
        monkeypatch.setattr(rlsbot.postings, "SMALL", -1)
        monkeypatch.setattr(rlsbot.postings, "LazyPostings", NpPostings)  # numpy for every query, not only those touching many postings

    return force


def both(make, numpy_path, monkeypatch) -> tuple[Index, Index]:
    """The same index made twice: scored in plain Python, then with numpy."""
    pure = make()
    numpy_path()
    vectorised = make()
    monkeypatch.undo()
    assert isinstance(pure._postings, PyPostings) and isinstance(vectorised._postings, NpPostings)
    return pure, vectorised


def assert_same(pure: Index, vectorised: Index, queries: list[list[tuple[str, float]]], listed: bool = True) -> None:
    """Scores to 1e-12, and the same hits in the same order for every cut (``listed``: ``scores`` is a list)."""
    assert pure.avgdl == vectorised.avgdl
    for name in ("df", "idf", "term_const", "col_score"):
        np.testing.assert_allclose(getattr(pure, name), getattr(vectorised, name), rtol=1e-12, atol=1e-12, err_msg=name)
    for term in list(pure.vocab)[:50] + ["absent"]:
        assert pure.df_of(term) == vectorised.df_of(term)
        assert pure.idf_of(term) == pytest.approx(vectorised.idf_of(term), rel=1e-12, abs=1e-12)
    for terms in queries:
        got = pure.scores(terms)
        assert isinstance(got, list) or not listed
        np.testing.assert_allclose(got, vectorised.scores(terms), rtol=1e-12, atol=1e-12)
        for top in (1, 3, 10, 60, 10_000):
            a, b = pure.search(terms, top), vectorised.search(terms, top)
            assert [(h.passage, h.rank) for h in a] == [(h.passage, h.rank) for h in b], (terms, top)
            np.testing.assert_allclose([h.score for h in a], [h.score for h in b], rtol=1e-12, atol=1e-12)


def tied_corpus(rng: random.Random, n_docs: int, vocab: int) -> list[list[str]]:
    """Zipf-like documents, many of them repeated: exact ties, also at the cut of ``top``."""
    words = [f"w{i}" for i in range(vocab)]
    weights = [1 / (r + 1) for r in range(vocab)]
    docs = [rng.choices(words, weights, k=rng.randint(1, 30)) for _ in range(n_docs)]
    return [rng.choice(docs) if rng.random() < 0.3 else d for d in docs]


@pytest.mark.parametrize("params", VARIANTS, ids=lambda p: f"{p.variant}-k1={p.k1}-b={p.b}")
@pytest.mark.parametrize("seed", range(4))
def test_the_plain_python_path_scores_and_ranks_as_numpy(params, seed, numpy_path, monkeypatch):
    rng = random.Random(seed)
    docs = tied_corpus(rng, n_docs=rng.choice([1, 7, 80, 400]), vocab=rng.choice([4, 40, 900]))
    passages = [Passage(f"d{i}", "", 0, 1, (Sentence(0, 1),)) for i in range(len(docs))]
    pure, vectorised = both(lambda: Index.from_terms(passages, docs, {}, {}, params), numpy_path, monkeypatch)
    queries = []
    for _ in range(12):
        terms = rng.choices([f"w{i}" for i in range(50)] + ["absent"], k=rng.randint(1, 8))  # repeats included
        # weights as a question gives them: mostly positive, some 0 or below (not a candidate, still scored)
        queries.append([(t, rng.choice([1.0, 0.5, 2.0, 0.0, -0.3, rng.random()])) for t in terms])
    assert_same(pure, vectorised, queries)


# Terms of the bundled articles, repeated and weighted as questions give them, and one they lack.
BUNDLED_QUERIES = [
    [("magnesium", 1.0), ("pregnanc", 1.0)],
    [("iron", 1.0), ("ferritin", 0.5), ("iron", 1.0)],
    [("sleep", 1.0), ("leg", 0.3), ("restless", 0.3), ("dose", 1.0), ("mg", 0.7)],
    [("nosuchterm", 1.0)],
]


def _cached_bundled(tmp_path):
    """The bundled articles' index saved as a cache: its path and corpus key."""
    articles, _ = load_folder(bundled_corpus())
    path, key = tmp_path / "index.npz", corpus_key(articles)
    save_index(Index.build(articles), path, key)
    return path, key


def test_a_cached_bundled_index_is_queried_the_same_either_way(tmp_path, numpy_path, monkeypatch):
    path, key = _cached_bundled(tmp_path)
    queries = BUNDLED_QUERIES
    for params in VARIANTS:
        pure, vectorised = both(lambda params=params: load_index(path, key, params), numpy_path, monkeypatch)
        assert_same(pure, vectorised, queries)
        assert pure.search(queries[0])  # the bundled articles answer it


def test_a_large_cached_index_scores_few_postings_in_plain_python_and_many_with_numpy(tmp_path, numpy_path, monkeypatch):
    """Past SMALL a cache is read without numpy (LazyPostings): a query touching at most FEW postings is scored
    in plain Python, a larger one with numpy, each exactly as NpPostings scores it."""
    path, key = _cached_bundled(tmp_path)
    queries = BUNDLED_QUERIES
    for params in VARIANTS:
        monkeypatch.setattr(rlsbot.postings, "SMALL", -1)  # the bundled corpus, read as a large one
        lazy = load_index(path, key, params)
        if params.variant == "okapi":  # its IDF floor is the mean of every term's: numpy at once
            assert type(lazy._postings) is NpPostings
            monkeypatch.undo()
            continue
        assert type(lazy._postings) is LazyPostings
        assert lazy.search(queries[0]) and lazy._postings._np is None  # plain Python: numpy not touched
        numpy_path()
        vectorised = load_index(path, key, params)
        assert type(vectorised._postings) is NpPostings
        for few in (10**9, -1):  # every query in plain Python, then every query with numpy
            monkeypatch.setattr(rlsbot.postings, "FEW", few)
            assert_same(lazy, vectorised, queries, listed=False)
        monkeypatch.undo()


def _probe(env: dict[str, str], *args: str, before: str = "") -> tuple[str, list[str]]:
    """A whole CLI run in a fresh process (after the code ``before``): its stdout, and which of numpy and nltk it imported."""
    script = (
        f"{before}\nimport sys\nfrom rlsbot.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('IMPORTED', sorted(m for m in ('numpy', 'nltk') if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    (line,) = [x for x in proc.stderr.splitlines() if x.startswith("IMPORTED ")]
    return proc.stdout, json.loads(line.removeprefix("IMPORTED ").replace("'", '"'))


def test_a_cached_ask_and_search_on_the_bundled_corpus_import_no_numpy():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the conftest's own empty data and cache folders
    question = "does magnesium help in pregnancy?"
    cold, imported = _probe(env, "ask", question)  # builds and caches the index
    assert imported == ["nltk", "numpy"]  # the probe sees them when they are imported
    warm, imported = _probe(env, "ask", question)
    assert imported == [] and warm == cold and "magnesium" in warm
    found, imported = _probe(env, "search", "--json", "iron ferritin")
    assert imported == [] and json.loads(found)


def test_a_large_cached_index_once_checked_answers_a_search_without_numpy(corpus):
    """Past SMALL (here lowered to the small test corpus) the first start checks the cache with numpy and notes it;
    the next ones read the noted file as it is and score a query touching few postings in plain Python."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    large = "import rlsbot.postings, rlsbot.cache_check; rlsbot.postings.SMALL = 1; rlsbot.cache_check.RACY_NS = 0"
    args = ("search", "--json", "--corpus", str(corpus), "magnesium dose")
    built, imported = _probe(env, *args, before=large)  # builds the index
    assert "numpy" in imported
    checked, imported = _probe(env, *args, before=large)  # checks the file, notes it
    assert "numpy" in imported and checked == built
    found, imported = _probe(env, *args, before=large)
    assert imported == [] and found == built and json.loads(found)


def _rewritten(data: bytes, arrays: dict[str, np.ndarray]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            member = name.removesuffix(".npy")
            if member in arrays:
                buf = io.BytesIO()
                np.save(buf, arrays[member])
                zout.writestr(name, buf.getvalue())
            else:
                zout.writestr(name, zin.read(name))
    return out.getvalue()


def _swapped_in_a_column(a: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Two passages of one column (with their counts) out of order: every length and bound still right."""
    ptr, docs, tf = a["col_ptr"], a["col_docs"].copy(), a["col_tf"].copy()
    lo = next(int(ptr[t]) for t in range(len(ptr) - 1) if ptr[t + 1] - ptr[t] >= 2)
    docs[[lo, lo + 1]], tf[[lo, lo + 1]] = docs[[lo + 1, lo]], tf[[lo + 1, lo]]
    return {"col_docs": docs, "col_tf": tf}


DOCTORED = [  # (id, change, refused on the numpy path too)
    ("passages-swapped-in-a-column", _swapped_in_a_column, True),
    ("passage-lengths-zero", lambda a: {"doc_len": a["doc_len"] * 0}, True),
    ("passage-lengths-not-the-term-counts", lambda a: {"doc_len": a["doc_len"] + 1}, True),
    ("column-passages-descending", lambda a: {"col_docs": a["col_docs"][::-1].copy()}, True),
    ("term-counts-zero", lambda a: {"col_tf": a["col_tf"] * 0}, True),
    ("passage-id-out-of-range", lambda a: {"col_docs": a["col_docs"] + len(a["doc_len"])}, True),
    ("columns-descending", lambda a: {"col_ptr": a["col_ptr"][::-1].copy()}, True),
    ("floats-for-ids", lambda a: {"col_docs": a["col_docs"].astype(np.float64)}, True),
    ("not-flat", lambda a: {"col_docs": a["col_docs"].reshape(1, -1)}, True),
    ("articles-descending", lambda a: {"art_ptr": a["art_ptr"][::-1].copy()}, True),
]


@pytest.mark.parametrize(
    ("doctor", "path"),
    [
        pytest.param(change, path, id=f"{name}-{path}")
        for name, change, both_paths in DOCTORED
        for path in (("plain-python", "numpy") if both_paths else ("plain-python",))
    ],
)
def test_a_doctored_cache_with_good_checksums_is_refused(tmp_path, doctor, path, numpy_path):
    """Either path checks shapes, bounds, column order and passage lengths (plain Python scores a query touching
    few postings of a large index too, and would raise where numpy's arithmetic gives inf or nan)."""
    articles, _ = load_folder(bundled_corpus())
    cache, key = tmp_path / "index.npz", corpus_key(articles)
    save_index(Index.build(articles), cache, key)
    with np.load(cache) as z:
        arrays = {name: z[name] for name in ("doc_len", "col_tf", "col_docs", "col_ptr", "art_ptr")}
    cache.write_bytes(_rewritten(cache.read_bytes(), doctor(arrays)))
    if path == "numpy":
        numpy_path()
    with pytest.raises(ValueError, match="damaged"):
        load_index(cache, key)


def test_the_joined_strings_of_a_large_cache_read_as_a_small_one(monkeypatch):
    """Up to SPLIT_AT_ONCE strings are split at once; past it numpy finds the NULs and each is decoded when asked for."""
    strings = ["", "a", "b\u00e9", "", "ccc", "\ud800x", "z"]  # empty ones, non-ASCII, a lone surrogate as the cache writes it
    raw = "\0".join(strings).encode("utf-8", "surrogatepass")
    split = JoinedStrings(raw, len(strings))
    monkeypatch.setattr(JoinedStrings, "SPLIT_AT_ONCE", 0)
    found = JoinedStrings(raw, len(strings))
    assert found._all is None  # the numpy way
    assert [found[i] for i in range(len(strings))] == [split[i] for i in range(len(strings))] == strings
    assert found[-1] == "z" and found[1:3] == strings[1:3] and len(found) == len(strings)
    assert list(found) == strings and found[2] == strings[2]  # iterating splits them all once
    for count in (len(strings) - 1, len(strings) + 1):
        with pytest.raises(ValueError):
            JoinedStrings(raw, count)
    ends = string_ends(strings)  # as the cache stores them
    for check in (True, False):  # checked against the NULs, or trusted (a cache file checked before)
        stored = JoinedStrings(raw, len(strings), ends=ends, check=check)
        assert [stored[i] for i in range(len(strings))] == strings and stored[-1] == "z" and list(stored) == strings
    for wrong in ([e + 1 for e in ends], ends[:-1]):
        with pytest.raises(ValueError):
            JoinedStrings(raw, len(strings), ends=wrong)
    with pytest.raises(IndexError):
        JoinedStrings(raw, len(strings), ends=ends, check=False)[len(strings)]


def test_a_cache_written_big_endian_loads_the_same(tmp_path):
    """Members are read by their .npy type, whatever byte order wrote them."""
    articles, _ = load_folder(bundled_corpus())
    path, key = tmp_path / "index.npz", corpus_key(articles)
    save_index(Index.build(articles), path, key)
    expected = load_index(path, key)
    with np.load(path) as z:
        swapped = {name: z[name].astype(z[name].dtype.newbyteorder(">")) for name in ("doc_len", "col_ptr", "col_docs", "col_tf")}
    other = tmp_path / "swapped.npz"  # not over the mapped file
    other.write_bytes(_rewritten(path.read_bytes(), swapped))
    loaded = load_index(other, key)
    for name in ("doc_len", "col_ptr", "col_docs", "col_tf"):
        assert list(getattr(loaded, name)) == list(getattr(expected, name))
    terms = [("magnesium", 1.0), ("sleep", 0.5)]
    assert [(h.passage, h.score) for h in loaded.search(terms)] == [(h.passage, h.score) for h in expected.search(terms)]
