"""Issue 12, thirteenth session: asks read from everyday words, and quotes that bring the sentence they lean on.

Each test names a way an answer went wrong on main (035f715) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.asks import asks_of
from rlsbot.quotes import quotable_span
from tests.quoting import answered_quotes, sentence_in


def test_how_many_get_it_asks_how_common(bot):
    # No ask was read: "The unpleasant feelings from RLS aren't the same as the leg cramps many people get at night." came first.
    assert [a.kind for a in asks_of("how many get rls?")] == ["prevalence"]
    said = answered_quotes(bot.ask("how many get rls?"))
    assert "It affects an estimated 5 to 10 percent of adults and 2 to 4 percent of children in the United States." in said[0]
    # A count of something taken is still a dose.
    assert [a.kind for a in asks_of("how many tablets of magnesium a day?")] == ["dose"]


def test_a_mix_up_is_not_mixing_medicines(bot):
    question = "my mum's doc has put her on a parkinsons drug for her legs but she doesnt have parkinsons!! is this a mix up??"
    # Read as an interactions question, it was refused: "... do not say whether it interacts with other medicines."
    assert "interactions" not in [a.kind for a in asks_of(question)]
    assert "Some of the medicines used to treat RLS also are used to treat Parkinson's disease." in answered_quotes(bot.ask(question))
    assert "interactions" in [a.kind for a in asks_of("is it ok to mix magnesium with my blood pressure pills?")]


def test_a_woman_thing_asks_who_gets_it_more(bot):
    # No ask was read: "People with low iron levels ... and women who are pregnant are also more likely ..." came first,
    # and "a girl thing" found nothing to look for.
    for question in ("is this more of a woman thing? never had it till my late 40s", "is rls more of a girl thing?"):
        assert [a.kind for a in asks_of(question)] == ["cause"], question
        assert answered_quotes(bot.ask(question))[0] == "RLS affects both genders, but women are more likely to have it than men."


def test_the_disorder_after_an_opening_phrase_is_quoted_with_the_sentence_that_names_it(bot):
    # "For unknown reasons, the disorder affects women more often than men." was quoted alone: judged unable to stand alone.
    said = [q for q in answered_quotes(bot.ask("is rls more of a girl thing?")) if "For unknown reasons" in q]
    assert said
    assert all(q.startswith("Restless legs syndrome is one of the most common sleep and movement disorders.") for q in said)


def test_true_or_false_and_the_science_name_nothing_to_look_for(bot):
    # "false" was a topic the articles lack: refused.
    question = "someone in a facebook group insisted kids can't get restless legs and it's only an old person's problem. true or false?"
    assert any("It may even start in childhood." in q for q in answered_quotes(bot.ask(question)))
    # "the science" is the research: "If your doctor thinks you have RLS, he or she may prescribe ..." answered it.
    question = "wellness influencer says magnesium cures restless legs and doctors just don't want you to know. what does the science actually say?"
    assert [a.kind for a in asks_of(question)][0] == "research"  # ("cures": the outlook, after it)
    said = answered_quotes(bot.ask(question))
    # What the science says of the magnesium the story names (since the eighteenth session "what does the science say?"
    # asks of the story): the trial that found no benefit, or the strongest evidence; blind judges called both answers.
    assert said[0].startswith(
        (
            "The placebo-controlled trial that Marshall and coworkers reviewed [X] did not detect any significant benefits of magnesium",
            "The strongest evidence for supplements alleviating restless leg syndrome is magnesium in pregnant women.",
        )
    )
    assert not any(quote.startswith("If your doctor thinks you have RLS") for quote in said)


def test_if_the_medicines_is_quoted_with_the_sentence_that_names_them(bot):
    # "If the medicines relieve your symptoms, your doctor can confirm that you have RLS." was quoted alone: which medicines?
    nhlbi = bot.articles["nih-nhlbi-restless-legs.md"]
    text = nhlbi.text
    leaning = "If the medicines relieve your symptoms, your doctor can confirm that you have RLS."
    passage, i = sentence_in(nhlbi, leaning)
    start, end = quotable_span(text, passage.sentences, i)
    assert text[start:end].startswith("If your doctor thinks you have RLS, he or she may prescribe certain medicines")
    assert text[start:end].endswith(leaning)


def test_does_it_work_and_is_it_safe_asks_first_whether_it_works(bot):
    # Safety came first, strict for pregnancy: only "Magnesium administered via an IV may not be safe for women who are
    # pregnant or breastfeeding." was quoted, which does not say whether magnesium works.
    question = "pregnant and desperate for sleep - does magnesium actually work for this and is it safe for the baby?"
    assert [a.kind for a in asks_of(question)] == ["effect", "safety"]
    said = answered_quotes(bot.ask(question))
    assert said[0] == "The strongest evidence for supplements alleviating restless leg syndrome is magnesium in pregnant women."
    # Asked alone, safety in pregnancy is still answered with the sentence on safety.
    assert "Magnesium administered via an IV may not be safe" in answered_quotes(bot.ask("is magnesium safe in pregnancy?"))[0]


def test_old_people_is_what_the_articles_say_of_age(bot):
    # "old" is the filler of "6 years old": "only old people get restless legs" named nothing, and
    # "Restless legs syndrome (RLS) has no cure." came first.
    said = answered_quotes(bot.ask("true or false: only old people get restless legs"))
    assert said[0] in ("The prevalence of restless legs syndrome increases with age.", "The number of cases of RLS rises with age.")
    assert not any("no cure" in q for q in said)
