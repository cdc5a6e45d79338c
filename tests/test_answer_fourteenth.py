"""Issue 12, fourteenth session: questions typed in a hurry, and the medicines that bring it on.

Each test names a way an answer went wrong on main (98849cc) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.asks import asks_of
from rlsbot.english import english_spelling, respelled
from tests.quoting import answered_quotes, refusal


def test_a_misspelt_ask_is_read_as_the_ask(bot):
    # "comon" was searched as "common", but no ask was read from it: "The prevalence ... increases with age." came first.
    said = answered_quotes(bot.ask("how comon is rls realy"))
    assert "It affects an estimated 5 to 10 percent of adults and 2 to 4 percent of children in the United States." in said[0]
    # A drug's name is no English word misspelt.
    assert respelled("Ropinerol side efects?", bot.index.surface) == ("Ropinerol side effects?", {"efects": "effects"})
    assert bot.query("ropinerol side efects").asks[:1] == ("side effects",)


def test_a_misspelt_everyday_word_sinks_nothing(bot):
    # "exacly" and "giv" were words the articles lack: both refused.
    assert (
        answered_quotes(bot.ask("wat is rls exacly"))[0]
        == "Restless legs syndrome (RLS) is a disorder that causes a strong urge to move your legs."
    )
    said = answered_quotes(bot.ask("can magnesum giv u the runs??"))
    assert said[0].startswith("The most common side effect of magnesium is stomach upset.") and said[0].endswith("- diarrhea")


def test_a_left_out_letter_is_put_back_before_another_is_changed():
    # "wich" was read as "with" (one letter changed, and commoner); "which" asks for a comparison.
    assert english_spelling("wich") == "which"
    assert english_spelling("giv") == "give"
    assert english_spelling("tms") is None  # three letters are read only with one put back


def test_a_comparison_typed_in_a_hurry_is_still_refused(bot):
    # A guard, not a failure on main: once "wich" was read as "with", this was answered with three sentences on magnesium.
    answer = bot.ask("magnesium morning or night wich is better for rls")
    assert not answer.answered
    assert answer.gaps == ("The articles discuss magnesium, but do not say which is better.",)


def test_curable_is_asked_of_the_cure(bot):
    # "RLS symptoms often get worse over time. However, ..." came first: "curable" found no "cure".
    assert answered_quotes(bot.ask("is rls curable yes or no"))[0] == "RLS is generally a life-long condition for which there is no cure."


def test_grandchildren_are_who_it_is_about(bot):
    # "grandchildren" was a topic the articles lack: refused.
    said = answered_quotes(bot.ask("Could my grandchildren get it from me? Mine didn't start till I was in my sixties."))
    assert said[0] == "In some affected families, restless legs syndrome appears to have an autosomal dominant pattern of inheritance."


def test_the_medicine_doing_that_is_no_question_of_treatment(bot):
    # "can the medicine do that" read "medicine" as asking for treatments: the FDA-approved drugs came first.
    assert "treatment" in [a.kind for a in asks_of("which medicines make rls better?")]  # only bringing it on is no treatment
    question = "been on pramipexole a year, worked great at first now my legs are worse than before i started. can the medicine do that"
    assert "treatment" not in bot.query(question).asks
    assert answered_quotes(bot.ask(question))[0] == "Sometimes, continued use of RLS medicines may make your RLS symptoms worse."


def test_which_drugs_bring_it_on_is_not_answered_with_treatments(bot):
    # "The goals of treatment are to: ..." and "Traditional treatments are available for RLS, ..." were quoted.
    for question in ("which drugs cause rls", "which medicines can make restless legs worse?"):
        assert [a.kind for a in asks_of(question)][:1] == ["cause"], question
        said = answered_quotes(bot.ask(question))
        assert not any(q.startswith(("The goals of treatment", "Traditional treatments")) for q in said), question
    # ... and the medicines are named in the quote, not only in its heading: "Certain substances, such as alcohol and
    # tobacco, also can trigger or worsen RLS symptoms." (section "Medicines and Substances") came first.
    said = answered_quotes(bot.ask("which medicines can make restless legs worse?"))
    assert said[0].startswith("Certain medicines may trigger RLS. These include some:")
    assert not any(q.startswith("Certain substances") for q in said)


def test_what_doctors_prescribe_asks_for_treatments(bot):
    # "prescribe" was what the question was about: "If your doctor thinks you have RLS, he or she may prescribe ..." came first.
    said = answered_quotes(bot.ask("What tablets do doctors actually prescribe for restless legs?"))
    assert said[0].startswith("The drugs ropinirole, pramipexole, gabapentin enacarbil, and rotigotine have been approved")
    assert "treatment" not in [a.kind for a in asks_of("can my gp prescribe iron")]  # who prescribes is no question of treatment


def test_make_it_worse_is_the_condition_and_who_it_was_about_still_carries(bot):
    from rlsbot.conversation import Conversation

    # After a child's magnesium dose, "does walking ... make it worse?" was refused as "The articles discuss magnesium,
    # but not for children.": "it" was read as the magnesium. It is the condition; the child is still who it is about.
    chat = Conversation(bot)
    chat.ask("how much magnesium can i give my 7 year old?")
    assert refusal(chat.ask("does walking before bed help or make it worse?")) == ("The articles discuss walking, but not for children.",)
    # After an adult's question the walking is answered, not the magnesium asked about before.
    chat = Conversation(bot)
    chat.ask("does magnesium help rls?")
    said = answered_quotes(chat.ask("does walking before bed help or make it worse?"))
    assert said and not any("magnesium" in q.lower() for q in said)
    assert any("walking" in q for q in said)
