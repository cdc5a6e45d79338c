"""Issue 12, twelfth session: treatments asked for in everyday words, a child's treatment, the articles' words for things.

Each test names a way an answer went wrong on main (2365f85) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.asks import asks_of
from rlsbot.conversation import Conversation
from tests.quoting import answered_quotes, refusal

TRIGGERING_MEDICINES = "Certain medicines may trigger RLS. These include some:"


def test_what_tablets_they_give_asks_for_treatments(multi_bot):
    question = "what tablets do they usually give dialysis patients for restless legs"
    assert [a.kind for a in asks_of(question)] == ["treatment"]
    # No ask was read: three sentences on the conditions that trigger RLS answered it.
    said = answered_quotes(multi_bot.ask(question))
    assert not any("trigger" in q for q in said)
    assert said[0] == "Kidney transplants (but not dialysis) relieve RLS linked to kidney failure."
    # Pills a story says were taken for something else are no treatment question.
    assert "treatment" not in [a.kind for a in asks_of("could the pills I take for my heart be making my legs worse?")]


def test_a_childs_treatment_needs_a_sentence_on_treating_children(bot):
    # "Children may describe RLS symptoms differently than adults." was quoted as the medicines that help children.
    answer = bot.ask("what medicines help restless legs in children?")
    assert refusal(answer) == ("The articles do not say how to treat it for children.",)
    # For adults the same question is answered.
    said = answered_quotes(bot.ask("what medicines help restless legs?"))
    assert any("approved by the U.S. Food and Drug Administration" in q for q in said)


def test_anti_sickness_tablets_are_the_antinausea_medicines(bot, multi_bot):
    # "sickness" was searched as itself: "Side effects may include nausea (feeling sick to your stomach), ..." came first.
    said = answered_quotes(bot.ask("they gave me anti sickness meds after my op and my restless legs went through the roof. coincidence?"))
    assert said[0].startswith(TRIGGERING_MEDICINES)
    assert "- Antinausea medicines (used to treat upset stomach)" in said[0]
    # "could they be ...?" points at the story's tablets (the quotes were about caffeine, alcohol and tobacco).
    said = answered_quotes(multi_bot.ask("still on anti-sickness tablets after my chemo. could they be making my restless legs worse?"))
    assert said[0].startswith(TRIGGERING_MEDICINES)


def test_winding_the_legs_up_asks_what_the_story_does_to_them(multi_bot):
    # Refused: "The articles mention winding only about other conditions, not restless legs syndrome."
    said = answered_quotes(multi_bot.ask("my mum takes an antihistamine for her hay fever at night. could that be winding her legs up?"))
    assert said[0].startswith(TRIGGERING_MEDICINES)
    assert "Cold and allergy medicines that contain antihistamines" in said[0]


def test_energy_drinks_are_read_as_caffeine(bot):
    # Refused: the articles never say "energy".
    said = answered_quotes(bot.ask("energy drinks + rls = bad?"))
    assert "Caffeine, tobacco, and alcohol may make symptoms worse." in said


def test_is_that_an_approved_drug_points_at_the_story(bot):
    # "is that actually an approved med" did not point back at the ropinirole: the quotes said medicines in general.
    said = answered_quotes(
        bot.ask("just back from the GP with a script for ropinirole. is that actually an approved med for restless legs?")
    )
    assert said[0].startswith("The drugs ropinirole, pramipexole, gabapentin enacarbil, and rotigotine have been approved")


def test_worse_fast_is_the_articles_worse_more_rapidly(bot):
    # Refused over "fast": the articles say the late-onset form's symptoms "tend to worsen more rapidly".
    said = answered_quotes(bot.ask("mine only started at 58. is it going to get worse fast?"))
    assert "its signs and symptoms tend to worsen more rapidly" in said[0]


def test_a_follow_up_about_giving_birth_does_not_carry_the_evening(bot):
    # The first turn's "every evening" was carried as the focus: "The articles discuss evening, but not for pregnancy."
    chat = Conversation(bot)
    chat.ask("34 weeks pregnant with my second and my legs are torture every evening, never had this before")
    said = answered_quotes(chat.ask("will it stop once the baby's here?"))
    assert "RLS that occurs due to pregnancy tends to go away after giving birth." in said[0]
    # A follow-up that asks of the thing itself keeps it: how many cups of coffee is still about coffee, and not answered.
    chat = Conversation(bot)
    chat.ask("does coffee make restless legs worse")
    assert not chat.ask("ok so how many cups a day is safe then?").answered


def test_the_two_connected_keeps_the_legs_the_subject(multi_bot):
    # The anaemia page's sentences on heavy periods came first: the story's anaemia was taken for the question's subject.
    said = answered_quotes(
        multi_bot.ask(
            "I've got iron deficiency anaemia from heavy periods and my legs have been horrendous at night. are the two connected?"
        )
    )
    assert said[0].startswith("Some people who have iron-deficiency anemia develop restless legs syndrome (RLS).")


def test_impulse_control_problems_are_the_articles_excessive_gambling_and_shopping(multi_bot):
    # "Magnesium deficiency can cause problems with nerve impulse conduction, ..." came first.
    said = answered_quotes(multi_bot.ask("impulse control problems with RLS drugs?"))
    assert said[0] == "In some cases, RLS medicines may worsen problems with excessive gambling, shopping, or sexual activity."
