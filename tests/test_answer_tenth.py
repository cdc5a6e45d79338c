"""Issue 12, tenth session: where someone lives, what a story's "that" points at, and words that only say what it is for.

Each test names a way an answer went wrong on main (5e37e07) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.asks import asks_of
from rlsbot.populations import populations_of
from tests.quoting import answered_quotes, quotes


def test_a_nursing_home_is_where_someone_lives_not_breastfeeding(bot):
    # "I'm a carer in a nursing home ..." was refused: "The articles discuss antipsychotic, but not for breastfeeding."
    question = (
        "I'm a carer in a nursing home. One of our residents has restless legs and she takes an antipsychotic. "
        "Could the antipsychotic be making her legs worse?"
    )
    assert populations_of(question) == []
    assert [p.kind for p in populations_of("is magnesium safe while I am nursing?")] == ["breastfeeding"]
    answer = bot.ask(question)
    said = answered_quotes(answer)
    assert "Antipsychotics (used to treat certain mental health disorders)" in said[0]


def test_will_that_sort_it_out_points_at_the_story(bot):
    # "will that sort out ..." named nothing of its own and the story's dialysis only ranked: two quotes on magnesium first.
    answer = bot.ask("My mum just started dialysis. Will that sort out her restless legs?")
    said = answered_quotes(answer)
    assert said[0] == "Kidney transplants (but not dialysis) relieve RLS linked to kidney failure."


def test_could_that_be_why_asks_for_the_storys_reason_not_a_time():
    # "... every night" made "could that be why" a question of when, and the story's low iron only ranked.
    assert [a.kind for a in asks_of("could that be why my legs go crazy every night?")] == ["cause"]
    assert "timing" in [a.kind for a in asks_of("why are my legs worse every night?")]


def test_could_that_be_why_quotes_the_storys_cause(bot):
    answer = bot.ask("my blood test came back and my iron is low. could that be why my legs go crazy every night?")
    said = answered_quotes(answer)
    assert all("iron" in q for q in said)
    assert not any(q.startswith("The signs and symptoms of restless legs syndrome range from mild to severe") for q in said)


def test_adhd_is_hyperactivity(bot, multi_bot):
    # Refused on both libraries: the articles say "hyperactivity", never "ADHD".
    for library in (bot, multi_bot):
        answer = library.ask("Is ADHD linked to restless legs in children?")
        said = answered_quotes(answer)
        assert "In children, the condition may occur with hyperactivity." in said[0]


def test_a_woman_or_a_man_asks_of_women_and_men(bot):
    # "man" was an everyday word the articles lack and "woman" matched pregnant women: a sentence on anemia first.
    for question in ("is restless legs more in woman or in man?", "which gets RLS more, man or woman?"):
        answer = bot.ask(question)
        said = answered_quotes(answer)
        assert said[0] == "RLS affects both genders, but women are more likely to have it than men."


def test_what_an_answer_is_for_weighs_nothing(bot, multi_bot):
    # "coursework" was a topic the articles lack: refused. "medically speaking" was the focus: a sentence on triggers.
    genetic = bot.ask("is restless legs passed down in families? what's the genetic pattern? it's for my coursework")
    assert genetic.answered
    assert any("autosomal dominant pattern of inheritance" in q for q in quotes(genetic))
    defined = multi_bot.ask("For my essay I need a proper definition. What exactly is restless legs syndrome, medically speaking?")
    assert defined.answered
    assert quotes(defined)[0].startswith("Restless legs syndrome (RLS) is a")
    official = bot.ask("what are the official criteria for being diagnosed with RLS?")
    assert official.answered
    assert "You must have the four key signs of RLS to be diagnosed with the disorder." in quotes(official)


def test_the_underlying_cause_is_the_cause(bot):
    # "underlying" was the focus: "Your doctor will do a physical exam to check for underlying conditions ..." first.
    answer = bot.ask("What do scientists think is the underlying cause of RLS?")
    said = answered_quotes(answer)
    assert not any("underlying conditions" in q for q in said)
    assert any("the main cause of restless legs syndrome (RLS) is a faulty use of iron" in q for q in said)


def test_sleeping_pills_are_sleep_medications(bot):
    # "sleeping pills" matched nothing but "sleep": "Taking a daily magnesium supplement ... can improve sleep quality."
    answer = bot.ask("can sleeping pills help with restless legs?")
    said = answered_quotes(answer)
    assert "sleep medications, which can reduce insomnia caused by RLS" in said[0]


def test_which_one_is_actually_better_asks_for_a_comparison(bot):
    # Answered with the FDA-approval sentence, which names both and compares neither.
    answer = bot.ask("I've tried ropinirole and pramipexole. Which one is actually better?")
    assert not answer.answered
    assert any("do not say which is better" in gap for gap in answer.gaps)


def test_a_brands_form_names_it_in_its_own_leaflet(multi_bot):
    # "Swallow the extended-release tablets whole ..." does not say "Horizant": it ranked third, after two that do.
    answer = multi_bot.ask("can I crush horizant tablets?")
    said = answered_quotes(answer)
    assert said[0] == "Swallow the extended-release tablets whole; do not cut, chew, or crush them."


def test_a_story_of_the_legs_leaves_the_brand_the_subject(multi_bot):
    # "... for my legs." made the question one of restless legs, and only "(Horizant) are used to treat ..." named them.
    answer = multi_bot.ask(
        "Neuro switched me from Neurontin to Horizant for my legs. What time of day do I take the Horizant and do I need to eat with it?"
    )
    said = answered_quotes(answer)
    assert said[0] == "The extended-release tablet (Horizant) is taken with food once daily at about 5 PM."


def test_a_dose_asked_of_the_storys_drug_is_never_another_ones(multi_bot):
    # "what's a safe dose at his age?" read as a definition, with pramipexole only ranking: the adult magnesium dose was quoted.
    assert [a.kind for a in asks_of("what's a safe dose at his age?")] == ["dose", "safety"]
    answer = multi_bot.ask("dad is 91 and frail, GP wants to start pramipexole for his legs. what's a safe dose at his age?")
    assert not answer.answered
    assert not any("270-350 mg" in q for q in quotes(answer))
    assert any("pramipexole" in gap for gap in answer.gaps)


def test_would_that_also_sort_it_out_asks_of_the_storys_drug(multi_bot):
    # Answered with magnesium in pregnant women; rasagiline is named only as a Parkinson's treatment.
    answer = multi_bot.ask("mum's parkinson's doctor has her on rasagiline. would that also sort out her restless legs?")
    assert not answer.answered
    assert any("rasagiline" in gap and "other conditions" in gap for gap in answer.gaps)


def test_really_rare_asks_how_common(bot):
    # "Rarely, sleep studies are used to help diagnose RLS." was quote [1].
    answer = bot.ask("I read somewhere that RLS is really rare, like one in ten thousand people. Is that true??")
    said = answered_quotes(answer)
    assert said[0].startswith("Restless legs syndrome is one of the most common sleep and movement disorders.")


def test_dictated_rest_less_legs_is_restless_legs(bot):
    query = bot.query("what actually is rest less legs syndrome")
    assert [qw.word for qw in query.words if qw.kind == "subject"] == ["restless", "legs", "syndrome"]


def test_a_feeling_in_someones_own_words_is_no_topic(multi_bot):
    # "says her legs feel 'fizzy'": the rare word sank the question as a topic the articles lack.
    answer = multi_bot.ask("my 9 yr old can't keep still at bedtime and says her legs feel 'fizzy'. can kids even get restless legs?")
    said = answered_quotes(answer)
    assert "Children may describe RLS symptoms differently than adults." in said[0]


def test_what_to_write_down_is_the_diarys_record(multi_bot):
    # "write" was the focus, and the RLS page says "keep a daily record": refused, "only about other conditions".
    answer = multi_bot.ask(
        "GP told me to keep a sleep diary before she decides whether it's RLS or just my menopause. what do I actually write down in it"
    )
    said = answered_quotes(answer)
    assert said[0].startswith("Use the diary to keep a daily record of how easy it is to fall and stay asleep")


def test_tablets_that_make_someone_drowsy_asks_for_side_effects(bot):
    # "drowsy" matched "... while they are sleeping or while relaxed or drowsy." (PLMS), and "sleepy" RLS's own daytime
    # sleepiness: each quoted alone, first.
    for question in (
        "will the restless legs tablets make my husband drowsy in the day? he's already exhausted since his stroke",
        "will my rls meds make me sleepy in the day?",
    ):
        answer = bot.ask(question)
        said = answered_quotes(answer)
        assert said[0] == "Side effects may include nausea (feeling sick to your stomach), headache, and daytime sleepiness."


def test_will_cutting_back_do_anything_asks_of_the_storys_habits(multi_bot):
    # "wishful thinking" was the focus: "If your doctor thinks you have RLS, he or she may prescribe ..."
    answer = multi_bot.ask(
        "I'm cutting back on the drink and trying to pack in the cigarettes. Will that do anything for my legs at night or is that wishful thinking?"
    )
    said = answered_quotes(answer)
    assert "reduce or avoid caffeine, alcohol, and tobacco" in said[0]


def test_could_that_make_it_worse_asks_of_the_storys_medicine(bot):
    # "could that make ..." named nothing but restless legs, and the story's antihistamine only ranked: caffeine and nerve damage.
    answer = bot.ask("my mum is in a nursing home and takes an antihistamine for hay fever. could that make her restless legs worse?")
    said = answered_quotes(answer)
    assert any("Cold and allergy medicines that contain antihistamines" in q for q in said)
    assert not any(q.startswith("Nerve damage in the legs or feet") for q in said)
