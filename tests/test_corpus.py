"""Reading articles: Markdown, pasted text with site chrome, saved HTML pages, odd files."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from rlsbot import corpus
from rlsbot.article import with_bullets
from rlsbot.corpus import (
    article_files,
    bundled_corpus,
    dedupe,
    load_folder,
    read_article_file,
)
from rlsbot.passages import build_passages

FIXTURES = Path(__file__).parent / "fixtures"
OWN = FIXTURES / "own_articles"
SEED = FIXTURES / "seeds" / "000_2caa8947873c6952.txt"  # verbatim copy of ../shared/seeds/000_...


def passages_of(article):
    """An article's passages, each list marker read as "\u2022": a paste and its Markdown file differ in nothing else."""
    items = [s.start for s in article.spans if s.kind == "item"]
    return [(p.section, with_bullets(article.text, items, p.start, p.end)) for p in build_passages(article)]


# ---------------------------------------------------------------- the bundled corpus

# The article text every offset, cached index and gold answer points into.
# A change here means the parser changed what the bundled articles say.
# (Their list items keep the file's "- "; with each read as "\u2022 " they are
# the texts of rlsbot-corpus-4, 877720654a00... and 88591fba4e3e....)
BUNDLED_TEXT_SHA256 = {
    "gene-food-vitamins-minerals-rls.md": "bea3eac7cef52c1c177aac3eb6eaf7a7d32db1249942d0311d606f1e65740394",
    "magnesium-for-restless-legs.md": "d125c57d62f48b37b366db95e6ca39c024ac52247463e897dfa90cf6ca11c85e",
}


def test_bundled_seed_articles_keep_their_exact_text():
    articles, skipped = load_folder(bundled_corpus())
    assert not skipped
    got = {a.name: hashlib.sha256(a.text.encode("utf-8")).hexdigest() for a in articles if a.name in BUNDLED_TEXT_SHA256}
    assert got == BUNDLED_TEXT_SHA256


def _plain(text: str) -> str:
    return " ".join(text.split())


def test_bundled_nih_articles_are_medquad_verbatim(tmp_path):
    """Every paragraph, heading-free, of a bundled NIH page stands in MedQuAD's text of that page."""
    builder = Path(__file__).resolve().parent / "blind" / "medquad_articles.py"
    spec = importlib.util.spec_from_file_location("medquad_articles", builder)
    medquad = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(medquad)
    if not medquad.MEDQUAD.exists():
        pytest.skip("../shared is not beside this checkout")
    pages = medquad.load()
    nih = [a for a in load_folder(bundled_corpus())[0] if a.name.startswith("nih-")]
    assert len(nih) == 5
    for article in nih:
        source = _plain(" ".join(r["answer"] for r in pages[article.meta["medquad"]]))
        assert article.meta["publisher"] and article.meta["url"].startswith("http") and "CC BY 4.0" in article.meta["license"]
        body = (bundled_corpus() / article.name).read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for block in body.split("\n\n"):
            block = block.strip()
            if not block or block.startswith("## "):
                continue  # the curator's topic headings are the only words added
            for line in block.splitlines():
                line = line.removeprefix("### ").removeprefix("- ")
                assert _plain(line) in source, (article.name, line)
    # The files are what the builder writes from MedQuAD.
    medquad.main([str(tmp_path), "--bundled"])
    for article in nih:
        assert (tmp_path / article.name).read_bytes() == (bundled_corpus() / article.name).read_bytes()


def test_raw_seed_gives_the_same_passages_as_its_curated_file():
    """The same passages but for the list markers, each text's own: the paste's "\u2022", the Markdown's "-"."""
    raw = read_article_file(SEED)
    curated = read_article_file(bundled_corpus() / "gene-food-vitamins-minerals-rls.md")
    assert raw.title == curated.title
    assert raw.spans == curated.spans
    assert passages_of(raw) == passages_of(curated)
    assert "\n\u2022 Iron deficiency is known" in raw.text and "\n- Iron deficiency is known" in curated.text


def test_fixture_seed_is_the_shared_seed_verbatim():
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds" / SEED.name
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert SEED.read_bytes() == shared.read_bytes()


# ---------------------------------------------------------------- decoding and odd files


