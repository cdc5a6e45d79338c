"""Reading what a question asks for, who it is about, and how common its words are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rlsbot import asks
from rlsbot.asks import ASKS, asks_of
from rlsbot.english import english_spelling, rarity, zipf
from rlsbot.leaning import LEANS_BACK, LEANS_SOFTLY
from rlsbot.populations import POPULATIONS, populations_of
from tests import ask_triggers


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


@pytest.mark.parametrize(
    "sentence",
    [
        # Which condition, which movement, which feelings: said in the sentence before (blind judges, rounds 50-54),
        # brought along when the paragraph has it, quoted alone when the sentence opens the paragraph.
        "In children, the condition may occur with hyperactivity.",
        "The movement is triggered by strange or uncomfortable feelings, often described as crawling, pulling, or itching.",
        "The feelings seem to come from deep within the limbs, rather than from the surface.",
        "Individuals affected with the disorder often describe the sensations as throbbing, polling, or creeping.",
        "The early-onset form begins before age 45, and sometimes as early as childhood.",
        # Which disorder, which medicines (blind judges, rounds 84-86).
        "For unknown reasons, the disorder affects women more often than men.",
        "If the medicines relieve your symptoms, your doctor can confirm that you have RLS.",
    ],
)
def test_sentences_that_lean_back_softly(sentence):
    assert LEANS_SOFTLY.match(sentence) and not LEANS_BACK.match(sentence)


def test_sentences_that_stand_alone():
    for sentence in (
        "Magnesium is a natural mineral that our bodies need.",
        "RLS is generally a life-long condition.",
        "The disorder usually improves or goes away after giving birth.",
        "The urge to move increases when you're sitting still or lying down.",
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


# ------------------------------------------- question patterns not compiled in vain

_TRIGGER_WORDS = sorted({t.strip() for ts in json.loads(ask_triggers.PATH.read_text(encoding="utf-8")).values() for t in ts} - {""})


def _all_questions() -> list[str]:
    root = Path(__file__).parent
    found = [q["question"] for q in json.loads((root / "gold" / "questions.json").read_text(encoding="utf-8"))]
    found += [t for c in json.loads((root / "gold" / "conversations.json").read_text(encoding="utf-8")) for t in c["turns"]]
    for path in sorted((root / "blind" / "sets").glob("*.json")):
        found += [t for item in json.loads(path.read_text(encoding="utf-8"))["items"] for t in item["turns"]]
    return found


def test_the_trigger_file_is_derived_from_the_patterns_as_they_are():
    # After changing a question pattern: python tests/ask_triggers.py
    assert json.loads(ask_triggers.PATH.read_text(encoding="utf-8")) == ask_triggers.derived()
    assert len(ask_triggers.derived()) >= 20  # nearly every question pattern has triggers


def test_derived_triggers_are_sound_for_hand_made_patterns():
    assert ask_triggers.triggers(r"\bcosts?\b|\bprices?\b") == ["cost", "price"]
    assert ask_triggers.triggers(r"\bhow (?:long|soon)\b") == ["how "]  # the longest sure run
    assert ask_triggers.triggers(r"\bmiss(?:ed)? dose|\bforg[eo]t") == [" dose", "forg"]
    assert ask_triggers.triggers(r"(?:ab)+c|x") == ["ab", "x"]  # a repeat of at least once
    assert ask_triggers.triggers(r"\bfoo|\w+\?") == ["?", "foo"]
    assert ask_triggers.triggers(r"\bfoo|\w+") is None  # a branch with no literal: always searched
    assert ask_triggers.triggers(r"(?:bar)?baz") == ["baz"]  # an optional part requires nothing
    assert ask_triggers.triggers(r"[ab]c") == ["c"]


PATTERNS = [a.question for a in ASKS] + [p.question for p in POPULATIONS]


def _same_as_the_plain_pattern(text: str) -> None:
    for pattern in PATTERNS:
        plain = re.compile(pattern.source, re.IGNORECASE)
        got, want = pattern.search(text), plain.search(text)
        assert (got and got.span()) == (want and want.span()), (pattern.source, text)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert pattern.findall(text) == plain.findall(text)


def test_prefiltered_patterns_find_what_the_patterns_find_in_every_set_question():
    questions = _all_questions()
    assert len(questions) > 300
    for q in questions:
        _same_as_the_plain_pattern(q)
        _same_as_the_plain_pattern(q.upper())


def test_a_question_without_triggers_compiles_no_question_pattern():
    fresh = [asks.LazyPattern(p.source) for p in PATTERNS]
    assert [p.search("zzz qqq") for p in fresh] == [None] * len(fresh)
    compiled = sum(p._compiled is not None for p in fresh)
    assert compiled <= 2  # only those whose requirement is a letter or digit ("y", "1")
    # non-ASCII text is always searched: re.IGNORECASE folds "\u212a" (Kelvin) onto k, "\u017f" onto s
    assert asks.ask("inheritance").question.search("KIDS' GENES") and not fresh[0].cannot_match("\u212aids")


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_TRIGGER_WORDS), st.sampled_from(["my", "it", "a", "is", "5", "yo", "old", "?", "take"]), st.text(max_size=6)
        ),
        max_size=12,
    ).map(" ".join)
)
@settings(max_examples=300, deadline=None)
def test_prefiltered_patterns_find_what_the_patterns_find_in_any_text(text):
    _same_as_the_plain_pattern(text)
