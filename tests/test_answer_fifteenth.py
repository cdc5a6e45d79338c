"""Issue 12, fifteenth session.

Each test names a way an answer went wrong on main (83f4621) and checks the quotes the articles give now.
"""

from __future__ import annotations

from tests.quoting import answered_quotes, refusal


def test_a_story_told_before_can_someone_get_it_does_not_sink_it(bot):
    # "fidget" is rarer than the word list, so it was a topic the articles lack: "Not found in the articles: "fidget"."
    said = answered_quotes(bot.ask("my kids both fidget at night, can children get restless legs?"))
    assert any("2 to 4 percent of children" in q for q in said)
    # Only the clause before the question tells a story: a missing topic inside the question still refuses.
    refusal(bot.ask("can children who take melatonin get restless legs?"))


def test_a_leaflet_answers_for_either_drug_a_question_names(multi_bot):
    # Only the rarest drug named ("vicodin") could make the gabapentin leaflet count as about RLS: refused,
    # "The articles mention vicodin and gabapentin only about other conditions, not restless legs syndrome."
    said = answered_quotes(multi_bot.ask("dad takes vicodin for his back, does that clash with the gabapentin he just got for rls?"))
    assert "Be sure to mention any of the following: hydrocodone (in Hydrocet, in Vicodin, others)" in said[0]
    # "will they clash?" asks whether medicines interact, as "clash with" did.
    assert multi_bot.query("on naproxen and vicodin, now the doc wants to add horizant. will they clash?").asks == ("interactions",)


def test_a_british_spelling_of_anaemic_is_anaemia(bot):
    # "anaemic" was a word the articles lack: refused.
    said = answered_quotes(bot.ask("i've been anaemic for years, could that be why i have restless legs?"))
    assert said[0].startswith("People with low iron levels associated with a shortage of red blood cells (anemia)")


def test_where_it_was_read_is_no_topic(multi_bot):
    # "The articles discuss magnesium and somewhere, but no passage answers this question."
    said = answered_quotes(multi_bot.ask("read somewhere that magnesium might help restless legs, how much a day?"))
    assert "daily doses of 270-350 mg are considered safe" in said[0]


def test_what_a_diagnosis_needs_is_the_four_signs(bot):
    # "Currently, no test can diagnose RLS." or sleep studies came first; "must be met" was refused over "met".
    for question in ("RLS dx: all 4 essential criteria required or is 3/4 enough", "What criteria must be met for a diagnosis of RLS?"):
        assert answered_quotes(bot.ask(question))[0] == "You must have the four key signs of RLS to be diagnosed with the disorder."


def test_a_drug_given_to_see_if_it_works_is_a_diagnosis_by_trial(bot):
    # The story's "to see if it works" asks how a trial diagnoses: "Currently, no test can diagnose RLS." came first.
    said = answered_quotes(
        bot.ask(
            "gp put me on a parkinsons tablet 'to see if it works' even tho i dont have parkinsons. is that a legit way of working out if its rls"
        )
    )
    assert said[0].endswith("If the medicines relieve your symptoms, your doctor can confirm that you have RLS.")


def test_an_age_is_no_length_of_time(multi_bot):
    # "testing all infants for anemia at 1 year of age" gave "how long" its length of time; "within months" gave none.
    assert (
        answered_quotes(multi_bot.ask("how long do iron tablets take to work"))[0]
        == "Iron supplements can correct low iron levels within months."
    )


def test_ants_under_the_skin_is_how_it_feels(bot):
    # "calves" alone carried it: "The unpleasant feelings from RLS often occur in the lower legs (calves)." came first.
    said = answered_quotes(bot.ask("my mum says it feels like ants crawling inside her calves, is that what rls feels like"))
    assert said[0].startswith("People who have RLS describe the unpleasant feelings in their limbs as creeping, crawling")
    # "is that how restless legs usually feels" asks for its symptoms, as "what does it feel like" does.
    assert bot.query("Is that how restless legs usually feels to people?").asks == ("symptoms",)


def test_can_it_go_into_the_arms_asks_where_it_is_felt(bot):
    # No ask was read: a sentence on PLMS, whose jerks are in the legs or arms, came first.
    said = answered_quotes(
        bot.ask("resident with RLS has started rubbing his arms in the evenings as well as his legs. can it go into the arms?")
    )
    assert bot.query("can it go into the arms?").asks == ("where",)
    assert any("also can occur in the arms" in q or "also occur in the arms" in q for q in said)
    assert bot.query("arms too??").asks == ("where",)


def test_a_short_name_comes_with_the_sentence_that_defines_it(bot):
    # "PLMS causes your legs or arms to twitch ..." was quoted without "... (PLMS)." before it, which says it goes with RLS.
    said = answered_quotes(
        bot.ask(
            "my wife says once I'm asleep my legs jerk every half a minute or so and keep waking her. Is that connected to restless legs?"
        )
    )
    assert said[0].startswith("Many people who have RLS also have a condition called periodic limb movement in sleep (PLMS). PLMS causes")


def test_it_that_goes_into_the_arms_is_the_condition(bot):
    # After magnesium in pregnancy, "it" was read as magnesium: "Magnesium administered via an IV may not be safe for women
    # who are pregnant or breastfeeding." answered "can it go into the arms?".
    from rlsbot.conversation import Conversation

    chat = Conversation(bot)
    chat.ask("does magnesium help in pregnancy?")
    said = answered_quotes(chat.ask("can it go into the arms?"))
    assert any("arms" in q for q in said) and not any("agnesium" in q for q in said)
