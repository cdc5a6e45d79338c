"""The conversation store: SQLite, transactions, search, the one-time copy of the old JSON conversations."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from rlsbot.conversation import Conversation
from rlsbot.store import SCHEMA_VERSION, ConversationStore, StoreError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path) -> ConversationStore:
    return ConversationStore(tmp_path / "data" / "conversations.sqlite3", tmp_path / "data" / "conversations")


def conversation(bot, cid: str, *questions: str) -> Conversation:
    c = Conversation(bot, conversation_id=cid)
    for q in questions:
        c.ask(q)
    return c


def test_a_saved_conversation_reads_back_whole_and_continues(bot, store):
    c = conversation(bot, "one", "Can magnesium be given through an IV?")
    assert store.save(c)
    again = store.load(bot, "one")
    assert again.id == "one" and [t.question for t in again.turns] == ["Can magnesium be given through an IV?"]
    assert again.turns[0].answer == c.turns[0].answer  # query, citations, gaps: all of it
    # the follow-up context is rebuilt from the saved turns
    assert "iv" in again.ask("is it safe?").query.split()
    assert store.save(again)
    turns = store.turns("one")
    assert [t.question for t in turns] == ["Can magnesium be given through an IV?", "is it safe?"]
    assert turns[0].time <= turns[1].time
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT query FROM turns WHERE seq = 2").fetchone()[0] == again.turns[1].answer.query


def test_saving_twice_adds_no_turn_twice(bot, store):
    c = conversation(bot, "one", "does iron help?")
    assert store.save(c) and store.save(c)
    assert len(store.turns("one")) == 1


def test_list_is_newest_first_and_named_by_the_first_question_or_the_title(bot, store):
    store.save(conversation(bot, "old", "does iron help?"))
    store.save(conversation(bot, "new", "how much magnesium is safe per day?"))
    assert [(s.id, s.title, s.turns) for s in store.summaries()] == [
        ("new", "how much magnesium is safe per day?", 1),
        ("old", "does iron help?", 1),
    ]
    assert store.rename("old", "  Iron  ") and not store.rename("nobody", "x")
    assert {s.id: s.title for s in store.summaries()}["old"] == "Iron"
    assert [s.id for s in store.summaries(limit=1)] == ["new"]


def test_search_finds_every_word_in_titles_questions_or_quotes(bot, store):
    store.save(conversation(bot, "iron", "does iron help?"))
    store.save(conversation(bot, "mg", "how much magnesium is safe per day?"))
    assert [s.id for s in store.summaries(search="IRON")] == ["iron"]
    assert [s.id for s in store.summaries(search="270-350")] == ["mg"]  # in a quote only
    assert [s.id for s in store.summaries(search="magnesium 270-350")] == ["mg"]
    assert store.summaries(search="magnesium zebra") == []
    store.rename("iron", "zebra notes")
    assert [s.id for s in store.summaries(search="zebra")] == ["iron"]


def test_delete_takes_the_turns_too(bot, store):
    store.save(conversation(bot, "a", "does iron help?"))
    store.save(conversation(bot, "b", "does iron help?"))
    assert store.delete("a") and not store.delete("a")
    assert [s.id for s in store.summaries()] == ["b"] and store.turns("a") == []
    assert store.load(bot, "a") is None


def test_ids_are_found_by_a_unique_beginning(bot, store):
    store.save(conversation(bot, "20260101-aaa", "does iron help?"))
    store.save(conversation(bot, "20260101-abb", "does iron help?"))
    assert store.resolve("20260101-aa") == "20260101-aaa"
    assert store.resolve("20260101-a") is None  # two match
    assert store.resolve("nothing") is None


def test_questions_of_every_conversation_are_the_history(bot, store):
    store.save(conversation(bot, "a", "does iron help?", "and ferritin?"))
    store.save(conversation(bot, "b", "how much magnesium is safe per day?"))
    assert store.questions() == ["does iron help?", "and ferritin?", "how much magnesium is safe per day?"]


def test_an_empty_new_conversation_is_the_last_but_not_listed(bot, store):
    store.save(conversation(bot, "a", "does iron help?"))
    assert store.save(Conversation(bot, conversation_id="fresh"), keep_empty=True)
    assert store.load_last(bot).id == "fresh"
    assert [s.id for s in store.summaries()] == ["a"]


def test_reading_an_absent_store_creates_nothing(bot, store):
    assert store.summaries() == [] and store.load_last(bot) is None and store.questions() == []
    assert not store.path.parent.exists()


def test_threads_saving_at_once_keep_every_turn(bot, store):
    store.save(conversation(bot, "shared", "does iron help?"))
    copies = [store.load(bot, "shared") for _ in range(8)]
    for i, c in enumerate(copies):
        c.turns.append(conversation(bot, f"x{i}", f"what about dose {i}?").turns[0])
    stores = [ConversationStore(store.path) for _ in copies]
    for s in stores:
        s.load(bot, "shared")
    with ThreadPoolExecutor(8) as pool:
        assert all(pool.map(lambda pair: pair[0].save(pair[1]), zip(stores, copies, strict=True)))
    assert sorted(t.question for t in store.turns("shared")) == sorted(["does iron help?"] + [f"what about dose {i}?" for i in range(8)])


def test_eight_parallel_ask_continue_keep_all_nine_turns(tmp_path):
    """The security issue's item 3: 8 at once used to leave 3 of 9 turns, with exit 0 and no warning."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def ask(question: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "rlsbot", "ask", "-c", "--json", question],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )

    first = ask("how much magnesium is safe per day?")
    assert first.wait(120) == 0, first.stderr.read()
    procs = [ask(q) for q in [f"and in pregnancy {i}?" for i in range(8)]]
    for p in procs:
        out, err = p.communicate(timeout=240)
        assert p.returncode in (0, 1) and err == b"", err
    store = ConversationStore.default()
    (only,) = store.summaries()
    questions = [t.question for t in store.turns(only.id)]
    assert len(questions) == 9 and questions[0] == "how much magnesium is safe per day?"
    assert sorted(questions[1:]) == sorted(f"and in pregnancy {i}?" for i in range(8))


