"""What a warm start does and does not do: structural checks, never timings (those are in benchmarks/).

`rlsbot ask` with the index cached must not import nltk (0.2 s: no stemming,
no Punkt training) nor Textual, nor read more of the cache than it needs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("nltk", "textual", "rank_bm25", "rich", "trafilatura")
# Standard modules a warm answer does without: dataclasses imports inspect (ast, dis, tokenize), and
# making ~20 frozen dataclasses cost ~25 ms more; the records on that path are NamedTuples.
SLOW_STDLIB = ("dataclasses", "inspect", "ast")

# Runs the CLI in-process and then reports which heavy packages got imported.
PROBE = """
import json, sys
from rlsbot.cli import main
status = main(sys.argv[1:])
heavy = sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY))
slow = sorted(set(sys.modules) & set(SLOW_STDLIB))
sys.stderr.write('\\nPROBE ' + json.dumps({'status': status, 'heavy': heavy, 'slow': slow}) + '\\n')
""".replace("HEAVY", repr(HEAVY)).replace("SLOW_STDLIB", repr(SLOW_STDLIB))


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RLSBOT_")}
    env.update(RLSBOT_CACHE_DIR=str(tmp_path / "cache"), RLSBOT_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    return env


def probe(env: dict[str, str], *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    line = [x for x in proc.stderr.splitlines() if x.startswith("PROBE ")]
    assert line, proc.stderr
    return json.loads(line[-1][len("PROBE ") :])


QUESTIONS = [
    "does magnesium help in pregnancy?",
    "how much magnesium should I take?",
    "what are the side effects of magnesium?",
    "is iron good for restless legs?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_warm_ask_imports_neither_nltk_nor_textual(env, question):
    first = probe(env, "ask", question)  # builds and caches the index
    assert "nltk" in first["heavy"]  # the probe sees an import when there is one
    warm = probe(env, "ask", question)
    assert warm["status"] == first["status"]
    assert warm["heavy"] == [], warm
    assert "inspect" in first["slow"]  # nltk brings it: the probe sees it when it is there
    assert warm["slow"] == [], warm


def test_a_warm_ask_with_a_word_from_a_section_heading_needs_no_stemmer(env):
    """Heading words are indexed but are not corpus 'surface' words: their stems are cached too."""
    probe(env, "ask", "warm up")
    from rlsbot.analysis import words
    from rlsbot.corpus import bundled_corpus, load_folder

    articles, _ = load_folder(bundled_corpus())
    heading_words = {w for a in articles for s in a.sections for w in words(s.heading) if len(w) > 3}
    assert heading_words
    warm = probe(env, "ask", "what about " + " ".join(sorted(heading_words)[:6]) + "?")
    assert warm["heavy"] == [], warm


def test_a_warm_search_and_sources_import_no_nltk(env):
    probe(env, "ask", "magnesium")
    assert probe(env, "search", "magnesium dose")["heavy"] == []
    assert probe(env, "sources")["heavy"] == []


def test_json_metadata_stays_small_and_strings_are_arrays(env):
    """The cache's JSON is a few fields per article; vocabularies and passages are arrays."""
    import numpy as np

    probe(env, "ask", "magnesium")
    (path,) = Path(env["RLSBOT_CACHE_DIR"]).glob("index-*.npz")
    with np.load(path, allow_pickle=False) as z:
        meta = json.loads(z["meta"].tobytes())
        assert set(meta) == {"format", "key", "analyzer", "articles", "counts"}
        assert all(z[name].dtype != object for name in z.files)


def test_a_warm_ask_imports_no_module_it_does_not_use(env):
    """difflib serves only a mistyped command and tempfile only writes; nor is a question pattern compiled in vain."""
    code = """
import re, sys
from rlsbot.cli import main
compiled = []
real = re.compile
re.compile = lambda p, flags=0: compiled.append(p) or real(p, flags)
status = main(sys.argv[1:])
from rlsbot.asks import ASKS
from rlsbot.populations import POPULATIONS
sources = {a.question.source for a in ASKS} | {p.question.source for p in POPULATIONS}
sys.stderr.write('\\nPROBE ' + repr((status, sorted({'difflib', 'tempfile'} & set(sys.modules)), len(sources & set(compiled)))) + '\\n')
"""
    question = ["ask", "does magnesium help in pregnancy?"]
    subprocess.run([sys.executable, "-c", code, *question], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    proc = subprocess.run(
        [sys.executable, "-c", code, *question], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    status, imported, patterns = eval(proc.stderr.splitlines()[-1][len("PROBE ") :])  # noqa: S307 - our own repr
    assert status == 0 and imported == [], proc.stderr
    # "help" (effect), "pregnan" (pregnancy) and "y" (the child pattern's ages) are this question's triggers
    assert 1 <= patterns <= 4


ENV_PROBE = """
import os, sys
from unittest import mock
import rlsbot.entry
with mock.patch("rlsbot.cli.main", return_value=0):
    rlsbot.entry.main()
    sys.stderr.write("BLAS " + os.environ.get("OPENBLAS_NUM_THREADS", "unset") + "\\n")
"""


@pytest.mark.parametrize(("given", "seen"), [(None, "1"), ("4", "4")])
def test_the_command_starts_no_blas_threads_unless_the_user_asks(env, given, seen):
    # numpy's import starts a BLAS thread per core; rlsbot never multiplies matrices.
    for name in ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"):
        env.pop(name, None)
    if given:
        env["OPENBLAS_NUM_THREADS"] = given
    proc = subprocess.run([sys.executable, "-c", ENV_PROBE], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert f"BLAS {seen}" in proc.stderr, proc.stderr


def test_importing_rlsbot_as_a_library_leaves_blas_alone(env):
    env.pop("OPENBLAS_NUM_THREADS", None)
    code = "import os, rlsbot, rlsbot.bot; print(os.environ.get('OPENBLAS_NUM_THREADS', 'unset'))"
    proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "unset", proc.stderr
