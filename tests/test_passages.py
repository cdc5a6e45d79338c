"""Sentences and passages: headings, lists, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from rlsbot.corpus import bundled_corpus, load_folder
from rlsbot.passages import build_passages
from tests.quoting import sentence_in


@pytest.fixture(scope="module")
def articles():
    found, skipped = load_folder(bundled_corpus())
    assert not skipped
    return {a.name: a for a in found}


def test_bundled_corpus_has_the_two_seed_articles_and_the_nih_pages(articles):
    assert set(articles) == {
        "gene-food-vitamins-minerals-rls.md",
        "magnesium-for-restless-legs.md",
        "nih-gard-restless-legs.md",
        "nih-ghr-restless-legs.md",
        "nih-medlineplus-restless-legs.md",
        "nih-nhlbi-restless-legs.md",
        "nih-ninds-restless-legs.md",
    }
    gene = articles["gene-food-vitamins-minerals-rls.md"]
    assert gene.title == "Can Vitamins and Minerals Really Calm Restless Legs Syndrome?"
    assert gene.meta["author"] == "Dr. Gina Leisching"
    assert gene.meta["seed"] == "000_2caa8947873c6952.txt"
    other = articles["magnesium-for-restless-legs.md"]
    assert "title" in other.meta and "no title" in other.meta["title_note"].lower().replace("names no title", "no title")


def test_site_chrome_is_not_in_the_corpus(articles):
    text = articles["gene-food-vitamins-minerals-rls.md"].text
    for chrome in ("KLOTHO-VS", "Published on", "Back to top", "Facebook icon", "delivered to your inbox"):
        assert chrome not in text
    # the author's bio is content and stays
    assert "Dr. Gina Leisching holds a BSc in Functional Human Biology" in text


def test_article_bodies_are_the_seed_text_verbatim(articles):
    seeds = Path(__file__).parent / "fixtures" / "seeds"
    for name, seed in (
        ("gene-food-vitamins-minerals-rls.md", "000_2caa8947873c6952.txt"),
        ("magnesium-for-restless-legs.md", "002_62a4af68d417a952.txt"),
    ):
        raw = (seeds / seed).read_text(encoding="utf-8")
        for passage in build_passages(articles[name]):
            for s in passage.sentences:
                assert articles[name].text[s.start : s.end] in raw


def test_a_lead_in_travels_with_its_bullets(articles):
    article = articles["magnesium-for-restless-legs.md"]
    passages = build_passages(article)
    lead = next(p for p in passages if "Other common side effects include:" in article.text[p.start : p.end])
    text = article.text[lead.start : lead.end]
    for item in ("nausea", "vomiting", "diarrhea", "abdominal cramping"):
        assert f"\n- {item}" in text  # the file's own marker
    kinds = [s.kind for s in lead.sentences]
    first_item = kinds.index("item")
    assert article.text[lead.sentences[first_item - 1].start : lead.sentences[first_item - 1].end] == "Other common side effects include:"
    assert kinds[first_item : first_item + 4] == ["item"] * 4


def test_a_heading_never_glues_onto_the_next_sentence(articles):
    for article in articles.values():
        headings = [(span.start, span.end) for span in article.spans if span.kind == "heading"]
        assert headings
        for passage in build_passages(article):
            for s in passage.sentences:
                assert not any(s.start < h_end and h_start < s.end for h_start, h_end in headings), article.text[s.start : s.end]


def test_every_passage_knows_its_article_section_and_offsets(articles):
    article = articles["magnesium-for-restless-legs.md"]
    passages = build_passages(article)
    foods = next(p for p in passages if "Foods rich in magnesium include:" in article.text[p.start : p.end])
    assert foods.section == "Foods with magnesium"
    assert foods.article == article.name
    severe = next(p for p in passages if "reduced rate of breathing" in article.text[p.start : p.end])
    assert severe.section == "Severe side effects"
    for p in passages:
        assert p.start == p.sentences[0].start and p.end == p.sentences[-1].end
        for s in p.sentences:
            assert article.text[s.start : s.end].strip() == article.text[s.start : s.end]


def test_dr_is_not_a_sentence_end(articles):
    article = articles["gene-food-vitamins-minerals-rls.md"]
    sentences = [article.text[s.start : s.end] for p in build_passages(article) for s in p.sentences]
    assert any(s.startswith("Dr. Gina Leisching holds a BSc") and s.endswith("South Africa.") for s in sentences)
    assert (
        "At Gene Food, Dr. Gina uses her expertise to provide evidence-pieces that readers may find helpful and informative." in sentences
    )


def test_a_heading_the_scraped_text_kept_covers_only_what_is_under_it(articles):
    """The magnesium seed lost most headings: "Foods with magnesium" heads its list, not the safety advice after it."""
    article = articles["magnesium-for-restless-legs.md"]
    passages = build_passages(article)

    def section_of(snippet: str) -> str:
        return next(p.section for p in passages if snippet in article.text[p.start : p.end])

    assert section_of("Foods rich in magnesium include:") == "Foods with magnesium"
    assert section_of("low-fat and non-fat dairy") == "Foods with magnesium"
    assert section_of("Side effects of a magnesium buildup") == "Severe side effects"
    for later in ("Magnesium may interact with certain medications", "may not be safe for women who are pregnant", "bleeding disorders",
                  "Magnesium oxide is most commonly available", "Traditional treatments are available"):  # fmt: skip
        assert section_of(later) == "", later
    # a fully headed article keeps its long sections whole
    nhlbi = build_passages(articles["nih-nhlbi-restless-legs.md"])
    assert (
        next(
            p.section
            for p in nhlbi
            if "One type of RLS usually starts early in life" in articles["nih-nhlbi-restless-legs.md"].text[p.start : p.end]
        )
        == "Overview"
    )


def test_medquads_own_furniture_is_never_in_the_text(articles):
    for name, article in articles.items():
        for furniture in ("These resources", "Genetic Testing Registry", "NIH: National", "- Diagnostic Tests", "Espaol"):
            assert furniture not in article.text, (name, furniture)


def test_items_of_a_list_that_lost_its_bullets_are_items(articles):
    """MedQuAD's NHLBI page keeps "...are:" but its four signs are bare paragraphs."""
    from rlsbot.quotes import quotable_span

    nhlbi = articles["nih-nhlbi-restless-legs.md"]
    text = nhlbi.text
    lead = "The four key signs of restless legs syndrome (RLS) are:"
    for item in ("Relief from moving.", "Symptoms that start or get worse in the evening or at night."):
        passage, i = sentence_in(nhlbi, item)
        assert passage.sentences[i].kind == "item"
        start, end = quotable_span(text, passage.sentences, i)
        assert text[start:end].startswith(lead) and item in text[start:end]
    # The sentence after the list is a sentence of its own again.
    after = "You must have all four of these signs to be diagnosed with RLS."
    passage, i = sentence_in(nhlbi, after)
    sentence = passage.sentences[i]
    assert text[sentence.start : sentence.end] == after and sentence.kind == "sentence"


