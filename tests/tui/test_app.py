"""Pilot tests of the chat screen: what a person does, and what they then see."""

from __future__ import annotations

import threading

import pytest
from textual import events
from textual.widgets import Input, OptionList

from rlsbot.tui.app import RlsbotApp, terminal_theme
from rlsbot.tui.screens import ArticlesScreen, PromptScreen, ReaderScreen
from rlsbot.tui.widgets import AnswerMarkdown, ArticleView, EmptyState, SourcesPanel, TurnView

from .conftest import ask, screen_lines, text_of, wait_until

SAFE_DOSE = "For adolescent and adult men and women, daily doses of 270-350 mg are considered safe."
SAFE_QUESTION = "how much magnesium is safe per day?"


async def test_empty_state_names_the_articles_and_offers_starters(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        empty = app.query_one(EmptyState)
        assert empty.display
        shown = text_of(empty)
        for article in app.bot.articles.values():
            assert article.title in shown
        assert "restless legs syndrome" in shown
        assert app.query_one("#starters", OptionList).option_count >= 3
        assert not app.query_one(SourcesPanel).display  # nothing to source yet
        assert app.focused is app.query_one("#question", Input)
        await pilot.pause()


async def test_asking_shows_the_quotes_the_searched_words_and_the_sources(app: RlsbotApp):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*SAFE_QUESTION)  # typed key by key, as a person would
        assert app.query_one("#question", Input).value == SAFE_QUESTION
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.query(TurnView) and not app.query_one(TurnView).pending, what="the answer")
        await wait_until(pilot, lambda: app.query_one(TurnView).query_one(AnswerMarkdown).children, what="its Markdown")
        turn = app.query_one(TurnView)
        shown = text_of(turn)
        assert SAFE_QUESTION in shown
        assert SAFE_DOSE in shown
        assert f"searching: {turn.answer.query}" in shown
        assert "not medical advice" in shown
        assert not app.query_one(EmptyState).display
        # Every citation of the selected answer is in the sources panel, with its section and score.
        panel = app.query_one(SourcesPanel)
        assert panel.display and panel.answer is turn.answer
        listed = text_of(panel)
        options = app.query_one("#citations", OptionList)
        assert options.option_count >= len(turn.answer.citations)
        for c in turn.answer.citations:
            prompt = " ".join(str(options.get_option(str(c.n)).prompt).split())
            assert prompt.startswith(f"[{c.n}] {c.title}")
            assert f"score {c.score:.2f}" in prompt
            assert c.section in prompt and "(opening)" not in prompt  # a section only where there is one
        assert "Sources" in listed
        # The quote is on the screen itself, at the top of the answer, not scrolled away.
        assert any("270-350 mg" in line for line in screen_lines(app))


async def test_a_question_the_articles_do_not_cover(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, "does acupuncture help RLS?")
        turn = app.query_one(TurnView)
        assert not turn.answer.answered
        shown = text_of(turn)
        assert "not cover" in shown
        assert "acupuncture" in shown
        assert "No sources" in text_of(app.query_one(SourcesPanel))


async def test_article_markers_and_markup_show_exactly_as_written(make_app, bot):
    # The Gene Food article cites with "[X]"; Rich or Textual markup would eat it.
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, "what did the placebo-controlled trial find?")
        turn = app.query_one(TurnView)
        marked = [c for c in turn.answer.citations if "[X]" in c.quote]
        assert marked, "expected a quote carrying the article's [X] markers"
        shown = text_of(turn)
        for c in marked:
            assert " ".join(c.quote.split()) in shown
        app.chat.open_article(marked[0].article, turn.answer.citations, marked[0])
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader")
        block = app.screen.query_one(ArticleView).block_at(marked[0].start)
        assert marked[0].quote in text_of(block)


async def test_markup_and_links_in_a_question_are_not_interpreted(app: RlsbotApp):
    question = "[bold red]magnesium[/] https://example.com [link=x]dose[/link] \x1b[31m?"
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#question", Input).value = question
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.query(TurnView) and not app.query_one(TurnView).pending)
        await wait_until(pilot, lambda: app.query_one(TurnView).query_one(AnswerMarkdown).children, what="its Markdown")
        turn = app.query_one(TurnView)
        shown = text_of(turn)
        assert "[bold red]magnesium[/]" in shown
        assert "\\x1b" in shown and "\x1b" not in shown
        for md in app.query(AnswerMarkdown):
            assert not any(token.type == "link_open" for token in _tokens(md))


