"""A cache file that passed every check is noted with its stat, and checked again once the stat changes."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

import rlsbot.cache_check
import rlsbot.index_cache
from rlsbot.cache_check import note_path
from rlsbot.corpus import load_folder
from rlsbot.index import Index
from rlsbot.index_cache import load_index, save_index
from rlsbot.index_meta import corpus_key


@pytest.fixture
def saved(corpus, tmp_path):
    articles, _ = load_folder(corpus)
    path, key = tmp_path / "index.npz", corpus_key(articles)
    save_index(Index.build(articles), path, key)
    return path, key


@pytest.fixture
def counted(monkeypatch):
    """How often the arrays are checked."""
    calls = []
    real = rlsbot.index_cache.check_arrays

    def check_arrays(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(rlsbot.index_cache, "check_arrays", check_arrays)
    return calls


@pytest.fixture
def settled(monkeypatch):
    """Files count as old enough to be noted at once (no two-second wait)."""
    monkeypatch.setattr(rlsbot.cache_check, "RACY_NS", 0)


def test_a_young_cache_is_checked_every_time_and_never_noted(saved, counted):
    path, key = saved
    for _ in range(2):
        assert load_index(path, key).search([("magnesium", 1.0)])
    assert len(counted) == 2 and not note_path(path).exists()


def test_a_checked_cache_is_noted_and_then_read_without_its_checks(saved, counted, settled):
    path, key = saved
    first = load_index(path, key)
    assert len(counted) == 1 and note_path(path).exists()
    again = load_index(path, key)
    assert len(counted) == 1  # skipped: the file is as it was when checked
    terms = [("magnesium", 1.0), ("iron", 0.5)]
    assert [(h.passage, h.score) for h in again.search(terms)] == [(h.passage, h.score) for h in first.search(terms)]


def test_a_cache_written_after_its_note_is_checked_again_and_refused_when_damaged(saved, counted, settled):
    path, key = saved
    load_index(path, key)
    before = os.stat(path)
    time.sleep(0.05)  # past the file system's clock tick
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # inside some member: its CRC-32 no longer matches
    with open(path, "r+b") as f:  # in place: same file, same size
        f.write(data)
    after = os.stat(path)
    assert (after.st_ino, after.st_size) == (before.st_ino, before.st_size) and after.st_ctime_ns != before.st_ctime_ns
    with pytest.raises(ValueError, match="damaged"):
        load_index(path, key)


def test_a_cache_put_in_the_place_of_a_noted_one_is_checked_again(saved, counted, settled, tmp_path):
    path, key = saved
    load_index(path, key)
    copy = tmp_path / "copy.npz"
    shutil.copy2(path, copy)  # the same bytes and mtime, another inode and ctime
    os.replace(copy, path)
    load_index(path, key)
    assert len(counted) == 2


def test_a_note_of_other_checks_or_garbage_counts_for_nothing(saved, counted, settled):
    path, key = saved
    load_index(path, key)
    noted = json.loads(note_path(path).read_text())
    for text in (json.dumps([noted[0] + 1, *noted[1:]]), "not json", ""):
        note_path(path).write_text(text)
        load_index(path, key)
    assert len(counted) == 4


def test_a_cache_folder_that_cannot_be_written_is_checked_every_time(saved, counted, settled, monkeypatch):
    path, key = saved

    def refuse(*args):
        raise PermissionError("read-only")

    monkeypatch.setattr(rlsbot.cache_check, "atomic_write_bytes", refuse)
    load_index(path, key)
    load_index(path, key)
    assert len(counted) == 2 and not note_path(path).exists()
