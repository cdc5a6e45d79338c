"""Faults: damaged caches, read-only or missing folders, full disks, corrupt conversations.

Issue 7.  rlsbot rebuilds, or runs in memory with a one-line warning; it
never leaves half a file behind (temp file, flush, fsync, rename), never
loads a pickle, never opens a path an article names, and moves a corrupt
conversation aside instead of deleting it.
"""

from __future__ import annotations

import errno
import io
import json
import os
import pickle
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pytest
from conftest import SMALL_CORPUS

import rlsbot.store
from rlsbot.cli import main
from rlsbot.index_cache import CachedIndex
from rlsbot.index_meta import CACHE_FORMAT
from rlsbot.storage import atomic_write
from rlsbot.store import ConversationStore


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("index-*.npz")) if folder.is_dir() else []


def leftovers(folder: Path) -> list[Path]:
    """Temp files that a write left behind."""
    return sorted(p for p in folder.rglob("*") if p.name.endswith(".tmp")) if folder.is_dir() else []


def ask(capsys, corpus: Path, question: str = "how much magnesium a day?", *extra: str) -> tuple[int, str, list[str]]:
    status = main(["ask", "--corpus", str(corpus), *extra, question])
    out, err = capsys.readouterr()
    return status, out, err.strip().splitlines()


def assert_rebuild_warning(err: list[str]) -> None:
    """The index was rebuilt, and stderr said so."""
    assert err and all(line.startswith("rlsbot: warning: rebuilding the index") for line in err), err
    assert len(err) <= 2, err


def assert_cache_whole(folder: Path) -> None:
    """One cache file, and it loads as an index of the current format."""
    (path,) = cache_files(folder)
    cached = CachedIndex.open(path)
    assert cached is not None
    with cached:
        assert cached.meta["format"] == CACHE_FORMAT
        cached.index(cached_params())
    assert not leftovers(folder)


def cached_params():
    from rlsbot.bm25 import BM25Params

    return BM25Params()


@pytest.fixture
def good_cache(corpus, cache, capsys) -> Path:
    """A cache built for ``corpus``: its path; its bytes are read by the tests."""
    status, _, err = ask(capsys, corpus)
    assert status == 0 and not err, err
    (path,) = cache_files(cache)
    return path


