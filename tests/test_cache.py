"""The on-disk index: reused while valid, rebuilt (only where needed) when not, never half-written.

Issue 5 (cache keyed by content and analyzer), issue 6 (only changed articles
re-analysed), issue 7 (Ctrl-C, concurrent first runs).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import SMALL_CORPUS

import rlsbot.index
import rlsbot.index_meta
from rlsbot.bm25 import BM25Params
from rlsbot.bot import Bot
from rlsbot.cli import main
from rlsbot.index_cache import CachedIndex

ROOT = Path(__file__).resolve().parent.parent

# the ``corpus`` fixture (conftest.py) writes these
ARTICLES = {
    **SMALL_CORPUS,
    "sleep.md": "# Sleep\n\nA regular bedtime eases restless legs.\n\nCaffeine late in the day makes the symptoms worse.\n",
}


@pytest.fixture
def analysed(monkeypatch) -> list[str]:
    """Names of the articles analysed (split, stemmed) since the test began."""
    names: list[str] = []
    original = rlsbot.index._Analyser.article

    def spy(self, article):
        names.append(article.name)
        return original(self, article)

    monkeypatch.setattr(rlsbot.index._Analyser, "article", spy)
    return names


def cache_file(folder: Path) -> Path:
    (path,) = folder.glob("index-*.npz")
    return path


def quotes(bot: Bot, question: str) -> list[str]:
    return [c.quote for c in bot.ask(question).citations]


def test_a_second_start_analyses_nothing(corpus, cache, analysed):
    Bot.load(corpus)
    assert sorted(analysed) == sorted(ARTICLES)
    analysed.clear()
    bot = Bot.load(corpus)
    assert analysed == [] and bot.warnings == []


def test_an_edited_article_alone_is_analysed_again(corpus, cache, analysed):
    Bot.load(corpus)
    analysed.clear()
    (corpus / "iron.md").write_text(ARTICLES["iron.md"] + "\nIron tablets are best taken with vitamin C.\n", encoding="utf-8")
    bot = Bot.load(corpus)
    assert analysed == ["iron.md"]
    assert "Iron tablets are best taken with vitamin C." in quotes(bot, "iron tablets vitamin c")
    analysed.clear()
    Bot.load(corpus)
    assert analysed == []  # and the updated cache was saved


def test_an_added_article_alone_is_analysed(corpus, cache, analysed):
    Bot.load(corpus)
    analysed.clear()
    (corpus / "folate.md").write_text("# Folate\n\nFolate deficiency is linked to restless legs in pregnancy.\n", encoding="utf-8")
    bot = Bot.load(corpus)
    assert analysed == ["folate.md"]
    assert any("Folate deficiency" in q for q in quotes(bot, "folate deficiency"))


def test_a_removed_article_is_gone_without_analysing_anything(corpus, cache, analysed):
    Bot.load(corpus)
    analysed.clear()
    (corpus / "sleep.md").unlink()
    bot = Bot.load(corpus)
    assert analysed == []
    assert {p.article for p in bot.index.passages} == {"magnesium.md", "iron.md"}
    assert "caffein" not in bot.index.vocab  # its terms left the vocabulary too
    assert not bot.ask("does caffeine matter?").answered


def test_a_new_analyzer_version_rebuilds_everything(corpus, cache, analysed, monkeypatch):
    Bot.load(corpus)
    analysed.clear()
    monkeypatch.setattr(rlsbot.index_meta, "ANALYZER_VERSION", rlsbot.index_meta.ANALYZER_VERSION + "-next")
    bot = Bot.load(corpus)
    assert sorted(analysed) == sorted(ARTICLES)
    assert bot.warnings == []  # another version's cache is replaced quietly
    with CachedIndex.open(cache_file(cache)) as cached:
        assert cached.meta["analyzer"].startswith(rlsbot.index_meta.ANALYZER_VERSION)


def test_new_sentence_splitter_training_text_rebuilds_everything(corpus, cache, analysed, monkeypatch):
    """Punkt is trained on the bundled articles: when they change, every sentence boundary may."""
    Bot.load(corpus)
    analysed.clear()
    monkeypatch.setattr(rlsbot.index_meta, "splitter_key", lambda: "other training text")
    Bot.load(corpus)
    assert sorted(analysed) == sorted(ARTICLES)


def test_rebuild_on_demand_analyses_everything(corpus, cache, analysed, capsys):
    assert main(["index", "--corpus", str(corpus)]) == 0
    analysed.clear()
    assert main(["index", "--corpus", str(corpus)]) == 0
    assert sorted(analysed) == sorted(ARTICLES)
    assert "3 articles" in capsys.readouterr().out


def test_ranking_parameters_do_not_invalidate_the_cache(corpus, cache, analysed):

    Bot.load(corpus)
    analysed.clear()
    okapi = Bot.load(corpus, params=BM25Params(variant="okapi"))
    assert analysed == [] and okapi.index.params.variant == "okapi"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"not a zip file at all", id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_corrupt_cache_is_rebuilt_with_a_one_line_warning(corpus, cache, capsys, damage):
    assert main(["ask", "--corpus", str(corpus), "how much magnesium a day?"]) == 0
    capsys.readouterr()
    path = cache_file(cache)
    path.write_bytes(damage(path.read_bytes()))
    assert main(["ask", "--corpus", str(corpus), "how much magnesium a day?"]) == 0
    out, err = capsys.readouterr()
    assert "300 mg" in out
    assert len(err.strip().splitlines()) == 1 and "rebuilding the index" in err
    with CachedIndex.open(cache_file(cache)) as cached:  # whole again
        cached.index(BM25Params())


def test_a_tampered_cache_cannot_run_code(corpus, cache, tmp_path, capsys):
    """An object array (a pickle) planted in the cache is refused, not unpickled."""
    Bot.load(corpus)
    path = cache_file(cache)
    marker = tmp_path / "pwned"
    with np.load(path, allow_pickle=False) as z:
        members = {name: z[name] for name in z.files}
    members["col_docs"] = np.array([_Bomb(marker)], dtype=object)
    with open(path, "wb") as f:
        np.savez(f, **members)
    bot = Bot.load(corpus)
    assert not marker.exists()
    assert len(bot.warnings) == 1 and "rebuilding the index" in bot.warnings[0]
    assert bot.ask("how much magnesium a day?").answered


class _Bomb:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_ctrl_c_while_indexing_exits_130_and_keeps_the_previous_cache(corpus, cache, capsys, monkeypatch):
    assert main(["index", "--corpus", str(corpus)]) == 0
    before = cache_file(cache).read_bytes()
    (corpus / "iron.md").write_text("# Iron\n\nChanged.\n", encoding="utf-8")
    calls = []
    original = rlsbot.index._Analyser.article

    def interrupted(self, article):
        calls.append(article.name)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(self, article)

    monkeypatch.setattr(rlsbot.index._Analyser, "article", interrupted)
    capsys.readouterr()
    assert main(["index", "--corpus", str(corpus)]) == 130
    _, err = capsys.readouterr()
    assert "Traceback" not in err and err.strip() == "rlsbot: interrupted"
    assert cache_file(cache).read_bytes() == before
    assert not [p for p in cache.iterdir() if p.suffix == ".tmp"]


def _subprocess_env(cache: Path, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RLSBOT_")}
    env.update(RLSBOT_CACHE_DIR=str(cache), RLSBOT_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    return env


def test_a_real_sigint_during_a_long_build_exits_130_without_a_traceback(tmp_path):
    corpus = tmp_path / "big"
    corpus.mkdir()
    cache = tmp_path / "cache"
    env = _subprocess_env(cache, tmp_path)
    index = [sys.executable, "-m", "rlsbot", "index", "--corpus", str(corpus)]
    (corpus / "a000.md").write_text(ARTICLES["magnesium.md"], encoding="utf-8")
    assert subprocess.run(index, env=env, cwd=ROOT, capture_output=True).returncode == 0
    before = cache_file(cache).read_bytes()
    # Many articles of varied made-up words: several seconds of splitting and stemming.
    rng = random.Random(7)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    for i in range(1, 500):
        sentences = [
            " ".join("".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(12)).capitalize() + "." for _ in range(60)
        ]
        (corpus / f"a{i:03d}.md").write_text(f"# Article {i}\n\n" + " ".join(sentences) + "\n", encoding="utf-8")
    started = time.monotonic()
    subprocess.run(index, env=env, cwd=ROOT, capture_output=True, check=True)  # how long a whole build takes here
    build_time = time.monotonic() - started
    for attempt in range(4):
        (corpus / "a000.md").write_text(ARTICLES["magnesium.md"] + f"\nEdited {attempt}.\n", encoding="utf-8")
        before = cache_file(cache).read_bytes()
        for i in range(1, 500):  # every article changed: all of them are analysed again
            path = corpus / f"a{i:03d}.md"
            path.write_text(path.read_text(encoding="utf-8") + "\nChanged.\n", encoding="utf-8")
        proc = subprocess.Popen(index, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Halfway through, on a loaded machine as on a quiet one: imports done, well inside the analysis.
        # A shared machine's load changes from one build to the next: a build that ran faster than the first
        # is tried again, interrupted sooner.
        time.sleep(max(0.5, build_time / (2 + attempt)))
        if proc.poll() is None:
            break
        proc.communicate()
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err and "interrupted" in err
    assert cache_file(cache).read_bytes() == before
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]


def test_eight_first_runs_at_once_all_answer_and_leave_one_whole_cache(corpus, tmp_path):
    cache = tmp_path / "cache"
    env = _subprocess_env(cache, tmp_path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "rlsbot", "ask", "--corpus", str(corpus), "how much magnesium a day?"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert all(status == 0 for status, _, _ in results), results
    assert len({out for _, out, _ in results}) == 1 and "300 mg" in results[0][1]
    assert all(err == "" for _, _, err in results), results
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]
    with CachedIndex.open(cache_file(cache)) as cached:
        cached.index(BM25Params())
    # and the next run uses it as it is
    again = subprocess.run(
        [sys.executable, "-m", "rlsbot", "ask", "--corpus", str(corpus), "how much magnesium a day?"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0 and again.stdout == results[0][1] and again.stderr == ""


def test_the_rule_that_joins_passages_is_part_of_the_cache_key(monkeypatch):
    """Passages join a paragraph that leans on the one before (rlsbot.leaning.LEANS_BACK): a cached analysis made under another rule is not reused."""
    import rlsbot.index_meta as index_meta
    from rlsbot.asks import pattern

    before = index_meta.analyzer_key()
    monkeypatch.setattr(index_meta, "LEANS_BACK", pattern(r"^\W*(?:this|that)\b"))
    assert index_meta.analyzer_key() != before
