"""Conversations kept in SQLite: one row per conversation, one per turn.

The standard library's sqlite3 in WAL mode: readers never wait on a writer,
and every write is one ``BEGIN IMMEDIATE`` transaction that *appends* the
turns this process added, numbered inside the transaction.  Eight
``rlsbot ask --continue`` at once therefore keep all eight turns instead of
each overwriting the conversation with its own copy.

The schema is versioned (``PRAGMA user_version``).  Conversations saved by
older rlsbots as JSON files are copied in once, when the database is made;
the files are left where they were.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rlsbot.conversation import Conversation, Turn, answer_from_dict, answer_to_dict

SCHEMA_VERSION = 1
DB_NAME = "conversations.sqlite3"
BUSY_SECONDS = 30.0  # how long a writer waits for another rlsbot's transaction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    conversation TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    question TEXT NOT NULL,
    query TEXT NOT NULL,
    answered INTEGER NOT NULL,
    answer TEXT NOT NULL,
    time REAL NOT NULL,
    PRIMARY KEY (conversation, seq)
);
CREATE INDEX IF NOT EXISTS conversations_updated ON conversations(updated);
"""


class StoreError(Exception):
    """The conversation database cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Summary:
    """One line of the conversation list."""

    id: str
    title: str  # the user's name for it, else its first question
    created: float
    updated: float
    turns: int


@dataclass(frozen=True)
class StoredTurn:
    """A turn as saved: the question, the answer (query and citations included) and when."""

    question: str
    answer: object  # rlsbot.answer.Answer
    time: float


@dataclass
class ConversationStore:
    """The conversations database at ``path``; ``legacy`` is the folder of old JSON conversations.

    Failures to write are reported (``warn`` and :attr:`warnings`) and leave
    the conversation in memory; a database that is not one is moved aside.
    """

    path: Path
    legacy: Path | None = None
    warnings: list[str] = field(default_factory=list)
    _saved: dict[str, int] = field(default_factory=dict, repr=False)  # conversation id -> turns already in the database
    # where this thread's warnings also go (the chat saves from a worker thread while the screen reads)
    _local: threading.local = field(default_factory=threading.local, repr=False)

    @classmethod
    def default(cls) -> ConversationStore:
        from rlsbot.paths import data_dir

        return cls(data_dir() / DB_NAME, data_dir() / "conversations")

    @property
    def folder(self) -> Path:
        """The folder the database lives in."""
        return self.path.parent

    # ------------------------------------------------------------ the connection

    @contextmanager
    def _db(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection in one transaction: IMMEDIATE (takes the write lock at once) when writing."""
        if not write and not self.path.exists() and not self._has_legacy():
            yield _EMPTY
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield db
            except BaseException:
                db.rollback()
                raise
            db.commit()

    def _connect(self) -> sqlite3.Connection:
        db = None
        try:
            db = _open(self.path)
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                self._create(db)
            return db
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.OperationalError):  # locked, read-only, disk full: not the file's fault
                raise
            aside = self.path.with_name(self.path.name + f".corrupt-{int(time.time())}")
            os.replace(self.path, aside)
            self._warn(f"warning: {self.path.name} could not be read ({exc}); moved aside to {aside.name}, starting a new one")
            db = _open(self.path)
            self._create(db, migrate=False)
            return db

    def _create(self, db: sqlite3.Connection, migrate: bool = True) -> None:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path} was written by a newer rlsbot (schema {version}); upgrade rlsbot to read it")
            if version == 0:  # another rlsbot may have made it while this one waited for the lock
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                if migrate:
                    self._migrate(db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.commit()
        except BaseException:
            db.rollback()
            raise

    def _has_legacy(self) -> bool:
        try:
            return self.legacy is not None and any(self.legacy.glob("*.json"))
        except OSError:
            return False

    def _migrate(self, db: sqlite3.Connection) -> None:
        """Copy the JSON conversations of older rlsbots in, oldest first; the files stay."""
        if self.legacy is None or not self.legacy.is_dir():
            return
        for path in sorted(self.legacy.glob("*.json"), key=_mtime):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("turns"), list):
                    raise ValueError("not an rlsbot conversation")
                turns = [(str(t["question"]), answer_from_dict(t["answer"])) for t in data["turns"]]
            except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
                self._warn(f"warning: conversation {path.name} could not be read ({type(exc).__name__}); left in place, not copied")
                continue
            if not turns:
                continue
            when = _mtime(path)
            cid = str(data.get("id") or path.stem)
            db.execute("INSERT OR IGNORE INTO conversations VALUES (?, '', ?, ?)", (cid, when, when))
            for seq, (question, answer) in enumerate(turns, 1):
                _insert_turn(db, cid, seq, question, answer, when)

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        sink = getattr(self._local, "warn", None)
        if sink is not None:
            sink(message)

    def _run(self, what: str, fn, warn: Callable[[str], None] | None, default):
        """``fn()``, with a failure of the disk reported as one line and ``default`` returned."""
        self._local.warn = warn
        try:
            return fn()
        except (OSError, sqlite3.Error, StoreError) as exc:
            self._warn(f"warning: {what} ({_reason(exc)})")
            return default
        finally:
            self._local.warn = None

    # ------------------------------------------------------------ writing

    def save(self, conversation: Conversation, warn: Callable[[str], None] | None = None, keep_empty: bool = False) -> bool:
        """Append the turns not saved yet; an empty conversation only when asked (a started
        "new conversation" must win over the previous one at the next start)."""
        if not conversation.turns and not keep_empty:
            return True
        done = self._saved.get(conversation.id, 0)
        new = conversation.turns[done:]

        def write() -> bool:
            now = time.time()
            with self._db(write=True) as db:
                db.execute("INSERT OR IGNORE INTO conversations VALUES (?, '', ?, ?)", (conversation.id, now, now))
                db.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation.id))
                (last,) = db.execute("SELECT COALESCE(MAX(seq), 0) FROM turns WHERE conversation = ?", (conversation.id,)).fetchone()
                for i, turn in enumerate(new, last + 1):
                    _insert_turn(db, conversation.id, i, turn.question, turn.answer, now)
            self._saved[conversation.id] = len(conversation.turns)
            return True

        return self._run("conversation not saved; it lives in memory only", write, warn, False)

    def rename(self, conversation_id: str, title: str) -> bool:
        """Give a conversation a name of its own ('' goes back to its first question)."""
        with self._db(write=True) as db:
            return db.execute("UPDATE conversations SET title = ? WHERE id = ?", (title.strip(), conversation_id)).rowcount > 0

    def delete(self, conversation_id: str) -> bool:
        """Delete a conversation and its turns; False when there was none."""
        with self._db(write=True) as db:
            db.execute("DELETE FROM turns WHERE conversation = ?", (conversation_id,))
            return db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,)).rowcount > 0

    # ------------------------------------------------------------ reading

    def summaries(self, search: str = "", limit: int | None = None) -> list[Summary]:
        """Conversations with at least one turn, newest first; ``search`` keeps those whose
        title, questions or quotes contain every one of its words (case-insensitive)."""
        where, params = ["n > 0"], []
        for word in search.split():
            where.append(
                "(instr(lower(c.title), ?) OR EXISTS (SELECT 1 FROM turns s WHERE s.conversation = c.id"
                " AND (instr(lower(s.question), ?) OR instr(lower(s.answer), ?))))"
            )
            params += [word.lower()] * 3
        sql = (
            "SELECT * FROM (SELECT c.id, c.title, c.created, c.updated,"
            " (SELECT COUNT(*) FROM turns t WHERE t.conversation = c.id) AS n,"
            " (SELECT question FROM turns t WHERE t.conversation = c.id ORDER BY seq LIMIT 1) AS first"
            " FROM conversations c) c WHERE " + " AND ".join(where) + " ORDER BY updated DESC, rowid DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._db() as db:
            rows = db.execute(sql, params).fetchall()
        return [Summary(r[0], r[1] or r[5] or "", r[2], r[3], r[4]) for r in rows]

    def resolve(self, conversation_id: str) -> str | None:
        """The full id of a conversation given by its id or a unique beginning of it."""
        with self._db() as db:
            ids = [
                r[0] for r in db.execute("SELECT id FROM conversations WHERE substr(id, 1, ?) = ?", (len(conversation_id), conversation_id))
            ]
        if conversation_id in ids:
            return conversation_id
        return ids[0] if len(ids) == 1 else None

    def turns(self, conversation_id: str) -> list[StoredTurn]:
        """The saved turns of a conversation, in order."""
        with self._db() as db:
            rows = db.execute("SELECT question, answer, time FROM turns WHERE conversation = ? ORDER BY seq", (conversation_id,)).fetchall()
        return [StoredTurn(q, answer_from_dict(json.loads(a)), t) for q, a, t in rows]

    def load(self, bot, conversation_id: str, warn: Callable[[str], None] | None = None) -> Conversation | None:
        """The conversation, ready to continue; None when there is none by that id."""

        def read() -> Conversation | None:
            with self._db() as db:
                found = db.execute("SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
            if not found:
                return None
            turns = [Turn(t.question, t.answer) for t in self.turns(conversation_id)]
            self._saved[conversation_id] = len(turns)
            return Conversation(bot, turns, conversation_id)

        return self._run("saved conversations could not be read", read, warn, None)

    def load_last(self, bot, warn: Callable[[str], None] | None = None) -> Conversation | None:
        """The most recently saved conversation (a "new conversation" saved empty included)."""

        def last() -> str | None:
            with self._db() as db:
                row = db.execute("SELECT id FROM conversations ORDER BY updated DESC, rowid DESC LIMIT 1").fetchone()
            return row[0] if row else None

        cid = self._run("saved conversations could not be read", last, warn, None)
        return self.load(bot, cid, warn) if cid else None

    def questions(self, limit: int = 500) -> list[str]:
        """Every question asked, in every conversation, oldest first: the question line's history."""
        with self._db() as db:
            rows = db.execute("SELECT question FROM turns ORDER BY time DESC, seq DESC LIMIT ?", (limit,)).fetchall()
        return [r[0] for r in reversed(rows)]


class _Empty:
    """Stands in for a database not made yet: every query finds nothing."""

    def execute(self, *args):
        return self

    def fetchall(self) -> list:
        return []

    def fetchone(self) -> None:
        return None

    def __iter__(self):
        return iter(())


_EMPTY = _Empty()


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass  # another rlsbot holds the lock while switching it: WAL is persistent, it is set once
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")  # WAL's durable-enough setting: a power cut loses at most the last turn
    return db


def _insert_turn(db: sqlite3.Connection, cid: str, seq: int, question: str, answer, when: float) -> None:
    data = json.dumps(answer_to_dict(answer), ensure_ascii=False)
    db.execute("INSERT INTO turns VALUES (?, ?, ?, ?, ?, ?, ?)", (cid, seq, question, answer.query, int(answer.answered), data, when))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc) or type(exc).__name__


__all__ = ["DB_NAME", "SCHEMA_VERSION", "ConversationStore", "StoreError", "StoredTurn", "Summary"]