def test_what_reads_as_a_list_item_and_what_as_a_sentence():
    from rlsbot.article import looks_like_item

    for item in (
        "Relief from moving.",
        "Serum iron. This test measures iron.",
        "Avoiding staying in bed awake for long periods.",
        "Whether you snore",
    ):
        assert looks_like_item(item), item
    for sentence in (
        "You must have all four of these signs to be diagnosed with RLS.",
        "Doing a challenging activity before bedtime may ease your RLS symptoms.",
        "The strongest evidence for supplements is magnesium in pregnant women.",
    ):
        assert not looks_like_item(sentence), sentence


def test_the_splitter_key_reads_past_a_skipped_file(tmp_path, monkeypatch):
    """A file the walk skips (a symlink out of the folder) is a Skipped record, a NamedTuple: not a (path, name) pair."""
    import rlsbot.passages as passages
    from rlsbot.corpus import Skipped, article_files

    folder = tmp_path / "bundled"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n\nRestless legs syndrome is common.\n")
    (tmp_path / "outside.md").write_text("# Outside\n\nNot in the folder.\n")
    (folder / "link.md").symlink_to(tmp_path / "outside.md")
    assert any(isinstance(e, Skipped) for e in article_files(folder))
    monkeypatch.setattr(passages, "bundled_corpus", lambda: folder)
    key = passages.splitter_key()
    (folder / "a.md").write_text("# A\n\nRestless legs syndrome is rare.\n")
    assert passages.splitter_key() != key  # the article it reads still counts
