"""Checks of a cached index's arrays, and the note that a cache file has passed them.

A cached index is checked before it is used: every member's CRC-32 and the
arrays' shapes and bounds (``check_arrays``), so that a damaged or doctored
file is refused on open, and rebuilt, never met mid-query.  At 100,000
passages that is ~0.1 s of checksums and array scans (and numpy's import)
at every start.  A file that passed every check is noted in a small file
beside it (``<cache>.checked``) with its stat: size, mtime, ctime, inode
and device.  While that stat is unchanged, later starts skip the checks, as
the article cache skips an unchanged article file (rlsbot.article_cache):
writing to the file, or putting another in its place, changes its ctime,
which no program sets back.  A file younger than ``RACY_NS`` when checked
is not noted: another write in the same clock tick would not show.
"""

from __future__ import annotations

import json
import os
import time
from itertools import compress
from operator import ge, le, lt
from pathlib import Path

from rlsbot.postings import is_small
from rlsbot.storage import atomic_write_bytes

# What a note vouches for: bumped when a check is added, so older notes stop counting.
CHECKS = 1
RACY_NS = 2_000_000_000  # as rlsbot.article_cache's


def note_path(cache: Path) -> Path:
    """Where the note that ``cache`` passed its checks is kept."""
    return cache.with_name(cache.name + ".checked")


def _stamp(info: os.stat_result) -> list[int]:
    return [CHECKS, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]


def is_checked(cache: Path, info: os.stat_result) -> bool:
    """Whether the file ``info`` describes (an fstat of the open cache) passed every check as it is now."""
    try:
        with open(note_path(cache), "rb") as f:
            noted = json.loads(f.read(4096))
    except (OSError, ValueError):
        return False
    return noted == _stamp(info)


def note_checked(cache: Path, info: os.stat_result) -> None:
    """Note that the file ``info`` describes passed every check (when it is old enough to trust its stat)."""
    young = time.time_ns() - RACY_NS
    if info.st_mtime_ns >= young or info.st_ctime_ns >= young:
        return
    try:
        atomic_write_bytes(note_path(cache), json.dumps(_stamp(info)).encode())
    except OSError:
        pass  # only a shortcut for the next start (a read-only cache folder is checked every time)


def check_arrays(arrays, table, n_vocab, n_surface, n_passages, n_articles, n_sections, n_art_entries) -> None:
    """Shapes and bounds, so that a damaged or doctored file fails here and not mid-query.

    A small index is checked in plain Python on the file's memoryviews, a
    large one with numpy.  Both check each column's passages ascend and each
    passage's length is the sum of its term counts, so that plain Python's
    scoring (rlsbot.postings: any index, for a query touching few postings)
    meets no zero or negative it would raise on where numpy's gives inf or nan.
    """
    col_ptr, col_docs, col_tf, doc_len = arrays["col_ptr"], arrays["col_docs"], arrays["col_tf"], arrays["doc_len"]

    def fail(what: str):
        raise ValueError(what)

    if len(col_ptr) != n_vocab + 1 or len(doc_len) != n_passages:
        fail("term columns")
    small = is_small(len(col_docs), n_passages)
    if small:
        low, high, ascending = min, max, _ascending
    else:
        import numpy as np

        def low(a):
            return int(np.min(a))

        def high(a):
            return int(np.max(a))

        def ascending(a, strictly: bool) -> bool:
            d = np.diff(np.asarray(a))
            return bool(np.all(d > 0) if strictly else np.all(d >= 0))

    if col_ptr[0] != 0 or not ascending(col_ptr, True):
        fail("term columns")
    if col_ptr[-1] != len(col_docs) or len(col_tf) != len(col_docs):
        fail("term column lengths")
    if len(col_docs) and not 0 <= low(col_docs) <= high(col_docs) < n_passages:
        fail("passage ids")
    if len(col_tf) and low(col_tf) < 1:
        fail("term counts")
    if len(arrays["surface_count"]) != n_surface:
        fail("passage lengths")
    if small:
        # where a passage id does not rise, a new column must start
        if not set(compress(range(1, len(col_docs)), map(ge, col_docs, col_docs[1:]))) <= set(col_ptr):
            fail("term column order")
        lengths = [0] * n_passages
        for d, tf in zip(col_docs, col_tf, strict=True):
            lengths[d] += tf
        if lengths != doc_len.tolist():
            fail("passage lengths")
    else:
        docs, ptr = np.asarray(col_docs), np.asarray(col_ptr)
        falls = np.flatnonzero(docs[1:] <= docs[:-1]) + 1
        at = np.minimum(np.searchsorted(ptr, falls), len(ptr) - 1)  # col_ptr ascends: found by bisection
        if len(falls) and not np.array_equal(ptr[at], falls):
            fail("term column order")
        # float sums: exact while a passage holds fewer than 2**53 words
        lengths = np.bincount(docs, weights=np.asarray(col_tf), minlength=n_passages)
        if len(lengths) != n_passages or not np.array_equal(lengths, np.asarray(doc_len)):
            fail("passage lengths")
    art_ptr = arrays["art_ptr"]
    if len(art_ptr) != n_art_entries + 1 or art_ptr[0] != 0 or art_ptr[-1] != n_passages or not ascending(art_ptr, False):
        fail("articles")
    for name in ("p_article", "p_section", "p_start", "p_end"):
        if len(table[name]) != n_passages:
            fail(name)
    sent_ptr = table["p_sent_ptr"]
    if len(sent_ptr) != n_passages + 1 or sent_ptr[0] != 0 or not ascending(sent_ptr, True):
        fail("sentences")
    if (
        sent_ptr[-1] != len(table["s_start"])
        or len(table["s_end"]) != len(table["s_start"])
        or len(table["s_item"]) != len(table["s_start"])
    ):
        fail("sentence lengths")
    if n_passages and not (0 <= low(table["p_article"]) and high(table["p_article"]) < n_articles):
        fail("passage articles")
    if n_passages and not (0 <= low(table["p_section"]) and high(table["p_section"]) < n_sections):
        fail("passage sections")


def check_lengths(arrays, table, n_vocab, n_surface, n_passages, n_art_entries) -> None:
    """The checks of ``check_arrays`` that read no array's values, only lengths: for a file already checked."""
    if len(arrays["col_ptr"]) != n_vocab + 1 or len(arrays["doc_len"]) != n_passages:
        raise ValueError("term columns")
    if len(arrays["col_tf"]) != len(arrays["col_docs"]) or len(arrays["surface_count"]) != n_surface:
        raise ValueError("term column lengths")
    if len(arrays["art_ptr"]) != n_art_entries + 1:
        raise ValueError("articles")
    if any(len(table[name]) != n_passages for name in ("p_article", "p_section", "p_start", "p_end")):
        raise ValueError("passages")
    if len(table["p_sent_ptr"]) != n_passages + 1 or not len(table["s_start"]) == len(table["s_end"]) == len(table["s_item"]):
        raise ValueError("sentences")


def _ascending(a, strictly: bool) -> bool:
    return all(map(lt if strictly else le, a, a[1:]))
