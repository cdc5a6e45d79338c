"""Bring your own articles: --corpus, RLSBOT_CORPUS, rlsbot add/remove/sources, through the command line."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rlsbot import exitcodes
from rlsbot.cli import main
from rlsbot.corpus import bundled_corpus

FIXTURES = Path(__file__).parent / "fixtures"
OWN = FIXTURES / "own_articles"
SEED = FIXTURES / "seeds" / "000_2caa8947873c6952.txt"

# Words of the site chrome in the fixtures: no answer may ever quote them.
CHROME_WORDS = [
    "cookie", "newsletter", "Back to top", "Facebook", "Twitter", "DreamWeave", "MagnaCalm", "All rights reserved",
    "min read", "Free shipping", "Station Road", "Advertisement", "Skip to", "Privacy", "helpful", "Related",
    "Sign up", "Subscribe", "Home >", "Updated on", "inbox",
]  # fmt: skip


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch):
    """A fresh user data folder per test, so articles added in one test stay there."""
    monkeypatch.setenv("RLSBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RLSBOT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "data"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def ask_json(capsys, question: str, *options: str) -> dict:
    status, out, _ = run(capsys, "ask", "--json", *options, question)
    answer = json.loads(out)
    assert (status == exitcodes.OK) == answer["answered"]
    return answer


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- --corpus and RLSBOT_CORPUS


def test_sources_lists_the_folder_and_warns_once_per_bad_file(capsys):
    status, out, err = run(capsys, "sources", "--corpus", str(OWN))
    assert status == exitcodes.OK
    assert "Iron and Restless Legs Syndrome: A Guide for Patients" in out
    assert "Can Vitamins" not in out  # --corpus alone: not the bundled articles
    lines = err.splitlines()
    assert sorted(lines) == [
        "rlsbot: note: sleep-habits-copy.md has the same text as restless-legs-and-sleep-habits.md; indexed once",
        "rlsbot: skipped empty-notes.md: is empty",
        "rlsbot: skipped scanned-leaflet.txt: looks like a binary file, not text",
    ]
    assert "clinic-logo.png" not in err  # not an article file: quietly left alone


def test_sources_json_fields(capsys):
    status, out, _ = run(capsys, "sources", "--json", "--corpus", str(OWN))
    assert status == exitcodes.OK
    rows = {row["article"]: row for row in json.loads(out)}
    assert sorted(rows) == [
        "cafe-notes-latin1.txt",
        "exercise-and-rls-pasted.txt",
        "iron-and-rls-leaflet.html",
        "restless-legs-and-sleep-habits.md",
    ]
    page = rows["iron-and-rls-leaflet.html"]
    assert page["title"] == "Iron and Restless Legs Syndrome: A Guide for Patients"
    assert "Helen Marsh" in page["author"]
    assert page["date"] == "2024-03-18"
    assert page["url"] == "https://www.northfield-sleep.example/leaflets/iron-and-rls"
    assert page["publisher"] == "Northfield Sleep Clinic"
    md = rows["restless-legs-and-sleep-habits.md"]
    assert (md["author"], md["date"], md["publisher"]) == ("Community Sleep Nurse Team", "2023-11-02", "Riverside Health Centre")
    assert rows["exercise-and-rls-pasted.txt"]["author"] == "Marcus Webb"
    for row in rows.values():
        assert row["passages"] > 0 and row["words"] > 50


def test_rlsbot_corpus_environment_variable(capsys, monkeypatch):
    monkeypatch.setenv("RLSBOT_CORPUS", str(OWN))
    _, out, _ = run(capsys, "sources", "--json")
    assert "iron-and-rls-leaflet.html" in [row["article"] for row in json.loads(out)]
    status, out, _ = run(capsys, "search", "--json", "ferritin")
    assert status == exitcodes.OK
    assert json.loads(out)[0]["article"] == "iron-and-rls-leaflet.html"
    answer = ask_json(capsys, "what ferritin level should people with RLS aim for?")
    assert answer["citations"][0]["article"] == "iron-and-rls-leaflet.html"


def test_search_with_corpus_option(capsys):
    status, out, _ = run(capsys, "search", "--corpus", str(OWN), "--json", "yoga")
    assert status == exitcodes.OK
    rows = json.loads(out)
    assert rows[0]["article"] == "exercise-and-rls-pasted.txt"
    assert "Yoga classes" in rows[0]["text"]


QUESTIONS = [
    ("what ferritin level should I aim for?", "iron-and-rls-leaflet.html", "at least 75 micrograms per litre"),
    ("what is an iron infusion?", "iron-and-rls-leaflet.html", "iron infusion given through a drip"),
    ("which blood tests check iron?", "iron-and-rls-leaflet.html", "ferritin"),
    ("does exercise help restless legs?", "exercise-and-rls-pasted.txt", "moderate exercise seems to ease symptoms"),
    ("does yoga help?", "exercise-and-rls-pasted.txt", "Yoga classes"),
    ("is decaf coffee safe?", "cafe-notes-latin1.txt", "na\u00efve guess"),
    ("is cafe au lait bad for restless legs?", "cafe-notes-latin1.txt", "caf\u00e9 au lait"),
    ("can alcohol trigger restless legs?", "restless-legs-and-sleep-habits.md", "Alcohol may help you fall asleep"),
    ("which medicines make restless legs worse?", "restless-legs-and-sleep-habits.md", "antihistamines"),
]


@pytest.mark.parametrize(("question", "article", "quote"), QUESTIONS)
def test_questions_are_answered_from_each_article_without_chrome(capsys, question, article, quote):
    answer = ask_json(capsys, question, "--corpus", str(OWN))
    assert answer["answered"]
    assert answer["citations"][0]["article"] == article
    assert any(quote in c["quote"] and c["article"] == article for c in answer["citations"])
    for c in answer["citations"]:
        for word in CHROME_WORDS:
            assert word.lower() not in c["quote"].lower(), (word, c["quote"])


def test_chrome_questions_are_not_answered_from_chrome(capsys):
    for question in (
        "should I accept cookies?",
        "how do I sign up for the newsletter?",
        "is there free shipping?",
        "how do I get back to top?",
    ):
        answer = ask_json(capsys, question, "--corpus", str(OWN))
        for c in answer["citations"]:
            for word in CHROME_WORDS:
                assert word.lower() not in c["quote"].lower(), (question, c["quote"])


def test_citation_shows_the_page_metadata(capsys):
    status, out, _ = run(capsys, "ask", "--corpus", str(OWN), "what ferritin level should I aim for?")
    assert status == exitcodes.OK
    assert "2024-03-18" in out
    assert "https://www.northfield-sleep.example/leaflets/iron-and-rls" in out
    assert "Helen Marsh" in out


# ---------------------------------------------------------------- rlsbot add / remove


def test_add_sources_ask_remove_round_trip_never_touches_the_bundled_corpus(capsys, own_data_dir):
    bundled_before = snapshot(bundled_corpus())
    status, out, err = run(capsys, "add", str(OWN / "iron-and-rls-leaflet.html"), str(OWN / "restless-legs-and-sleep-habits.md"))
    assert status == exitcodes.OK, err
    assert out.splitlines() == [
        "added iron-and-rls-leaflet.html: \u201cIron and Restless Legs Syndrome: A Guide for Patients\u201d",
        "added restless-legs-and-sleep-habits.md: \u201cSleep Habits That Help Restless Legs\u201d",
    ]
    mine = own_data_dir / "articles"
    assert snapshot(mine) == {
        "iron-and-rls-leaflet.html": hashlib.sha256((OWN / "iron-and-rls-leaflet.html").read_bytes()).hexdigest(),
        "restless-legs-and-sleep-habits.md": hashlib.sha256((OWN / "restless-legs-and-sleep-habits.md").read_bytes()).hexdigest(),
    }

    # Without --corpus: the bundled articles and the user's together.
    _, out, _ = run(capsys, "sources", "--json")
    names = [row["article"] for row in json.loads(out)]
    assert set(names) - {n for n in names if n.startswith("nih-")} == {
        "gene-food-vitamins-minerals-rls.md",
        "magnesium-for-restless-legs.md",
        "iron-and-rls-leaflet.html",
        "restless-legs-and-sleep-habits.md",
    }
    answer = ask_json(capsys, "what ferritin level should I aim for?")
    assert answer["citations"][0]["article"] == "iron-and-rls-leaflet.html"
    answer = ask_json(capsys, "does magnesium help in pregnancy?")
    assert answer["citations"][0]["article"] in ("gene-food-vitamins-minerals-rls.md", "magnesium-for-restless-legs.md")

    status, out, err = run(capsys, "remove", "iron-and-rls-leaflet.html", "Sleep Habits That Help Restless Legs")
    assert status == exitcodes.OK, err
    assert out.splitlines() == [
        "removed iron-and-rls-leaflet.html: \u201cIron and Restless Legs Syndrome: A Guide for Patients\u201d",
        "removed restless-legs-and-sleep-habits.md: \u201cSleep Habits That Help Restless Legs\u201d",
    ]
    assert snapshot(mine) == {}
    _, out, _ = run(capsys, "sources", "--json")
    assert sorted(row["article"] for row in json.loads(out)) == sorted(p.name for p in bundled_corpus().glob("*.md"))
    assert snapshot(bundled_corpus()) == bundled_before


def test_add_refuses_unreadable_files_one_line_each_and_adds_the_rest(capsys, own_data_dir, tmp_path):
    missing = tmp_path / "missing.md"
    status, out, err = run(
        capsys, "add", str(OWN / "empty-notes.md"), str(OWN / "scanned-leaflet.txt"), str(OWN / "clinic-logo.png"), str(missing), str(OWN),
        str(OWN / "exercise-and-rls-pasted.txt"),
    )  # fmt: skip
    assert status == exitcodes.USAGE
    assert out.splitlines() == [
        "added exercise-and-rls-pasted.txt: \u201cExercise and Restless Legs Syndrome: What the Research Says\u201d"
    ]
    lines = err.splitlines()
    assert len(lines) == 5
    for line, name, reason in zip(
        lines,
        ["empty-notes.md", "scanned-leaflet.txt", "clinic-logo.png", "missing.md", "own_articles"],
        ["is empty", "binary", "not an article file", "does not exist", "folder"],
        strict=True,
    ):
        assert line.startswith("rlsbot: cannot add ") and name in line and reason in line, line
    assert sorted(snapshot(own_data_dir / "articles")) == ["exercise-and-rls-pasted.txt"]


def test_add_twice_and_duplicates_are_reported_not_copied(capsys, own_data_dir):
    md = str(OWN / "restless-legs-and-sleep-habits.md")
    assert run(capsys, "add", md)[0] == exitcodes.OK
    status, out, err = run(capsys, "add", md, str(OWN / "sleep-habits-copy.md"))
    assert status == exitcodes.OK and not err
    assert out.splitlines() == [
        f"already added: {md} is restless-legs-and-sleep-habits.md in {own_data_dir / 'articles'}",
        f"already added: {OWN / 'sleep-habits-copy.md'} is restless-legs-and-sleep-habits.md in {own_data_dir / 'articles'}",
    ]
    # The raw seed is the text of a bundled article: not added a second time.
    status, out, _ = run(capsys, "add", str(SEED))
    assert status == exitcodes.OK
    assert out.strip() == f"not added: {SEED} has the same text as the bundled article gene-food-vitamins-minerals-rls.md"
    assert sorted(snapshot(own_data_dir / "articles")) == ["restless-legs-and-sleep-habits.md"]


def test_same_name_different_article_gets_a_numbered_name(capsys, own_data_dir, tmp_path):
    assert run(capsys, "add", str(OWN / "exercise-and-rls-pasted.txt"))[0] == exitcodes.OK
    other = tmp_path / "elsewhere" / "exercise-and-rls-pasted.txt"
    other.parent.mkdir()
    other.write_text("Stretching at night\n\nCalf stretches before bed ease restless legs for some people.\n", encoding="utf-8")
    status, out, _ = run(capsys, "add", str(other))
    assert status == exitcodes.OK
    assert out.strip() == "added exercise-and-rls-pasted-2.txt: \u201cStretching at night\u201d"
    assert (own_data_dir / "articles" / "exercise-and-rls-pasted-2.txt").read_bytes() == other.read_bytes()
    assert (own_data_dir / "articles" / "exercise-and-rls-pasted.txt").read_bytes() == (OWN / "exercise-and-rls-pasted.txt").read_bytes()
    assert not [p for p in (own_data_dir / "articles").iterdir() if p.name.startswith(".")]  # no temp files left


def test_remove_refuses_bundled_and_unknown_names_and_removes_the_rest(capsys, own_data_dir):
    bundled_before = snapshot(bundled_corpus())
    run(capsys, "add", str(OWN / "cafe-notes-latin1.txt"))
    status, out, err = run(capsys, "remove", "gene-food-vitamins-minerals-rls.md", "no-such-article", "cafe-notes-latin1")
    assert status == exitcodes.USAGE
    assert out.strip() == "removed cafe-notes-latin1.txt: \u201cCoffee, chocolate and restless legs: notes from the caf\u00e9\u201d"
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("rlsbot: cannot remove gene-food-vitamins-minerals-rls.md: it is a bundled article")
    assert lines[1].startswith("rlsbot: cannot remove no-such-article: no such article")
    assert snapshot(bundled_corpus()) == bundled_before
    assert snapshot(own_data_dir / "articles") == {}


def test_remove_by_bundled_title_is_refused(capsys):
    status, _, err = run(capsys, "remove", "Can Vitamins and Minerals Really Calm Restless Legs Syndrome?")
    assert status == exitcodes.USAGE
    assert "bundled article" in err and len(err.splitlines()) == 1


def test_added_latin1_article_is_answered_with_its_accents(capsys):
    run(capsys, "add", str(OWN / "cafe-notes-latin1.txt"))
    answer = ask_json(capsys, "is decaf coffee safe?")
    assert answer["citations"][0]["article"] == "cafe-notes-latin1.txt"
    assert "na\u00efve" in answer["citations"][0]["quote"]


def test_edited_added_article_is_read_again(capsys, own_data_dir):
    run(capsys, "add", str(OWN / "exercise-and-rls-pasted.txt"))
    ask_json(capsys, "does yoga help?")
    path = own_data_dir / "articles" / "exercise-and-rls-pasted.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Yoga classes", "Tai chi classes"), encoding="utf-8")
    answer = ask_json(capsys, "does tai chi help?")
    assert any("Tai chi classes" in c["quote"] for c in answer["citations"])


def test_corpus_folder_copy_is_not_modified_by_reading(capsys, tmp_path):
    folder = tmp_path / "mine"
    shutil.copytree(OWN, folder)
    before = snapshot(folder)
    run(capsys, "sources", "--corpus", str(folder))
    run(capsys, "ask", "--corpus", str(folder), "does exercise help?")
    assert snapshot(folder) == before


# ---------------------------------------------------------------- the line between the package and your data (issue 16)


def test_add_of_a_file_named_like_a_bundled_article_gets_its_own_name_and_is_indexed(capsys, own_data_dir, tmp_path):
    """Item 4: it was "added" under the bundled name, then skipped as a name clash by every command."""
    clash = tmp_path / "MAGNESIUM-for-restless-legs.md"  # the same name but for case: a clash on macOS and Windows
    clash.write_text("# Night walks\n\nA short walk before bed eases restless legs for some zebra keepers.\n", encoding="utf-8")
    same = tmp_path / "magnesium-for-restless-legs.md"
    same.write_text("# Calf stretches\n\nCalf stretches at dusk ease restless legs for some zebra keepers.\n", encoding="utf-8")
    status, out, err = run(capsys, "add", str(clash), str(same))
    assert status == exitcodes.OK and not err
    assert out.splitlines() == [
        "added MAGNESIUM-for-restless-legs-2.md: \u201cNight walks\u201d",
        "added magnesium-for-restless-legs-3.md: \u201cCalf stretches\u201d",
    ]
    status, out, err = run(capsys, "sources", "--json")
    assert status == exitcodes.OK and not err  # no name clash warned about
    names = [row["article"] for row in json.loads(out)]
    assert {"magnesium-for-restless-legs.md", "MAGNESIUM-for-restless-legs-2.md", "magnesium-for-restless-legs-3.md"} <= set(names)
    answer = ask_json(capsys, "do zebra keepers stretch their calves?")
    assert answer["citations"][0]["article"] == "magnesium-for-restless-legs-3.md"


def test_a_name_of_255_bytes_can_be_added_and_numbered(capsys, own_data_dir, tmp_path):
    """Item 8: the temp file's name added a suffix past the 255-byte limit."""
    name = "r" * 252 + ".md"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / name).write_text("# Long\n\nA long name for a note on restless legs and iron.\n", encoding="utf-8")
    (tmp_path / "b" / name).write_text("# Longer\n\nAnother long name for a note on restless legs and sleep.\n", encoding="utf-8")
    status, out, err = run(capsys, "add", str(tmp_path / "a" / name), str(tmp_path / "b" / name))
    assert status == exitcodes.OK, err
    numbered = "r" * 250 + "-2.md"
    assert out.splitlines() == [f"added {name}: \u201cLong\u201d", f"added {numbered}: \u201cLonger\u201d"]
    assert sorted(p.name for p in (own_data_dir / "articles").iterdir()) == [numbered, name]


