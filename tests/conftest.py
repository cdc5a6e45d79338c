"""Shared fixtures: one Bot on the bundled articles, caches and data in temp folders."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

GOLD_SUMMARIES: list[str] = []

# The small corpus of the cache and fault tests; a test module may set its own ARTICLES.
SMALL_CORPUS = {
    "magnesium.md": "# Magnesium\n\nMagnesium helps restless legs at night for many people.\n\nThe usual dose of magnesium is 300 mg a day.\n",
    "iron.md": "# Iron\n\nIron deficiency makes restless legs worse.\n\nFerritin should be above 75 for people with restless legs.\n",
}


def _isolate(mp: pytest.MonkeyPatch, base: Path) -> None:
    """Point HOME, the XDG folders and rlsbot's own at empty folders under ``base``; drop RLSBOT_* settings."""
    import os

    home = base / "home"
    mp.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        mp.setenv(name, str(home / name.lower()))
    for name in [n for n in os.environ if n.startswith("RLSBOT_") and n != "RLSBOT_DEBUG"]:
        mp.delenv(name)
    mp.setenv("RLSBOT_CACHE_DIR", str(base / "user-cache"))
    mp.setenv("RLSBOT_DATA_DIR", str(base / "user-data"))
    mp.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _isolated_session(tmp_path_factory):
    """The same for session fixtures (the shared Bot), which are made before any test's own fixtures."""
    with pytest.MonkeyPatch.context() as mp:
        _isolate(mp, tmp_path_factory.mktemp("session-user"))
        yield


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """Every test gets its own empty home, data, cache, state and config folders.

    Whatever the user has (articles added with ``rlsbot add``, saved
    conversations, a theme, an RLSBOT_* setting) must never change a result.
    """
    _isolate(monkeypatch, tmp_path)


@pytest.fixture
def corpus(tmp_path: Path, request) -> Path:
    """A folder of small articles: the test module's ARTICLES, else SMALL_CORPUS."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in getattr(request.module, "ARTICLES", SMALL_CORPUS).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    """An empty cache folder of the test's own (RLSBOT_CACHE_DIR)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("RLSBOT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    """An empty data folder of the test's own (RLSBOT_DATA_DIR)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("RLSBOT_DATA_DIR", str(folder))
    return folder


SEED_ARTICLES = ("gene-food-vitamins-minerals-rls.md", "magnesium-for-restless-legs.md")


@pytest.fixture(scope="session")
def bot(_isolated_session):
    """The bundled library: the two seed articles and the NIH pages."""
    from rlsbot import Bot

    return Bot.load(cache=False)


@pytest.fixture(scope="session")
def multi_bot(_isolated_session):
    """35 NIH pages on RLS and on neighbouring diseases, with the two web articles (the blind B sets' library)."""
    from rlsbot import Bot

    return Bot.load(Path(__file__).parent / "blind" / "nih_multi", cache=False)


@pytest.fixture(scope="session")
def seed_bot(_isolated_session, tmp_path_factory):
    """The two seed articles alone: the corpus the gold set was written for."""
    from rlsbot import Bot
    from rlsbot.corpus import bundled_corpus

    folder = tmp_path_factory.mktemp("seeds")
    for name in SEED_ARTICLES:
        (folder / name).write_bytes((bundled_corpus() / name).read_bytes())
    return Bot.load(folder, cache=False)


def pytest_terminal_summary(terminalreporter):
    for line in GOLD_SUMMARIES:
        terminalreporter.write_line(line)


def generated_article(rng: random.Random) -> str:
    words = "magnesium iron ferritin sleep legs restless dose night muscle cramps study patients vitamin folate kidney pregnancy".split()
    lines = ["---", f"title: Generated {rng.random():.6f}", "---", ""]
    for s in range(rng.randint(2, 4)):
        lines += [f"## Section {s} {rng.choice(words)}", ""]
        for _ in range(rng.randint(1, 4)):
            sentences = [
                " ".join(rng.choices(words, k=rng.randint(4, 30))).capitalize() + rng.choice([".", ".", "?"])
                for _ in range(rng.randint(1, 8))
            ]
            lines += [" ".join(sentences) + f" Take {rng.randint(1, 900)} mg e.g. at night.", ""]
        if rng.random() < 0.5:
            lines += ["Common side effects include:", ""] + [f"- {rng.choice(words)} {rng.choice(words)}" for _ in range(3)] + [""]
    return "\n".join(lines)


def generated_folder(folder: Path, n: int, seed: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"article-{i:03d}.md").write_text(generated_article(random.Random(seed * 1000 + i)), encoding="utf-8")
    return folder
