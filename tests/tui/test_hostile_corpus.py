"""Nothing an article carries reaches the terminal as a control: file names, titles, authors, text (security issue 16)."""

from __future__ import annotations

import re

import pytest
from textual.widgets import OptionList
from textual.widgets._toast import Toast

from rlsbot.tui.app import RlsbotApp
from rlsbot.tui.screens import ArticlesScreen, ReaderScreen
from rlsbot.tui.widgets import EmptyState, ReaderBlock, SourcesPanel, TurnView

from .conftest import THEME, ask, text_of, wait_until

# OSC 52 writes the terminal's clipboard; CSI 2J clears the screen.
HOSTILE_NAME = "x\x1b]52;c;aGVsbG8=\x07\x1b[2Jansi.md"
HOSTILE = "\x1b[31m[bold]red[/bold]\x07\x9b2J\x85\u202eevil\u202c\u2066iso\u2069\x1b]8;;http://x\x07[link=http://x]L[/link]"
TEXT = (
    "## Dose section\n\n"
    "Magnesium dose is 300 mg daily, safe for restless legs in most adults.\n\n"
    "More magnesium text about restless legs and the daily dose.\n"
)
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile_bot(tmp_path):
    from rlsbot import Bot

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(f'---\ntitle: "Magnesium {HOSTILE}"\nauthor: "Dr. {HOSTILE}"\n---\n\n{TEXT}', encoding="utf-8")
    bot = Bot.load(folder, cache=False)
    # The loader already strips controls from titles and text; the screen must not rely on it.
    article = bot.articles[HOSTILE_NAME]
    raw_text = article.text.replace("Dose section", f"Dose{HOSTILE[:8]}", 1)
    assert len(raw_text) == len(article.text)
    bot.articles[HOSTILE_NAME] = article._replace(
        title=f"Magnesium {HOSTILE}", text=raw_text, meta={**article.meta, "author": f"Dr. {HOSTILE}"}
    )
    return bot


def assert_clean(app: RlsbotApp, where: str) -> None:
    """Neither the terminal's cells nor any widget's text hold a control or a bidi override."""
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        for segment in strip:
            found = FORBIDDEN.search(segment.text)
            assert found is None, f"{where}: {found.group()!r} on row {y}: {strip.text!r}"
    shown = text_of(app.screen)
    found = FORBIDDEN.search(shown)
    assert found is None, f"{where}: {found.group()!r} in {shown!r}"


async def test_hostile_names_titles_and_text_reach_no_widget_raw(hostile_bot, store):
    app = RlsbotApp(hostile_bot, store=store, theme=THEME, starters=[f"magnesium {HOSTILE}"])
    # notifications=True: the toasts are drawn, so they are checked too.
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_until(pilot, lambda: app.query(EmptyState), what="the empty state")
        assert "[bold]red[/bold]" in text_of(app.query_one(EmptyState))  # markup shown as written
        assert_clean(app, "empty state")

        await ask(pilot, f"magnesium dose {HOSTILE}")  # a question's own controls, in "not covered" words
        assert_clean(app, "a hostile question")
        await ask(pilot, "magnesium dose daily")
        assert list(app.query(TurnView))[-1].answer.citations, "the hostile article is quoted"
        assert app.query_one(SourcesPanel).display
        assert_clean(app, "transcript and sources")

        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ArticlesScreen), what="the articles list")
        assert "ansi.md" in text_of(app.screen)
        assert_clean(app, "articles list")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader")
        await wait_until(pilot, lambda: app.screen.query(ReaderBlock), what="the article's text")
        assert_clean(app, "reader")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ReaderScreen), what="the chat screen")

        app.query_one("#citations", OptionList).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader at the quote")
        await wait_until(pilot, lambda: app.screen.query(".-current"), what="the quote highlighted")
        assert_clean(app, "reader at the quote")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ReaderScreen), what="the chat screen")

        # Notifications: an article gone from the corpus, a store warning.
        app.chat.open_article(HOSTILE_NAME + "gone")
        app.chat._warn(f"could not read {HOSTILE_NAME}")
        await wait_until(pilot, lambda: len(app.screen.query(Toast)) >= 2, what="the notifications on screen")
        assert all(not FORBIDDEN.search(n.message) for n in app._notifications)
        assert_clean(app, "notifications")
