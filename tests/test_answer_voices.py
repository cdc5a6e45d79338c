"""Questions in the voices of blind sets A14/B14 (issue 12): terse, non-native, dictated, and told as stories.

Each test names the way of asking that went wrong and checks the quote the articles give for it.
"""

from __future__ import annotations

import pytest

from rlsbot.conversation import Conversation
from tests.quoting import quotes, refusal


def test_is_it_true_or_a_myth_checks_the_claim_and_habits_are_no_addiction(bot):
    answer = bot.ask("is it true rls meds are addictive or is that a myth")
    assert quotes(answer)[0] == "Some medications for RLS can become addictive, like opioids or some sleep medications."
    assert not any("sleep habits" in q for q in quotes(answer))  # "habit" is no synonym of "addictive"
    habit = bot.ask("are the opioids they give for restless legs habit forming?")
    assert quotes(habit)[0].startswith("Some medications for RLS can become addictive")


def test_hooked_up_to_wires_is_no_addiction(bot):
    answer = bot.ask("would i have to spend a night hooked up to wires in a hospital to prove i have it")
    assert not any("addictive" in q for q in quotes(answer))


def test_going_to_get_it_too_after_a_parent_had_it_asks_about_inheritance(bot):
    answer = bot.ask("my dad had restless legs really bad for years. does that mean im going to get it too")
    assert answer.answered
    assert "inheritance" in quotes(answer)[0]


def test_what_is_it_in_plain_english_asks_for_a_definition(bot):
    answer = bot.ask("restles legs what is it in plain english")
    assert quotes(answer)[0] == "Restless legs syndrome (RLS) is a disorder that causes a strong urge to move your legs."


def test_a_grown_up_is_an_adult(bot):
    answer = bot.ask("what dose of magnesium is safe per day for a grown up")
    assert quotes(answer)[0] == "For adolescent and adult men and women, daily doses of 270-350 mg are considered safe."


def test_mg_is_magnesium_unless_it_follows_a_number(bot):
    answer = bot.ask("Mg supplementation: relevant drug interactions?")
    assert quotes(answer)[0].startswith("Magnesium may interact with certain medications, including:")
    assert "magnesium" not in bot.query("is 400 Mg a day ok?").text


def test_a_smoker_asks_about_tobacco(bot):
    answer = bot.ask("im a smoker 20 a day does the smoking have anything to do with my legs")
    assert answer.answered and all("tobacco" in q for q in quotes(answer))


def test_what_about_for_someone_with_a_condition_keeps_what_was_asked_about(bot):
    conversation = Conversation(bot)
    conversation.ask("does magnesium help restless legs")
    answer = conversation.ask("what about for my husband who has kidney trouble?")
    assert quotes(answer)[0] == "You also shouldn’t take magnesium if you have any kidney disorders, including kidney failure."


def test_what_can_i_do_tonight_asks_what_people_do_themselves(bot):
    answer = bot.ask("legs going crazy right now its 2am what can i do tonight to calm them down")
    assert "hot bath" in quotes(answer)[0]


def test_why_women_more_than_men_is_answered_by_the_reason_or_its_absence(multi_bot):
    answer = multi_bot.ask("why do women get restless legs more than men do?")
    # "the disorder" comes with the sentence that names it (blind judges: the bare sentence cannot stand alone).
    assert quotes(answer)[0].startswith("Restless legs syndrome is one of the most common sleep and movement disorders.")
    assert quotes(answer)[0].endswith("For unknown reasons, the disorder affects women more often than men.")


def test_will_it_stop_once_the_baby_is_born_asks_the_outlook(bot):
    answer = bot.ask("will the jittery legs stop once the baby is born")
    # Not "The disorder usually improves ..." alone (which disorder?): the Outlook section says it of pregnancy's RLS.
    assert any("RLS that occurs due to pregnancy tends to go away after giving birth." in q for q in quotes(answer))


def test_two_supplements_together_any_good_asks_whether_they_help(bot):
    query = bot.query("b6 and magnesium together for rls any good")
    assert query.asks[0] == "effect"
    assert [qw.word for qw in query.focus] == ["b6", "magnesium"]  # "b6" is a name, not a number


def test_a_drugs_side_effects_come_from_its_leaflet_though_rls_is_named(multi_bot):
    answer = multi_bot.ask("gabapentin rls side effects")
    assert quotes(answer)[0].startswith("Gabapentin may cause side effects. Tell your doctor if any of these symptoms are severe")


def test_a_rare_english_word_is_no_misspelling_of_a_common_one(multi_bot):
    answer = multi_bot.ask("how do i get rid of a wart on the bottom of my foot")
    assert not answer.answered and "wart" in answer.missing


