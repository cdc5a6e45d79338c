"""Source formats: Markdown markup and blocks, front matter, titles, character encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from rlsbot.article import Block
from rlsbot.corpus import parse_article, read_article_file
from rlsbot.formats import decode, drop_furniture, markdown_blocks, markdown_inline, text_blocks

OWN = Path(__file__).parent / "fixtures" / "own_articles"


# ---------------------------------------------------------------- Markdown


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("Some **bold** and *italic* and __strong__ and _em_ text.", "Some bold and italic and strong and em text."),
        ('See the [medicines leaflet](https://example.org/a "title").', "See the medicines leaflet."),
        ("An image ![a leg](leg.png) here.", "An image here."),
        ("Escaped 5 \\* 3 \\[1\\] snake\\_case.", "Escaped 5 * 3 [1] snake_case."),
        ("Plain 5 * 3 and snake_case_word and [X] markers.", "Plain 5 * 3 and snake_case_word and [X] markers."),
        ("A `code span` and <https://example.org/x> and H<sub>2</sub>O.", "A code span and https://example.org/x and H2O."),
    ],
)
def test_markdown_inline_markup_is_read_as_text(source, text):
    assert markdown_inline(source) == text


def test_markdown_blocks_read_setext_quotes_rules_fences_and_comments():
    body = "Title\n=====\n\n> quoted **line**\n> more\n\n---\n\n* * *\n\nSub\n---\ntext\n\n```\ncode *x*\n```\n<!-- hidden -->\n- item [a](b)\n  cont\n"
    assert [(b.kind, b.text) for b in markdown_blocks(body)] == [
        ("heading", "Title"),
        ("paragraph", "quoted line more"),
        ("heading", "Sub"),
        ("paragraph", "text"),
        ("paragraph", "code *x*"),
        ("item", "item a cont"),
    ]


def test_markdown_with_front_matter_keeps_its_metadata():
    article = read_article_file(OWN / "restless-legs-and-sleep-habits.md")
    assert article.title == "Sleep Habits That Help Restless Legs"
    assert article.meta["author"] == "Community Sleep Nurse Team"
    assert article.meta["publisher"] == "Riverside Health Centre"
    assert article.meta["date"] == "2023-11-02"
    assert article.meta["url"] == "https://riverside-health.example/patients/rls-sleep-habits"
    assert "**" not in article.text and "](" not in article.text
    assert "can make a real difference to how well you sleep." in article.text
    assert not article.text.startswith("Sleep Habits")  # the H1 repeating the title is not text


def test_title_comes_from_the_first_heading_or_line():
    assert parse_article("a.md", "# Iron and sleep\n\nText here.").title == "Iron and sleep"
    assert parse_article("a.txt", "Iron and sleep\n\nText here.").title == "Iron and sleep"
    assert parse_article("my-notes.txt", "Text here that is a sentence.").title == "My notes"


# ---------------------------------------------------------------- decoding and odd files


def test_latin1_file_is_decoded():
    data = (OWN / "cafe-notes-latin1.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = read_article_file(OWN / "cafe-notes-latin1.txt")
    assert article.title == "Coffee, chocolate and restless legs: notes from the caf\u00e9"
    assert "caf\u00e9 au lait" in article.text and "na\u00efve" in article.text and "\u00c9lodie" in article.text


def test_utf16_with_and_without_bom_is_decoded():
    text = "Iron and sleep\n\nFerritin below 75 is low for RLS.\n"
    assert decode(text.encode("utf-16")) == text
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text


def test_html_declared_charset_is_used():
    page = '<html><head><meta charset="windows-1251"></head><body><p>\u0416\u0435\u043b\u0435\u0437\u043e</p></body></html>'
    assert "\u0416\u0435\u043b\u0435\u0437\u043e" in decode(page.encode("windows-1251"), ".html")
    with pytest.raises(ValueError, match="unknown character set"):
        decode(b'<meta charset="klingon-8"><p>\xff\xfe\xfd</p>', ".html")


# ---------------------------------------------------------------- structure and furniture of real pages (issue 13)


def kinds(blocks):
    return [(b.kind, b.text) for b in blocks]


def test_markdown_without_hashes_reads_bold_and_plain_line_headings():
    body = "**Causes**\n\nIron deficiency is a common cause.\n\nTreatment\n\nMedicines can help.\n\nTreatment may include\n\n- iron\n- exercise\n"
    assert kinds(markdown_blocks(body)) == [
        ("heading", "Causes"),
        ("paragraph", "Iron deficiency is a common cause."),
        ("heading", "Treatment"),
        ("paragraph", "Medicines can help."),
        ("paragraph", "Treatment may include"),  # a lead-in that lost its colon is no heading
        ("item", "iron"),
        ("item", "exercise"),
    ]


def test_plain_lines_are_no_headings_when_the_markdown_has_headings():
    body = "# Iron\n\nShort line\n\nIron deficiency is a common cause.\n"
    assert ("paragraph", "Short line") in kinds(markdown_blocks(body))


def test_markdown_tables_go():
    body = "Iron helps.\n\n| Download | Size |\n| --- | --- |\n| Fact sheet | 245 KB |\n\nExercise helps.\n"
    assert kinds(markdown_blocks(body)) == [("paragraph", "Iron helps."), ("paragraph", "Exercise helps.")]


def test_a_heading_glued_onto_its_paragraph_in_pasted_text_is_a_heading():
    body = "Outlook\nTreating the underlying cause often relieves the symptoms of restless legs for good.\n\nRestless legs syndrome is a disorder that\ncauses an urge to move the legs.\n"
    assert kinds(text_blocks(body)) == [
        ("heading", "Outlook"),
        ("paragraph", "Treating the underlying cause often relieves the symptoms of restless legs for good."),
        ("paragraph", "Restless legs syndrome is a disorder that causes an urge to move the legs."),  # a hard-wrapped line is no heading
    ]


def test_link_lists_with_their_lead_in_and_furniture_sections_go():
    blocks = [
        Block("heading", "Treatment"),
        Block("paragraph", "Iron can help."),
        Block("paragraph", "These resources address the diagnosis or management of restless legs syndrome:"),
        Block("item", "Genetic Testing Registry: Restless legs syndrome"),
        Block("paragraph", "NIH: National Heart, Lung, and Blood Institute"),
        Block("heading", "Espaol"),
        Block("paragraph", "Exercise helps too."),
        Block("heading", "Related articles"),
        Block("item", "Can CBD oil calm restless legs?"),
        Block("paragraph", "Seven foods that help you sleep"),
    ]
    assert kinds(drop_furniture(blocks)) == [
        ("heading", "Treatment"),
        ("paragraph", "Iron can help."),
        ("paragraph", "Exercise helps too."),  # under "Treatment": the language link heads nothing
    ]


def test_title_is_the_pages_headline_not_the_navigation_nor_the_site_name():
    text = parse_article(
        "a.txt", "Menu Search Log in\nHome > Health\n\nIron and Sleep\nBy Jordan Reyes, MPH | Updated March 3, 2024\n\nIron helps.\n"
    )
    assert (text.title, text.author, text.text) == ("Iron and Sleep", "Jordan Reyes", "Iron helps.")
    assert text.meta["date"] == "March 3, 2024"
    md = parse_article("a.md", "---\ntitle: Iron and Sleep | Northfield Clinic\n---\n# Iron and Sleep\n\nIron helps.\n")
    assert md.title == "Iron and Sleep" and md.text == "Iron helps."


def test_markdown_without_hashes_keeps_its_title_line_and_drops_a_caption_over_a_heading():
    article = parse_article(
        "a.md", "Iron and Sleep\n\nSummary\n\nIron helps.\n\nNormal Vein and Varicose Vein\n\nCauses\n\nLow iron is one cause.\n"
    )
    assert article.title == "Iron and Sleep"
    assert [s.heading for s in article.sections] == ["Summary", "Causes"]
    assert "Normal Vein" not in article.text
