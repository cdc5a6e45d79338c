"""Quotes keep the file's own list markers (issue 12, item 7).

"Verbatim means the file's characters": a quote of a list is the article
text at start:end, "- ", "1." and a pasted "* " as the file has them.  Only
a page's <li>, which has no marker of its own, is written "\u2022".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rlsbot import Bot
from rlsbot.article import with_bullets
from rlsbot.cli import main
from rlsbot.corpus import parse_article

ROPINIROLE = """\
# Ropinirole for restless legs

Ropinirole is a dopamine agonist that doctors prescribe for restless legs syndrome.

## Side effects

Common side effects of ropinirole include:

- nausea and an upset stomach
- dizziness when standing up
- sleepiness during the day

## How to take it

To take ropinirole for restless legs:

1. one small tablet two hours before bedtime
2. a slowly raised dose over several weeks
3) a word with your doctor about any urge to gamble
"""

STRETCHING = """\
Stretching for restless legs

Simple stretches ease restless legs symptoms before sleep for many people.

Stretches that help restless legs include:
  * calf stretches against a wall
  * hamstring stretches on the floor
  * gentle yoga poses before bed
"""

ARTICLES = {"ropinirole.md": ROPINIROLE, "stretching.txt": STRETCHING}

# (question, a line of the file the list quote must hold verbatim, the markers it must hold)
LISTS = [
    ("What are the side effects of ropinirole?", "- dizziness when standing up", ("- nausea", "- sleepiness")),
    ("How should I take ropinirole for restless legs?", "2. a slowly raised dose over several weeks", ("1. one", "3) a word")),
    ("Which stretches help restless legs?", "* hamstring stretches on the floor", ("* calf", "* gentle")),
]


def _list_citation(answer, line: str):
    found = [c for c in answer.citations if line.split(" ", 1)[1] in c.quote]
    assert found, (answer.question, [c.quote for c in answer.citations])
    return found[0]


@pytest.mark.parametrize(("question", "line", "markers"), LISTS)
def test_a_quoted_list_keeps_the_files_own_markers(corpus: Path, question: str, line: str, markers: tuple[str, ...]):
    bot = Bot.load(corpus)
    answer = bot.ask(question)
    assert answer.answered, question
    for c in answer.citations:
        assert c.quote == bot.articles[c.article].text[c.start : c.end]
    quote = _list_citation(answer, line).quote
    assert line in quote.split("\n")  # the file's item line, character for character
    for marker in markers:
        assert "\n" + marker in quote
    assert "\u2022" not in quote


def test_ask_json_quotes_the_files_markers(corpus: Path, capsys):
    assert main(["--corpus", str(corpus), "ask", "--json", "How should I take ropinirole for restless legs?"]) == 0
    data = json.loads(capsys.readouterr().out)
    quote = next(c["quote"] for c in data["citations"] if "slowly raised dose" in c["quote"])
    article = parse_article("ropinirole.md", ROPINIROLE)
    assert quote in article.text
    assert quote.endswith(
        "1. one small tablet two hours before bedtime\n2. a slowly raised dose over several weeks\n3) a word with your doctor about any urge to gamble"
    )


def test_each_item_keeps_its_marker_and_its_span_starts_after_it():
    md = parse_article("a.md", "# Title\n\nTake:\n\n- one\n* two\n+ three\n\n01. four\n2) five\n\n- six\n\n  still six\n")
    txt = parse_article("b.txt", "Title\n\nTake:\n  \u2022 one\n  \u25aa two\n 3) three\n")
    assert md.text == "Take:\n\n- one\n* two\n+ three\n01. four\n2) five\n- six still six"
    assert txt.text == "Take:\n\n\u2022 one\n\u25aa two\n3) three"
    for article in (md, txt):
        items = [s for s in article.spans if s.kind == "item"]
        for span in items:
            line = article.text[: span.end].rsplit("\n", 1)[-1]
            assert re.match(r"(?:[-*+\u2022\u25aa]|\d+[.)]) $", line[: len(line) - (span.end - span.start)])
        assert with_bullets(article.text, [s.start for s in items]).count("\u2022 ") == len(items)


def test_a_pages_list_items_have_the_bullet_the_page_never_wrote():
    pytest.importorskip("trafilatura")
    items = "".join(f"<li>{w} stretches before bed help many people with restless legs.</li>" for w in ("Calf", "Hamstring", "Hip"))
    page = (
        "<html><head><title>Stretches</title></head><body><article><h1>Stretches</h1>"
        "<p>Stretching is one of the simplest things to try for restless legs at night, and it costs nothing at all.</p>"
        f"<p>Three stretches to try:</p><ol>{items}</ol></article></body></html>"
    )
    article = parse_article("page.html", page)
    assert "\n\u2022 Calf stretches" in article.text and "\n\u2022 Hip stretches" in article.text


def test_markers_add_no_word_to_ranking(tmp_path: Path):
    """The same article written with "1." and with "-": the same passages, scored the same."""
    bots = []
    for name, marker in (("numbered", "{n}."), ("dashed", "-")):
        folder = tmp_path / name
        folder.mkdir()
        text = ROPINIROLE.replace("3)", "3.")
        for n in (1, 2, 3):
            text = text.replace(f"\n{n}. ", "\n" + marker.format(n=n) + " ")
        (folder / "ropinirole.md").write_text(text, encoding="utf-8")
        (folder / "stretching.txt").write_text(STRETCHING, encoding="utf-8")
        bots.append(Bot.load(folder))
    for question in ("How should I take ropinirole?", "ropinirole 2 weeks dose", "1 tablet 3 hours"):
        hits = [[(h.passage.article, round(h.score, 9)) for h in b.search(question)] for b in bots]
        assert hits[0] == hits[1], question
        answers = [[re.sub(r"(?m)^(?:-|\d\.) ", "", c.quote) for c in b.ask(question).citations] for b in bots]
        assert answers[0] == answers[1], question


def test_blind_verdicts_are_kept_for_the_words_not_the_markers():
    from tests.blind.evaluate import key

    judged = key("Common side effects include:\n\n\u2022 nausea\n\u2022 dizziness")
    for quote in ("Common side effects include:\n\n- nausea\n* dizziness", "Common side effects include:\n\n1. nausea\n2) dizziness"):
        assert key(quote) == judged
    assert key("a dose - not more") != key("a dose \u2022 not more")  # a dash inside a line is no marker
