"""Each widget on its own, inside a tiny host App that loads the real stylesheets (as oterm's widget tests do)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import LoadingIndicator, OptionList

import rlsbot.tui.screens as screens
from rlsbot.tui.widgets import ArticleView, EmptyState, QuestionInput, SourcesPanel, TurnView

from .conftest import text_of, wait_until

STYLESHEETS = [Path(screens.__file__).with_name(name) for name in ("chat.tcss", "reader.tcss")]
SAFE_QUESTION = "how much magnesium is safe per day?"
SAFE_DOSE = "For adolescent and adult men and women, daily doses of 270-350 mg are considered safe."


class Host(App):
    """One widget on an otherwise empty screen; the messages it posts are kept in ``posted``."""

    CSS_PATH = STYLESHEETS

    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget
        self.posted: list[Message] = []

    def compose(self) -> ComposeResult:
        yield self.widget

    @on(TurnView.Selected)
    @on(SourcesPanel.Chosen)
    @on(EmptyState.Starter)
    def _keep(self, message: Message) -> None:
        self.posted.append(message)


@pytest.fixture(scope="module")
def answer(bot):
    return bot.ask(SAFE_QUESTION)


@pytest.fixture(scope="module")
def uncovered(bot):
    return bot.ask("does acupuncture help RLS?")


async def test_question_input_walks_the_history_and_keeps_the_draft():
    field = QuestionInput(history=["first", "second"])
    app = Host(field)
    async with app.run_test(size=(60, 5)) as pilot:
        field.focus()
        await pilot.press(*"dra")
        await pilot.press("up")
        assert field.value == "second"
        await pilot.press("up", "up")
        assert field.value == "first"
        await pilot.press("down", "down")
        assert field.value == "dra"
        field.remember("third")
        field.remember("third")
        assert field.history == ["first", "second", "third"]


async def test_turn_view_shows_progress_then_the_answer(answer):
    turn = TurnView(SAFE_QUESTION)
    app = Host(turn)
    async with app.run_test(size=(100, 40)) as pilot:
        assert turn.pending
        assert not turn.query_one(LoadingIndicator).display
        turn.show_progress()
        await pilot.pause()
        assert turn.query_one(LoadingIndicator).display  # chat.tcss shows it only on .-slow
        await turn.set_answer(answer)
        await wait_until(pilot, lambda: SAFE_DOSE in text_of(turn), what="the quote")
        assert not turn.pending and not turn.has_class("-slow")
        assert f"searching: {answer.query}" in text_of(turn)
        await pilot.click(TurnView)
        await wait_until(pilot, lambda: app.posted, what="TurnView.Selected")
        assert isinstance(app.posted[0], TurnView.Selected) and app.posted[0].turn is turn


async def test_turn_view_shows_an_error():
    turn = TurnView(SAFE_QUESTION)
    app = Host(turn)
    async with app.run_test(size=(100, 20)):
        turn.set_error("rlsbot could not answer: OSError: disk")
        assert not turn.pending
        assert "could not answer" in text_of(turn)


async def test_sources_panel_lists_citations_and_chooses_one(answer, uncovered):
    panel = SourcesPanel()
    app = Host(panel)
    async with app.run_test(size=(60, 30)) as pilot:
        assert "Ask a question" in text_of(panel)
        panel.show(uncovered)
        assert "No sources" in text_of(panel)
        assert not panel.query_one(OptionList).display
        panel.show(answer)
        options = panel.query_one(OptionList)
        assert options.display and options.highlighted == 0
        for c in answer.citations:
            assert str(options.get_option(str(c.n)).prompt).startswith(f"[{c.n}] {c.title}")
        options.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.posted, what="SourcesPanel.Chosen")
        chosen = app.posted[0]
        assert isinstance(chosen, SourcesPanel.Chosen) and chosen.citation == answer.citations[0]


async def test_empty_state_lists_some_articles_and_offers_starters(bot):
    articles = list(bot.articles.values())
    empty = EmptyState(articles, ["Is iron linked to RLS?", "Which foods contain magnesium?"], shown=1)
    app = Host(empty)
    async with app.run_test(size=(100, 30)) as pilot:
        shown = text_of(empty)
        assert articles[0].title in shown and articles[1].title not in shown
        assert f"and {len(articles) - 1} more (ctrl+o lists them)" in shown
        empty.query_one(OptionList).focus()
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: app.posted, what="EmptyState.Starter")
        assert app.posted[0].question == "Which foods contain magnesium?"


async def test_article_view_marks_the_current_quote(bot, answer):
    cited = next(c for c in answer.citations if c.quote == SAFE_DOSE)
    view = ArticleView(bot.articles[cited.article], answer.citations, cited)
    app = Host(view)
    async with app.run_test(size=(100, 30)):
        block = view.block_at(cited.start)
        assert block is not None and block.has_class("-cited") and block.has_class("-current")
        assert SAFE_DOSE in text_of(block)
        others = [b for b in view.query(".-cited") if b is not block]
        assert all(not b.has_class("-current") for b in others)