def test_text_in_another_encoding_is_undecodable(tmp_path):
    path = tmp_path / "japanese.txt"
    path.write_bytes(
        "\u3080\u305a\u3080\u305a\u811a\u75c7\u5019\u7fa4\u306f\u3001\u591c\u306b\u8db3\u304c\u3080\u305a\u3080\u305a\u3059\u308b\u75c5\u6c17\u3067\u3059\u3002".encode(
            "shift_jis"
        )
    )
    with pytest.raises(ValueError, match="cannot be decoded"):
        read_article_file(path)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.md", b"", "is empty"),
        ("blank.txt", b" \n\n\t\n", "is empty"),
        ("scan.txt", (OWN / "scanned-leaflet.txt").read_bytes(), "binary"),
        ("chrome-only.txt", b"Back to top\nAdvertisement\nFacebook Twitter Email\n", "no article text"),
    ],
)
def test_unusable_files_raise_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ValueError, match=reason):
        read_article_file(path)


def test_missing_folder_and_fifo_are_refused(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        read_article_file(tmp_path / "nope.md")
    with pytest.raises(ValueError, match="folder"):
        read_article_file(tmp_path)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")
        with pytest.raises(ValueError, match="regular file"):
            read_article_file(tmp_path / "pipe.txt")  # would block forever if read


def test_too_large_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_ARTICLE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("A sentence that is longer than ten bytes.")
    with pytest.raises(ValueError, match="larger than"):
        read_article_file(path)


def test_fixture_folder_loads_good_articles_and_names_the_bad_ones():
    articles, skipped = load_folder(OWN)
    assert sorted((s.path, s.reason) for s in skipped) == [
        ("empty-notes.md", "is empty"),
        ("scanned-leaflet.txt", "looks like a binary file, not text"),
    ]
    kept, dupes = dedupe(articles)
    assert [(d.path, d.reason) for d in dupes] == [
        ("sleep-habits-copy.md", "has the same text as restless-legs-and-sleep-habits.md; indexed once")
    ]
    assert sorted(a.name for a in kept) == [
        "cafe-notes-latin1.txt",
        "exercise-and-rls-pasted.txt",
        "iron-and-rls-leaflet.html",
        "restless-legs-and-sleep-habits.md",
    ]


def test_saved_page_files_folder_is_not_read_as_articles(tmp_path):
    (tmp_path / "page.html").write_text("<html><body><h1>Iron</h1><p>Iron matters for restless legs.</p></body></html>")
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "ad-frame.html").write_text("<html><body><p>Buy things.</p></body></html>")
    (tmp_path / "notes_files").mkdir()  # no notes.html beside it: an ordinary folder
    (tmp_path / "notes_files" / "n.txt").write_text("A note about iron.")
    assert sorted(rel for _, rel in article_files(tmp_path)) == ["notes_files/n.txt", "page.html"]


