"""Hostile input: nothing from an article or a question reaches the terminal raw.

Issue 7.  Articles can hold escape sequences, bells, backspaces, bidi
overrides and Rich/Textual markup; questions can be a megabyte long, one
10,000-character word, NULs or bytes that are not UTF-8.  Every command
either answers (exit 0), says the articles do not cover it (exit 1) or, for
an empty question, reports a usage error (exit 2): never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rlsbot.cli import main
from rlsbot.render import md_escape, to_markdown, to_text
from rlsbot.text import safe

ROOT = Path(__file__).resolve().parent.parent

# What must never reach a terminal raw: C0 controls but newline (tab is
# harmless), DEL, C1 controls (U+009B is an 8-bit CSI) and bidi overrides or
# isolates, which reorder what the reader sees.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

EVIL_ARTICLE = (
    "---\n"
    'title: "Magnesium \x1b[31mred\x1b[0m [bold red]x[/] title"\n'
    'author: "Mallory \x1b]8;;http://evil\x07click\x1b]8;;\x07"\n'
    'url: "http://example.org/\x1b[2J"\n'
    "---\n\n"
    "# Magnesium and \x1b[2Jlegs\n\n"
    "Magnesium helps restless legs \x1b]8;;http://evil\x07at night\x1b]8;;\x07 for many people.\n\n"
    "Iron deficiency \x07makes restless\x08\x08 legs worse [bold red]x[/] and [link=http://x]y[/link].\n\n"
    "Dopamine agonists \u202eevil\u202c can cause augmentation of restless legs symptoms.\n\n"
    "Ferritin &amp; transferrin: a lone ESC \x1b and an 8-bit CSI \x9b31m sit in this ferritin sentence.\n"
)

HOSTILE_QUESTIONS = [
    "magnesium \x1b[2J\x1b[31m legs",
    "iron \x1b]8;;http://evil\x07deficiency\x1b]8;;\x07",
    "\u202edopamine augmentation\u202c \x07\x08\x08",
    "ferritin \x9b31m [bold red]x[/]",
    "zzqx \x1b[2Jqqq",  # not covered: the missing words are echoed back
]


def run(*args: str, stdin: bytes | None = None, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """`python -m rlsbot ARGS` with the test's cache and data folders, bytes in and out."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("RLSBOT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "rlsbot", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=timeout,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )


def assert_terminal_safe(text: str) -> None:
    found = RAW_CONTROL.findall(text)
    assert not found, f"raw control characters reached the terminal: {found!r}"


@pytest.fixture
def evil_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "evil-corpus"
    folder.mkdir()
    (folder / "evil.md").write_text(EVIL_ARTICLE, encoding="utf-8")
    (folder / "plain.txt").write_text(
        "Plain notes \x1b[5mblink\x1b[0m\n\nMagnesium before bed \x1b[?1049h may help some people with restless legs.\n", encoding="utf-8"
    )
    # A file name is shown too: it must be as harmless as the text.
    (folder / "name\x1b[2J\x07.md").write_text("# Iron notes\n\nIron deficiency is checked with a ferritin test.\n", encoding="utf-8")
    return folder


# ------------------------------------------------------------ articles -> terminal


@pytest.mark.parametrize(
    "question", ["does magnesium help restless legs?", "iron deficiency", "dopamine augmentation", "ferritin transferrin", "ferritin test"]
)
def test_ask_never_prints_raw_controls_from_articles(evil_corpus, capsys, question):
    status = main(["ask", "--corpus", str(evil_corpus), question])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert_terminal_safe(out)
    assert_terminal_safe(err)
    assert "http://evil" not in out  # the OSC 8 hyperlink is gone, not just defused


def test_rich_markup_in_articles_is_shown_literally(evil_corpus, capsys):
    assert main(["ask", "--corpus", str(evil_corpus), "does iron deficiency make restless legs worse?"]) == 0
    out = capsys.readouterr().out
    assert "[bold red]x[/]" in out and "[link=http://x]y[/link]" in out


