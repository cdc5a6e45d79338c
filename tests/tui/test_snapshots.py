"""Snapshot tests of the chat screen, one class per feature (after posting's tests/test_snapshots.py).

Each screen is taken at 80x24, the smallest terminal rlsbot supports, and at
120x40; an answer also at 200x50, where the reading column is centred.  The questions are ones whose answers the engine's tuning is not
expected to move.  Regenerate with ``pytest tests/tui --snapshot-update`` and
look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from rlsbot.tui.screens import ReaderScreen

from .conftest import ask, wait_until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
WIDE = pytest.param((200, 50), id="200x50")
SAFE_QUESTION = "how much magnesium is safe per day?"
SAFE_DOSE = "For adolescent and adult men and women, daily doses of 270-350 mg are considered safe."


class TestEmptyState:
    @pytest.mark.parametrize("size", SIZES)
    def test_empty_state(self, snap_compare, app, size):
        """What rlsbot is, its articles and the starter questions; the cursor is in the question line."""
        assert snap_compare(app, terminal_size=size)


class TestAnswer:
    @pytest.mark.parametrize("size", [*SIZES, WIDE])
    def test_answered_question(self, snap_compare, app, size):
        """The question, the words searched, the quote with [1]; the sources panel beside it, or under it below 100 columns."""

        async def run_before(pilot: Pilot) -> None:
            await ask(pilot, SAFE_QUESTION)

        assert snap_compare(app, terminal_size=size, run_before=run_before)

    @pytest.mark.parametrize("size", SIZES)
    def test_not_covered(self, snap_compare, app, size):
        """The plain "not covered" answer names the missing word."""

        async def run_before(pilot: Pilot) -> None:
            await ask(pilot, "does acupuncture help RLS?")

        assert snap_compare(app, terminal_size=size, run_before=run_before)


class TestReader:
    @pytest.mark.parametrize("size", SIZES)
    def test_article_reader(self, snap_compare, app, size):
        """The article scrolled to the quoted sentence, highlighted within its paragraph."""

        async def run_before(pilot: Pilot) -> None:
            await ask(pilot, SAFE_QUESTION)
            answer = pilot.app.chat.conversation.turns[-1].answer
            cited = next(c for c in answer.citations if c.quote == SAFE_DOSE)
            options = pilot.app.query_one("#citations", OptionList)
            options.focus()
            options.highlighted = options.get_option_index(str(cited.n))
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen), what="the reader")
            await pilot.pause(0.1)

        assert snap_compare(app, terminal_size=size, run_before=run_before)
