"""Issue 12, ninth session: who a question is about, everyday asks, and a sentence that names no subject.

Each test names a way an answer went wrong on main (77ab53b) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.conversation import Conversation
from rlsbot.english import rarity
from rlsbot.needs import focus_rarity
from rlsbot.query import QueryWord
from tests.quoting import quotes


def test_weeks_along_is_a_pregnancy(bot):
    # "im 30 weeks" was read as a focus ("weeks") and refused "not for pregnancy".
    conversation = Conversation(bot)
    conversation.ask("im 30 weeks and my legs are driving me mad every single night")
    answer = conversation.ask("will it stop once the baby's here?")
    assert answer.answered
    assert any("RLS that occurs due to pregnancy tends to go away after giving birth." in q for q in quotes(answer))


def test_the_baby_to_come_is_the_mothers_question_not_a_childs(multi_bot):
    # "34 wks pregnant ... once baby's here?": the asking sentence's "baby" made it a question about children too.
    query = multi_bot.query("34 wks pregnant and my legs are unbearable at night. will this go once baby's here?")
    assert query.populations == ("pregnancy",)
    answer = multi_bot.ask("34 wks pregnant and my legs are unbearable at night. will this go once baby's here?")
    assert answer.answered
    assert any("go away after giving birth" in q for q in quotes(answer))


def test_what_to_do_right_now_without_pills_asks_for_self_care(bot):
    for question in (
        "its 2am and my legs are going mad. anything i can do right now to calm them down",
        "what can i do at home two stop my legs at knight with out taking pills",
    ):
        answer = bot.ask(question)
        assert answer.answered
        assert (
            quotes(answer)[0]
            == "Taking a hot bath, massaging the legs, or using a heating pad or ice pack can help relieve symptoms in some patients."
        )
        assert not any(q.startswith("The drugs ropinirole, pramipexole") for q in quotes(answer))


def test_proof_asks_what_research_says(multi_bot):
    # "solid proof" was the focus, found only in other diseases' pages: refused.
    answer = multi_bot.ask(
        "just read a blog saying magnesium basically cures restless legs. is there actually any solid proof for that or is it hype"
    )
    assert answer.answered
    assert "The strongest evidence for supplements alleviating restless leg syndrome is magnesium in pregnant women." in quotes(answer)
    # Asked of the subject itself, an everyday word the articles lack ("everything") does not sink it.
    genetic = multi_bot.ask("is there any actual proof it's genetic, or do people just say 'runs in the family' about everything")
    assert genetic.answered
    assert any("inheritance" in q or "run in families" in q for q in quotes(genetic))


def test_is_it_ok_then_asks_whether_it_is_safe(bot):
    conversation = Conversation(bot)
    conversation.ask("im 30 wks pregnant, is rls common in pregnancy")
    answer = conversation.ask("is iv magnesium ok then?")
    assert answer.answered  # refused before: the first turn's "how common" was carried as the ask
    assert quotes(answer)[0] == "Magnesium administered via an IV may not be safe for women who are pregnant or breastfeeding."


def test_a_blood_test_or_a_scan_asks_how_it_is_diagnosed(bot):
    answer = bot.ask(
        "Might I ask how a physician establishes that one has this condition? Is there a blood test or a scan that settles the matter?"
    )
    assert answer.answered  # quoted "In addition to magnesium, several natural and alternative treatments ..." before
    assert quotes(answer)[0].startswith("Currently, no test can diagnose RLS.")


def test_a_reason_people_end_up_with_it_asks_the_cause(multi_bot):
    answer = multi_bot.ask(
        "Diagnosed with iron deficiency anaemia last month (ferritin was really low). I keep reading that iron has something to do"
        " with the jumpy legs I get in bed. Is being low on iron actually a reason people end up with RLS?"
    )
    assert answer.answered  # the story's "Diagnosed" made it a diagnosis question: a sleep-study sentence came first
    assert "iron" in quotes(answer)[0]
    assert not any("sleep study" in q for q in quotes(answer))


def test_could_that_be_the_drug_asks_its_side_effects(multi_bot):
    answer = multi_bot.ask(
        "dad (79) started gabapentin for his legs 2 wks ago and he's gone unsteady and dozy. could that be the gabapentin?"
    )
    assert answer.answered
    assert quotes(answer)[0].startswith("Gabapentin may cause side effects.")
    assert "drowsiness" in quotes(answer)[0]


def test_rare_or_a_good_many_people_asks_how_common(bot):
    answer = bot.ask(
        "I should be most grateful if you could tell me whether this complaint is a rare one, or whether a good many people are"
        " afflicted by it."
    )
    assert answer.answered  # refused before, naming "affected and rare"
    assert any("percent" in q for q in quotes(answer))


def test_management_in_shorthand_asks_for_treatment(bot):
    answer = bot.ask("pt w/ RLS, ferritin low-normal. is iron supplementation part of mgmt?")
    assert answer.answered  # refused before: "mgmt" was a word the articles lack
    assert (
        quotes(answer)[0]
        == "Physicians may suggest that certain individuals take supplements to correct deficiencies in iron, folate, and magnesium."
    )


def test_the_disorder_opening_a_sentence_leans_on_the_one_before(bot):
    # "The disorder usually improves or goes away after giving birth." was quoted alone: which disorder?
    answer = bot.ask("will the jittery legs stop once the baby is born")
    assert answer.answered
    assert not any(q.startswith("The disorder") for q in quotes(answer))
    assert any("go away after giving birth" in q for q in quotes(answer))


def test_a_sleep_lab_is_a_sleep_study(multi_bot):
    answer = multi_bot.ask("do i have to spend a night in a sleep lab to get diagnosed")
    assert answer.answered
    assert quotes(answer)[0] == "Rarely, sleep studies are used to help diagnose RLS."


def test_an_adverb_tells_no_more_than_its_word():
    # "is his nightly whisky ok with it?": "nightly" is searched as night, and is as common a focus.
    nightly = QueryWord("nightly", "specific", (("night", 1.0),))
    assert focus_rarity(nightly) >= rarity("night")
    assert focus_rarity(QueryWord("whisky", "specific", (("alcohol", 1.0),))) <= rarity("whisky")


def test_a_sentence_is_not_cut_from_the_however_that_qualifies_it(bot, multi_bot):
    answer = bot.ask("Will it ever just settle down by itself for a while?")
    assert answer.answered  # quoted "RLS symptoms often get worse over time." alone, first
    assert "RLS symptoms often get worse over time. However, some people's symptoms go away for weeks to months." in quotes(answer)
    assert "RLS symptoms often get worse over time." not in quotes(answer)  # never the first half alone
    # A qualifier that points back ("... in these families") is not brought along.
    families = multi_bot.ask("rls run in familys?")
    assert families.answered
    assert not any("these families" in q for q in quotes(families))


def test_everyday_words_for_restless_and_for_gambling(multi_bot):
    answer = multi_bot.ask("what even is restless legs?? is it an actual medical thing or am i just fidgety")
    assert answer.answered  # refused before: "fidgety" was taken for a topic the articles lack
    assert quotes(answer)[0].startswith("Restless legs syndrome (RLS) is a disorder that causes a strong urge to move your legs.")
    spending = multi_bot.ask(
        "since he started his leg meds my husband has been spending silly money shopping online and on scratch cards."
        " could the tablets be doing that??"
    )
    assert spending.answered
    assert quotes(spending)[0] == "In some cases, RLS medicines may worsen problems with excessive gambling, shopping, or sexual activity."
