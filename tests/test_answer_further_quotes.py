"""Issue 12, seventh session: further quotes that add nothing asked, quotes that point back, and ordinary talk.

Each test names a way an answer went wrong on main (4378e52) in the blind sets' voices and checks
the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.conversation import Conversation
from tests.quoting import quotes


def test_one_sentence_written_twice_with_a_word_changed_is_quoted_once(multi_bot):
    from rlsbot.quotes import same_sentence

    ghr = "Movement, such as kicking, stretching, rubbing, or pacing, make the discomfort go away, at least temporarily."
    gard = "Movement (i.e. kicking, stretching, rubbing, or pacing) makes the discomfort go away, at least temporarily."
    assert same_sentence(ghr, gard)
    assert not same_sentence(ghr, "Movement makes the symptoms worse in some people, at least at first.")
    # Both pages' sentences rank first and second for this question (eleventh session: "when it kicks off" is now "when it
    # starts", no longer "kicking", so the 2am question no longer draws them).
    answer = multi_bot.ask("does kicking or stretching my legs make the discomfort go away?")
    assert answer.answered
    movement = [q for q in quotes(answer) if "kicking, stretching, rubbing, or pacing" in q]
    assert len(movement) == 1


def test_a_further_quote_on_another_pages_topic_is_left_out(bot, multi_bot):
    # "IV iron therapy presents some safety concerns." is about iron, on a page on anemia: not about IV magnesium.
    conversation = Conversation(multi_bot)
    conversation.ask("pregnant and getting restless legs every night, does magnesium help")
    answer = conversation.ask("is the iv kind safe for me then?")
    assert answer.answered
    assert quotes(answer)[0] == "Magnesium administered via an IV may not be safe for women who are pregnant or breastfeeding."
    assert not any("IV iron" in q for q in quotes(answer))
    # The side effects of the medicines approved for RLS, not of magnesium.
    conversation = Conversation(bot)
    conversation.ask("what drugs are approved for rls")
    answer = conversation.ask("do they have side effects?")
    assert quotes(answer)[0] == "Side effects may include nausea (feeling sick to your stomach), headache, and daytime sleepiness."
    assert not any("magnesium" in q.lower() for q in quotes(answer))


def test_an_amount_answers_no_question_of_who_gets_it(bot):
    answer = bot.ask("do more women get it than men or is it just me lol")
    assert answer.answered
    assert "women are more likely to have it than men" in quotes(answer)[0] or "women more often than men" in quotes(answer)[0]
    assert not any(" mg" in q for q in quotes(answer))


def test_the_condition_and_the_movement_come_with_the_sentence_they_point_back_to(bot):
    answer = bot.ask("can kids get rls")
    assert answer.answered
    assert not any(q.startswith("In children, the condition") for q in quotes(answer))
    feel = bot.ask("what does rls actually feel like? is it pain or more like something crawling")
    assert feel.answered
    assert not any(q.startswith(("The movement is triggered", "The feelings seem")) for q in quotes(feel))


def test_can_kids_get_it_asks_of_restless_legs_whatever_the_story(bot):
    answer = bot.ask("my 8 yr old cant keep still at bedtime and says her legs feel funny, can kids even get rls?")
    assert answer.answered, answer.gaps
    assert "hildren" in quotes(answer)[0]


def test_a_sentence_about_leg_cramps_is_no_answer_about_restless_legs(bot):
    answer = bot.ask("does stretching before bed help my mum's legs?")
    assert answer.answered
    assert quotes(answer)[0].startswith("Movement, such as kicking, stretching")
    assert not any(q.startswith("Leg cramps") for q in quotes(answer))
    # Asked about cramps, the sentences on cramps are the answer.
    cramps = bot.ask("is it the same as leg cramps?")
    assert any(q.startswith("Leg cramps") for q in quotes(cramps))


def test_the_verb_of_a_phrasal_verb_is_no_missing_topic(bot):
    answer = bot.ask("Will going to the gym help my legs or wind them up more?")
    assert answer.answered, answer.missing
    assert "exercise" in quotes(answer)[0]
    assert "wind" not in answer.gaps


def test_doctors_are_who_asks_not_what(bot):
    conversation = Conversation(bot)
    conversation.ask("what meds do docs give for rls")
    answer = conversation.ask("what r the side effects")
    assert quotes(answer)[0] == "Side effects may include nausea (feeling sick to your stomach), headache, and daytime sleepiness."
