"""The article cache: a fresh process parses no unchanged file, and sees every change (issue 14)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import rlsbot.article_cache
import rlsbot.corpus
import rlsbot.walk
from rlsbot.article_cache import scan
from rlsbot.bot import Bot


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """Names of the article files parsed since the test began."""
    names: list[str] = []
    original = rlsbot.corpus.parse_files

    def spy(files):
        names.extend(name for _, name in files)
        return original(files)

    monkeypatch.setattr(rlsbot.article_cache, "parse_files", spy)
    return names


def age(folder: Path, seconds: int = 60) -> None:
    """Date every file back, as files are that were not written in the last moment."""
    for path in folder.iterdir():
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns - seconds * 10**9, st.st_mtime_ns - seconds * 10**9))


def test_a_second_start_reads_and_parses_no_unchanged_file(corpus, cache, parsed, monkeypatch):
    age(corpus)
    first = Bot.load(corpus)
    assert sorted(parsed) == ["iron.md", "magnesium.md"]
    parsed.clear()

    def no_reading(path):
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(rlsbot.article_cache, "read_article_bytes", no_reading)
    second = Bot.load(corpus)
    assert parsed == []
    assert second.ask("magnesium dose").citations == first.ask("magnesium dose").citations
    assert second.articles["iron.md"] == first.articles["iron.md"]


def test_an_edited_article_is_parsed_again_and_answers_from_its_new_text(corpus, cache, parsed):
    age(corpus)
    Bot.load(corpus)
    parsed.clear()
    (corpus / "iron.md").write_text("# Iron\n\nIron tablets are best taken with vitamin C.\n", encoding="utf-8")
    bot = Bot.load(corpus)
    assert parsed == ["iron.md"]
    assert "vitamin C" in bot.articles["iron.md"].text
    assert any("vitamin C" in c.quote for c in bot.ask("iron tablets vitamin").citations)


def test_an_edit_that_keeps_size_and_mtime_is_seen_while_the_file_is_new(corpus, cache, parsed):
    """Written in the same clock tick as recorded: stat alone cannot tell, so the content hash does."""
    path = corpus / "iron.md"
    Bot.load(corpus)
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("worse", "WORSE"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    parsed.clear()
    bot = Bot.load(corpus)
    assert parsed == ["iron.md"]
    assert "WORSE" in bot.articles["iron.md"].text


def test_an_added_article_is_found_and_a_removed_one_is_gone(corpus, cache, parsed):
    age(corpus)
    Bot.load(corpus)
    parsed.clear()
    (corpus / "sleep.md").write_text("# Sleep\n\nA regular bedtime eases restless legs.\n", encoding="utf-8")
    (corpus / "iron.md").unlink()
    bot = Bot.load(corpus)
    assert parsed == ["sleep.md"]
    assert sorted(bot.articles) == ["magnesium.md", "sleep.md"]
    assert {p.article for p in bot.index.passages} == {"magnesium.md", "sleep.md"}
    assert not bot.ask("ferritin").citations


def test_a_damaged_article_cache_is_rebuilt(corpus, cache):
    Bot.load(corpus)
    (db,) = cache.glob("articles-*.sqlite")
    db.write_bytes(b"not a database at all" * 100)
    bot = Bot.load(corpus)
    assert sorted(bot.articles) == ["iron.md", "magnesium.md"]
    assert bot.ask("magnesium dose").answered


def test_a_parse_by_another_parser_version_is_never_trusted(corpus, cache, parsed, monkeypatch):
    """Upgrading rlsbot re-parses every article, though no file changed."""
    age(corpus)
    Bot.load(corpus)
    parsed.clear()
    monkeypatch.setattr(rlsbot.article_cache, "USER_VERSION", rlsbot.article_cache.USER_VERSION + 1)
    Bot.load(corpus)
    assert sorted(parsed) == ["iron.md", "magnesium.md"]


def test_the_cache_keeps_what_answers_need(corpus, cache):
    fresh = {a.name: a for a in rlsbot.corpus.load_folder(corpus)[0]}
    scan(corpus)
    catalog = scan(corpus).catalog
    for name, article in fresh.items():
        cached = catalog[name]
        assert (cached.title, cached.text, cached.spans, cached.sections, cached.digest, cached.meta) == (
            article.title,
            article.text,
            article.spans,
            article.sections,
            article.digest,
            article.meta,
        )


def test_duplicates_and_bad_files_warn_as_without_the_cache(corpus, cache):
    (corpus / "copy.md").write_text((corpus / "iron.md").read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "empty.md").write_text("", encoding="utf-8")
    expected = rlsbot.corpus.gather(corpus).warnings
    assert scan(corpus).warnings == expected
    assert scan(corpus).warnings == expected  # and from the cache


def test_the_walk_finds_what_corpus_article_files_finds(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "page_files").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.md").write_text("# O\n\nOutside.\n")
    for rel in ("b.md", "a.txt", "page.html", "notes.pdf", ".dot.md", "sub/c.md", "sub/deeper/d.htm", ".hidden/e.md", "page_files/f.md"):
        (root / rel).write_text("# X\n\nText.\n")
    (root / "link-in.md").symlink_to(root / "b.md")
    (root / "link-out.md").symlink_to(outside / "o.md")
    (root / "broken.md").symlink_to(root / "nothing.md")
    (root / "dir-out").symlink_to(outside)
    (root / "dir-in").symlink_to(root / "sub")
    expected = [e if isinstance(e, rlsbot.corpus.Skipped) else e[1] for e in rlsbot.corpus.article_files(root)]
    got = [e if isinstance(e, rlsbot.corpus.Skipped) else e[1] for e in rlsbot.walk.walk_articles(root)]
    assert got == expected
    assert "sub/deeper/d.htm" in got and "link-in.md" in got


def test_an_old_file_edited_and_dated_back_is_seen(corpus, cache, parsed):
    """Same size, same mtime, long settled: the change time still gives the edit away."""
    path = corpus / "iron.md"
    age(corpus)
    Bot.load(corpus)
    st = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("worse", "WORSE"), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    parsed.clear()
    bot = Bot.load(corpus)
    assert parsed == ["iron.md"]
    assert "WORSE" in bot.articles["iron.md"].text


def test_no_pickle_anywhere():
    """The caches are plain arrays, text and JSON: no module can unpickle what a cache file holds."""
    root = Path(rlsbot.article_cache.__file__).parent
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for banned in ("import pickle", "import shelve", "import marshal", "allow_pickle=True", "dill"):
            assert banned not in source, f"{path.name}: {banned}"
        for call in re.findall(r"np\.load\([^)]*\)", source):
            assert "allow_pickle=False" in call, f"{path.name}: {call}"
