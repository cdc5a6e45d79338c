"""Site chrome: page furniture lines are recognised and dropped, article sentences never."""

from __future__ import annotations

from pathlib import Path

import pytest

from rlsbot.chrome import clean_author, is_chrome, strip_chrome
from rlsbot.corpus import bundled_corpus, read_article_file

OWN = Path(__file__).parent / "fixtures" / "own_articles"


# MedQuAD's own furniture in the NIH pages: a credit line and a language link.
MEDQUAD_FURNITURE = ("NIH: National ", "Espaol")


def test_no_line_of_the_bundled_articles_is_chrome_but_medquads_furniture():
    for path in [*bundled_corpus().glob("*.md"), *(Path(__file__).parent / "blind" / "nih_multi").glob("*.md")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.lstrip("#- ")
            assert is_chrome(line) == line.startswith(MEDQUAD_FURNITURE), (path.name, line)


# ---------------------------------------------------------------- site chrome

CHROME = [
    "Back to top",
    "\u2191 Back to top",
    "Skip to main content",
    "Home > Conditions > Restless legs",
    "Home \u203a Leaflets \u203a Iron",
    "Published on",
    "Updated on June 7, 2023",
    "Last reviewed: 12 March 2024",
    "Medically reviewed by Jane Smith, MD \u2014 Written by Ann Lee \u2014 Updated on June 7, 2023",
    "5 min read",
    "Advertisement",
    "Scroll to continue with content",
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter Pinterest Email",
    "Facebook | Twitter | LinkedIn",
    "Facebook icon Twitter icon Instagram icon Pinterest icon Google+ icon YouTube icon",
    "Print",
    "Download PDF",
    "Sign up for our newsletter and get the latest sleep research delivered to your inbox every month.",
    "The very latest on genetics, nutrition and supplements delivered to your inbox!",
    "Subscribe",
    "Related: Magnesium and sleep",
    "You may also like",
    "Was this article helpful? Yes No",
    "Yes No",
    "We use cookies to improve your experience on our website. By continuing to browse you agree to our use of cookies.",
    "Accept all cookies",
    "\u00a9 2024 Northfield Sleep Clinic. All rights reserved.",
    "Privacy Policy | Terms of Use | Cookie Policy | Contact Us",
    "Tags: RLS, sleep, iron",
    "KLOTHO-VS Report Now Available for Health Intelligence Members!",
    "Free shipping on all orders over $50 - Shop the Sleep Store today!",
    "Leave a comment",
    "12 comments",
]

# Sentences an article could well contain, some of them starting with a word
# that chrome starts with too: never removed.
PROSE = [
    "Updated guidelines recommend checking ferritin in everyone with RLS.",
    "Share your symptoms with your doctor.",
    "Published studies on magnesium are few.",
    "Published by the Restless Legs Foundation in 2021, the guide explains iron testing.",
    "Email your doctor if your symptoms get worse.",
    "Print out a sleep diary and bring it to your appointment.",
    "Home remedies such as a warm bath can help.",
    "Reviewed by a panel of experts, the guideline recommends iron.",
    "Search for a specialist near you.",
    "Advertisement campaigns have raised awareness of RLS.",
    "(c) iron deficiency is common.",
    "Related conditions include neuropathy and kidney disease.",
    "Cookies and sweets late at night may worsen sleep.",
    "Menu planning helps with a low-caffeine diet.",
    "Comments from patients were positive overall.",
    "Twitter users with RLS described the urge to move.",
    "Yes, iron helps some people; no, it does not help everyone.",
    "But is this advice based on evidence?",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines_are_recognised(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", PROSE)
def test_article_sentences_are_never_chrome(line):
    assert not is_chrome(line)
    assert line in strip_chrome(f"Back to top\n{line}\nAdvertisement")


def test_pasted_text_loses_its_chrome_and_keeps_every_sentence():
    article = read_article_file(OWN / "exercise-and-rls-pasted.txt")
    assert article.title == "Exercise and Restless Legs Syndrome: What the Research Says"
    assert article.author == "Marcus Webb"  # the "By ..." line under the title
    for snippet in ("Skip to", "Free shipping", "Home >", "min read", "Facebook", "Advertisement", "Scroll to", "helpful", "Yes No",
                    "Related:", "newsletter", "cookies", "Privacy", "\u00a9", "Back to top", "Updated on", "By Marcus"):  # fmt: skip
        assert snippet not in article.text, snippet
    assert article.text.startswith("Many people with restless legs syndrome wonder")
    assert article.text.endswith("problems with your joints.")
    assert [s.heading for s in article.sections if s.heading] == [
        "What the trials found",
        "How much is enough?",
        "Tips for getting started",
    ]


# ---------------------------------------------------------------- furniture of real pages (issue 13)

FURNITURE = [
    "NIH: National Heart, Lung, and Blood Institute",
    "Espaol",
    "En espa\u00f1ol",
    "Keywords: restless legs, iron, dopamine",
    "MeSH terms: Restless Legs Syndrome; Iron Deficiencies",
    "Author affiliations",
    "1 Department of Neurology, Lakeside University Hospital, Springfield, USA",
    "Correspondence: j.reyes@example.org",
    "Photo: Getty Images",
    "Photo credit: Jane Doe",
    "Image courtesy of the sleep lab",
    "To subscribe to updates or to access your subscriber preferences, please enter your email address below.",
    "Text size: A A A",
    "A+ A-",
    "Fact sheet (PDF, 245 KB)",
    "PDF - 1.2 MB",
    "More from Daily Health Digest",
    "Menu Search Log in",
    "Reading time: 6 minutes",
]

# Prose that shares a first word with furniture above: kept.
MORE_PROSE = [
    "Source: iron stores are measured by ferritin, which your doctor can test.",  # a full sentence, not a credit line
    "More from the same study showed that iron helped.",
    "Keywords such as 'creeping' and 'crawling' describe the feeling.",
    "Photo therapy has not been studied for RLS.",
    "The Department of Health recommends iron testing for everyone with RLS.",
    "English-speaking patients were enrolled in the trial.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_lines_are_recognised(line):
    assert is_chrome(line)


@pytest.mark.parametrize("line", MORE_PROSE)
def test_prose_like_furniture_is_kept(line):
    assert not is_chrome(line) or line.startswith("Source:"), line


def test_a_link_lists_lead_in_takes_its_lines_in_pasted_text():
    body = "Iron helps some people.\n\nRelated articles\nCan CBD oil calm restless legs?\nSeven foods that help you sleep\n\nExercise helps too."
    kept = strip_chrome(body)
    assert "CBD" not in kept and "Seven foods" not in kept
    assert "Iron helps some people." in kept and "Exercise helps too." in kept


@pytest.mark.parametrize(
    ("author", "clean"),
    [
        ("Jordan Reyes; MPH Updated; MD; Hematology", "Jordan Reyes"),
        ("Jordan Reyes, MPH", "Jordan Reyes"),
        ("Dr. Gina Leisching", "Dr. Gina Leisching"),
        ("Ann Lee, RN and Tom Park, PhD", "Ann Lee, Tom Park"),
        ("Jordan Reyes Updated March 3, 2024", "Jordan Reyes"),
    ],
)
def test_clean_author_keeps_people_not_credentials(author, clean):
    assert clean_author(author) == clean