def _tokens(md: AnswerMarkdown):
    from rlsbot.tui.widgets.turn import _parser

    tokens = _parser().parse(md.source)
    for token in tokens:
        yield token
        yield from token.children or ()


async def test_opening_a_source_shows_the_quote_highlighted_and_escape_returns(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        answer = app.query_one(TurnView).answer
        cited = next(c for c in answer.citations if c.quote == SAFE_DOSE)
        await pilot.press("tab")
        assert app.focused is app.query_one("#citations", OptionList)
        options = app.query_one("#citations", OptionList)
        options.highlighted = options.get_option_index(str(cited.n))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader")
        await wait_until(pilot, lambda: _quote_in_view(app.screen, cited), what="the quote scrolled into view")
        reader = app.screen
        assert reader.current == cited
        view = reader.query_one(ArticleView)
        block = view.block_at(cited.start)
        assert block is not None and block.has_class("-current")
        # The quoted sentence is in view, with the rest of its paragraph around it.
        assert block.region.overlaps(view.region)
        assert any("270-350 mg" in line for line in screen_lines(app))
        assert SAFE_DOSE in text_of(block)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ReaderScreen), what="the chat screen")
        assert app.query_one(TurnView).answer is answer
        # Back on the sources list, typing goes to the question line: no keystroke is lost.
        assert app.focused is options
        await pilot.press("a", "n", "d", "space", "i", "r", "o", "n", "question_mark")
        question = app.query_one("#question", Input)
        assert app.focused is question
        assert question.value == "and iron?"


async def test_keys_handed_to_the_sources_list_after_the_question_line_took_the_focus_are_kept(app: RlsbotApp):
    # In a terminal, a question typed in one burst after closing an article reaches the app faster than the focus moves:
    # every key is handed to the sources list, the first moves the focus to the question line, and the rest arrive at the
    # list after that. They were dropped ("...her legs ju" was asked); they belong to the question line, in order.
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        options = app.query_one("#citations", OptionList)
        question = app.query_one("#question", Input)
        await pilot.press("tab")
        assert app.focused is options
        await pilot.press("a", "n", "d")
        assert app.focused is question
        for character in " iron?":
            key = events.Key("space" if character == " " else "question_mark" if character == "?" else character, character)
            options._forward_event(key)  # as the app hands a key to the widget that had the focus when it came
        await wait_until(pilot, lambda: question.value == "and iron?", what=f"the whole question typed, not {question.value!r}")
        assert app.focused is question


def _quote_in_view(reader, cited) -> bool:
    view = reader.query_one(ArticleView)
    block = view.block_at(cited.start)
    return block is not None and block.region.overlaps(view.region)


def _palette_text(app) -> str:
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    return " ".join(str(option.prompt) for option in lists.first().options) if lists else ""


async def test_clicking_a_source_opens_the_reader(app: RlsbotApp):
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        await pilot.click("#citations", offset=(2, 0))
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader")


async def test_history_recalls_earlier_questions_with_up_and_down(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        await ask(pilot, "does acupuncture help RLS?")
        field = app.query_one("#question", Input)
        await pilot.press(*"draft")
        await pilot.press("up")
        assert field.value == "does acupuncture help RLS?"
        await pilot.press("up")
        assert field.value == SAFE_QUESTION
        await pilot.press("up")
        assert field.value == SAFE_QUESTION  # the oldest stays
        await pilot.press("down", "down")
        assert field.value == "draft"  # what was being typed comes back


async def test_a_starter_question_is_asked_from_the_keyboard(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab")
        assert app.focused is app.query_one("#starters", OptionList)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.query(TurnView) and not app.query_one(TurnView).pending)
        assert app.query_one(TurnView).question == app.chat.starters[0]
        assert app.focused is app.query_one("#question", Input)


async def test_the_input_is_free_while_an_answer_is_computed(make_app, bot):
    """A slow answer runs in a worker: the screen keeps taking keys and shows that it is working."""
    release = threading.Event()

    class SlowBot:
        def __init__(self, inner):
            self._inner = inner

        def __getattr__(self, name):
            return getattr(self._inner, name)

        def ask(self, question, query=None):
            release.wait(10)
            return self._inner.ask(question, query=query)

    app = make_app()
    app.bot = SlowBot(bot)  # before run_test: the chat screen is made with it
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one("#question", Input).value = SAFE_QUESTION
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.query_one(TurnView).has_class("-slow"), what="the progress indicator")
        assert app.query_one("#busy").display
        await pilot.press(*"still typing")
        assert app.query_one("#question", Input).value == "still typing"
        release.set()
        await wait_until(pilot, lambda: not app.query_one(TurnView).pending, what="the answer")
        assert not app.query_one(TurnView).has_class("-slow")
        assert not app.query_one("#busy").display


