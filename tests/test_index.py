"""A cached or incremental index equals a fresh one."""

from __future__ import annotations

import random

import numpy as np
import pytest
from conftest import generated_article, generated_folder
from hypothesis import given, settings
from hypothesis import strategies as st

from rlsbot.corpus import load_folder
from rlsbot.index import Index
from rlsbot.index_cache import CachedIndex, load_index, save_index
from rlsbot.index_meta import corpus_key
from rlsbot.passage_table import PassageTable
from rlsbot.sorted_table import JoinedStrings, SortedMap, is_ascending


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


@given(st.sets(st.text(max_size=6), max_size=40), st.lists(st.text(max_size=6), max_size=20))
@settings(max_examples=200, deadline=None)
def test_a_sorted_map_answers_as_a_dict(keys, probes):
    """The cached index looks terms and words up by bisection (rlsbot.sorted_table): the same answers as a dict."""
    ordered = sorted(keys)
    as_dict = {k: i * 2 for i, k in enumerate(ordered)}
    table = SortedMap(ordered, lambda i: i * 2)
    assert table == as_dict and list(table) == list(as_dict) and len(table) == len(as_dict)
    for probe in probes + ordered:
        assert (probe in table) == (probe in as_dict)
        assert table.get(probe, -1) == as_dict.get(probe, -1)
    assert 3 not in table and table.get(None) is None  # type: ignore[arg-type]
    assert is_ascending(ordered) and (len(ordered) < 2 or not is_ascending(ordered[::-1]))
    # The typo dictionary reads one first letter's words: one range of the sorted keys.
    for prefix in {k[:1] for k in ordered} | {k[:2] for k in ordered} | {"", "\uffff"}:
        assert list(table.starting_with(prefix)) == [k for k in ordered if k.startswith(prefix)]


def test_saving_refuses_an_index_whose_terms_are_not_sorted(tmp_path):
    articles, _ = load_folder(generated_folder(tmp_path / "c", 3))
    built = Index.build(articles)
    built.vocab = dict(reversed(list(built.vocab.items())))
    with pytest.raises(ValueError, match="sorted"):
        save_index(built, tmp_path / "index.npz", corpus_key(articles))


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=5), max_size=12))
def test_joined_strings_read_as_a_split(strings):
    raw = "\x00".join(strings).encode("utf-8", "surrogatepass")
    joined = JoinedStrings(raw, len(strings))
    assert list(joined) == strings and len(joined) == len(strings) and joined[1:3] == strings[1:3]
    with pytest.raises(ValueError):
        JoinedStrings(raw, len(strings) + 3)


def test_keys_that_begin_with_the_last_code_point_are_found_by_prefix():
    # Found by hypothesis in CI: a bound of prefix + "\U0010ffff" left out the key "\U0010ffff" itself.
    keys = ["a", "\U0010ffff", "\U0010ffff\U0010ffffb"]
    table = SortedMap(keys, lambda i: i)
    assert list(table.starting_with("")) == keys
    assert list(table.starting_with("\U0010ffff")) == keys[1:]
