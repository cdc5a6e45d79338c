"""Reading what a question asks for, who it is about, and how common its words are."""

from __future__ import annotations

import pytest

from rlsbot.asks import LEANS_BACK, asks_of, populations_of
from rlsbot.english import zipf
from rlsbot.query import english_spelling, rarity


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how much magnesium should I take a day?", "dose"),
        ("how long does magnesium take to work?", "duration"),
        ("how common is restless legs syndrome?", "prevalence"),
        ("which medicines can make restless legs worse?", "cause"),
        ("does magnesium interfere with my meds?", "interactions"),
        ("is pramipexole covered by medicare?", "cost"),
        ("what are the downsides of magnesium?", "side effects"),
        ("does rls run in families?", "inheritance"),
        ("is it a myth that magnesium helps?", "effect"),
        ("when in pregnancy does it usually start?", "timing"),
        ("what exactly is rls?", "definition"),
    ],
)
def test_the_main_ask_of_a_question(question, kind):
    assert asks_of(question)[0].kind == kind


def test_a_dose_needs_an_amount_and_a_duration_a_length_of_time():
    dose, duration = asks_of("how much should I take?")[0], asks_of("how long does it take?")[0]
    assert dose.strict and duration.strict
    assert dose.cue.search("daily doses of 270-350 mg are considered safe")
    assert not dose.cue.search("High doses of magnesium are not safe")
    assert duration.cue.search("provides 30 minutes of vibrations")
    assert not duration.cue.search("a magnesium buildup within the body")


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("how much magnesium can I give my 6 year old?", ["child"]),
        ("can kids get it?", ["child"]),
        ("my 15 year old has it", ["teen"]),
        ("can I take ropinirole while breastfeeding?", ["breastfeeding"]),
        ("pregnant 32 wks, will it go away after the baby comes?", ["pregnancy"]),  # the baby is not the patient
        ("does magnesium help?", []),
    ],
)
def test_who_a_question_is_about(question, kinds):
    assert [p.kind for p in populations_of(question)] == kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "This may be because of its calcium-blocking abilities.",
        "However, the pain usually is more of an ache.",
        "The goal of this research is to increase understanding.",
    ],
)
def test_sentences_that_lean_on_the_one_before(sentence):
    assert LEANS_BACK.match(sentence)


def test_sentences_that_stand_alone():
    for sentence in (
        "Magnesium is a natural mineral that our bodies need.",
        "RLS is generally a life-long condition.",
        "In children, the condition may occur with hyperactivity.",
    ):
        assert not LEANS_BACK.match(sentence)


def test_word_frequency_tells_ordinary_words_from_topics():
    assert zipf("the") > 7 and zipf("exactly") > 5
    assert 0 < zipf("sofa") < zipf("exactly")
    assert zipf("melatonin") == 0.0  # rarer than the shipped list reaches
    assert rarity("calms") == zipf("calm")  # an inflection is as common as its base


def test_a_misspelt_english_word_is_read_as_the_word():
    assert english_spelling("actualy") == "actually"
    assert english_spelling("choclate") == "chocolate"
    assert english_spelling("xqzvbn") is None
