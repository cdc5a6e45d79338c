"""The command line: ask, search, exit statuses, stdin, colour, JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from rlsbot import __version__
from rlsbot.cli import main


def run(*args, stdin: str | bytes | None = None, env: dict | None = None, cwd=None):
    full_env = {**os.environ, **(env or {})}
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "rlsbot", *args],
        input=data,
        capture_output=True,
        env=full_env,
        cwd=cwd,
        timeout=60,
        stdin=None if data is not None else subprocess.DEVNULL,
    )


def test_ask_answers_with_quotes_and_exit_0(capsys):
    assert main(["ask", "does magnesium help in pregnancy?"]) == 0
    out = capsys.readouterr().out
    assert "magnesium in pregnant women" in out
    assert "Sources" in out and "[1]" in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_ask_not_covered_exits_1(capsys):
    assert main(["ask", "does acupuncture help RLS?"]) == 1
    out = capsys.readouterr().out
    assert "acupuncture" in out and "do not cover" in out


def test_ask_json(capsys):
    assert main(["ask", "--json", "how much magnesium per day is safe?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answered"] is True and data["question"] == "how much magnesium per day is safe?"
    assert any("270-350 mg" in c["quote"] for c in data["citations"])
    assert data["missing"] == []


def test_ask_reads_stdin_when_no_question():
    result = run("ask", stdin="what foods have magnesium?\n")
    assert result.returncode == 0, result.stderr
    assert "avocados" in result.stdout.decode()


@pytest.mark.parametrize("stdin", ["", "   \n\t\n"])
def test_empty_question_is_a_usage_error(stdin):
    result = run("ask", stdin=stdin)
    assert result.returncode == 2
    err = result.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "empty" in err and "Traceback" not in err


def test_unknown_command_and_option_are_one_line_usage_errors():
    for args in (["frobnicate"], ["ask", "--bogus", "x"], ["search", "x", "--top", "many"]):
        result = run(*args)
        assert result.returncode == 2
        err = result.stderr.decode().strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in err, err


def test_search_lists_passages_with_scores(capsys):
    assert main(["search", "--top", "3", "--json", "magnesium kidney"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3
    assert rows[0]["score"] >= rows[1]["score"] >= rows[2]["score"]
    assert {"article", "title", "section", "start", "end", "score", "text"} <= set(rows[0])
    assert any("kidney" in r["text"] for r in rows)
    assert main(["search", "magnesium kidney"]) == 0
    assert "kidney" in capsys.readouterr().out


def test_version_and_help():
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout.decode()
    result = run("--help")
    assert result.returncode == 0 and "ask" in result.stdout.decode() and "search" in result.stdout.decode()


def test_works_from_any_folder(tmp_path):
    result = run("ask", "what are the side effects of magnesium?", cwd=tmp_path)
    assert result.returncode == 0 and "stomach upset" in result.stdout.decode()


def test_no_color_env_and_pipe_mean_plain_text():
    result = run("ask", "is magnesium safe?", env={"NO_COLOR": "1"})
    assert b"\x1b[" not in result.stdout


def test_chat_with_piped_stdin_answers_each_line_as_a_turn():
    result = run("chat", "--json", stdin="Can magnesium be given through an IV?\nis it safe?\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(lines) == 2
    assert lines[1]["question"] == "is it safe?"
    assert "iv" in lines[1]["query"].split() and "safe" in lines[1]["query"].split()
    assert any("Magnesium administered via an IV may not be safe" in c["quote"] for c in lines[1]["citations"])


def test_separate_asks_do_not_carry_context(capsys):
    main(["ask", "Can magnesium be given through an IV?"])
    capsys.readouterr()
    main(["ask", "--json", "is it safe?"])
    data = json.loads(capsys.readouterr().out)
    assert "iv" not in data["query"].split()


def test_ask_continue_picks_up_the_last_conversation(capsys):
    main(["ask", "--continue", "Can magnesium be given through an IV?"])
    capsys.readouterr()
    main(["ask", "--continue", "--json", "is it safe?"])
    data = json.loads(capsys.readouterr().out)
    assert "iv" in data["query"].split()


def test_corpus_before_or_after_the_command(tmp_path, capsys):
    (tmp_path / "zinc.md").write_text(
        "# Zinc and sleep\n\nZinc lozenges were studied for night cramps in a small trial.\n", encoding="utf-8"
    )
    for argv in (["--corpus", str(tmp_path), "sources", "--json"], ["sources", "--json", "--corpus", str(tmp_path)]):
        assert main(argv) == 0
        rows = json.loads(capsys.readouterr().out)
        assert [r["article"] for r in rows] == ["zinc.md"]


def test_sources_show_publisher_url_and_licence(capsys):
    assert main(["sources", "--json"]) == 0
    rows = {r["article"]: r for r in json.loads(capsys.readouterr().out)}
    nih = rows["nih-ninds-restless-legs.md"]
    assert nih["publisher"].startswith("National Institute of Neurological Disorders and Stroke")
    assert nih["url"].startswith("http") and "CC BY 4.0" in nih["license"] and "MedQuAD" in nih["license"]
    assert "license" not in rows["magnesium-for-restless-legs.md"]
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    assert "licence: CC BY 4.0" in out and "National Institute of Neurological Disorders and Stroke" in out
