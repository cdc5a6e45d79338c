"""Issue 12, eighteenth session.

Each test names a way an answer went wrong on main (b051182) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.conversation import Conversation
from tests.quoting import answered_quotes


def test_the_medicines_asked_for_are_what_a_follow_up_asks_about(bot):
    # "meds" was read as the ask and not carried: "and are they safe?" quoted "High doses of magnesium are not safe, ...".
    chat = Conversation(bot)
    chat.ask("what meds r there for rls")
    said = answered_quotes(chat.ask("and are they safe?"))
    assert said[0].startswith("Always talk with your doctor before taking any medicines.")
    assert not any("magnesium" in quote for quote in said)
    # "drugs" are the articles' "medicines": the side effects under the heading "Medicines", not drugs that trigger RLS.
    chat = Conversation(bot)
    chat.ask("what drugs are approved for rls")
    said = answered_quotes(chat.ask("do they have side effects?"))
    assert said[0] == "Side effects may include nausea (feeling sick to your stomach), headache, and daytime sleepiness."


def test_how_good_is_the_evidence_asks_of_what_the_story_named(bot):
    # "the evidence" read as asking about research in general: "Researchers continue to study new ways to diagnose RLS."
    said = answered_quotes(
        bot.ask(
            "one guy on the rls forum i use keeps saying the studies on magnesium are rubbish and its all placebo. "
            "how good is the evidence actually?"
        )
    )
    assert said[0].startswith("The placebo-controlled trial that Marshall and coworkers reviewed [X] did not detect")
    # Asked with no story, it is still research in general.
    assert bot.query("how good is the evidence?").asks[:1] == ("research",)


def test_ckd_is_kidney_disease(multi_bot):
    # "ckd" ranked as a word of the story only: the bleeding-disorder sentence came first.
    said = answered_quotes(multi_bot.ask("can i take magnesium tabs for rls? i have ckd"))
    assert said[0] == "You also shouldn’t take magnesium if you have any kidney disorders, including kidney failure."


def test_cycling_is_exercise(bot):
    # "cycling" was no word the articles have: quote [1] was "If a condition or medicine triggers RLS, it may go away ..."
    said = answered_quotes(bot.ask("I ride about 200km a week. Is all the cycling going to help my restless legs or make them worse?"))
    assert "Lifestyle changes, such as regular sleep habits, relaxation techniques, and moderate exercise during the day can help." in said


def test_ill_typed_for_i_will_asks_whether_it_is_inherited(bot):
    # "ill" was a word the articles lack and "does that mean" asked for a definition: the question was refused.
    question = "my dad had restless legs really badly. does that mean ill get it too"
    assert bot.query(question).asks[:1] == ("inheritance",)
    said = answered_quotes(bot.ask(question))
    assert any("inheritance" in quote for quote in said)
    # Unwell is still unwell.
    assert "ill" in bot.query("my son is ill with a cold, can he still take magnesium?").missing


def test_an_old_wives_tale_is_a_way_of_doubting_and_the_fidgets_are_the_legs(bot):
    # Refused: 'Not found in the articles: "tale", "fidgets".'
    said = answered_quotes(
        bot.ask("My sister swears by a hot bath for the fidgets. Does that really do anything or is it an old wives tale?")
    )
    assert said[0].startswith("Taking a hot bath, massaging the legs, or using a heating pad or ice pack can help relieve symptoms")


def test_von_willebrand_disease_is_a_bleeding_disorder(multi_bot):
    # Refused: 'Not found in the articles: "von", "willebrands".'
    said = answered_quotes(multi_bot.ask("i have a bleeding disorder (von willebrands). is magnesium ok for my legs?"))
    assert said[0] == "If you have any bleeding disorders, you should not take magnesium without consulting your doctor."


def test_till_is_until_not_a_word_the_articles_lack(multi_bot):
    # The refusal named "till" as 'Not found in the articles' before saying what it could not find.
    chat = Conversation(multi_bot)
    chat.ask("does taking iron help restless legs")
    answer = chat.ask("how long till it starts working?")
    assert not answer.answered and not answer.missing
    assert answer.gaps == ("The articles discuss iron, but do not say how long it takes.",)


def test_will_they_check_my_iron_asks_about_tests(multi_bot):
    # No ask was read: the quotes were about iron and RLS ("Some people who have iron-deficiency anemia develop ...").
    said = answered_quotes(multi_bot.ask("if i go to my gp about restless legs will they check my iron"))
    assert said[0] == "Currently, no test can diagnose RLS. Still, your doctor may recommend blood tests to measure your iron levels."


def test_coping_asks_what_to_do(bot):
    # No ask was read: quote [1] was "People who have mild symptoms may notice them only when ... on a long airplane trip ..."
    said = answered_quotes(bot.ask("Office job, long days sitting, plus flights for work. Any tricks for coping when I can't just get up?"))
    assert said[0] == "Choose an aisle seat at the movies or on airplanes and trains so you can move around, if necessary."