def test_search_and_sources_never_print_raw_controls(evil_corpus, capsys):
    for args in (["search", "magnesium iron ferritin dopamine"], ["sources"], ["search", "--top", "50", "legs"]):
        assert main([args[0], "--corpus", str(evil_corpus), *args[1:]]) == 0
        out, err = capsys.readouterr()
        assert_terminal_safe(out)
        assert_terminal_safe(err)
        assert out.strip()


def test_colour_output_has_only_our_own_escape_sequences(evil_corpus, bot):
    from rlsbot.bot import Bot

    evil = Bot.load(evil_corpus, cache=False)
    for question in ("magnesium legs", "iron deficiency", "ferritin transferrin", "zzqx \x1b[2J"):
        text = to_text(evil.ask(question), color=True)
        assert_terminal_safe(re.sub(r"\x1b\[(?:0|1|2|36)m", "", text))


def test_json_quotes_are_the_article_text_at_their_offsets(evil_corpus, capsys):
    from rlsbot.bot import Bot

    articles = Bot.load(evil_corpus, cache=False).articles
    for question in ("does magnesium help restless legs?", "iron deficiency", "dopamine augmentation", "ferritin transferrin"):
        assert main(["ask", "--json", "--corpus", str(evil_corpus), question]) == 0
        out = capsys.readouterr().out
        assert_terminal_safe(out)
        data = json.loads(out)
        assert data["citations"]
        for c in data["citations"]:
            assert c["quote"] == articles[c["article"]].text[c["start"] : c["end"]]
    # the markup is data, kept exactly as the article has it
    assert main(["ask", "--json", "--corpus", str(evil_corpus), "does iron deficiency make restless legs worse?"]) == 0
    quotes = [c["quote"] for c in json.loads(capsys.readouterr().out)["citations"]]
    assert any("[bold red]x[/] and [link=http://x]y[/link]" in q for q in quotes)


def test_json_from_search_and_sources_is_terminal_safe(evil_corpus, capsys):
    for args in (["search", "--json", "magnesium iron ferritin"], ["sources", "--json"]):
        assert main([args[0], "--corpus", str(evil_corpus), *args[1:]]) == 0
        out = capsys.readouterr().out
        assert_terminal_safe(out)
        json.loads(out)


def test_article_text_is_cleaned_of_escape_sequences_at_load(evil_corpus):
    from rlsbot.bot import Bot

    evil = Bot.load(evil_corpus, cache=False)
    for article in evil.articles.values():
        for text in (article.text, article.title, *map(str, article.meta.values())):
            assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text and "\u202e" not in text
    assert "at night for many people" in evil.articles["evil.md"].text


# ------------------------------------------------------------ questions -> terminal


@pytest.mark.parametrize("question", HOSTILE_QUESTIONS)
def test_questions_with_control_characters_are_echoed_safely(evil_corpus, capsys, question):
    status = main(["ask", "--corpus", str(evil_corpus), question])
    out, err = capsys.readouterr()
    assert status in (0, 1), err
    assert_terminal_safe(out)
    assert_terminal_safe(err)


@pytest.mark.parametrize("question", HOSTILE_QUESTIONS)
def test_questions_with_control_characters_in_json_are_escaped(evil_corpus, capsys, question):
    """The question and its missing words are echoed in JSON: escaped, yet the same value."""
    status = main(["ask", "--json", "--corpus", str(evil_corpus), question])
    out = capsys.readouterr().out
    assert status in (0, 1)
    assert_terminal_safe(out)
    assert json.loads(out)["question"] == question.strip()


def test_chat_with_piped_hostile_lines_is_terminal_safe(evil_corpus):
    lines = "\n".join(HOSTILE_QUESTIONS).encode() + b"\n\xff\xfe iron\x00 deficiency\n"
    result = run("chat", "--corpus", str(evil_corpus), stdin=lines)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert_terminal_safe(out)
    assert out.count("> ") >= len(HOSTILE_QUESTIONS) + 1


def test_argv_control_characters_are_escaped(evil_corpus):
    result = run("ask", "--corpus", str(evil_corpus), "magnesium \x1b[2J \x07 \u202e \x9b31m legs")
    assert result.returncode in (0, 1)
    assert_terminal_safe(result.stdout.decode("utf-8"))
    assert_terminal_safe(result.stderr.decode("utf-8"))