def rewrite_npz(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The .npz with some members replaced (bytes) or dropped (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            member = name.removesuffix(".npy")
            if member in change:
                if change[member] is not None:
                    zout.writestr(name, change[member])
                continue
            zout.writestr(name, zin.read(name))
    return out.getvalue()


def npy(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=True)
    return buf.getvalue()


def meta_of(data: bytes) -> dict:
    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        return json.loads(z["meta"].tobytes().decode())


def meta_member(meta: dict) -> bytes:
    return npy(np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))


# ------------------------------------------------------------ audit hook


_EVENTS: list[tuple[str, tuple]] | None = None
# ("compile" is left out: numpy reads .npy headers with ast.literal_eval, which compiles but runs nothing)
_WATCHED = {"open", "os.listdir", "os.scandir", "pickle.find_class", "marshal.loads", "exec", "subprocess.Popen", "os.system"}


def _audit(event: str, args: tuple) -> None:
    if _EVENTS is not None and event in _WATCHED:
        _EVENTS.append((event, args))


sys.addaudithook(_audit)  # audit hooks cannot be removed: this one records only inside record()


class record:
    """Collect audited events (file opens, unpickling, code execution) inside a with block."""

    def __enter__(self) -> list[tuple[str, tuple]]:
        global _EVENTS
        _EVENTS = []
        return _EVENTS

    def __exit__(self, *exc) -> None:
        global _EVENTS
        _EVENTS = None


class PickleBomb:
    """Unpickling this creates a marker file: proof that a pickle ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


# ------------------------------------------------------------ the index cache


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda good: good[: len(good) // 2], id="truncated"),
        pytest.param(lambda good: good[:100], id="truncated-to-100-bytes"),
        pytest.param(lambda good: b"", id="empty"),
        pytest.param(lambda good: np.random.default_rng(7).bytes(len(good)), id="random-bytes"),
        pytest.param(lambda good: b"PK\x03\x04" + np.random.default_rng(8).bytes(5000), id="zip-header-then-junk"),
        pytest.param(lambda good: rewrite_npz(good, {"meta": b"\x93NUMPY garbage"}), id="meta-not-an-array"),
        pytest.param(lambda good: rewrite_npz(good, {"meta": npy(np.frombuffer(b"{not json", dtype=np.uint8))}), id="meta-not-json"),
        pytest.param(lambda good: rewrite_npz(good, {"meta": npy(np.arange(5.0))}), id="meta-floats"),
        pytest.param(lambda good: rewrite_npz(good, {"col_docs": npy(np.arange(3, dtype=np.int32))}), id="wrong-shape"),
        pytest.param(lambda good: rewrite_npz(good, {"col_tf": None}), id="member-missing"),
        pytest.param(lambda good: rewrite_npz(good, {"vocab": npy(np.frombuffer(b"\xff\xfe", dtype=np.uint8))}), id="strings-not-utf8"),
    ],
)
def test_damaged_cache_is_rebuilt_with_a_warning(corpus, cache, good_cache, capsys, damage):
    good_cache.write_bytes(damage(good_cache.read_bytes()))
    status, out, err = ask(capsys, corpus)
    assert status == 0 and "300 mg" in out
    assert_rebuild_warning(err)
    assert_cache_whole(cache)
    # and the rebuilt cache is used quietly next time
    status, _, err = ask(capsys, corpus)
    assert status == 0 and err == []


@pytest.mark.parametrize(
    "meta_change",
    [
        pytest.param({"format": CACHE_FORMAT + 1}, id="newer-format"),
        pytest.param({"format": 1}, id="older-format"),
        pytest.param({"analyzer": "another analyzer"}, id="other-analyzer"),
    ],
)
def test_cache_of_another_version_is_replaced(corpus, cache, good_cache, capsys, meta_change):
    good = good_cache.read_bytes()
    good_cache.write_bytes(rewrite_npz(good, {"meta": meta_member({**meta_of(good), **meta_change})}))
    status, out, err = ask(capsys, corpus)
    assert status == 0 and "300 mg" in out and err == []
    assert_cache_whole(cache)
    assert meta_of(good_cache.read_bytes())["format"] == CACHE_FORMAT


@pytest.mark.parametrize("member", ["meta", "col_docs", "p_start", "surface_count"])
def test_pickle_in_the_cache_is_never_loaded(corpus, cache, good_cache, capsys, tmp_path, member):
    marker = tmp_path / "pickle-ran"
    bomb = np.empty(1, dtype=object)
    bomb[0] = PickleBomb(marker)
    good_cache.write_bytes(rewrite_npz(good_cache.read_bytes(), {member: npy(bomb)}))
    with record() as events:
        status, out, err = ask(capsys, corpus)
    assert not marker.exists(), "a pickle in the cache was unpickled"
    assert not [e for e in events if e[0] == "pickle.find_class"]
    assert status == 0 and "300 mg" in out
    assert_rebuild_warning(err)
    assert_cache_whole(cache)


def test_whole_file_pickle_posing_as_cache_is_never_loaded(corpus, cache, good_cache, capsys, tmp_path):
    marker = tmp_path / "pickle-ran"
    good_cache.write_bytes(pickle.dumps(PickleBomb(marker)))
    status, _, err = ask(capsys, corpus)
    assert not marker.exists()
    assert status == 0 and len(err) == 1 and "rebuilding the index" in err[0]
    assert_cache_whole(cache)


def test_damaged_cache_is_reported_in_one_line(corpus, cache, good_cache, capsys):
    good_cache.write_bytes(rewrite_npz(good_cache.read_bytes(), {"col_docs": npy(np.arange(3, dtype=np.int32))}))
    status, _, err = ask(capsys, corpus)
    assert status == 0
    assert len(err) == 1, err


def _change_one_article(corpus: Path) -> None:
    (corpus / "iron.md").write_text(SMALL_CORPUS["iron.md"] + "\nIron tablets are best taken with vitamin C.\n", encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"art_surface_ids": npy(np.asarray([1.5, 2.5]))}, id="wrong-dtype"),
        pytest.param({"art_ptr": npy(np.asarray([0, 10**12, 5], dtype=np.int64))}, id="out-of-range"),
        pytest.param({"art_surface_ids": "bomb"}, id="pickle"),
        pytest.param({"col_tf": None}, id="member-missing"),
    ],
)
def test_damaged_cache_reused_for_unchanged_articles_is_rebuilt(corpus, cache, good_cache, capsys, tmp_path, change):
    """After an edit the cache is not the index but its unchanged articles are reused: that path too must survive damage."""
    marker = tmp_path / "pickle-ran"
    if "bomb" in change.values():
        bomb = np.empty(1, dtype=object)
        bomb[0] = PickleBomb(marker)
        change = {k: npy(bomb) for k in change}
    good_cache.write_bytes(rewrite_npz(good_cache.read_bytes(), change))
    _change_one_article(corpus)
    status, out, err = ask(capsys, corpus, "iron tablets vitamin c")
    assert not marker.exists()
    assert status == 0 and "vitamin C" in out, err
    assert len(err) == 1 and "rebuilding the index" in err[0], err
    assert_cache_whole(cache)


def test_cache_member_with_bad_crc_is_rebuilt(corpus, cache, good_cache, capsys):
    data = bytearray(good_cache.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("col_docs.npy")
    # flip a byte of the array's data, after the local header and the .npy header
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 140] ^= 0xFF
    good_cache.write_bytes(bytes(data))
    status, out, err = ask(capsys, corpus)
    assert status == 0 and "300 mg" in out, err
    assert len(err) == 1 and "rebuilding the index" in err[0], err
    assert_cache_whole(cache)


# ------------------------------------------------------------ read-only and missing folders


@pytest.fixture
def read_only(monkeypatch):
    """Make folders read-only.  chmod does not bind root, so for root the refusal is simulated."""
    roots: list[Path] = []

    def refuse(path) -> bool:
        return any(Path(path).resolve() == r or r in Path(path).resolve().parents for r in roots)

    if os.geteuid() == 0:
        real_mkstemp, real_mkdir, real_open = tempfile.mkstemp, os.mkdir, os.open

        def mkstemp(*args, dir=None, **kwargs):
            if dir is not None and refuse(dir):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(dir))
            return real_mkstemp(*args, dir=dir, **kwargs)

        def mkdir(path, *args, **kwargs):
            if refuse(path):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_mkdir(path, *args, **kwargs)

        def os_open(path, flags, *args, **kwargs):
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and refuse(path):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, flags, *args, **kwargs)

        real_connect = sqlite3.connect

        def connect(path, *args, **kwargs):  # SQLite opens its files in C, past os.open
            if refuse(Path(path).parent):
                raise sqlite3.OperationalError("unable to open database file")
            return real_connect(path, *args, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
        monkeypatch.setattr(os, "mkdir", mkdir)
        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(sqlite3, "connect", connect)

    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o555)
        roots.append(folder.resolve())
        return folder

    yield make
    for r in roots:
        r.chmod(0o755)


def test_read_only_cache_folder_runs_in_memory_with_one_warning(corpus, cache, read_only, capsys):
    read_only(cache)
    status, out, err = ask(capsys, corpus)
    assert status == 0 and "300 mg" in out
    assert len(err) == 1 and err[0].startswith("rlsbot: warning: cannot save the index cache") and "in memory" in err[0], err
    assert cache_files(cache) == [] and not list(cache.iterdir())


def test_read_only_cache_folder_keeps_an_existing_cache(corpus, cache, good_cache, read_only, capsys):
    before = good_cache.read_bytes()
    read_only(cache)
    status, _, err = ask(capsys, corpus)
    assert status == 0 and err == []  # a whole cache is read; nothing needs writing
    _change_one_article(corpus)
    status, out, err = ask(capsys, corpus, "iron tablets vitamin c")
    assert status == 0 and "vitamin C" in out
    assert len(err) == 1 and "cannot save the index cache" in err[0], err
    assert good_cache.read_bytes() == before and not leftovers(cache)


def test_cache_folder_that_cannot_exist_runs_in_memory(corpus, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RLSBOT_CACHE_DIR", str(blocker / "cache"))
    status, out, err = ask(capsys, corpus)
    assert status == 0 and "300 mg" in out
    assert len(err) == 1 and "cannot save the index cache" in err[0], err
    assert blocker.read_text() == "not a folder"


def test_read_only_data_folder_keeps_the_conversation_in_memory(corpus, cache, data, read_only, capsys):
    read_only(data)
    status, out, err = ask(capsys, corpus, "how much magnesium a day?", "--continue")
    assert status == 0 and "300 mg" in out
    assert len(err) == 1 and err[0].startswith("rlsbot: warning: conversation not saved") and "memory" in err[0], err
    assert not list(data.iterdir())


def test_missing_data_folder_is_created(corpus, cache, data, capsys):
    assert not data.exists()
    status, _, err = ask(capsys, corpus, "how much magnesium a day?", "--continue")
    assert status == 0 and err == []
    assert len(ConversationStore.default().summaries()) == 1


def test_data_folder_that_cannot_exist_keeps_the_conversation_in_memory(corpus, cache, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RLSBOT_DATA_DIR", str(blocker / "data"))
    for _ in range(2):
        status, out, err = ask(capsys, corpus, "how much magnesium a day?", "--continue")
        assert status == 0 and "300 mg" in out
        assert len(err) == 1 and "conversation not saved" in err[0], err


def test_missing_corpus_folder_is_a_one_line_error(tmp_path, cache, capsys):
    assert main(["ask", "--corpus", str(tmp_path / "nowhere"), "magnesium"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not found" in err[0]


# ------------------------------------------------------------ a full disk


class FullDisk:
    """Files opened by atomic_write take ``room`` bytes, then fail with ENOSPC; optionally fsync fails too."""

    def __init__(self, monkeypatch, room: int = 1000, fsync_fails: bool = False) -> None:
        self.room = room
        self.failures = 0
        real_fdopen, real_fsync = os.fdopen, os.fsync
        disk = self

        class Writer(io.RawIOBase):
            def __init__(self, f) -> None:
                self.f = f

            def write(self, b) -> int:
                data = bytes(b)
                if len(data) > disk.room:
                    self.f.write(data[: disk.room])
                    self.f.flush()
                    disk.room = 0
                    disk.failures += 1
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                disk.room -= len(data)
                return self.f.write(data)

            def writable(self) -> bool:
                return True

            def seekable(self) -> bool:
                return self.f.seekable()

            def seek(self, *args):
                return self.f.seek(*args)

            def tell(self) -> int:
                return self.f.tell()

            def fileno(self) -> int:
                return self.f.fileno()

            def flush(self) -> None:
                self.f.flush()

            def close(self) -> None:
                if not self.closed:
                    super().close()  # flushes through self.flush() while f is open
                    self.f.close()

        def fdopen(fd, mode="r", *args, **kwargs):
            f = real_fdopen(fd, mode, *args, **kwargs)
            return Writer(f) if "w" in mode else f

        def fsync(fd) -> None:
            if fsync_fails:
                disk.failures += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_fsync(fd)

        monkeypatch.setattr(os, "fdopen", fdopen)
        monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("fsync_fails", [False, True], ids=["write-fails", "fsync-fails"])
def test_full_disk_keeps_the_previous_file_whole(tmp_path, monkeypatch, fsync_fails):
    path = tmp_path / "file.bin"
    path.write_bytes(b"previous contents")
    disk = FullDisk(monkeypatch, room=10**9 if fsync_fails else 100, fsync_fails=fsync_fails)
    with pytest.raises(OSError) as exc:
        atomic_write(path, lambda f: f.write(b"x" * 10_000))
    assert exc.value.errno == errno.ENOSPC and disk.failures == 1
    assert path.read_bytes() == b"previous contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.bin"]


def test_interrupted_write_keeps_the_previous_file_whole(tmp_path):
    path = tmp_path / "file.bin"
    path.write_bytes(b"previous contents")

    def write(f) -> None:
        f.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, write)
    assert path.read_bytes() == b"previous contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.bin"]


def test_full_disk_while_saving_the_cache_runs_in_memory(corpus, cache, good_cache, monkeypatch, capsys):
    before = good_cache.read_bytes()
    _change_one_article(corpus)
    disk = FullDisk(monkeypatch, room=4096)
    status, out, err = ask(capsys, corpus, "iron tablets vitamin c")
    assert disk.failures >= 1
    assert status == 0 and "vitamin C" in out
    assert len(err) == 1 and "cannot save the index cache" in err[0] and os.strerror(errno.ENOSPC) in err[0], err
    assert good_cache.read_bytes() == before
    assert not leftovers(cache) and cache_files(cache) == [good_cache]


def test_full_disk_while_saving_a_conversation_keeps_the_saved_one(corpus, cache, data, monkeypatch, capsys):
    assert ask(capsys, corpus, "how much magnesium a day?", "--continue")[0] == 0
    store = ConversationStore.default()
    before = store.summaries()
    real_open = rlsbot.store._open

    def full(path):  # SQLite's own "disk full": the database may not grow by a page
        db = real_open(path)
        db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
        return db

    monkeypatch.setattr(rlsbot.store, "_open", full)
    status, out, err = ask(capsys, corpus, "and iron? " + "ferritin " * 2000, "--continue")
    assert status in (0, 1), err
    assert len(err) == 1 and "conversation not saved" in err[0] and "full" in err[0], err
    monkeypatch.setattr(rlsbot.store, "_open", real_open)
    assert store.summaries() == before  # the transaction rolled back whole
    assert [t.question for t in store.turns(before[0].id)] == ["how much magnesium a day?"]


# ------------------------------------------------------------ nothing runs that should not


def test_symlink_to_a_file_outside_the_corpus_is_skipped_with_a_warning(corpus, cache, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nThe zebra password is hunter2.\n")
    (corpus / "link.md").symlink_to(outside / "secret.md")
    (corpus / "inside.md").symlink_to(corpus / "iron.md")  # inside: fine (and a duplicate, noted)
    status = main(["sources", "--corpus", str(corpus)])
    out, err = capsys.readouterr()
    assert status == 0
    warnings = [line for line in err.splitlines() if "link.md" in line]
    assert len(warnings) == 1 and "symlink" in warnings[0] and "outside the corpus folder" in warnings[0]
    assert "Secret" not in out and "link.md" not in out
    status, out, _ = ask(capsys, corpus, "zebra password hunter2")
    assert status == 1 and "hunter2" not in out.replace("\u201chunter2\u201d", "")


def test_symlink_to_a_folder_outside_the_corpus_is_skipped_with_a_warning(corpus, cache, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nThe zebra password is hunter2.\n")
    (corpus / "linked-folder").symlink_to(outside, target_is_directory=True)
    status = main(["sources", "--corpus", str(corpus)])
    out, err = capsys.readouterr()
    assert status == 0 and "Secret" not in out
    assert any("linked-folder" in line and "outside the corpus folder" in line for line in err.splitlines()), err


PATH_NAMING_ARTICLE = """# Paths

Magnesium notes: see /etc/passwd, ../secret.md, ~/.ssh/id_rsa and file:///etc/shadow for more on restless legs.

Read [the secret](../secret.md) and ![a picture](../secret.png) and <img src="/etc/passwd"> about magnesium.

Include: {{ include "../secret.md" }} and ${../secret.md} and $(cat /etc/passwd) and `cat ../secret.md` for restless legs.
"""

PATH_NAMING_HTML = """<html><head><title>Links</title><link rel="stylesheet" href="../secret.css">
<script src="../secret.js"></script></head><body><h1>Links</h1>
<p>Magnesium and <a href="../secret.md">restless legs</a>, <img src="/etc/passwd">
<iframe src="file:///etc/passwd"></iframe> <object data="../secret.md"></object></p></body></html>
"""


def test_paths_named_in_articles_are_never_opened(tmp_path, monkeypatch):
    from rlsbot.bot import Bot

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "paths.md").write_text(PATH_NAMING_ARTICLE)
    (folder / "links.html").write_text(PATH_NAMING_HTML)
    (tmp_path / "secret.md").write_text("# Secret\n\nzebra hunter2\n")
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("RLSBOT_CACHE_DIR", str(cache_dir))
    monkeypatch.chdir(folder)  # so that "../secret.md" would resolve to the real secret
    Bot.load(folder, cache=False).ask("warm up the lazy imports")
    with record() as events:
        bot = Bot.load(folder)
        answers = [bot.ask(q) for q in ("magnesium restless legs /etc/passwd", "../secret.md", "zebra hunter2", "~/.ssh/id_rsa")]
        Bot.load(folder)  # and again, from the cache
    allowed = [
        folder.resolve(),
        cache_dir.resolve(),
        Path(sys.prefix).resolve(),
        Path(sys.base_prefix).resolve(),
        Path(__file__).resolve().parent.parent,
    ]
    for event, args in events:
        assert event in ("open", "os.listdir", "os.scandir"), (event, args)
        target = args[0]
        if isinstance(target, int) or target is None:
            continue
        path = Path(os.fsdecode(target))
        path = (folder / path if not path.is_absolute() else path).resolve()
        assert any(path == a or a in path.parents for a in allowed), f"opened {path}"
        assert path.name not in ("passwd", "shadow", "id_rsa", "secret.md", "secret.png", "secret.css", "secret.js"), f"opened {path}"
    assert answers[0].answered
    assert not any("hunter2" in c.quote for a in answers for c in a.citations)


# ------------------------------------------------------------ crash leftovers (issue 16, items 6 and 8)

KILLED_WRITER = """
import sys, time
from pathlib import Path
from rlsbot.storage import atomic_write

def write(f):
    f.write(b"x" * 1_000_000)
    f.flush()
    print("writing", flush=True)
    time.sleep(120)

atomic_write(Path(sys.argv[1]), write)
"""


def killed_mid_write(target: Path) -> Path:
    """Run a writer of ``target`` and kill -9 it mid-write: the temp file it leaves."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "writing"
    finally:
        proc.kill()
        proc.wait(timeout=30)
    (left,) = leftovers(target.parent)
    assert not target.exists() and left.stat().st_size == 1_000_000
    return left


def age(path: Path, seconds: float) -> None:
    import time

    then = time.time() - seconds
    os.utime(path, (then, then))


def test_temp_file_of_a_killed_writer_is_swept_by_the_next_write(tmp_path):
    left = killed_mid_write(tmp_path / "index-0123456789abcdef.npz")
    atomic_write(tmp_path / "other.json", lambda f: f.write(b"{}"))
    assert left.exists()  # a young temp file may be a live writer's
    age(left, 10 * 60)
    atomic_write(tmp_path / "other.json", lambda f: f.write(b"[]"))
    assert not left.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.json"]


def test_sweeping_removes_only_rlsbot_temp_files_in_that_folder(tmp_path):
    old = {
        ".index-0123456789abcdef.npz.k3j_x9a2.tmp": True,  # rlsbot 0.1's name for a cache's temp file
        ".notes.txt.ab12cd34.tmp": True,  # ... and for an added article's
        ".conversation.json.zz9_yy8x.rlsbot.tmp": True,  # and today's
        ".notes.abcdefgh.tmp": False,  # someone else's: not a kind of file rlsbot writes
        "notes.txt.ab12cd34.tmp": False,  # not hidden: not rlsbot's
        "article.md": False,
    }
    for name in old:
        (tmp_path / name).write_bytes(b"x")
        age(tmp_path / name, 3600)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".notes.txt.ab12cd34.tmp").write_bytes(b"x")
    age(tmp_path / "sub" / ".notes.txt.ab12cd34.tmp", 3600)
    (tmp_path / ".linked.md.ab12cd34.tmp").symlink_to(tmp_path / "article.md")
    atomic_write(tmp_path / "new.md", lambda f: f.write(b"# New\n"))
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted([".linked.md.ab12cd34.tmp", "new.md", "sub", *(n for n, swept in old.items() if not swept)])
    assert (tmp_path / "sub" / ".notes.txt.ab12cd34.tmp").exists()