def test_can_a_child_have_it_after_a_story_asks_of_children_not_of_the_story(multi_bot):
    answer = multi_bot.ask(
        "my grandson is 9 and at bedtime he tells me his legs feel like ants crawling inside them and he cant keep still. "
        "i always thought only old folks got restless legs. can a child really have it?"
    )
    # (Its "only old folks" is what the articles say of age: "... The early-onset form begins before age 45, and sometimes as
    # early as childhood. ..." may come first, which blind round 89 judged an answer.)
    assert answer.answered and ("Children" in quotes(answer)[0] or "as early as childhood" in quotes(answer)[0])
    # "is it safe for the baby?" after naming a drug asks of the drug: still refused
    safe = multi_bot.ask(
        "My daughter has been prescribed Horizant for her restless legs and she is breastfeeding. Is it safe for the baby?"
    )
    assert not safe.answered


def test_a_short_head_before_a_colon_is_the_topic_not_a_story(bot):
    head = bot.ask("Magnesium: relevant drug interactions?")
    assert quotes(head)[0].startswith("Magnesium may interact with certain medications, including:")
    story = bot.query("For my biology project: how would you define restless legs syndrome?")
    assert "biology" not in [qw.word for qw in story.focus]


def test_a_sentence_after_a_list_that_speaks_of_the_lists_things_is_not_quoted_alone(bot):
    # After "Certain medicines may trigger RLS. These include some:" and its list, "the medicine" is one of the list.
    said = "RLS symptoms usually get better or may even go away if the medicine is stopped."
    assert said in bot.articles["nih-nhlbi-restless-legs.md"].text
    for question in ("will my rls go away if the medicine is stopped", "how long? will i have rls for ever"):
        assert said not in quotes(bot.ask(question)), question


def test_which_is_better_is_answered_only_by_a_sentence_that_compares(bot):
    answer = bot.ask("which is better, ropinirole or pramipexole?")
    assert not answer.answered  # the articles name both, and compare neither
    assert answer.gaps == ("The articles discuss ropinirole and pramipexole, but do not say which is better.",)
    lifestyle = bot.ask("which is better for rls, changing lifestyle stuff or just taking meds?")
    assert quotes(lifestyle)[0] == "You may need medicines to treat RLS if lifestyle changes can't control symptoms."
    # a thing compared that the articles lack is no comparison they make
    assert not bot.ask("does rubbing magnesium spray on the legs work as well as the pills").answered


def test_worse_than_before_and_better_than_alone_are_no_comparison(bot):
    assert "comparison" not in bot.query("my legs are worse than before i started the tablets").asks
    assert "comparison" not in bot.query("magnesium plus b6 better than magnesium on its own??").asks


@pytest.mark.parametrize(
    "question",
    [
        "can having restless legs turn into parkinsons later on",
        "does having restless legs mean i'll get parkinson's later",
        "My husband was diagnosed with restless legs last year. Does this mean he is likely to develop Parkinson's disease later on?",
    ],
)
def test_whether_rls_leads_to_another_disease_is_refused_when_no_sentence_says(bot, question):
    # The articles say Parkinson's disease is linked to RLS and can trigger it, never that RLS leads to it.
    answer = bot.ask(question)
    assert not answer.answered
    assert answer.gaps[0].endswith("but do not say whether restless legs syndrome leads to it.")


def test_what_leads_to_rls_is_no_question_of_what_rls_leads_to(bot):
    assert "progression" not in bot.query("can low iron lead to restless legs").asks
    assert "progression" not in bot.query("my dad has it, does that mean im going to get it too").asks
    assert "progression" not in bot.query("Can Crohn's disease lead to colon cancer?").asks  # another disease's course


def test_a_sentence_on_the_other_way_of_giving_it_does_not_answer(bot):
    # "Magnesium administered via an IV may not be safe for women who are pregnant or breastfeeding." is no verdict on tablets.
    tablets = bot.ask("is it ok to take magnesium tablets while breastfeeding")
    assert refusal(tablets) == ("The articles discuss magnesium, but not for breastfeeding.",)
    iv = bot.ask("is IV magnesium safe in pregnancy")
    assert quotes(iv)[0] == "Magnesium administered via an IV may not be safe for women who are pregnant or breastfeeding."


def test_a_question_mostly_of_things_the_articles_lack_is_refused_though_it_asks_how_to_stop_something(bot):
    answer = bot.ask("how do i stop my knees clicking when i squat at the gym")
    assert not answer.answered
    assert {"knees", "clicking"} <= set(answer.missing)


def test_a_story_that_names_rls_is_asked_for_itself_in_a_conversation(bot):
    # Tried in the chat: after two unrelated questions, "it" in the story's question was read as pointing back.
    conversation = Conversation(bot)
    conversation.ask("which is better, ropinirole or pramipexole?")
    tablets = conversation.ask("is it ok to take magnesium tablets while breastfeeding")  # "is it ok to ..." points nowhere
    assert "ropinirole" not in tablets.query
    answer = conversation.ask("my dad had restless legs really bad for years. does that mean im going to get it too")
    assert answer.answered and "inheritance" in quotes(answer)[0]
    # a short "is it safe ...?" still leans on the turn before
    follow = Conversation(bot)
    follow.ask("does magnesium help rls")
    assert "magnesium" in follow.ask("is it safe to take while pregnant?").query