def test_digest_changes_with_the_parser_version(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("Iron\n\nFerritin matters.")
    before = read_article_file(path).digest
    monkeypatch.setattr(corpus, "PARSER_VERSION", corpus.PARSER_VERSION + "-next")
    assert read_article_file(path).digest != before


# ---------------------------------------------------------------- saved HTML pages


def test_html_page_keeps_the_article_and_its_metadata():
    article = read_article_file(OWN / "iron-and-rls-leaflet.html")
    assert article.title == "Iron and Restless Legs Syndrome: A Guide for Patients"
    assert "Helen Marsh" in article.meta["author"]
    assert article.meta["date"] == "2024-03-18"
    assert article.meta["url"] == "https://www.northfield-sleep.example/leaflets/iron-and-rls"
    assert article.meta["publisher"] == "Northfield Sleep Clinic"
    assert [s.heading for s in article.sections] == [
        "Why iron matters",
        "Which blood tests to ask for",
        "Taking iron tablets",
        "Iron given through a drip",
        "When to see your doctor",
    ]
    assert "we aim for a ferritin level of at least 75 micrograms per litre" in article.text
    assert "\u2022 ferritin, which shows how much iron the body has stored;" in article.text
    for chrome in ("cookies", "Skip to", "Conditions we treat", "Patient leaflets", "DreamWeave", "MagnaCalm", "Related leaflets",
                   "newsletter", "Station Road", "All rights reserved", "Back to top", "Share this", "Facebook", "Scripts never run",
                   "Advertisement", "Search the clinic"):  # fmt: skip
        assert chrome not in article.text, chrome


def test_html_extraction_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from rlsbot.html import html_to_markdown

    meta, body = html_to_markdown((OWN / "iron-and-rls-leaflet.html").read_text(encoding="utf-8"), cache=False)
    assert meta["title"].startswith("Iron and Restless Legs Syndrome")
    assert body.startswith("# Iron and Restless Legs Syndrome")
    assert "## Taking iron tablets" in body and "- ferritin" in body


def test_short_html_page_and_page_without_text(tmp_path):
    short = tmp_path / "note.html"
    short.write_text(
        "<html><head><title>RLS note</title></head><body><p>Iron tablets can help restless legs when ferritin is low.</p></body></html>"
    )
    article = read_article_file(short)
    assert article.title == "RLS note"
    assert article.text == "Iron tablets can help restless legs when ferritin is low."
    assert "date" not in article.meta  # no date on the page: none is guessed
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><script>alert(1)</script></head><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(ValueError, match="no article text"):
        read_article_file(empty)


def test_unchanged_page_is_read_from_the_cache_without_importing_trafilatura(tmp_path, monkeypatch):
    code = (
        "import sys; from pathlib import Path; from rlsbot.corpus import read_article_file; "
        "a = read_article_file(Path(sys.argv[1])); print(a.title, '|', 'trafilatura' in sys.modules)"
    )
    env = dict(os.environ, RLSBOT_CACHE_DIR=str(tmp_path / "cache"))
    page = str(OWN / "iron-and-rls-leaflet.html")
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, page], capture_output=True, text=True, env=env, cwd=Path(__file__).parents[1], check=True
        )
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == [
        "Iron and Restless Legs Syndrome: A Guide for Patients | True",
        "Iron and Restless Legs Syndrome: A Guide for Patients | False",
    ]
    # A damaged cache entry is extracted again, not trusted.
    (entry,) = (tmp_path / "cache" / "html").glob("*.json")
    entry.write_text("{not json")
    monkeypatch.setenv("RLSBOT_CACHE_DIR", str(tmp_path / "cache"))
    from rlsbot.html import html_to_markdown

    meta, body = html_to_markdown((OWN / "iron-and-rls-leaflet.html").read_text(encoding="utf-8"))
    assert meta["date"] == "2024-03-18" and "## Taking iron tablets" in body
    assert json.loads(entry.read_text())["meta"] == meta  # and written again


def test_trafilatura_is_imported_only_for_html(tmp_path):
    code = "import sys; from rlsbot import Bot; Bot.load(cache=False); print('trafilatura' in sys.modules)"
    env = dict(os.environ, RLSBOT_DATA_DIR=str(tmp_path / "data"), RLSBOT_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("RLSBOT_CORPUS", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=Path(__file__).parents[1], check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinked_folders_outside_are_named_and_inside_are_read_once(tmp_path):
    folder, outside = tmp_path / "corpus", tmp_path / "outside"
    (folder / "real").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\nNot for the corpus.\n")
    (folder / "real" / "iron.md").write_text("# Iron\n\nFerritin matters.\n")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    (folder / "again").symlink_to(folder / "real", target_is_directory=True)
    articles, skipped = load_folder(folder)
    assert [a.name for a in articles] == ["real/iron.md"]
    assert [(s.path, s.reason) for s in skipped] == [("elsewhere", "is a symlink to a folder outside the corpus folder")]


def test_the_same_page_saved_as_html_and_pasted_as_text_is_indexed_once(tmp_path):
    from rlsbot.corpus import gather

    (tmp_path / "iron.html").write_text(
        "<html><head><title>Iron and sleep | Clinic</title></head><body><nav>Home | About</nav><article><h1>Iron and sleep</h1>"
        "<p>Iron deficiency makes restless legs worse, and ferritin below 75 is low for people with restless legs.</p>"
        "<p>Your doctor can check your ferritin with a simple blood test at the clinic.</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "iron-pasted.txt").write_text(
        "Menu Search Log in\n\nIron and sleep\nShare this article\n\nIron deficiency makes restless legs worse, and ferritin below 75\n"
        "is low for people with restless legs.\n\nYour doctor can check your ferritin with a simple blood test at the clinic.\n\nTags: iron, sleep\n",
        encoding="utf-8",
    )
    gathered = gather(tmp_path)
    assert [a.name for a in gathered.articles] == ["iron-pasted.txt"]
    assert any("iron.html" in w and "iron-pasted.txt" in w and "indexed once" in w for w in gathered.warnings)