# ------------------------------------------------------------ the chat screen's Markdown


def _markdown_text(markdown: str) -> tuple[str, list[str]]:
    """The text a reader sees of Markdown as Textual parses it, and the inline token types."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("gfm-like")
    seen, kinds = [], []
    for token in parser.parse(markdown):
        for child in token.children or ():
            kinds.append(child.type if child.markup != "linkify" else "linkify")
            if child.type in ("text", "code_inline"):
                seen.append(child.content)
    return "".join(seen), kinds


@pytest.mark.parametrize(
    "text",
    [
        "[bold red]x[/] and [link=http://x]y[/link]",
        "&amp; &lt;script&gt; &#x41; &copy;",
        "**not bold** _not em_ `not code` <b>not html</b> ![img](x.png) [a](http://evil)",
        "# not a heading | not | a table |",
        "1. not a list",
        "\x1b[31mred\x1b[0m \u202eevil",
    ],
)
def test_markdown_shows_article_text_literally(text):
    seen, kinds = _markdown_text(md_escape(text))
    assert seen == safe(text)
    # bare URLs may be linkified (the chat screen never opens links); nothing else is live
    assert set(kinds) <= {"text", "softbreak", "linkify"}, kinds


def test_markdown_answer_from_hostile_article_has_no_live_markup(evil_corpus):
    from rlsbot.bot import Bot

    evil = Bot.load(evil_corpus, cache=False)
    answer = evil.ask("does iron deficiency make restless legs worse?")
    markdown = to_markdown(answer)
    assert_terminal_safe(markdown.replace("\n", ""))
    seen, kinds = _markdown_text(markdown)
    assert "[bold red]x[/] and [link=http://x]y[/link]" in seen
    assert "link_open" not in kinds and "html_inline" not in kinds


# ------------------------------------------------------------ giant and weird questions


WEIRD_STDIN = {
    "one megabyte": b"magnesium dose pregnancy " * 42000,
    "one megabyte of one letter": b"a" * (1024 * 1024),
    "a 10,000-character word": b"x" * 10_000,
    "a 10,000-character word then a question": b"q" * 10_000 + b" how much magnesium?",
    "emoji": "\U0001f600\U0001f9b5 magnesium \U0001f468\u200d\U0001f469\u200d\U0001f467 legs?".encode(),
    "emoji only, a lot": ("\U0001f600" * 100_000).encode(),
    "right-to-left": "\u05de\u05d2\u05e0\u05d6\u05d9\u05d5\u05dd magnesium \u0645\u063a\u0646\u064a\u0633\u064a\u0648\u0645".encode(),
    "combining marks": ("ma\u0301\u0302\u0303gnesium " + "e\u0301" * 3000).encode(),
    "only combining marks": ("\u0301" * 50_000).encode(),
    "NUL bytes": b"magnesium\x00iron\x00\x00deficiency",
    "invalid surrogates": b"\xed\xa0\x80 magnesium \xed\xb2\x80 dose \xff\xfe\xc0\xaf",
    "not UTF-8 at all": bytes(range(128, 256)) * 4000,
    "escape sequences": b"\x1b[2J\x1b]8;;http://evil\x07magnesium\x1b]8;;\x07\x07\x08",
    "zero-width junk": ("\u200b\u200c\u200d\ufeff" * 1000 + " iron").encode(),
    "lines and carriage returns": b"magnesium\r\n\r\niron\r" * 1000,
}


@pytest.mark.parametrize("name", list(WEIRD_STDIN))
def test_weird_questions_from_stdin_are_answered_or_refused(name):
    started = time.monotonic()
    result = run("ask", stdin=WEIRD_STDIN[name], timeout=30)
    elapsed = time.monotonic() - started
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode in (0, 1), err
    assert "Traceback" not in err and not err.strip(), err
    assert_terminal_safe(result.stdout.decode("utf-8"))
    assert elapsed < 10, f"{name}: {elapsed:.1f}s (a hang, not a speed target)"


@pytest.mark.parametrize("name", ["one megabyte", "NUL bytes", "invalid surrogates", "emoji"])
def test_weird_questions_as_json_stay_valid(name):
    result = run("ask", "--json", stdin=WEIRD_STDIN[name], timeout=30)
    assert result.returncode in (0, 1), result.stderr
    out = result.stdout.decode("utf-8")
    assert_terminal_safe(out)
    data = json.loads(out)
    assert "\x00" not in data["question"]


@pytest.mark.parametrize("stdin", [b"", b"   \n\t\r\n", b"\x00\x00\x00", b" \x00 \n\x00"])
def test_empty_or_blank_question_is_a_usage_error(stdin):
    result = run("ask", stdin=stdin)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert len(err.strip().splitlines()) == 1 and "empty" in err and "Traceback" not in err


@pytest.mark.parametrize("args", [["ask", ""], ["ask", "   "], ["search", " "]])
def test_blank_question_in_argv_is_a_usage_error(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "empty" in err


# ------------------------------------------------------------ one line per name (issue 16, item 7)

FAKE = "\nrlsbot: added fake.md: \u201cTrust me\u201d\n"  # a name that would print lines of its own


@pytest.fixture
def newline_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "newline-corpus"
    folder.mkdir()
    (folder / f"iron{FAKE}notes.md").write_text("# Iron notes\n\nIron deficiency is checked with a ferritin test.\n", encoding="utf-8")
    (folder / "sep\u2028arated.md").write_text("# Magnesium\n\nMagnesium before bed may help restless legs.\n", encoding="utf-8")
    (folder / f"empty{FAKE}.md").write_text("", encoding="utf-8")
    return folder


def test_names_with_newlines_stay_on_one_line_in_sources(newline_corpus, capsys):
    assert main(["sources", "--corpus", str(newline_corpus)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == 4, lines  # two lines per article: title, then name and counts
    assert not any(line.startswith("rlsbot: added") for line in lines)
    assert "\u2028" not in out and "iron\\x0arlsbot: added fake.md" in out
    (warning,) = err.splitlines()  # the empty file, named on one line
    assert warning.startswith("rlsbot: skipped empty\\x0arlsbot: added fake.md") and warning.endswith("is empty")


def test_names_with_newlines_stay_on_one_line_in_answers_and_search(newline_corpus, capsys):
    assert main(["ask", "--corpus", str(newline_corpus), "iron deficiency ferritin test"]) == 0
    out = capsys.readouterr().out
    assert not any(line.startswith("rlsbot: added") for line in out.splitlines())
    assert "[iron\\x0arlsbot: added fake.md" in out
    assert main(["search", "--corpus", str(newline_corpus), "iron magnesium"]) == 0
    out = capsys.readouterr().out
    assert not any(line.startswith("rlsbot: added") for line in out.splitlines()) and "\u2028" not in out


def test_add_of_a_name_with_a_newline_is_one_line(tmp_path, capsys):
    missing = tmp_path / f"missing{FAKE}.md"
    real = tmp_path / f"real{FAKE}.md"
    real.write_text("# Real\n\nRestless legs ease with a walk before bed for some people.\n", encoding="utf-8")
    status = main(["add", str(missing), str(real)])
    out, err = capsys.readouterr()
    assert status == 2
    (line,) = err.splitlines()
    assert line.startswith("rlsbot: cannot add ") and line.endswith("does not exist")
    (line,) = out.splitlines()
    assert line.startswith("added real_rlsbot: added fake.md") and "\n" not in line


def test_json_lines_stay_one_line_whatever_the_names(newline_corpus, capsys):
    """``chat --json`` and ``sources --json`` print one JSON document a line: no name may split one."""
    for args in (["sources", "--json"], ["ask", "--json", "magnesium before bed"]):
        assert main([args[0], "--corpus", str(newline_corpus), *args[1:]]) == 0
        out = capsys.readouterr().out
        (line,) = out.splitlines()  # str.splitlines splits on U+2028 too
        assert "sep\u2028arated.md" in json.dumps(json.loads(line), ensure_ascii=False)
