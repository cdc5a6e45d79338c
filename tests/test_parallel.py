"""Work spread over processes gives what one process gives; the command starts numpy with one BLAS thread."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

import rlsbot.parallel
from rlsbot import entry
from rlsbot.analyser import analyse
from rlsbot.article_cache import db_path
from rlsbot.bot import Bot
from rlsbot.corpus import bundled_corpus, load_folder, parse_files
from rlsbot.index_meta import cache_path


def _square_all(chunk: list[int]) -> list[int]:
    return [x * x for x in chunk]


def _fail_on_seven(chunk: list[int]) -> list[int]:
    if 7 in chunk:
        raise ValueError("seven")
    return chunk


@pytest.fixture
def many_processes(monkeypatch):
    """Worker processes from the first item, two items a task: the parallel path on a small corpus."""
    monkeypatch.setattr(rlsbot.parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(rlsbot.parallel, "CHUNK", 2)
    monkeypatch.setattr(rlsbot.parallel.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)


def test_chunks_come_back_in_order(many_processes):
    assert rlsbot.parallel.processes(9) == 2
    assert [x for chunk in rlsbot.parallel.map_chunks(_square_all, list(range(9))) for x in chunk] == [x * x for x in range(9)]


def test_a_process_running_threads_starts_its_workers_afresh(many_processes):
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert [x for chunk in rlsbot.parallel.map_chunks(_square_all, list(range(5))) for x in chunk] == [0, 1, 4, 9, 16]
    finally:
        stop.set()
        other.join()


def _die_on_seven(chunk: list[int]) -> list[int]:
    if 7 in chunk:
        os.kill(os.getpid(), 9)  # as the OOM killer would
    return chunk


def test_a_worker_that_dies_is_an_error_not_a_wait(many_processes):
    from concurrent.futures.process import BrokenProcessPool

    with pytest.raises(BrokenProcessPool):
        list(rlsbot.parallel.map_chunks(_die_on_seven, list(range(9))))


def test_a_workers_error_is_raised_here(many_processes):
    with pytest.raises(ValueError, match="seven"):
        list(rlsbot.parallel.map_chunks(_fail_on_seven, list(range(9))))


def test_small_jobs_stay_in_this_process():
    assert rlsbot.parallel.processes(rlsbot.parallel.MIN_ITEMS - 1) == 1


def test_parsing_in_workers_gives_the_same_articles_and_reasons(many_processes):
    files = sorted(p for p in bundled_corpus().iterdir() if p.suffix == ".md")[:5]
    jobs = [(p.read_bytes(), p.name) for p in files] + [(b"", "empty.md"), (b"\x00\x01binary", "b.md")]
    in_workers = parse_files(jobs)
    rlsbot.parallel.MIN_ITEMS = 10**9
    assert in_workers == parse_files(jobs)
    assert in_workers[-2:] == ["is empty", "looks like a binary file, not text"]


def test_analysis_in_workers_gives_the_same_postings(many_processes):
    articles, _ = load_folder(bundled_corpus())
    parallel, p_analyser = analyse(articles)
    rlsbot.parallel.MIN_ITEMS = 10**9
    serial, s_analyser = analyse(articles)
    assert len(parallel) == len(serial) == len(articles)
    for p, s in zip(parallel, serial, strict=True):
        # provisional ids differ between the two: compare what they stand for
        assert [p_analyser.terms[t] for t in p.term_ids] == [s_analyser.terms[t] for t in s.term_ids]
        assert [p_analyser.words[w] for w in p.surface_ids] == [s_analyser.words[w] for w in s.surface_ids]
        for name in ("tfs", "entries", "lengths", "surface_counts"):
            assert getattr(p, name).tolist() == getattr(s, name).tolist()
        assert list(p.passages) == list(s.passages)


def _files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT path, digest, name, title, meta, text, spans, sections, akey, ckey FROM articles ORDER BY rowid"
        ).fetchall()


def test_a_build_in_workers_writes_the_same_cache_files(many_processes, tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted(bundled_corpus().iterdir())[:12]:
        (folder / p.name).write_bytes(p.read_bytes())
    assert rlsbot.parallel.processes(12) == 2
    built = {}
    for name, min_items in (("workers", 1), ("one process", 10**9)):
        monkeypatch.setattr(rlsbot.parallel, "MIN_ITEMS", min_items)
        monkeypatch.setenv("RLSBOT_CACHE_DIR", str(tmp_path / name))
        bot = Bot.load(folder, rebuild=True)
        built[name] = (_files(cache_path([folder])), _rows(db_path([folder])), bot.ask("does iron help?"))
    assert built["workers"] == built["one process"]


def test_the_command_asks_for_one_blas_thread_unless_told(monkeypatch):
    for name in entry._BLAS_THREADS:
        monkeypatch.delenv(name, raising=False)
    entry._one_blas_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    entry._one_blas_thread()
    assert "OPENBLAS_NUM_THREADS" not in os.environ
