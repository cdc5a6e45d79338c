"""The saved conversations in the chat screen (ctrl+l): open an older one, rename, delete, search; history across them."""

from __future__ import annotations

import sqlite3
import time

import pytest
from textual.widgets import Input, OptionList

from rlsbot.conversation import Conversation
from rlsbot.tui.app import RlsbotApp
from rlsbot.tui.screens import ConfirmScreen, ConversationsScreen, PromptScreen
from rlsbot.tui.widgets import TurnView

from .conftest import ask, text_of, wait_until

IRON = "does iron help?"
SAFE_QUESTION = "how much magnesium is safe per day?"


def listed(app: RlsbotApp) -> list[str]:
    options = app.screen.query_one("#conversations", OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


async def open_list(pilot) -> None:
    await pilot.press("ctrl+l")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConversationsScreen), what="the conversations")


async def highlight(pilot, cid: str) -> None:
    options = pilot.app.screen.query_one("#conversations", OptionList)
    options.focus()
    options.highlighted = options.get_option_index(cid)
    await pilot.pause()


async def test_ctrl_n_keeps_the_old_conversation_and_the_list_opens_it_again(app: RlsbotApp, store):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, "Can magnesium be given through an IV?")
        first = app.chat.conversation.id
        await pilot.press("ctrl+n")
        await ask(pilot, IRON)
        second = app.chat.conversation.id
        await open_list(pilot)
        assert listed(app) == [second, first]  # newest first
        assert "open now" in text_of(app.screen.query_one("#conversations"))
        await highlight(pilot, first)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.chat.conversation.id == first and len(app.query(TurnView)) == 1, what="the older one")
        assert [v.question for v in app.query(TurnView)] == ["Can magnesium be given through an IV?"]
        # It continues where it was: the follow-up leans on its turns, and is saved to it.
        await ask(pilot, "is it safe?")
        assert "iv" in app.chat.conversation.turns[-1].answer.query.split()
    assert [t.question for t in store.turns(first)] == ["Can magnesium be given through an IV?", "is it safe?"]
    assert [t.question for t in store.turns(second)] == [IRON]


async def test_rename_from_the_list(app: RlsbotApp, store):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, IRON)
        cid = app.chat.conversation.id
        await open_list(pilot)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen), what="the rename prompt")
        field = app.screen.query_one(Input)
        assert field.value == IRON
        field.value = "Iron, first try"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConversationsScreen), what="the list again")
        assert "Iron, first try" in text_of(app.screen.query_one("#conversations"))
    assert [(s.id, s.title) for s in store.summaries()] == [(cid, "Iron, first try")]


async def test_delete_asks_first(app: RlsbotApp, store):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, IRON)
        keep = app.chat.conversation.id
        await pilot.press("ctrl+n")
        await ask(pilot, SAFE_QUESTION)
        doomed = app.chat.conversation.id
        await open_list(pilot)
        await highlight(pilot, keep)
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirmation")
        assert IRON in text_of(app.screen)
        await pilot.press("n")  # no: nothing happens
        await wait_until(pilot, lambda: isinstance(app.screen, ConversationsScreen), what="the list again")
        assert listed(app) == [doomed, keep]
        await highlight(pilot, doomed)
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the confirmation")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ConversationsScreen) and listed(app) == [keep], what="the list without it")
        # The open conversation was the one deleted: closing the list starts a new one.
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.chat.conversation.id != doomed and not app.query(TurnView), what="a new conversation")
    assert [s.id for s in store.summaries()] == [keep] and store.turns(doomed) == []


async def test_search_narrows_the_list(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, IRON)
        iron = app.chat.conversation.id
        await pilot.press("ctrl+n")
        await ask(pilot, SAFE_QUESTION)
        safe = app.chat.conversation.id
        await open_list(pilot)
        await pilot.press("slash")
        assert app.focused is app.screen.query_one("#conversations-search", Input)
        await pilot.press(*"270-350")  # words of a quote, not of a question
        await wait_until(pilot, lambda: listed(app) == [safe], what="the one that quotes it")
        app.screen.query_one("#conversations-search", Input).value = "IRON"
        await wait_until(pilot, lambda: listed(app) == [iron], what="the iron one")
        app.screen.query_one("#conversations-search", Input).value = "zebra"
        await wait_until(pilot, lambda: listed(app) == [], what="none")


async def test_up_recalls_questions_of_every_conversation(make_app, store, bot):
    older = Conversation(bot, conversation_id="older")
    older.ask(IRON)
    store.save(older)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+n")
        await ask(pilot, SAFE_QUESTION)
        field = app.query_one("#question", Input)
        await pilot.press("up")
        assert field.value == SAFE_QUESTION
        await pilot.press("up")
        assert field.value == IRON  # asked in another conversation, another session


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((200, 50), id="200x50")])
def test_conversations_list_snapshot(snap_compare, make_app, store, bot, utc, size):
    """The list over the chat: names, times, the open one marked, the keys."""
    for cid, question in [("a", IRON), ("b", SAFE_QUESTION), ("c", "Can magnesium be given through an IV?")]:
        c = Conversation(bot, conversation_id=cid)
        c.ask(question)
        store.save(c)
    store.rename("a", "Iron, first try")
    with sqlite3.connect(store.path) as db:
        for i, cid in enumerate("abc"):
            db.execute("UPDATE conversations SET created = ?, updated = ? WHERE id = ?", (1.7e9 + i * 3600, 1.7e9 + i * 3600, cid))
            db.execute("UPDATE turns SET time = ? WHERE conversation = ?", (1.7e9 + i * 3600, cid))

    async def run_before(pilot) -> None:
        await wait_until(pilot, lambda: pilot.app.query(TurnView), what="the last conversation")
        await open_list(pilot)
        await pilot.pause(0.1)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
