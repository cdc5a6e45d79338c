"""Parsed articles kept in SQLite, so a fresh process never parses a file twice.

Each article file is stat-ed; when its size, mtime, ctime and inode are those
recorded (and it was already old when recorded, so a write in the same
clock tick cannot hide), the stored parse is used without reading the file.
Otherwise the file is read and hashed, and parsed only when its bytes differ
from what was stored.  A row holds everything answers need (text, title,
metadata, block layout) as text and JSON: nothing is pickled, nothing in the
file can run code.  Articles are loaded one at a time, when a question first
touches them (``Catalog``), so start-up grows with the number of files
(one stat each) and not with their size.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from rlsbot.article import Article, Section, Span, article_key, content_key
from rlsbot.corpus import (
    PARSER_VERSION,
    CorpusError,
    Skipped,
    corpus_folders,
    first_of_each_name,
    parse_files,
    read_article_bytes,
)
from rlsbot.index_meta import articles_digest
from rlsbot.paths import cache_dir
from rlsbot.walk import walk_articles

SCHEMA = 3
# The tables' layout and the parser that filled them: a row parsed by
# another version of the parser is never trusted, however unchanged its file.
USER_VERSION = SCHEMA * 1_000_000 + int(hashlib.sha256(PARSER_VERSION.encode()).hexdigest()[:5], 16) % 1_000_000
# A file changed within this long of being recorded may change again in the
# same mtime tick without its stat showing it: such rows are re-hashed.
RACY_NS = 2_000_000_000


class Entry(NamedTuple):
    """What start-up needs of one article without loading it (a tuple: 17,000 are made per start)."""

    name: str
    key: str  # article_key: text and layout, as indexing sees them
    content: str  # content_key: the text alone, for de-duplication
    row: int


class Catalog(Mapping[str, Article]):
    """Articles by name, each loaded from the cache the first time it is asked for."""

    def __init__(
        self, entries: Sequence[Entry], db: Path | None, loaded: dict[str, Article] | None = None, digest: str | None = None
    ) -> None:
        self.entries = {e.name: e for e in entries}
        self._digest = digest
        self._db = db
        self._loaded: dict[str, Article] = dict(loaded or {})
        self._conn: sqlite3.Connection | None = None

    def __getitem__(self, name: str) -> Article:
        found = self._loaded.get(name)
        if found is None:
            entry = self.entries[name]  # KeyError for an unknown name, as a dict
            found = self._loaded[name] = self._rows([entry])[entry.row]
        return found

    def __setitem__(self, name: str, article: Article) -> None:
        """Put an article in (in memory only), as into a dict."""
        if name not in self.entries:
            self.entries[name] = Entry(name, article_key(article), content_key(article), -1)
            self._digest = None
        self._loaded[name] = article

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def load_all(self) -> list[Article]:
        """Every article, in corpus order (one query for all that are not loaded yet)."""
        todo = [e for name, e in self.entries.items() if name not in self._loaded]
        if todo:
            rows = self._rows(todo)
            for name, e in self.entries.items():
                if name not in self._loaded:
                    self._loaded[name] = rows[e.row]
        return [self._loaded[name] for name in self.entries]

    def _rows(self, entries: list[Entry]) -> dict[int, Article]:
        if self._db is None:
            raise KeyError("article not in memory and no cache")
        if self._conn is None:
            # read-only, kept open: answers load a handful of articles each
            self._conn = sqlite3.connect(f"file:{self._db}?mode=ro", uri=True, timeout=30, check_same_thread=False)
        return _load_rows(self._conn, [e.row for e in entries], {e.row: e.key for e in entries})

    def keys_of(self) -> list[tuple[str, str]]:
        """(name, article_key) of every article, in corpus order."""
        return [(e.name, e.key) for e in self.entries.values()]

    def digest(self) -> str:
        """index_meta.articles_digest of these articles (remembered from the last scan when nothing changed)."""
        if self._digest is None:
            self._digest = articles_digest(self.keys_of())
        return self._digest


class Scanned(NamedTuple):
    """The articles of some folders, one of each text and name, and what was left out."""

    catalog: Catalog
    folders: tuple[Path, ...]
    warnings: tuple[str, ...]


def db_path(folders: Sequence[Path]) -> Path:
    """The article cache of these folders."""
    joined = "\0".join(str(f.resolve()) for f in folders)
    return cache_dir() / f"articles-{hashlib.sha256(joined.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}.sqlite"


def scan(corpus: str | os.PathLike | None = None, cache: bool = True, fresh: bool = False) -> Scanned:
    """Every folder of ``corpus_folders``, parsed files taken from the cache when unchanged.

    ``fresh`` parses every file again (and stores the result).
    Raises CorpusError when no article is usable.  A cache that cannot be
    read or written is set aside with a warning, never fatal.
    """
    folders = corpus_folders(corpus)
    for folder in folders:
        if not folder.is_dir():
            raise CorpusError(f"corpus folder not found: {folder}")
    warnings: list[str] = []
    db = db_path(folders) if cache else None
    conn = None
    if db is not None:
        try:
            conn = _open(db)
        except (sqlite3.Error, OSError):
            # Said nowhere: it only saves parsing, and the index cache, in the
            # same folder, warns of the same trouble once.
            conn, db = None, None
    try:
        walked = [found for folder in folders for found in walk_articles(folder)]
        stamp = _stamp(walked)
        remembered = _remembered(conn, stamp) if conn is not None and not fresh else None
        if remembered is not None:
            # not one file changed since the last scan: its outcome, in one read
            entries, found_warnings, digest = remembered
            warnings += found_warnings
            loaded: dict[str, Article] = {}
        else:
            entries, skipped, loaded, settled = _scan(walked, folders, conn, fresh)
            entries, dupes = _dedupe(entries, skipped)
            found_warnings = [f"skipped {s.path}: {s.reason}" for s in skipped]
            found_warnings += [f"note: {d.path} {d.reason}" for d in dupes]
            warnings += found_warnings
            digest = articles_digest([(e.name, e.key) for e in entries])
            if conn is not None and settled and all(e.row >= 0 for e in entries):
                _remember(conn, stamp, entries, found_warnings, digest)
    finally:
        if conn is not None:
            conn.close()
    if not entries:
        raise CorpusError(f"no readable articles in {', '.join(str(f) for f in folders)}")
    # fresh parses stay in memory (a first build needs them all anyway)
    names = {e.name for e in entries}
    loaded = {k: v for k, v in loaded.items() if k in names}
    return Scanned(Catalog(entries, db, loaded, digest), tuple(folders), tuple(warnings))


def _open(db: Path) -> sqlite3.Connection:
    """The cache, made or remade when it is another schema's or damaged; busy (another process) raises."""
    db.parent.mkdir(parents=True, exist_ok=True)
    if not db.exists():
        # SQLite would create the file whatever the folder allows root; ask the way atomic writes do
        import tempfile

        fd, probe = tempfile.mkstemp(prefix=".probe-", dir=db.parent)
        os.close(fd)
        os.unlink(probe)
    conn = sqlite3.connect(db, timeout=30)
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != USER_VERSION:
            _create(conn)
        conn.execute("SELECT path FROM articles LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        conn.close()
        raise
    except sqlite3.DatabaseError:
        conn.close()
        db.unlink(missing_ok=True)  # damaged: it is only a cache
        conn = sqlite3.connect(db, timeout=30)
        _create(conn)
    return conn


def _create(conn: sqlite3.Connection) -> None:
    # IMMEDIATE: of several first runs at once, one makes the tables and the others see them made
    conn.isolation_level = None
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != USER_VERSION:
            conn.execute("DROP TABLE IF EXISTS articles")
            conn.execute("DROP TABLE IF EXISTS manifest")
            conn.execute("CREATE TABLE manifest (stamp TEXT, names TEXT, keys TEXT, rows BLOB, warnings TEXT, digest TEXT)")
            conn.execute(
                "CREATE TABLE articles (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, inode INTEGER, ctime INTEGER,"
                " trusted INTEGER, digest TEXT, name TEXT, title TEXT, meta TEXT, text TEXT, spans TEXT, sections TEXT,"
                " akey TEXT, ckey TEXT)"
            )
            conn.execute(f"PRAGMA user_version = {USER_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.isolation_level = ""


def _stamp(walked: list) -> str:
    """Names every file's path and stat, and every skip, as found by one walk."""
    names: list[str] = []
    numbers = array("q")
    for found in walked:
        if isinstance(found, Skipped):
            names.append(f"skip\0{found.path}\0{found.reason}")
            continue
        path, rel, info = found
        names.append(f"{path}\0{rel}")
        if info is None:
            numbers.extend((-1, -1, -1, -1))
        else:
            numbers.extend((info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns))
    h = hashlib.sha256("\n".join(names).encode("utf-8", "surrogatepass"))
    h.update(numbers.tobytes())
    return h.hexdigest()


_SEP = "\x00"  # no file name, key or warning holds a NUL


def _remembered(conn: sqlite3.Connection, stamp: str) -> tuple[list[Entry], list[str], str] | None:
    """The outcome of the last scan (entries, warnings, articles digest), when it saw exactly these files and stats."""
    try:
        row = conn.execute("SELECT names, keys, rows, warnings, digest FROM manifest WHERE stamp = ?", (stamp,)).fetchone()
        if row is None:
            return None
        names, keys = row[0].split(_SEP), row[1].split(_SEP)
        rows = array("q", row[2])
        if not (len(names) == len(keys) == len(rows)):
            return None
        warnings = row[3].split(_SEP) if row[3] else []
        # the content key only de-duplicates, which this outcome has done already
        return list(map(Entry, names, keys, [""] * len(names), rows)), warnings, str(row[4])
    except (sqlite3.Error, ValueError, TypeError, AttributeError):
        return None


def _remember(conn: sqlite3.Connection, stamp: str, entries: list[Entry], warnings: list[str], digest: str) -> None:
    try:
        with conn:
            conn.execute("DELETE FROM manifest")
            conn.execute(
                "INSERT INTO manifest VALUES (?, ?, ?, ?, ?, ?)",
                (
                    stamp,
                    _SEP.join(e.name for e in entries),
                    _SEP.join(e.key for e in entries),
                    array("q", [e.row for e in entries]).tobytes(),
                    _SEP.join(warnings),
                    digest,
                ),
            )
    except sqlite3.Error:
        pass  # only a shortcut for the next start


def _scan(
    walked: list, folders: Sequence[Path], conn: sqlite3.Connection | None, fresh: bool = False
) -> tuple[list[Entry], list[Skipped], dict[str, Article], bool]:
    """Entries of the walked files, parsing only what changed; the last value says no file was too new to trust by stat."""
    known: dict[str, tuple] = {}
    if conn is not None:
        known = {
            row[0]: row
            for row in conn.execute("SELECT path, size, mtime, inode, ctime, trusted, digest, rowid, name, akey, ckey FROM articles")
        }
    found_in_order: list[Entry | Skipped | None] = []  # None: to be parsed
    to_parse: list[tuple[int, str, str, tuple, int, bytes]] = []
    loaded: dict[str, Article] = {}
    seen_paths: set[str] = set()
    writes: list[tuple] = []
    now = time.time_ns()
    settled = True
    for found in walked:
        if isinstance(found, Skipped):
            found_in_order.append(found)
            continue
        key, rel, info = found
        seen_paths.add(key)
        if info is None or info.st_mtime_ns >= now - RACY_NS:
            settled = False
        old = None if fresh else known.get(key)
        stat = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns) if info is not None else (-1, -1, -1, -1)
        # old: path, size, mtime, inode, ctime, trusted, digest, rowid, name, akey, ckey
        if old is not None and info is not None and old[5] and old[1:5] == stat:
            found_in_order.append(Entry(old[8], old[9], old[10], old[7]))  # unchanged: no read at all
            continue
        try:
            data = read_article_bytes(Path(key))
        except ValueError as exc:
            found_in_order.append(Skipped(rel, str(exc)))
            continue
        digest = hashlib.sha256(PARSER_VERSION.encode() + b"\0" + data).hexdigest()
        trusted = int(stat[1] < now - RACY_NS)
        if old is not None and old[6] == digest and old[8] == rel:
            writes.append(("stat", *stat, trusted, key))
            found_in_order.append(Entry(old[8], old[9], old[10], old[7]))
            continue
        to_parse.append((len(found_in_order), key, rel, stat, trusted, data))
        found_in_order.append(None)
    # all at once: a first build parses thousands, in worker processes
    for (at, key, rel, stat, trusted, _), parsed in zip(to_parse, parse_files([(job[5], job[2]) for job in to_parse]), strict=True):
        if isinstance(parsed, str):
            found_in_order[at] = Skipped(rel, parsed)
            continue
        article, akey, ckey = parsed
        loaded[rel] = article
        writes.append(("row", key, *stat, trusted, article, akey, ckey))
        found_in_order[at] = Entry(rel, akey, ckey, -1)
    entries = [e for e in found_in_order if isinstance(e, Entry)]
    skipped = [e for e in found_in_order if isinstance(e, Skipped)]
    gone = [p for p in known if p not in seen_paths and any(_under(p, f) for f in folders)]
    if conn is not None and (writes or gone):
        entries = _write(conn, writes, gone, entries)
    return entries, skipped, loaded, settled


def _under(path: str, folder: Path) -> bool:
    return path.startswith(str(folder.absolute()) + os.sep)


def _write(conn: sqlite3.Connection, writes: list[tuple], gone: list[str], entries: list[Entry]) -> list[Entry]:
    """Store new parses and stats in one transaction; the new rows' ids go into their entries."""
    rows: dict[str, int] = {}
    try:
        with conn:
            conn.executemany("DELETE FROM articles WHERE path = ?", [(p,) for p in gone])
            for w in writes:
                if w[0] == "stat":
                    conn.execute("UPDATE articles SET size = ?, mtime = ?, inode = ?, ctime = ?, trusted = ? WHERE path = ?", w[1:])
                    continue
                _, path, size, mtime, inode, ctime, trusted, a, akey, ckey = w
                conn.execute(
                    # an upsert keeps the row id that another process may have handed out already
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET"
                    " size = excluded.size, mtime = excluded.mtime, inode = excluded.inode, ctime = excluded.ctime,"
                    " trusted = excluded.trusted, digest = excluded.digest, name = excluded.name, title = excluded.title,"
                    " meta = excluded.meta, text = excluded.text, spans = excluded.spans, sections = excluded.sections,"
                    " akey = excluded.akey, ckey = excluded.ckey",
                    (
                        path,
                        size,
                        mtime,
                        inode,
                        ctime,
                        trusted,
                        a.digest,
                        a.name,
                        a.title,
                        json.dumps(a.meta, ensure_ascii=False),
                        a.text,
                        json.dumps([[s.kind, s.start, s.end, s.section] for s in a.spans]),
                        json.dumps([[s.heading, s.start, s.end] for s in a.sections], ensure_ascii=False),
                        akey,
                        ckey,
                    ),
                )
                rows[a.name] = conn.execute("SELECT rowid FROM articles WHERE path = ?", (path,)).fetchone()[0]
    except sqlite3.Error:
        return entries  # not stored: those articles stay in memory (row -1 never reaches the cache)
    return [e._replace(row=rows.get(e.name, e.row)) if e.row < 0 else e for e in entries]


def _load_rows(conn: sqlite3.Connection, rows: list[int], keys: dict[int, str]) -> dict[int, Article]:
    """Articles by row id, each checked to be the version this process indexed (its article_key)."""
    out: dict[int, Article] = {}
    try:
        for lo in range(0, len(rows), 500):
            chunk = rows[lo : lo + 500]
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(
                f"SELECT rowid, name, title, meta, text, spans, sections, digest, akey FROM articles WHERE rowid IN ({marks})", chunk
            ):
                rowid, name, title, meta, text, spans, sections, digest, akey = row
                if akey != keys[rowid]:
                    continue  # another process stored a newer version of the file: missing below
                out[rowid] = Article(
                    name=name,
                    title=title,
                    text=text,
                    meta=json.loads(meta),
                    spans=tuple(Span(k, s, e, sec) for k, s, e, sec in json.loads(spans)),
                    sections=tuple(Section(h, s, e) for h, s, e in json.loads(sections)),
                    digest=digest,
                )
    except (sqlite3.Error, ValueError, TypeError) as exc:
        raise CorpusError(f"the article cache cannot be read ({exc}); run the command again") from None
    missing = set(rows) - set(out)
    if missing:
        raise CorpusError("the article cache changed under this process; run the command again")
    return out


def _dedupe(entries: list[Entry], skipped: list[Skipped]) -> tuple[list[Entry], list[Skipped]]:
    """As corpus.gather: the first of identical texts, then the first of each name."""
    seen: dict[str, str] = {}
    kept: list[Entry] = []
    dropped: list[Skipped] = []
    for e in entries:
        if e.content in seen:
            dropped.append(Skipped(e.name, f"has the same text as {seen[e.content]}; indexed once"))
            continue
        seen[e.content] = e.name
        kept.append(e)
    unique, clashes = first_of_each_name(kept, lambda e: e.name)
    skipped += clashes
    return unique, dropped
