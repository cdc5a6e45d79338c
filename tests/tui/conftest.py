"""Fixtures for the chat screen: the app on the bundled articles, a store in a temp folder, and waiting helpers."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from rlsbot.store import ConversationStore
from rlsbot.tui.app import RlsbotApp

THEME = "textual-dark"  # pinned: the user's saved theme or terminal must not change a snapshot


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests on a fresh event loop: App.run_test() needs one, and no async plugin is required."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch):
    """Freeze the input's cursor blink (as harlequin's functional tests do) so screenshots do not flicker."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def store(tmp_path) -> ConversationStore:
    return ConversationStore(tmp_path / "data" / "conversations.sqlite3")


@pytest.fixture
def make_app(bot, store) -> Callable[..., RlsbotApp]:
    def make(**kwargs) -> RlsbotApp:
        kwargs.setdefault("store", store)
        kwargs.setdefault("theme", THEME)
        return RlsbotApp(bot, **kwargs)

    return make


@pytest.fixture
def app(make_app) -> RlsbotApp:
    return make_app()


async def wait_until(pilot: Pilot, predicate: Callable[[], object], timeout: float = 10.0, what: str = "") -> None:
    """Pause the pilot until ``predicate()`` is true; fail after ``timeout`` seconds instead of sleeping blindly."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await pilot.pause(0.02)
    await pilot.pause()


def text_of(widget: Widget) -> str:
    """Everything the widget and its descendants display, whitespace folded (wrapping does not matter)."""
    parts = []
    for w in [widget, *widget.query("*")]:
        if isinstance(w, Static) and isinstance(w.visual, Content):
            parts.append(w.visual.plain)
        elif isinstance(w, OptionList):
            parts.extend(str(option.prompt) for option in w.options)
    return " ".join(" ".join(parts).split())


def screen_lines(app) -> list[str]:
    """The characters on the terminal now, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def ask(pilot: Pilot, question: str) -> None:
    """Type a question, press enter, and wait for its answer to be on screen."""
    from rlsbot.tui.widgets import AnswerMarkdown, TurnView

    app = pilot.app
    before = len(app.query(TurnView))
    field = app.query_one("#question", Input)
    field.focus()
    field.value = question  # one test types key by key; here only the answer matters
    await pilot.press("enter")

    def shown() -> bool:
        views = list(app.query(TurnView))
        if len(views) <= before or views[-1].pending:
            return False
        return bool(views[-1].query_one(AnswerMarkdown).children)

    await wait_until(pilot, shown, what=f"the answer to {question!r}")
    # Scrolling to the new answer is animated: let it settle, or a busy
    # machine takes the screenshot mid-scroll. Settled means the transcript's
    # scroll position and size stayed the same over several refreshes.
    await pilot.wait_for_scheduled_animations()
    transcript = app.query_one("#transcript")
    seen, same = None, 0
    for _ in range(100):
        await pilot.pause(0.02)
        now = (transcript.scroll_y, transcript.max_scroll_y, transcript.size, app.screen.size)
        same = same + 1 if now == seen else 0
        seen = now
        if same >= 3:
            break
    # The screen scrolls a new turn into view when its Markdown reports ready,
    # which a loaded machine may deliver before or after the screenshot: end
    # at the bottom of the transcript, a place that does not depend on timing.
    transcript.scroll_end(animate=False, immediate=True)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.05)
