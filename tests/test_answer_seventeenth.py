"""Issue 12, seventeenth session.

Each test names a way an answer went wrong on main (3164777) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.conversation import Conversation
from tests.quoting import answered_quotes


def test_more_common_as_you_get_older_asks_how_common(bot):
    # Read as asking the cause ("more common"): quote [1] was "Researchers have described early-onset and late-onset forms ..."
    said = answered_quotes(bot.ask("my gran only got restless legs in her 80s - does it get more common as you get older?"))
    assert said[0] == "The prevalence of restless legs syndrome increases with age."
    # Of women it still asks who is at risk: the sentence that says so, not a prevalence figure.
    assert bot.query("is rls more common in women?").asks[:1] == ("cause",)


def test_meds_for_rls_asks_for_the_medicines_that_treat_it(bot):
    # No ask was read: "meds for restless legs?" quoted "Your doctor will diagnose ..." and "Some medicines can trigger or worsen RLS."
    said = answered_quotes(bot.ask("meds for restless legs?"))
    assert "Some medicines can trigger or worsen RLS." not in said
    assert any("approved by the U.S. Food and Drug Administration for treating" in quote for quote in said)
    said = answered_quotes(bot.ask("what meds r there for rls"))
    assert said[0].startswith("The drugs ropinirole, pramipexole, gabapentin enacarbil, and rotigotine have been approved")
    # The medicines told of as a cause do not ask for treatments.
    assert "treatment" not in bot.query("started antidepressants last month, could it be the meds??").asks


def test_will_they_get_it_too_asks_whether_it_is_inherited(bot):
    # "are they likely to get it too?" asked nothing: quote [1] was "Children may describe RLS symptoms differently than adults."
    question = "my husband has rls and so did his dad. if we have children are they likely to get it too?"
    assert bot.query(question).asks[:1] == ("inheritance",)
    assert "tends to run in families" in answered_quotes(bot.ask(question))[0]


def test_which_part_of_pregnancy_asks_when(bot):
    # No ask was read: the quote stopped at "For example, pregnancy is a risk factor for RLS." before the answer
    said = answered_quotes(bot.ask("which part of pregnancy does it usually start in?"))
    assert "It usually occurs during the last 3 months of pregnancy." in said[0]


def test_part_of_it_names_no_part_of_anything(bot):
    # "part" was a topic: "Studies suggest that restless legs syndrome is related to a shortage (deficiency) of iron in
    # certain parts of the brain." followed the PLMS answer.
    said = answered_quotes(bot.ask("his legs jerk every half minute while he's asleep. is that part of his restless legs?"))
    assert said == [
        "Many people who have RLS also have a condition called periodic limb movement in sleep (PLMS). "
        "PLMS causes your legs or arms to twitch or jerk about every 10 to 60 seconds during sleep."
    ]


def test_a_sentence_saying_what_is_behind_it_gives_a_cause(multi_bot):
    # "behind" was no cause in a sentence: quote [1] was the family-and-genetics pair.
    said = answered_quotes(multi_bot.ask("could low iron or low vitamin d cause rls?"))
    assert said[0] == "Finally, iron deficiency is known to be behind restless legs symptoms in some people [X]."


def test_foods_are_not_the_food_and_drug_administration(multi_bot):
    # "which foods help restless legs?" quoted the FDA-approved drugs second ("U.S. Food and Drug Administration").
    said = answered_quotes(multi_bot.ask("which foods help restless legs?"))
    assert not any("Food and Drug Administration" in quote for quote in said)
    # A source of iron is a food: "The best sources of iron are meat, ..." then "Some higher fat foods, like meat, ...",
    # not "Talk with your child's doctor about a healthy diet ..."
    said = answered_quotes(multi_bot.ask("best foods to get my iron up?"))
    assert said[:2] == [
        "The best sources of iron are meat, poultry, fish, and iron-fortified foods (foods that have iron added).",
        "Some higher fat foods, like meat, are the best sources of iron.",
    ]


def test_hemodialysis_is_a_kidney_disorder(multi_bot):
    # "hemodialysis" was not read as kidney failure: quote [1] was "Many people treated with hemodialysis complain of itchy skin ..."
    chat = Conversation(multi_bot)
    chat.ask("my wife is on haemodialysis and her legs jump all night")
    said = answered_quotes(chat.ask("can she take magnesium for it?"))
    assert said[0] == "You also shouldn’t take magnesium if you have any kidney disorders, including kidney failure."


def test_what_a_drug_is_taken_with_is_the_same_whatever_it_is_for(multi_bot):
    # Vicodin is named only on the gabapentin leaflet's list, outside any RLS page: "The articles mention naproxen and vicodin
    # only about other conditions, not restless legs syndrome."
    question = "on naproxen and vicodin for my back. the doc wants to add horizant for the rls. will they clash?"
    said = answered_quotes(multi_bot.ask(question))
    assert "Be sure to mention any of the following: hydrocodone (in Hydrocet, in Vicodin, others)" in said[0]


def test_a_decade_is_no_word_the_articles_lack(bot):
    # 'Not found in the articles: "80s".' opened an answer that quotes the prevalence sentence.
    answer = bot.ask("my gran only got rls in her 80s, is it more common as you get older?")
    assert answer.answered and answer.missing == ()
    assert bot.ask("is melatonin ok for people in their 80s?").missing == ("melatonin",)