async def test_a_slow_answer_timer_that_fires_after_the_answer_shows_nothing(app: RlsbotApp):
    # On a loaded machine the timer's call can be queued just before the answer stops it.
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        app.screen._slow()
        await pilot.pause()
        assert not app.query_one("#busy").display
        assert not app.query_one(TurnView).has_class("-slow")


async def test_export_asks_where_and_writes_markdown_that_reads_back(app: RlsbotApp, tmp_path, monkeypatch):
    from markdown_it import MarkdownIt

    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        answer = app.chat.conversation.turns[-1].answer
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen), what="the export dialog")
        field = app.screen.query_one(Input)
        expected = tmp_path / "rlsbot-how-much-magnesium-is-safe-per-day.md"
        assert field.value == str(expected)  # the current folder, named from the first question
        await pilot.press("enter")
        await wait_until(pilot, expected.is_file, what="the file")
        assert any(str(expected) in n.message for n in app._notifications)
        text = expected.read_text(encoding="utf-8")
        # Read back as Markdown: the quotes are block quotes holding the article's words as written.
        tokens = MarkdownIt("commonmark").parse(text)
        quoted, depth, headings = [], 0, []
        for i, token in enumerate(tokens):
            depth += token.type == "blockquote_open"
            depth -= token.type == "blockquote_close"
            if token.type == "inline" and depth:
                quoted.append("".join(c.content if c.type == "text" else " " for c in token.children if c.type in ("text", "hardbreak")))
            if token.type == "heading_open":
                headings.append(tokens[i + 1].content)
        assert headings[:2] == [SAFE_QUESTION, SAFE_QUESTION]  # named by its first question, then the turn
        assert [" ".join(q.rsplit(" [", 1)[0].split()) for q in quoted] == [" ".join(c.quote.split()) for c in answer.citations]
        assert "safe\\." not in text and "(" in text  # no backslash before every period
        assert "Exported from rlsbot on" in text


async def test_export_dialog_can_be_cancelled(app: RlsbotApp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen), what="the export dialog")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, PromptScreen), what="the chat")
        assert list(tmp_path.glob("*.md")) == []