# ------------------------------------------------------------ damage


def test_a_database_that_is_not_one_is_moved_aside_and_reported(bot, store):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"this is not sqlite " * 100)
    messages: list[str] = []
    assert store.save(conversation(bot, "a", "does iron help?"), warn=messages.append)
    (aside,) = store.path.parent.glob("conversations.sqlite3.corrupt-*")
    assert aside.read_bytes() == b"this is not sqlite " * 100
    assert len(messages) == 1 and "moved aside" in messages[0] and aside.name in messages[0]
    assert [s.id for s in store.summaries()] == ["a"]


def test_a_database_of_a_newer_rlsbot_is_left_alone(bot, store):
    store.save(conversation(bot, "a", "does iron help?"))
    with sqlite3.connect(store.path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer rlsbot"):
        store.summaries()
    messages: list[str] = []
    assert not store.save(conversation(bot, "b", "does iron help?"), warn=messages.append)
    assert len(messages) == 1 and "newer rlsbot" in messages[0]
    with sqlite3.connect(store.path) as db:
        assert db.execute("SELECT COUNT(*) FROM turns").fetchone()[0] == 1


# ------------------------------------------------------------ the JSON conversations of older rlsbots


def legacy_file(bot, folder: Path, cid: str, *questions: str, mtime: float = 1_000_000_000) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{cid}.json"
    path.write_text(json.dumps(conversation(bot, cid, *questions).to_dict()), encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def test_json_conversations_are_copied_in_once_and_kept(bot, store):
    older = legacy_file(bot, store.legacy, "older", "does iron help?", mtime=1_000_000_000)
    newer = legacy_file(bot, store.legacy, "newer", "Can magnesium be given through an IV?", "is it safe?", mtime=1_100_000_000)
    kept = {p: p.read_bytes() for p in (older, newer)}
    assert [(s.id, s.turns, s.updated) for s in store.summaries()] == [("newer", 2, 1_100_000_000), ("older", 1, 1_000_000_000)]
    assert store.load_last(bot).id == "newer"
    assert store.save(conversation(bot, "today", "what foods have magnesium?"))
    assert [s.id for s in store.summaries()] == ["today", "newer", "older"]
    assert [t.question for t in store.turns("newer")] == ["Can magnesium be given through an IV?", "is it safe?"]
    assert store.turns("newer")[1].time == 1_100_000_000
    assert {p: p.read_bytes() for p in (older, newer)} == kept
    # once: a file deleted from the store is not copied in again
    store.delete("older")
    assert [s.id for s in ConversationStore(store.path, store.legacy).summaries()] == ["today", "newer"]


CORRUPT = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "random-bytes": lambda good: np.random.default_rng(3).bytes(2000),
    "not-utf8": lambda good: good.replace(b"{", b"{\xff", 1),
    "a-json-list": lambda good: b"[1, 2, 3]",
    "other-version": lambda good: json.dumps({**json.loads(good), "version": 999}).encode(),
    "turns-not-a-list": lambda good: json.dumps({**json.loads(good), "turns": "many"}).encode(),
    "turn-without-answer": lambda good: json.dumps({**json.loads(good), "turns": [{"question": "q"}]}).encode(),
    "answer-a-list": lambda good: json.dumps({**json.loads(good), "turns": [{"question": "q", "answer": [1]}]}).encode(),
    "citation-bad-keys": lambda good: json.dumps(
        {**json.loads(good), "turns": [{"question": "q", "answer": {"question": "q", "answered": True, "citations": [{"evil": 1}]}}]}
    ).encode(),
    "citations-a-string": lambda good: json.dumps(
        {**json.loads(good), "turns": [{"question": "q", "answer": {"question": "q", "answered": True, "citations": "abc"}}]}
    ).encode(),
    "missing-a-number": lambda good: json.dumps(
        {**json.loads(good), "turns": [{"question": "q", "answer": {"question": "q", "answered": True, "missing": 5}}]}
    ).encode(),
    "deeply-nested": lambda good: b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("kind", list(CORRUPT))
def test_a_damaged_json_conversation_is_reported_left_in_place_and_skipped(bot, store, kind):
    legacy_file(bot, store.legacy, "good", "does iron help?")
    bad = legacy_file(bot, store.legacy, "bad", "how much magnesium is safe per day?")
    damaged = CORRUPT[kind](bad.read_bytes())
    bad.write_bytes(damaged)
    messages: list[str] = []
    assert store.save(conversation(bot, "today", "what foods have magnesium?"), warn=messages.append)
    assert bad.read_bytes() == damaged  # never deleted, never rewritten
    assert len(messages) == 1 and "\n" not in messages[0] and "bad.json" in messages[0] and "left in place" in messages[0]
    assert store.warnings == messages
    assert sorted(s.id for s in store.summaries()) == ["good", "today"]
