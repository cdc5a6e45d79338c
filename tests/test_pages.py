"""Real pages read the way their authors wrote them (issue 13).

tests/fixtures/pages holds NIH articles (MedQuAD text) inside the furniture
of government, clinic, commercial and reference sites, saved as HTML, pasted
as text and converted to Markdown (tests/fixtures/build_pages.py made them;
pages.json says what each page's headline and furniture are).  Every question
goes through ``rlsbot ask --json``, and every quote of every answer is
checked: never furniture nor a heading, under its true heading, never twice.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rlsbot.corpus import read_article_file

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "pages"
SOURCES = Path(__file__).parent / "blind" / "nih_multi"
MANIFEST = json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8"))
UNCOVERED = MANIFEST.pop("_uncovered")


def rlsbot(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rlsbot", *args], capture_output=True, text=True, timeout=120, env=os.environ.copy())


def source_lines(source: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The headings of a source article, and each of its lines of text with the heading it stands under."""
    headings: list[str] = []
    lines: list[tuple[str, str]] = []
    heading = ""
    body = (SOURCES / source).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    for line in body.splitlines():
        if line.startswith("#"):
            text = line.lstrip("#").strip()
            if text != "Espaol":  # MedQuAD's language link, not a heading of the text
                heading = text
                headings.append(text)
        elif line.strip():
            lines.append((heading, line.removeprefix("- ")))
    return headings, lines


def true_sections(source: str, quote: str) -> set[str]:
    """The headings a quote stands under in its source (a sentence the source repeats may stand under two)."""
    _, lines = source_lines(source)
    first = re.sub(r"^(?:[-*+\u2022]|\d{1,3}[.)]) ", "", quote.split("\n")[0])  # a lead-in quoted with its list: its first line
    found = {heading for heading, line in lines if first in line}
    assert found, (source, quote)
    return found


@pytest.fixture(scope="module")
def answers():
    """Every question of pages.json asked through the CLI, with the page it was written from."""
    out = []
    for page, entry in MANIFEST.items():
        for question in entry["questions"]:
            done = rlsbot("ask", "--json", "--corpus", str(PAGES), question)
            assert done.returncode == 0, done.stderr
            out.append((page, question, json.loads(done.stdout)))
    return out


def test_the_test_corpus_is_big_and_varied_enough():
    files = sorted(p.name for p in PAGES.iterdir())
    assert len(files) >= 20 and files == sorted(MANIFEST)
    assert {Path(f).suffix for f in files} == {".html", ".txt", ".md"}
    assert len({e["shape"] for e in MANIFEST.values()}) >= 8
    assert sum(len(e["questions"]) for e in MANIFEST.values()) >= 60


def test_every_title_is_the_pages_headline():
    done = rlsbot("sources", "--json", "--corpus", str(PAGES))
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    titles = {s["article"]: s["title"] for s in listed}
    for page, entry in MANIFEST.items():
        assert read_article_file(PAGES / page).title == entry["headline"], page
        if page in titles:
            assert titles[page] == entry["headline"], page


def test_bylines_give_the_author_without_credentials_or_updated():
    for page, entry in MANIFEST.items():
        article = read_article_file(PAGES / page)
        if entry["shape"] in ("clinic_html", "txt_pasted", "txt_glued", "md_bold"):
            assert article.author == "Jordan Reyes", page
        assert "Updated" not in article.author and "MPH" not in article.author


def test_no_furniture_line_and_no_heading_is_in_any_article_text():
    for page, entry in MANIFEST.items():
        article = read_article_file(PAGES / page)
        for furniture in entry["furniture"]:
            assert furniture not in article.text, (page, furniture)
        headings, lines = source_lines(entry["source"])
        said = {line for _, line in lines}  # "Smoking" is a heading and, elsewhere, a list item
        for span in article.spans:
            if span.kind == "heading":
                assert article.text[span.start : span.end] in headings, (page, article.text[span.start : span.end])
            else:
                text = article.text[span.start : span.end]
                assert text not in headings or text in said, (page, text)


def test_every_section_of_every_page_is_its_true_heading():
    from rlsbot.passages import build_passages

    for page, entry in MANIFEST.items():
        article = read_article_file(PAGES / page)
        for passage in build_passages(article):
            for s in passage.sentences:
                quote = article.text[s.start : s.end]
                assert passage.section in true_sections(entry["source"], quote), (page, quote)


def test_a_page_saved_twice_is_indexed_once_with_a_note_naming_both():
    done = rlsbot("sources", "--json", "--corpus", str(PAGES))
    names = [s["article"] for s in json.loads(done.stdout)]
    assert "ninds-restless-legs.html" in names and "restless-legs-saved-again.md" not in names
    assert "restless-legs-saved-again.md" in done.stderr and "ninds-restless-legs.html" in done.stderr


def test_every_quote_is_article_text_under_its_true_heading_never_furniture_never_twice(answers):
    texts = {page: read_article_file(PAGES / page).text for page in MANIFEST}
    answered = 0
    for _page, question, answer in answers:
        answered += answer["answered"]
        seen = set()
        for c in answer["citations"]:
            entry = MANIFEST[c["article"]]
            quote = c["quote"]
            assert texts[c["article"]][c["start"] : c["end"]] == quote, (question, quote)
            assert not any(f in quote for f in entry["furniture"]), (question, quote)
            headings, _ = source_lines(entry["source"])
            assert quote not in headings, (question, quote)
            assert c["section"] in true_sections(entry["source"], quote), (question, c["article"], quote)
            assert quote not in seen, (question, quote)
            seen.add(quote)
    assert answered >= 0.9 * len(answers)


def test_questions_about_related_links_and_captions_quote_no_furniture():
    """ "Does CBD oil help?" matched only a related-article link: refused now."""
    furniture = {f for entry in MANIFEST.values() for f in entry["furniture"]}
    for question in UNCOVERED:
        done = rlsbot("ask", "--json", "--corpus", str(PAGES), question)
        answer = json.loads(done.stdout)
        for c in answer["citations"]:
            assert not any(f in c["quote"] for f in furniture), (question, c["quote"])
        if "CBD" in question or "Getty" in question:
            assert not answer["citations"], (question, [c["quote"] for c in answer["citations"]])
