"""Shared fixtures: one Bot on the bundled articles, caches and data in temp folders."""

from __future__ import annotations

import pytest

GOLD_SUMMARIES: list[str] = []


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user's cache or data folder."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("RLSBOT_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("RLSBOT_DATA_DIR", str(base / "data"))
    monkeypatch.delenv("RLSBOT_CORPUS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def bot(tmp_path_factory):
    from rlsbot import Bot

    return Bot.load(cache=False)


def pytest_terminal_summary(terminalreporter):
    for line in GOLD_SUMMARIES:
        terminalreporter.write_line(line)