async def test_copy_sends_the_last_answer_as_markdown_and_says_where(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        await pilot.press("ctrl+y")
        assert app.clipboard.startswith(f"### {SAFE_QUESTION}")
        assert "> For adolescent and adult men and women, daily doses of 270-350 mg are considered safe." in app.clipboard
        assert any("terminal's clipboard" in n.message for n in app._notifications)


async def test_new_conversation_clears_the_transcript_and_the_follow_up_context(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        first = app.chat.conversation
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not app.query(TurnView)
        assert app.query_one(EmptyState).display
        assert app.chat.conversation is not first and not app.chat.conversation.turns
        # "is it safe in pregnancy?" after a reset carries no "magnesium" over from before.
        await ask(pilot, "and during pregnancy?")
        assert "magnesium" not in app.query_one(TurnView).answer.query.split()


async def test_a_follow_up_shows_how_it_was_understood(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        await ask(pilot, "and during pregnancy?")
        follow = list(app.query(TurnView))[-1]
        assert "magnesium" in follow.answer.query.split()
        assert f"searching: {follow.answer.query}" in text_of(follow)


async def test_restart_restores_the_last_conversation(make_app, store):
    long_question = "does magnesium help restless legs in pregnancy?"
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await ask(pilot, long_question)
        await ask(pilot, SAFE_QUESTION)
        conversation_id = first.chat.conversation.id
    assert [s.turns for s in store.summaries()] == [2], "the conversation was saved"

    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: len(again.query(TurnView)) == 2, what="the restored turns")
        assert again.chat.conversation.id == conversation_id
        views = list(again.query(TurnView))
        assert [v.question for v in views] == [long_question, SAFE_QUESTION]
        assert SAFE_DOSE in text_of(views[1])
        assert not again.query_one(EmptyState).display
        # The last answer is the one in view (the long first one is scrolled past), its sources in the panel.
        transcript = again.query_one("#transcript")
        await wait_until(
            pilot,
            lambda: transcript.scroll_y > 0 and transcript.region.y <= views[-1].region.y < transcript.region.bottom,
            what="the last turn in view",
        )
        assert again.query_one(SourcesPanel).answer is views[-1].answer
        await pilot.press("up")
        assert again.query_one("#question", Input).value == SAFE_QUESTION
        # The restored context carries into a follow-up.
        await ask(pilot, "and in pregnancy?")
        assert len(again.chat.conversation.turns) == 3
        assert "magnesium" in again.chat.conversation.turns[-1].answer.query.split()


async def test_selecting_an_earlier_answer_shows_its_sources(app: RlsbotApp):
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        await ask(pilot, "does acupuncture help RLS?")
        panel = app.query_one(SourcesPanel)
        assert not panel.answer.answered
        await pilot.press("ctrl+up")
        first = list(app.query(TurnView))[0]
        assert panel.answer is first.answer and first.has_class("-selected")
        await pilot.press("ctrl+down")
        assert not panel.answer.answered


async def test_sources_panel_toggles(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        panel = app.query_one(SourcesPanel)
        assert panel.display
        await pilot.press("ctrl+b")
        assert not panel.display
        await pilot.press("ctrl+b")
        assert panel.display


async def test_articles_list_opens_an_article(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ArticlesScreen), what="the articles list")
        # The chat's own keys are off (and out of the footer) over another screen.
        assert app.check_action("new_conversation", ()) is False
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReaderScreen), what="the reader")
        first = next(iter(app.bot.articles.values()))
        assert app.screen.article is first
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, ReaderScreen))


async def test_the_command_palette_offers_the_chat_commands(app: RlsbotApp):
    async with app.run_test(size=(100, 30)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in (
            "New conversation",
            "Export conversation as Markdown",
            "Copy the last answer",
            "Toggle sources panel",
            "Switch theme",
            "Show the articles",
        ):
            assert wanted in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"export")
        await wait_until(pilot, lambda: "Export conversation" in _palette_text(app), what="the export command listed")
        await pilot.press("escape")


def test_terminal_theme_follows_the_terminal_background():
    assert terminal_theme({"COLORFGBG": "0;15"}) == "textual-light"
    assert terminal_theme({"COLORFGBG": "15;0"}) == "textual-dark"
    assert terminal_theme({"COLORFGBG": "15;default;0"}) == "textual-dark"
    assert terminal_theme({}) is None
    assert terminal_theme({"TEXTUAL_THEME": "nord"}) == "nord"


async def test_a_chosen_theme_is_remembered(make_app, store):
    app = make_app(theme=None)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    again = make_app(theme=None)
    assert again.theme == "textual-light"


async def test_a_new_conversation_left_empty_still_wins_at_the_next_start(make_app, store):
    first = make_app()
    async with first.run_test(size=(100, 30)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        await first.chat.action_new_conversation()
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: again.query(EmptyState), what="the chat screen")
        assert not again.query(TurnView)
        assert again.query_one(EmptyState).display


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["stacked", "beside"])
async def test_toggling_the_sources_keeps_the_transcript_where_it_was(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await ask(pilot, "does magnesium help restless legs in pregnancy?")
        await ask(pilot, SAFE_QUESTION)
        transcript = app.query_one("#transcript")
        transcript.scroll_to(y=transcript.max_scroll_y // 2, animate=False, immediate=True)
        await pilot.pause()
        kept = transcript.scroll_y
        assert kept > 0
        for shown in (False, True):
            await pilot.press("ctrl+b")
            await pilot.pause()
            await pilot.pause()
            assert app.query_one(SourcesPanel).display is shown
            assert transcript.scroll_y == kept


async def test_under_100_columns_the_sources_go_under_the_answer(app: RlsbotApp):
    async with app.run_test(size=(80, 24)) as pilot:
        await ask(pilot, SAFE_QUESTION)
        transcript, panel = app.query_one("#transcript"), app.query_one(SourcesPanel)
        assert panel.display and panel.region.y >= transcript.region.bottom
        assert transcript.region.width == 80  # the answer keeps the whole width
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert panel.region.x >= transcript.region.right  # beside it again
