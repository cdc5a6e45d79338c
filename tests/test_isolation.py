"""The suite never reads the user's files: run with a populated home, it gives the same results.

After ``rlsbot add`` of one article, eight tests once read the user's data
folder (the gold pass rate fell under its floor, snapshots changed).  Here a
user's home is filled as a real user's would be (an added article that
answers magnesium questions, a saved conversation, RLSBOT_CORPUS set) and a
few representative test files are run in it: they must pass.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPRESENTATIVE = [
    "tests/test_gold.py",
    "tests/test_cli.py::test_ask_answers_with_quotes_and_exit_0",
    "tests/test_cli.py::test_history_lists_searches_and_shows",
    "tests/test_cli.py::test_separate_asks_do_not_carry_context",
    "tests/tui/test_snapshots.py::TestAnswer::test_answered_question[80x24]",
]


@pytest.mark.slow  # about 22 s: four rlsbot runs, then pytest in a subprocess
def test_a_populated_user_home_changes_no_result(tmp_path):
    home = tmp_path / "home"
    user = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("RLSBOT_", "XDG_"))},
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "PYTHONPATH": str(ROOT),
    }
    article = tmp_path / "my-magnesium-notes.md"
    article.write_text(
        "# My magnesium notes\n\nWalking a zebra at dusk eases restless legs, says my neighbour.\n",
        encoding="utf-8",
    )

    def rlsbot(*args: str, env: dict = user) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "rlsbot", *args], env=env, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)

    assert rlsbot("add", str(article)).returncode == 0
    assert rlsbot("ask", "-c", "how much magnesium is safe per day?").returncode == 0
    listed = rlsbot("history")
    assert listed.returncode == 0 and b"how much magnesium" in listed.stdout  # the user's data is really there
    assert b"my neighbour" in rlsbot("ask", "does walking a zebra help restless legs?").stdout

    other = tmp_path / "other-corpus"
    other.mkdir()
    (other / "zinc.md").write_text("# Zinc\n\nZinc is all there is in this corpus.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *REPRESENTATIVE],
        env={**user, "RLSBOT_CORPUS": str(other)},
        cwd=ROOT,  # the snapshots are named from the test ids, which are relative to the root
        capture_output=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout.decode()[-3000:]
    assert b"passed" in result.stdout and b"failed" not in result.stdout
