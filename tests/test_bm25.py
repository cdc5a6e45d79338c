"""BM25 scores equal rank_bm25's, the reference implementation, for every variant."""

from __future__ import annotations

import random

import numpy as np
import pytest
from conftest import generated_article
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

from rlsbot.bm25 import BM25Params
from rlsbot.corpus import bundled_corpus, load_folder, parse_article
from rlsbot.index import Index, passage_terms
from rlsbot.passages import Passage, Sentence

PARAMS = [
    BM25Params(),  # the shipping defaults
    BM25Params(variant="okapi", k1=1.5, b=0.75, epsilon=0.25),
    BM25Params(variant="okapi", k1=0.9, b=0.3, epsilon=0.5),
    BM25Params(variant="l", k1=1.2, b=0.5, delta=0.5),
    BM25Params(variant="l", k1=2.0, b=0.9, delta=1.0),
    BM25Params(variant="plus", k1=1.2, b=0.5, delta=1.0),
    BM25Params(variant="plus", k1=2.0, b=0.75, delta=0.5),
]


def reference(docs: list[list[str]], params: BM25Params):
    if params.variant == "okapi":
        return BM25Okapi(docs, k1=params.k1, b=params.b, epsilon=params.epsilon)
    if params.variant == "l":
        return BM25L(docs, k1=params.k1, b=params.b, delta=params.delta)
    return BM25Plus(docs, k1=params.k1, b=params.b, delta=params.delta)


def index_of(docs: list[list[str]], params: BM25Params) -> Index:
    passages = [Passage(f"d{i}", "", 0, 1, (Sentence(0, 1),)) for i in range(len(docs))]
    return Index.from_terms(passages, docs, {}, {}, params)


def assert_same_ranking(index: Index, ref, docs: list[list[str]], query: list[str], top: int = 10) -> None:
    """Scores equal rank_bm25's; search() ranks as its scores do (ties in corpus order)."""
    expected = ref.get_scores(query)
    got = index.scores([(t, 1.0) for t in query])
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
    matched = [i for i, d in enumerate(docs) if set(d) & set(query)]
    hits = index.search([(t, 1.0) for t in query], top=top)
    ids = [int(h.passage.article[1:]) for h in hits]
    assert len(ids) == min(top, len(matched)) and set(ids) <= set(matched)
    # the same order as rank_bm25's scores; only scores equal to 1e-9 (ties,
    # up to rounding) may come in either order
    ref = expected[ids]
    assert np.all(np.diff(ref) <= 1e-9), (ids, ref)
    best = np.sort(expected[matched])[::-1][: len(ids)]
    np.testing.assert_allclose(ref, best, rtol=1e-9, atol=1e-12)
    exact_ties = [ids[i : i + 2] for i in range(len(ids) - 1) if ref[i] == ref[i + 1]]
    assert all(a < b for a, b in exact_ties)  # exact ties keep corpus order
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))


def zipf_corpus(rng: random.Random, n_docs: int, vocab: int) -> list[list[str]]:
    words = [f"w{i}" for i in range(vocab)]
    weights = [1 / (r + 1) for r in range(vocab)]
    return [rng.choices(words, weights, k=rng.randint(0, 40)) for _ in range(n_docs)]


@pytest.mark.parametrize("params", PARAMS, ids=lambda p: f"{p.variant}-k1={p.k1}-b={p.b}")
@pytest.mark.parametrize("seed", range(6))
def test_scores_and_rankings_equal_rank_bm25_on_varied_corpora(params, seed):
    rng = random.Random(seed)
    docs = zipf_corpus(rng, n_docs=rng.choice([1, 3, 30, 300]), vocab=rng.choice([5, 50, 2000]))
    if not any(docs):
        docs[0] = ["w0"]
    index, ref = index_of(docs, params), reference(docs, params)
    for _ in range(10):
        query = rng.choices([f"w{i}" for i in range(60)] + ["absent"], k=rng.randint(1, 8))  # repeats included
        assert_same_ranking(index, ref, docs, query)


@settings(max_examples=60, deadline=None)
@given(
    docs=st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=12), min_size=1, max_size=25).filter(any),
    query=st.lists(st.sampled_from("abcdefghz"), min_size=1, max_size=6),
    params=st.sampled_from(PARAMS),
)
def test_scores_equal_rank_bm25_for_any_small_corpus(docs, query, params):
    got = index_of(docs, params).scores([(t, 1.0) for t in query])
    np.testing.assert_allclose(got, reference(docs, params).get_scores(query), rtol=1e-9, atol=1e-12)


def test_the_real_pipeline_scores_as_rank_bm25_on_its_passage_terms():
    """Articles -> passages -> analyzer -> Index: the same scores as rank_bm25 given the same passage terms."""
    articles, _ = load_folder(bundled_corpus())
    articles += [parse_article(f"gen-{i}.md", generated_article(random.Random(i))) for i in range(8)]
    for params in (BM25Params(), BM25Params(variant="okapi"), BM25Params(variant="plus")):
        index = Index.build(articles, params)
        by_name = {a.name: a for a in articles}
        docs = [passage_terms(by_name[p.article].text[p.start : p.end], p.section, by_name[p.article].title) for p in index.passages]
        ref = reference(docs, params)
        for query in (["magnesium", "pregnanc"], ["iron", "ferritin", "iron"], ["sleep", "leg", "restless", "dose", "mg"], ["nosuchterm"]):
            np.testing.assert_allclose(index.scores([(t, 1.0) for t in query]), ref.get_scores(query), rtol=1e-9, atol=1e-12)


def test_weighted_terms_scale_their_contribution():
    docs = [["a", "b"], ["a"], ["c"]]
    index = index_of(docs, BM25Params(variant="okapi", epsilon=0.25))
    ref = reference(docs, BM25Params(variant="okapi", epsilon=0.25))
    expected = 0.5 * ref.get_scores(["a"]) + 2.0 * ref.get_scores(["b"])
    np.testing.assert_allclose(index.scores([("a", 0.5), ("b", 2.0)]), expected)
