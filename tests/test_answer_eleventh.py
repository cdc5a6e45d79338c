"""Issue 12, eleventh session: what long use of a medicine does, asks in everyday words, the articles' own names for things.

Each test names a way an answer went wrong on main (bc5e30b) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.asks import asks_of
from tests.quoting import answered_quotes, quotes, refusal

LONG_USE = "Sometimes, continued use of RLS medicines may make your RLS symptoms worse."


def test_what_long_use_of_a_named_drug_does_is_said_of_rls_medicines(bot, multi_bot):
    # "... it worked great for the first year ... what's going on?" was read as "what is RLS?": two definitions.
    answer = multi_bot.ask(
        "my husband has been on requip for ages and it worked great for the first year, now his legs start up in the afternoon. "
        "what's going on?"
    )
    said = answered_quotes(answer)
    assert said[0] == LONG_USE
    # The drug named, refused because no sentence on what long use does names ropinirole.
    answer = bot.ask("Ropinirole was great for a year but now my legs are worse than before I started it. Is it the tablets?")
    said = answered_quotes(answer)
    assert said[0] == LONG_USE


def test_whats_going_on_is_no_definition():
    assert "definition" not in [a.kind for a in asks_of("what's going on?")]
    assert "definition" not in [a.kind for a in asks_of("what is happening to my legs?")]
    assert [a.kind for a in asks_of("restless legs - what is it exactly?")] == ["definition"]


def test_what_is_it_exactly_quotes_a_definition(bot):
    # "exactly" before the question mark hid the definition: "Restless legs syndrome (RLS) has no cure." came first.
    answer = bot.ask("restless legs - what is it exactly?")
    said = answered_quotes(answer)
    assert said[0].startswith("Restless legs syndrome (RLS) is a disorder that causes a strong urge to move your legs.")


def test_which_meds_are_there_asks_for_treatments(multi_bot):
    # No ask was read: "In some cases, RLS medicines may worsen problems with excessive gambling ..." came first.
    answer = multi_bot.ask("what tablets are available for rls?")
    said = answered_quotes(answer)
    assert said[0].startswith("The drugs ropinirole, pramipexole, gabapentin enacarbil, and rotigotine have been approved")


def test_a_treatment_question_does_not_quote_the_medicines_that_bring_it_on(multi_bot):
    # "Some prescription and over-the-counter medicines can cause or worsen RLS symptoms." answered "which meds are there".
    answer = multi_bot.ask("which prescription meds are there for restless legs?")
    said = answered_quotes(answer)
    assert not any("cause or worsen" in q or "may trigger" in q for q in said)
    # Asked what makes it worse, that sentence still answers.
    answer = multi_bot.ask("which medicines can make restless legs worse?")
    assert any("trigger" in q or "worsen" in q for q in quotes(answer)[:2])


def test_does_it_ever_stop_asks_how_it_will_go(bot):
    # No ask was read: a sentence on mild symptoms on a long airplane trip came first.
    answer = bot.ask("my legs have kept me awake for months. does it ever stop?")
    said = answered_quotes(answer)
    assert said[0] == "RLS symptoms often get worse over time. However, some people's symptoms go away for weeks to months."


def test_before_they_can_say_for_sure_asks_for_the_diagnosis(multi_bot):
    answer = multi_bot.ask("what would my doctor need to know before they can say for sure it's restless legs?")
    said = answered_quotes(answer)
    # Since the fifteenth session "before they can say" asks what a diagnosis needs, which the four key signs answer too
    # (blind judges called it an answer to "what does the doctor need to see before they can say for sure it's rls?").
    assert said[0].startswith("Your doctor will diagnose restless legs syndrome (RLS) based on your signs and symptoms") or said[0] == (
        "You must have the four key signs of RLS to be diagnosed with the disorder."
    )


def test_getting_iron_checked_asks_for_a_test(bot):
    # Refused: "The articles discuss iron, but no passage answers this question."
    answer = bot.ask("should I get my iron levels checked?")
    said = answered_quotes(answer)
    assert "your doctor may recommend blood tests to measure your iron levels" in said[0]


def test_the_usual_doctor_is_the_primary_care_doctor_with_what_qualifies_it(bot):
    # Refused over "normal" and "handle"; and "However, he or she also may suggest that you see a sleep specialist" was cut
    # off wherever the sentence before it ranked first ("that you see" is no pointing back).
    answer = bot.ask("do i need a specialist or can my normal GP handle it")
    said = answered_quotes(answer)
    assert said[0] == (
        "Your primary care doctor usually can diagnose and treat RLS. "
        "However, he or she also may suggest that you see a sleep specialist or neurologist."
    )


def test_feeding_it_asks_what_makes_it_worse(bot):
    answer = bot.ask("I drink about six cans of cola a day. Could that be feeding it?")
    said = answered_quotes(answer)
    assert "caffeine" in said[0].lower() and "worse" in said[0]


def test_mag_is_magnesium(bot):
    # "mag" was an everyday word: "Side effects may include nausea ..." (another drug's leaflet) came first.
    answer = bot.ask("mag tablets upset my stomach, is that common?")
    said = answered_quotes(answer)
    assert said[0].startswith("The most common side effect of magnesium is stomach upset.")


def test_am_i_to_expect_asks_how_it_will_go(bot):
    # Refused: "expect" and "deterioration" were words the articles lack.
    answer = bot.ask("I was diagnosed at 68. Am I to expect a steady deterioration?")
    said = answered_quotes(answer)
    assert "worsen" in said[0]


def test_a_medicine_by_its_own_name_is_read_as_the_kind_the_articles_name(bot, multi_bot):
    # "sertraline", "cetirizine", "doxycycline": words the articles lack, so their lists of medicines were never quoted.
    answer = bot.ask("my mum takes sertraline. could that make her restless legs worse?")
    said = answered_quotes(answer)
    assert "- Antidepressants (used to treat depression)" in said[0]
    answer = multi_bot.ask("I take amlodipine, sertraline and cetirizine most days. could any of these be setting my legs off at night?")
    said = answered_quotes(answer)
    assert said[0].startswith("Certain medicines may trigger RLS. These include some:")
    answer = bot.ask("can i take magnesium while im on doxycycline for my chest?")
    said = answered_quotes(answer)
    assert "tetracycline antibiotics" in said[0]


def test_a_refusal_names_the_kind_the_articles_discuss_not_the_medicine_they_never_name(bot):
    answer = bot.ask("sertraline or citalopram, which is better for restless legs?")
    assert refusal(answer) == ("The articles discuss antidepressants, but do not say which is better.",)


def test_which_is_least_likely_asks_for_a_comparison(multi_bot):
    # Answered with the list of medicines that trigger RLS, which says nothing of which antihistamine is least likely to.
    answer = multi_bot.ask("which hayfever tablet is least likely to set off my restless legs? cetirizine or loratadine?")
    assert not answer.answered
    assert [a.kind for a in asks_of("which type is more likely to be passed down?")][0] == "comparison"


def test_a_bare_why_asks_why_of_what_was_asked(multi_bot):
    # "why?" after "is it always worse at night?" asked what causes RLS: a sentence on dopamine came first.
    from rlsbot.conversation import Conversation

    chat = Conversation(multi_bot)
    chat.ask("is restless legs always worse at night?")
    answer = chat.ask("why?")
    said = answered_quotes(answer)
    assert said[0] == (
        "The urge to move and unpleasant feelings happen when you're resting and inactive. "
        "Thus, they tend to be worse in the evening and at night."
    )


def test_a_bare_how_much_asks_for_the_dose(bot):
    # "how much?" after "is magnesium worth trying?" asked nothing: three sentences on whether magnesium helps, no amount.
    from rlsbot.conversation import Conversation

    assert [a.kind for a in asks_of("how much?")] == ["dose"]
    chat = Conversation(bot)
    chat.ask("is magnesium worth a try for restless legs?")
    answer = chat.ask("how much?")
    said = answered_quotes(answer)
    assert "daily doses of 270-350 mg" in said[0]


def test_will_they_make_me_sleepy_asks_for_side_effects_not_driving(bot):
    # The story's lorry made it a question of driving, refused: "The articles discuss sleepy, but do not say whether you can drive."
    answer = bot.ask("my GP wants to start me on tablets for my legs but I drive a bus. will they make me sleepy?")
    said = answered_quotes(answer)
    assert "daytime sleepiness" in said[0]


def test_everyday_asks_for_treatments_and_interactions():
    assert [a.kind for a in asks_of("what actually helps the legs?")][0] == "treatment"
    assert [a.kind for a in asks_of("are any of her other meds a problem with it?")] == ["interactions"]
