"""The command line: ask, search, exit statuses, stdin, colour, JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
    for args in (["serch", "magnesium"], ["ask", "--bogus", "x"], ["search", "x", "--top", "many"], ["history", "show"]):
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


# ------------------------------------------------------------ clig.dev and llm's ways


def test_a_first_argument_that_is_not_a_command_is_a_question(capsys):
    assert main(["does magnesium help in pregnancy?"]) == 0
    assert "magnesium in pregnant women" in capsys.readouterr().out
    assert main(["--json", "does", "acupuncture", "help", "RLS?"]) == 1
    assert json.loads(capsys.readouterr().out)["question"] == "does acupuncture help RLS?"


@pytest.mark.parametrize(("typed", "meant"), [("serch", "search"), ("histroy", "history"), ("source", "sources"), ("Ask", "ask")])
def test_a_mistyped_command_suggests_the_right_one(typed, meant, capsys):
    assert main([typed, "magnesium"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"did you mean `{meant}`?" in err


def test_every_command_has_a_description_an_example_and_help_on_every_option():
    from rlsbot.cli import COMMANDS, build_parser

    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    assert set(sub.choices) == set(COMMANDS)
    helped = {a.dest: a.help for a in sub._choices_actions}
    parsers = dict(sub.choices)
    (actions,) = [a for a in parsers["history"]._actions if a.dest == "action"]
    parsers.update({f"history {k}": v for k, v in actions.choices.items()})
    for name, p in parsers.items():
        assert name in helped or name.startswith("history "), name
        assert p.description and "\n" not in p.description.strip(), name
        assert p.epilog and f"rlsbot {name}" in p.epilog, name  # an example of the command itself
        for action in p._actions:
            if action.dest not in ("help", "action"):
                assert action.help, f"{name} {action.option_strings or action.dest}"


def test_add_and_remove_say_what_their_corpus_option_does():
    for command in ("add", "remove"):
        out = " ".join(run(command, "--help").stdout.decode().split())
        assert "the folder the articles are copied to / taken out of" in out


def test_search_says_its_scale_and_counts_in_good_english(capsys):
    assert main(["search", "--top", "1", "magnesium kidney"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("1 passage, by BM25 score") and "passages" not in first.split(",")[0]


@pytest.mark.parametrize(
    ("lines", "status"),
    [
        ("does acupuncture help RLS?\nwhat is the capital of Peru?\n", 1),
        ("does acupuncture help RLS?\nhow much magnesium is safe per day?\n", 0),
    ],
)
def test_chat_on_stdin_exits_1_only_when_every_question_was_refused(lines, status):
    result = run("chat", stdin=lines)
    assert result.returncode == status, result.stderr
    assert result.stdout.decode().count("> ") >= 2


# ------------------------------------------------------------ history


def history(capsys, *args) -> tuple[int, str, str]:
    status = main(["history", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_continue_and_cid_carry_on_the_conversation_they_name(capsys):
    assert main(["ask", "-c", "Can magnesium be given through an IV?"]) == 0
    assert main(["ask", "--continue", "--json", "is it safe?"]) == 0
    assert "iv" in json.loads(capsys.readouterr().out.splitlines()[-1])["query"].split()
    assert main(["ask", "--cid", "no-such-conversation", "is it safe?"]) == 2
    assert "no conversation 'no-such-conversation'" in capsys.readouterr().err
    iv = json.loads(history(capsys, "--json")[1])[0]["id"]
    # a second conversation, then back to the first one by (the start of) its id
    assert main(["ask", "-c", "does iron help?"]) == 0  # -c: the latest, i.e. the IV one still
    capsys.readouterr()
    assert len(json.loads(history(capsys, "--json")[1])) == 1
    from rlsbot.conversation import Conversation
    from rlsbot.store import ConversationStore

    store = ConversationStore.default()
    assert store.save(Conversation(None, conversation_id="other"), keep_empty=True)  # now the latest
    assert main(["ask", "--cid", iv[:15], "--json", "and in pregnancy?"]) in (0, 1)
    # the named conversation's focus carries on: iron, which replaced the IV two turns ago
    assert "iron" in json.loads(capsys.readouterr().out)["query"].split()
    assert [t.question for t in store.turns(iv)][-1] == "and in pregnancy?"


def test_history_lists_searches_and_shows(capsys):
    assert history(capsys)[0:2] == (0, "No saved conversations yet.\n")
    assert history(capsys, "--json")[1] == "[]\n"
    main(["ask", "-c", "how much magnesium is safe per day?"])
    main(["ask", "--cid", "x", "q"])  # a usage error saves nothing
    capsys.readouterr()
    status, out, _ = history(capsys, "--json")
    (row,) = json.loads(out)
    assert status == 0 and row["title"] == "how much magnesium is safe per day?" and row["turns"] == 1
    assert {"id", "title", "created", "updated", "turns"} == set(row)
    status, out, _ = history(capsys)
    assert status == 0 and row["id"] in out and "1 turn " in out and "how much magnesium" in out
    assert history(capsys, "--search", "270-350")[0] == 0  # in a quote
    status, out, _ = history(capsys, "--search", "zebra")
    assert status == 1 and "zebra" in out
    status, out, _ = history(capsys, "show", row["id"])
    assert status == 0 and "> how much magnesium is safe per day?" in out and "270-350 mg" in out
    status, out, _ = history(capsys, "show", row["id"], "--json")
    shown = json.loads(out)
    assert shown["id"] == row["id"] and shown["turns"][0]["question"] == "how much magnesium is safe per day?"
    assert shown["turns"][0]["citations"] and shown["turns"][0]["time"]
    assert history(capsys, "show", "nothing")[0] == 2


def test_history_export_writes_markdown_that_reads_as_markdown(capsys, tmp_path):
    from markdown_it import MarkdownIt

    main(["ask", "-c", "how much magnesium is safe per day?"])
    capsys.readouterr()
    cid = json.loads(history(capsys, "--json")[1])[0]["id"]
    status, out, _ = history(capsys, "export", cid)
    assert status == 0 and out.startswith("# how much magnesium is safe per day?")
    target = tmp_path / "out.md"
    status, _, err = history(capsys, "export", cid, "-o", str(target))
    assert status == 0 and str(target) in err and target.read_text(encoding="utf-8") == out
    html = MarkdownIt("commonmark").render(out)
    assert "<blockquote>" in html and "daily doses of 270-350 mg are considered safe." in html
    assert "\\." not in out and "\\(" not in out
    assert "Exported from rlsbot on" in out and "asked " in out
    status, _, err = history(capsys, "export", cid, "-o", str(tmp_path / "no" / "such" / "dir" / "x.md"))
    assert status == 2 and len(err.strip().splitlines()) == 1


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


def test_the_readmes_example_answers_are_what_rlsbot_says(capsys):
    # The README shows real output; an answer that changes must change it there too.
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```console\n", 1)[1].split("```", 1)[0]
    shown = [chunk for chunk in block.split("$ rlsbot ask ") if chunk.strip()]
    assert len(shown) >= 2
    for chunk in shown:
        question, _, expected = chunk.partition("\n")
        main(["ask", json.loads(question)])
        assert capsys.readouterr().out.strip() == expected.strip(), question


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "--json", "-c", "is", "it", "safe?"],
        ["--corpus", "/tmp/x", "search", "--top", "3", "iron"],
        ["chat", "--json"],
        ["history", "show", "2026", "--json"],
        ["history", "--search", "iron", "-n", "2"],
        ["sources", "--json"],
        ["add", "--corpus", "/tmp/x", "a.md", "b.md"],
        ["remove", "a.md"],
        ["index", "--corpus", "/tmp/x"],
    ],
)
def test_a_command_parser_built_alone_reads_what_the_whole_parser_reads(argv):
    """A run builds only its command's parser (start-up): it must read the command line the same way."""
    from rlsbot.cli import COMMANDS, build_parser

    (command,) = [a for a in argv if a in COMMANDS]
    alone, whole = build_parser(command), build_parser()
    (sub,) = [a for a in alone._actions if a.dest == "command"]
    assert set(sub.choices) == {command}
    assert vars(alone.parse_args(argv)) == vars(whole.parse_args(argv))
