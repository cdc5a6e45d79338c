"""Issue 12, nineteenth session.

Each test names a way an answer went wrong on main (50aedbc) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.conversation import Conversation
from tests.quoting import answered_quotes, refusal

DROWSY_OR_DIZZY = "Gabapentin may cause side effects. Tell your doctor if any of these symptoms are severe or do not go away:"


def test_will_the_drug_make_him_dizzy_keeps_the_drug_and_the_dizziness_as_its_focus(multi_bot):
    # The side-effects ask took the drug's name and "dizzy" as its own words: nothing was left to look for, and the question
    # was refused without a word on what was missing.
    said = answered_quotes(multi_bot.ask("will the gabapentin make him dizzy?"))
    assert said[0].startswith(DROWSY_OR_DIZZY)
    # A brand name asks it too (it was read as no ask at all: "The extended-release tablet (Horizant) is taken with food ...").
    question = "my blood pressure runs low and i already get dizzy standing up. does horizant make you dizzy?"
    assert multi_bot.query(question).asks[:1] == ("side effects",)
    assert answered_quotes(multi_bot.ask(question))[0].startswith(DROWSY_OR_DIZZY)


def test_a_nerve_thing_asks_whether_it_is_neurological(multi_bot):
    # "is it a nerve thing" quoted the sentence on nerve tests.
    said = answered_quotes(
        multi_bot.ask(
            "just got diagnosed with rls today and im honestly scared. what actually IS it? is it a nerve thing or all in my head"
        )
    )
    assert said[0].startswith("Restless legs syndrome (RLS) is a neurological disorder characterized by unpleasant sensations in the legs")


def test_a_story_of_restless_legs_adds_nothing_to_a_question_that_names_rls(bot):
    # The story's "restless legs" weighed in beside the question's "RLS": the pregnant-women sentence came first.
    said = answered_quotes(
        bot.ask(
            "I'm 51 and right in the middle of the menopause, and the restless legs started around the same time as the hot "
            "flushes. Is RLS more common in women?"
        )
    )
    assert said[0] == "RLS affects both genders, but women are more likely to have it than men."


def test_kids_who_ask_are_not_whom_it_is_asked_for(bot):
    question = "what actually is restless legs syndrome, is it a nerve problem? my kids keep asking why their dad cant sit still"
    assert bot.query(question).populations == ()
    said = answered_quotes(bot.ask(question))
    assert said[0].startswith("Restless legs syndrome (RLS) is a neurological disorder")
    assert bot.query("my kids keep kicking at night, can children get rls?").populations == ("child",)


def test_a_medicine_that_cuts_stomach_acid_by_name(multi_bot):
    # "omeprazole" was a word the articles lack: the question was refused.
    said = answered_quotes(multi_bot.ask("i take omeprazole every day for reflux - does that affect iron tablets working?"))
    assert said[0] == "Prescription medicines that reduce acid in the stomach also can interfere with iron absorption."


def test_a_run_late_at_night_is_exercise(multi_bot):
    # "run" is a filler ("does it run in families") and "running" a word of the story: quote [1] was high doses of magnesium.
    said = answered_quotes(
        multi_bot.ask("started running to help me quit the fags. is it ok to go for a run late at night or will it wind my legs up")
    )
    assert "exercise" in said[0]
    assert not any("magnesium" in quote for quote in said)


def test_is_that_part_of_the_restless_legs_asks_whether_it_goes_with_rls(bot):
    # "part" was read as a topic ("parts of the brain"): quote [1] was the iron-in-the-brain sentence.
    said = answered_quotes(
        bot.ask(
            "my wife says I kick her all night long in my sleep and I don't remember any of it. "
            "is that part of the restless legs or something different"
        )
    )
    assert said[0].startswith("Many people with restless legs syndrome also experience uncontrollable, repetitive leg movements")


def test_keeping_the_brain_busy_is_the_challenging_activity_before_bedtime(bot):
    # "keeping" and "brain" were the focus: quote [1] was the good-sleep-habits list ("Keeping the area where you sleep cool ...").
    said = answered_quotes(bot.ask("is doing revision right before bed bad for rls or does keeping my brain busy actually help"))
    assert said[0] == "Doing a challenging activity before bedtime, such as solving a crossword puzzle, may ease your RLS symptoms."


def test_what_to_cut_out_asks_what_sets_it_off(bot):
    # "stop it coming on" asked for treatments: quote [1] was "Regular, moderate physical activity also can help ..."
    question = "what should i be cutting out to stop it coming on?"
    assert bot.query(question).asks[:1] == ("cause",)
    said = answered_quotes(bot.ask(question))
    assert said[0].startswith("Many common substances, such as alcohol and tobacco, can trigger RLS symptoms.")
    # What to avoid while taking something is not what sets it off.
    assert "cause" not in bot.query("what should i avoid when taking magnesium?").asks


def test_the_late_starting_kind_is_the_late_onset_form(multi_bot):
    # "late starting" named nothing: quote [1] was "In some affected families, ... autosomal dominant pattern of inheritance."
    said = answered_quotes(
        multi_bot.ask(
            "I'm 71 and only got restless legs this year. My son is worried he'll get it from me - is the late starting kind passed on?"
        )
    )
    assert any("late-onset form" in quote for quote in said[:2])


def test_pad_in_capitals_is_peripheral_artery_disease_not_a_heating_pad(multi_bot):
    # "PAD" matched the heating pad and "P.A.D." was no word at all.
    for question in ("is P.A.D. the same as rls?", "my dad has PAD, could that be his restless legs?"):
        said = answered_quotes(multi_bot.ask(question))
        assert "peripheral artery disease" in said[0], question
    assert "heating pad" in answered_quotes(multi_bot.ask("can i use a heating pad?"))[0]


def test_when_it_is_worst_is_when_it_is_worse(bot):
    # "worst" was a filler the articles do not have: quote [1] was the good-sleep-habits list.
    said = answered_quotes(bot.ask("what time of day is it usually worst"))
    assert said[0].endswith("Thus, they tend to be worse in the evening and at night.")


def test_how_much_would_i_give_my_8_year_old_is_a_childs_dose_and_refused(multi_bot):
    # "how much would i give" was read as no ask: the follow-up quoted "... It may even start in childhood." as if it answered.
    chat = Conversation(multi_bot)
    chat.ask("is magnesium any good for restless legs")
    answer = chat.ask("ok so how much would i give my 8 year old then? she gets the same leg thing as me")
    assert "children" in " ".join(refusal(answer))
    assert multi_bot.query("how much would you say it affects sleep?").asks[:1] != ("dose",)