def installed_copy(tmp_path: Path) -> Path:
    """rlsbot as a wheel installs it: site-packages/rlsbot, the bundled articles in rlsbot/corpus."""
    site = tmp_path / "site-packages"
    shutil.copytree(Path(__file__).parent.parent / "rlsbot", site / "rlsbot", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(bundled_corpus(), site / "rlsbot" / "corpus")
    return site


@pytest.mark.parametrize(
    ("where", "name"),
    [
        ("rlsbot", "corpus/magnesium-for-restless-legs.md"),  # the very command of the issue
        ("rlsbot", "magnesium-for-restless-legs.md"),
        ("rlsbot/corpus", "magnesium-for-restless-legs"),
        ("", "rlsbot/corpus/magnesium-for-restless-legs.md"),
        ("", "Magnesium for restless leg syndrome (untitled article)"),
    ],
)
def test_remove_never_deletes_inside_the_installed_package(tmp_path, where, name):
    """Item 5: ``--corpus <site-packages>/rlsbot remove corpus/X.md`` deleted the installed file."""
    site = installed_copy(tmp_path)
    before = snapshot(site)
    env = {**os.environ, "PYTHONPATH": str(site), "RLSBOT_DATA_DIR": str(tmp_path / "data"), "RLSBOT_CACHE_DIR": str(tmp_path / "c")}
    result = subprocess.run(
        [sys.executable, "-m", "rlsbot", "--corpus", str(site / where), "remove", name],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert result.returncode == exitcodes.USAGE and not result.stdout, result.stdout
    (line,) = result.stderr.splitlines()
    # refused as the package, or (from above it) as not at the top level of the folder given
    assert line.startswith("rlsbot: ") and ("never change" in line or "top level" in line), line
    assert snapshot(site) == before


def test_remove_with_corpus_acts_only_at_its_top_level(capsys, tmp_path):
    """Item 5: ``--corpus DIR remove NAME`` deleted any article anywhere under DIR by name, stem or title."""
    folder = tmp_path / "mine"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "deep.md").write_text("# Deep notes\n\nIron deficiency makes restless legs worse.\n", encoding="utf-8")
    (folder / "sub" / "top.md").write_text("# Deep twin\n\nMagnesium may ease restless legs at night.\n", encoding="utf-8")
    (folder / "top.md").write_text("# Top notes\n\nWalking eases restless legs for some people.\n", encoding="utf-8")
    before = snapshot(folder)
    status, out, err = run(capsys, "--corpus", str(folder), "remove", "deep.md", "deep", "Deep notes", "sub/deep.md", "sub/top.md")
    assert status == exitcodes.USAGE and out == ""
    lines = err.splitlines()
    assert len(lines) == 5 and all("subfolder" in line and "top level" in line for line in lines), lines
    assert snapshot(folder) == before
    status, out, err = run(capsys, "--corpus", str(folder), "remove", "./top.md")
    assert status == exitcodes.OK, err
    assert out.strip() == "removed top.md: \u201cTop notes\u201d"
    assert sorted(snapshot(folder)) == ["sub/deep.md", "sub/top.md"]


@pytest.mark.parametrize("where", ["rlsbot", "rlsbot/data", "rlsbot/corpus"])
def test_add_never_writes_inside_the_installed_package(tmp_path, where):
    site = installed_copy(tmp_path)
    before = snapshot(site)
    note = tmp_path / "note.md"
    note.write_text("# A note\n\nWalking eases restless legs for some people.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "RLSBOT_DATA_DIR": str(tmp_path / "data"), "RLSBOT_CACHE_DIR": str(tmp_path / "c")}
    result = subprocess.run(
        [sys.executable, "-m", "rlsbot", "--corpus", str(site / where), "add", str(note)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert result.returncode == exitcodes.USAGE and not result.stdout, result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith("rlsbot: ") and "never change" in line, line
    assert snapshot(site) == before
