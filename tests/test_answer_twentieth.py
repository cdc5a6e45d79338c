"""Issue 12, twentieth session.

Each test names a way an answer went wrong on main (d53a776) and checks the quotes the articles give now.
"""

from __future__ import annotations

import pytest

from rlsbot.english import as_english
from tests.quoting import answered_quotes, refusal


def test_a_word_health_writing_uses_is_no_misspelling(bot):
    # "creatine" was read as "creative" misspelt: everyday English, never decisive, and the caffeine sentence was quoted.
    assert as_english("creatine") == "creatine"
    assert as_english("actualy") == "actually"  # a misspelling is still read as the word it stands for
    answer = bot.ask("does creatine make restless legs worse? been on 5g a day for a month")
    refusal(answer)
    assert "creatine" in answer.missing


@pytest.mark.parametrize(
    "question",
    [
        "is there an rls specialist clinic in manchester i could get referred to",
        "is there a restless legs support group in manchester?",
        "any rls support groups around leeds?",
    ],
)
def test_a_place_where_help_is_sought_is_a_topic_the_articles_lack(multi_bot, question):
    # A town's name is common English that health writing never uses: it was read as wording, and the question was
    # answered with the sleep-specialist or Northern-European-descent sentences.
    answer = multi_bot.ask(question)
    refusal(answer)
    assert answer.missing[-1] in ("manchester", "leeds")


def test_a_short_form_the_question_spells_out_is_read_in_full(multi_bot):
    # "RA" was a word the articles lack, and "blame" with it: refused.
    said = answered_quotes(
        multi_bot.ask(
            "i have rheumatoid arthritis and for the last few months my legs wont stay still at night. is the RA to blame for this??"
        )
    )
    assert "rheumatoid arthritis" in said[0]
    assert said[0].startswith("Some diseases, conditions, and medicines may trigger RLS.")


def test_an_introduction_before_a_dash_tells_who_asks(bot):
    # "Newly qualified nurse here - how do ..." was one sentence: "newly", "qualified" (and "set") were missed, and refused.
    said = answered_quotes(
        bot.ask(
            "Newly qualified nurse here - how do doctors actually diagnose RLS? Is there a set of criteria I should know for my patients?"
        )
    )
    assert "diagnosed" in said[0]


def test_a_story_medicine_that_stops_iron_being_absorbed(multi_bot):
    # "does that stop iron getting absorbed?" asked nothing, the story's stomach-acid tablet weighed half, and "absorption"
    # was not "absorbed": the sentences on absorbing iron from food came first.
    said = answered_quotes(
        multi_bot.ask("i take a stomach acid tablet every day since my weight loss op. does that stop iron getting absorbed?")
    )
    assert said[0] == "Prescription medicines that reduce acid in the stomach also can interfere with iron absorption."


def test_a_story_medicine_the_articles_lack_is_what_an_interaction_is_asked_of(multi_bot):
    # The story's hydroxychloroquine was not missed: the magnesium interactions list was quoted as if it answered.
    answer = multi_bot.ask("I'm on hydroxychloroquine for my RA. Does it interact with magnesium supplements?")
    refusal(answer)
    assert "hydroxychloroquine" in answer.missing


def test_whats_without_its_apostrophe_asks_what_it_is(multi_bot):
    # "whats rls" asked nothing: "In most cases, there is no known cause for RLS." came first.
    said = answered_quotes(multi_bot.ask("whats rls"))
    assert said[0] == "Restless legs syndrome (RLS) is a disorder that causes a strong urge to move your legs."


def test_which_patients_should_not_be_given_it_asks_who_should_avoid_it(bot):
    # "should NOT be given" asked nothing: "The placebo-controlled trial that Marshall and coworkers reviewed ..." came first.
    question = "which patients should NOT be given magnesium supplements for their RLS? want to flag it on the ward"
    assert bot.query(question).asks[:1] == ("avoid",)
    said = answered_quotes(bot.ask(question))
    assert said[0] == "You also shouldn’t take magnesium if you have any kidney disorders, including kidney failure."


def test_does_rls_hurt_asks_whether_it_is_painful(bot):
    # "hurt" was a word the articles lack: 'Not found in the articles: "hurt"'.
    said = answered_quotes(bot.ask("does rls hurt?"))
    assert said[0].startswith("Severe RLS may cause painful feelings.")
