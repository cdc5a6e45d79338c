"""A cached or incremental index equals a fresh one."""

from __future__ import annotations

import random

import numpy as np
from conftest import generated_article, generated_folder

from rlsbot.corpus import load_folder
from rlsbot.index import Index
from rlsbot.index_cache import CachedIndex, load_index, save_index
from rlsbot.index_meta import corpus_key
from rlsbot.passage_table import PassageTable


def _same_index(a: Index, b: Index) -> None:
    assert list(a.passages) == list(b.passages)
    assert a.vocab == b.vocab
    assert a.surface == b.surface and a.surface_count == b.surface_count
    for name in ("df", "doc_len", "col_ptr", "col_docs", "col_tf", "col_score", "term_const", "idf"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


def test_a_cached_index_loads_equal_to_the_built_one(tmp_path):
    articles, _ = load_folder(generated_folder(tmp_path / "c", 12))
    built = Index.build(articles)
    path = tmp_path / "index.npz"
    key = corpus_key(articles)
    save_index(built, path, key)
    loaded = load_index(path, key)
    assert isinstance(loaded.passages, PassageTable)
    _same_index(built, loaded)
    assert load_index(path, "another key") is None


def test_an_incremental_build_equals_a_full_build(tmp_path):
    folder = generated_folder(tmp_path / "c", 15)
    articles, _ = load_folder(folder)
    path = tmp_path / "index.npz"
    save_index(Index.build(articles), path, corpus_key(articles))
    # edit one, remove one, add one
    (folder / "article-003.md").write_text(generated_article(random.Random(99)), encoding="utf-8")
    (folder / "article-007.md").unlink()
    (folder / "article-100.md").write_text(generated_article(random.Random(100)), encoding="utf-8")
    articles, _ = load_folder(folder)
    calls = []
    with CachedIndex.open(path) as cached:
        incremental = Index.build(articles, reuse=cached, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]  # only the edited and the added article were analysed
    _same_index(incremental, Index.build(articles))