def test_crash_leftovers_in_the_articles_folder_go_with_the_next_add(tmp_path, data, capsys):
    mine = data / "articles"
    mine.mkdir(parents=True)
    left = killed_mid_write(mine / "notes.txt")
    age(left, 3600)
    note = tmp_path / "walks.md"
    note.write_text("# Walks\n\nA walk before bed eases restless legs for some people.\n", encoding="utf-8")
    assert main(["add", str(note)]) == 0
    assert sorted(p.name for p in mine.iterdir()) == ["walks.md"]


@pytest.mark.parametrize(
    "name", ["n" * 255, "n" * 251 + ".npz", "\u00e9" * 126 + ".md", "\u00e9" * 127 + "x"], ids=["ascii", "suffix", "utf8-suffix", "utf8"]
)
def test_temp_names_fit_in_255_bytes(tmp_path, name):
    assert len(os.fsencode(name)) == 255
    atomic_write(tmp_path / name, lambda f: f.write(b"whole"))
    assert (tmp_path / name).read_bytes() == b"whole" and sorted(p.name for p in tmp_path.iterdir()) == [name]


# ------------------------------------------------------------ Ctrl-C while starting (issue 16, item 9)

ROOT = Path(__file__).resolve().parent.parent


def console_script() -> str:
    """What pip writes for the ``rlsbot`` command, from pyproject.toml's [project.scripts]."""
    import re

    module, func = re.search(r'^rlsbot = "([\w.]+):(\w+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M).groups()
    return f"import re\nimport sys\nfrom {module} import {func}\nif __name__ == '__main__':\n    sys.exit({func}())\n"


# Ctrl-C pressed while a module is being imported: a finder that sends SIGINT
# when asked for it stands in for a keypress at that very moment.
CTRL_C_DURING_IMPORT = """
import os, signal, sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlC())
"""


@pytest.mark.parametrize("how", ["console-script", "python-m"])
@pytest.mark.parametrize("module", ["rlsbot.cli", "rlsbot.article", "argparse"])
def test_ctrl_c_while_starting_is_one_line_never_a_traceback(tmp_path, how, module):
    import signal
    import subprocess

    from rlsbot import entry, exitcodes

    start = (
        console_script() if how == "console-script" else "import runpy\nrunpy.run_module('rlsbot', run_name='__main__', alter_sys=True)\n"
    )
    script = CTRL_C_DURING_IMPORT.format(module=module) + start
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RLSBOT_DATA_DIR": str(tmp_path / "d"), "RLSBOT_CACHE_DIR": str(tmp_path / "c")}
    result = subprocess.run([sys.executable, "-c", script, "sources"], capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in result.stderr and "KeyboardInterrupt" not in result.stderr, result.stderr
    assert result.stderr.strip() == "rlsbot: interrupted" and result.stdout == ""
    assert result.returncode == exitcodes.INTERRUPTED == entry.INTERRUPTED
    # and a Ctrl-C that was ignored when rlsbot started stays ignored
    ignored = subprocess.run(
        [sys.executable, "-c", script, "--version"],
        capture_output=True, text=True, env=env, timeout=120, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )  # fmt: skip
    assert ignored.returncode == 0 and ignored.stdout.startswith("rlsbot "), ignored.stderr


# ------------------------------------------------------------ blow-ups (issue 16, item 10)

BOMB_BYTES = 256 * 1024 * 1024


def npy_header(text: str) -> bytes:
    """An .npy 1.0 header holding ``text``, padded as numpy pads it."""
    body = text.encode("latin1")
    body += b" " * (-(len(body) + 11) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + len(body).to_bytes(2, "little") + body


def npz_with_bomb(good: bytes, member: str, how: str) -> bytes:
    """The .npz with one member an int64 array declaring BOMB_BYTES: all zeros deflated (~256 KB), or a header and 100 bytes."""
    shape = BOMB_BYTES // 8
    header = npy_header(f"{{'descr': '<i8', 'fortran_order': False, 'shape': ({shape},), }}")
    if how == "doubled-key":  # a reader taking the first 'shape' sees 1 element; numpy takes the last
        header = npy_header(f"{{'descr': '<i8', 'fortran_order': False, 'shape': (1,), \"shape\": ({shape},)}}")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as zin, zipfile.ZipFile(out, "w") as zout:
        for name in zin.namelist():
            if name != f"{member}.npy":
                zout.writestr(name, zin.read(name))
            elif how != "deflated-zeros":
                zout.writestr(name, header + bytes(100))
            else:
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with zout.open(info, "w", force_zip64=True) as f:
                    f.write(header)
                    chunk = bytes(16 * 1024 * 1024)
                    for _ in range(BOMB_BYTES // len(chunk)):
                        f.write(chunk)
    return out.getvalue()


@pytest.mark.parametrize("how", ["deflated-zeros", "declared-only", "doubled-key"])
@pytest.mark.parametrize("member", ["col_docs", "meta", "art_ptr"])
def test_cached_array_declaring_a_huge_size_is_refused_before_it_is_loaded(corpus, cache, good_cache, capsys, member, how):
    """A 1.9 MB cache holding a compressed 2 GB array cost 2 GB of memory before it was rejected."""
    import tracemalloc

    from rlsbot.index_meta import read_meta

    bomb = npz_with_bomb(good_cache.read_bytes(), member, how)
    assert len(bomb) < 2 * 1024 * 1024
    good_cache.write_bytes(bomb)
    tracemalloc.start()
    try:
        assert read_meta(good_cache) is None  # what a warm `sources` reads
        status, out, err = ask(capsys, corpus)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert status == 0 and "300 mg" in out
    assert_rebuild_warning(err)
    assert peak < BOMB_BYTES // 8, f"{peak / 2**20:.0f} MB in use at the peak"
    assert_cache_whole(cache)


def test_the_whole_file_system_is_refused_as_a_corpus_in_one_line(tmp_path):
    """RLSBOT_CORPUS=/ walked the whole file system: 90 s and 780 MB, still going, nothing shown."""
    import subprocess
    import time

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "RLSBOT_CORPUS": "/",
        "RLSBOT_DATA_DIR": str(tmp_path / "d"),
        "RLSBOT_CACHE_DIR": str(tmp_path / "c"),
    }
    for args in (["sources"], ["ask", "magnesium"], ["--corpus", "/", "remove", "x.md"], ["--corpus", "/etc/..", "sources"]):
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "rlsbot", *args], capture_output=True, text=True, env=env, timeout=60)
        assert time.monotonic() - started < 30
        assert result.returncode == 2 and result.stdout == "", result.stdout
        (line,) = result.stderr.splitlines()
        assert line.startswith("rlsbot: /") and "whole file system" in line, line


def test_a_corpus_folder_with_too_many_files_is_one_line(corpus, cache, capsys, monkeypatch):
    import rlsbot.corpus

    for i in range(30):
        (corpus / f"extra-{i}.png").write_bytes(b"")
    monkeypatch.setattr(rlsbot.corpus, "MAX_WALK_ENTRIES", 25)
    status, out, err = ask(capsys, corpus)
    assert status == 2 and out == ""
    assert len(err) == 1 and "more than 25 files and folders" in err[0], err


def test_deep_folders_and_other_file_systems_are_skipped_with_one_line_each(corpus, cache, capsys, monkeypatch):
    import pathlib

    import rlsbot.corpus

    deep = corpus.joinpath(*[f"d{i}" for i in range(rlsbot.corpus.MAX_DEPTH + 3)])
    deep.mkdir(parents=True)
    (deep / "deep.md").write_text("# Deep\n\nZebra keepers walk at night for restless legs.\n", encoding="utf-8")
    mounted = corpus / "mounted"
    mounted.mkdir()
    (mounted / "far.md").write_text("# Far\n\nZebra keepers stretch at night for restless legs.\n", encoding="utf-8")
    real_lstat = pathlib.Path.lstat

    def lstat(self):  # "mounted" is on another device, as a mount point is
        info = real_lstat(self)
        return os.stat_result((*info[:2], info.st_dev + 1, *info[3:])) if self.name == "mounted" else info

    monkeypatch.setattr(pathlib.Path, "lstat", lstat)
    seen: list[int] = []
    entries = list(rlsbot.corpus.article_files(corpus, progress=seen.append))
    assert sorted(e.path for e in entries if isinstance(e, rlsbot.corpus.Skipped)) == [
        "/".join(f"d{i}" for i in range(rlsbot.corpus.MAX_DEPTH + 1)),
        "mounted",
    ]
    assert seen[-1] == -1 and seen[:-1] == sorted(seen[:-1]) and seen[-2] >= 2 + rlsbot.corpus.MAX_DEPTH
    status, out, err = ask(capsys, corpus, "zebra keepers at night")
    assert status == 1, out  # neither article is read
    assert sorted(line.rpartition(":")[0] for line in err) == [
        "rlsbot: skipped " + "/".join(f"d{i}" for i in range(rlsbot.corpus.MAX_DEPTH + 1)),
        "rlsbot: skipped mounted",
    ]
