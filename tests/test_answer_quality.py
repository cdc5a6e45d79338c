"""What a good answer does (issue 12): stays on the subject, carries the focus, refuses honestly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rlsbot import Bot
from rlsbot.conversation import Conversation
from rlsbot.leaning import LEANS_BACK
from tests.quoting import refusal

BLIND = Path(__file__).parent / "blind"


def test_a_childs_dose_is_refused_not_answered_with_adult_doses(bot):
    answer = bot.ask("how much magnesium can I give my 6 year old?")
    assert refusal(answer) == ("The articles discuss magnesium, but not for children.",)


def test_a_focus_without_its_ask_is_refused_and_says_so(bot):
    answer = bot.ask("how long does magnesium take to work?")
    assert refusal(answer) == ("The articles discuss magnesium, but do not say how long it takes.",)


def test_a_treatment_found_only_for_another_disease_is_refused(multi_bot):
    answer = multi_bot.ask("do compression stockings help restless legs?")
    assert not answer.answered and not answer.citations


def test_a_rare_word_the_articles_lack_is_refused(bot):
    for question in (
        "can melatonin help my restless legs?",
        "does acupuncture work for rls?",
        "tonic water / quinine for rls, does it work",
    ):
        answer = bot.ask(question)
        assert not answer.answered, question


def test_an_ordinary_word_does_not_sink_a_covered_question(bot):
    for question in (
        "what exactly is rls? my mum has it",
        "can kids get restless legs?",
        "does magnesium interfere with my meds?",
        "is it a myth that magnesium helps rls?",
    ):
        assert bot.ask(question).answered, question


def test_the_outlook_section_answers_the_outlook_question(multi_bot):
    answer = multi_bot.ask("What is the outlook for Restless Legs Syndrome?")
    assert answer.answered
    assert answer.citations[0].section == "Outlook"


def test_quote_one_gives_what_was_asked(bot):
    answer = bot.ask("how common is rls?")
    assert re.search(r"percent|%|common", answer.citations[0].quote)
    answer = bot.ask("what dose of magnesium is safe per day?")
    assert "270-350 mg" in answer.citations[0].quote
    answer = bot.ask("what are the side effects of magnesium?")
    assert "side effect" in answer.citations[0].quote.lower()


def test_a_two_part_question_answers_the_covered_part_and_names_the_other(bot):
    answer = bot.ask("does coffee or chocolate make rls worse?")
    assert answer.answered
    assert "caffeine" in answer.citations[0].quote.lower()
    assert "chocolate" in answer.missing


def _questions() -> list[str]:
    out = []
    for path in sorted((BLIND / "sets").glob("*1.json")):
        out += [item["turns"][-1] for item in json.loads(path.read_text(encoding="utf-8"))["items"] if len(item["turns"]) == 1]
    return out


def test_every_quote_stands_alone_and_none_is_said_twice(bot, multi_bot):
    for b in (bot, multi_bot):
        for question in _questions():
            answer = b.ask(question)
            seen = set()
            for c in answer.citations:
                assert not LEANS_BACK.match(c.quote), (question, c.quote)
                assert not re.match(r"\s*(?:[-*+\u2022]|\d{1,3}[.)]) ", c.quote) or c.quote.rstrip().endswith("."), (question, c.quote)
                key = " ".join(re.findall(r"\w+", c.quote.lower()))
                assert key not in seen, (question, c.quote)
                seen.add(key)
                assert b.articles[c.article].text[c.start : c.end] == c.quote


def test_follow_ups_carry_the_focus_replace_it_or_start_again(bot):
    conversation = Conversation(bot)
    conversation.ask("does iron help restless legs?")
    assert "iron" in conversation.resolved_query("how should I take it?").text
    conversation = Conversation(bot)
    conversation.ask("does iron help restless legs?")
    about_magnesium = conversation.resolved_query("what about magnesium?")
    assert "magnesium" in about_magnesium.text and "iron" not in about_magnesium.text
    conversation = Conversation(bot)
    conversation.ask("does iron help restless legs?")
    answer = conversation.ask("what is the capital of Peru?")
    assert not answer.answered and "iron" not in answer.query


def test_and_for_kids_carries_the_dose_question_and_refuses_it(bot):
    conversation = Conversation(bot)
    assert conversation.ask("what is a safe daily amount of magnesium for adults?").answered
    answer = conversation.ask("and for my 6 year old?")
    assert not answer.answered


def test_a_refusal_names_every_missing_part_and_never_says_nothing_was_named(bot):
    answer = bot.ask("how much gabapentin can a 10 year old take for restless legs?")
    assert refusal(answer) == ("The articles discuss gabapentin, but not for children, and do not say how much to take.",)
    answer = bot.ask("my mum takes ropinirole, how much iron should she take?")
    assert not answer.answered
    assert answer.gaps and "ropinirole" in answer.gaps[0]


def test_a_question_told_as_a_story_is_asked_by_its_asking_sentence(bot):
    story = "I'm 72 and worked on the railroad for forty years, never a day sick. Now my legs go haywire every evening in the recliner. "
    answer = bot.ask(story + "What causes restless legs?")
    plain = bot.ask("What causes restless legs?")
    assert answer.answered
    # The story's words the articles lack are neither missed nor named.
    assert not {"railroad", "haywire", "recliner"} & set(answer.missing)
    assert [c.quote for c in answer.citations][:2] == [c.quote for c in plain.citations][:2]


def test_a_story_question_that_names_nothing_asks_about_the_story(bot):
    answer = bot.ask("Magnesium supplements keep coming up online. Is it safe in pregnancy?")
    assert answer.answered
    assert "magnesium" in answer.citations[0].quote.lower() and "pregnan" in answer.citations[0].quote.lower()


def test_an_age_told_in_the_story_makes_a_dose_question_a_childs(bot):
    for question in ("My son is 6. How much magnesium can I give him?", "how much magnesium can I give my daughter? she's 9"):
        answer = bot.ask(question)
        assert not answer.answered and not answer.citations, question
        assert answer.gaps == ("The articles discuss magnesium, but not for children.",), question
    # An adult's height is no child's age.
    assert bot.ask("he is 6 feet tall. how much magnesium is safe per day?").answered


def test_a_sentence_that_adds_to_one_before_is_not_quoted_alone(bot):
    """ "In addition, some individuals have remissions" leans on what it adds to; "In addition to magnesium" does not."""
    answer = bot.ask("can rls symptoms go away for a while and come back?")
    for c in answer.citations:
        assert not re.match(r"In addition,|In contrast,|If they\b", c.quote), c.quote
    answer = bot.ask("are there natural remedies besides magnesium?")
    assert any(c.quote.startswith("In addition to magnesium") for c in answer.citations)


def test_an_ask_of_the_subject_that_names_nothing_is_asked_of_rls(bot):
    answer = bot.ask("my dad had it, will i get it too? does it run in families")
    assert answer.answered
    assert re.search(r"famil|inherit", answer.citations[0].quote)


def test_the_baby_to_come_is_the_mothers_question_not_a_childs(bot):
    conversation = Conversation(bot)
    conversation.ask("im 30 weeks pregnant and my legs go crazy every night, is that rls?")
    answer = conversation.ask("will it go away once the baby comes")
    assert answer.answered, answer.gaps
    assert not any("children" in gap for gap in answer.gaps)
    assert re.search(r"birth|pregnan", " ".join(c.quote for c in answer.citations))


def test_a_word_health_writing_never_uses_does_not_sink_a_question(bot):
    """ "hype" is in none of MedQuAD's 17,862 NIH answers: the asker's way of talking, not a topic."""
    answer = bot.ask("does magnesium really work for rls or is it just hype")
    assert answer.answered
    assert "magnesium" in answer.citations[0].quote.lower()


def test_a_topic_health_writing_uses_still_sinks_a_question(bot):
    for question in ("can i drive on ropinirole", "do compression socks help rls"):
        assert not bot.ask(question).answered, question


def test_a_question_made_of_everyday_words_the_articles_lack_is_refused(bot):
    answer = bot.ask("how do i reset my wifi router")
    assert not answer.answered and not answer.citations


def test_a_sentence_pointing_far_back_or_leaning_on_a_question_is_never_quoted(bot):
    """ "How about other minerals and vitamins? The same study in pregnant women mentioned above ..." stands on nothing quoted."""
    for question in ("is zinc linked to restless legs", "does vitamin b6 help rls", "which vitamins are worth trying for rls"):
        for c in bot.ask(question).citations:
            assert "mentioned above" not in c.quote and not c.quote.rstrip().endswith("?"), (question, c.quote)


def test_a_paragraph_that_goes_on_from_the_one_before_can_be_quoted_with_it(bot):
    """NHLBI: "For example, pregnancy is a risk factor for RLS. It usually occurs during the last 3 months of pregnancy." opens a paragraph."""
    answer = bot.ask("when in pregnancy does restless legs usually start")
    assert answer.answered
    assert "It usually occurs during the last 3 months of pregnancy." in answer.citations[0].quote


def test_a_common_word_in_a_title_is_no_other_condition(multi_bot):
    """ "brain" is in the title of a page on deep brain stimulation for Parkinson's; the question is about RLS."""
    answer = multi_bot.ask("whats actually going wrong in the brain w this")
    assert answer.answered
    assert all("parkinson" not in c.title.lower() for c in answer.citations)


def test_confirming_it_asks_how_it_is_diagnosed(bot):
    answer = bot.ask("Is there a blood test that confirms restless legs syndrome?")
    assert answer.answered
    assert "no test can diagnose RLS" in answer.citations[0].quote


def test_who_asks_is_never_the_focus_and_dialysis_is_a_kidney_matter(bot):
    answer = bot.ask("ok so what IS restless legs syndrome actually, in normal words")
    assert answer.answered and "restless legs syndrome" in answer.citations[0].quote.lower()
    conversation = Conversation(bot)
    conversation.ask("my dad's on dialysis and his legs twitch all night")
    answer = conversation.ask("can he take magnesium for it?")
    assert answer.answered
    assert "kidney" in answer.citations[0].quote and "magnesium" in answer.citations[0].quote


def test_a_patient_is_who_asks(multi_bot):
    answer = multi_bot.ask("crohns patient here - is restless legs a known thing with crohns?")
    assert answer.answered
    assert "restless legs" in answer.citations[0].quote.lower() and "crohn" in answer.citations[0].quote.lower()


def test_an_age_typed_without_its_apostrophe_is_still_a_childs(bot):
    conversation = Conversation(bot)
    conversation.ask("what foods have magnesium in them")
    answer = conversation.ask("whats a safe amount a day for my little brother, hes 7")
    assert not answer.answered and not answer.citations
    assert any("not for children" in gap for gap in answer.gaps)


def test_what_to_expect_asks_for_the_outlook(bot):
    answer = bot.ask("My symptoms first appeared in my thirties, and I am now sixty-eight. What should I expect as the years go on?")
    assert answer.answered
    assert re.search(r"worse over time|life-long|no cure|worsen", answer.citations[0].quote)


def test_a_one_letter_vitamin_is_asked_for_by_name(bot, tmp_path):
    """ "vitamin D" is no index term ("d" is one letter): a sentence on vitamin B6 must not answer it."""
    answer = bot.ask("could low vitamin D be causing mum's restless legs")
    assert refusal(answer) == ("The articles do not mention vitamin D.",)
    (tmp_path / "d.md").write_text(
        "---\ntitle: Vitamin D and restless legs\n---\n\n"
        "Low vitamin D levels have been linked to restless legs syndrome in several studies.\n\n"
        "Vitamin B6 is found in many foods.\n",
        encoding="utf-8",
    )
    own = Bot.load(tmp_path, cache=False)
    answer = own.ask("could low vitamin D be causing restless legs")
    assert answer.answered
    assert all("vitamin D" in c.quote for c in answer.citations)


def test_a_two_part_question_with_a_vitamin_the_articles_lack_answers_the_other_part(bot):
    answer = bot.ask("iron tablets and vitamin d for rls?")
    assert answer.answered
    assert "vitamin D" in answer.missing
    assert all("iron" in c.quote.lower() for c in answer.citations)


def test_is_it_rare_asks_how_common_it_is(bot):
    answer = bot.ask("is rls rare??")
    assert answer.answered
    assert "percent" in answer.citations[0].quote


def test_other_side_effects_come_with_the_most_common_one(bot):
    """ "Other common side effects include:" leans on the sentence naming magnesium's most common side effect."""
    answer = bot.ask("magnesium giving me the runs, normal?")
    assert answer.answered
    quote = next(c.quote for c in answer.citations if "diarrhea" in c.quote)
    assert quote.startswith("The most common side effect of magnesium is stomach upset.")


def test_getting_it_from_a_parent_asks_whether_it_is_inherited(bot):
    """ "can my kids get rls from me?" is about families, not about whether children can have it."""
    answer = bot.ask("can my kids get rls from me?")
    assert answer.answered
    assert re.search(r"famil|inherit|genetic", answer.citations[0].quote)


def test_a_question_on_research_under_way_gets_what_is_being_done_not_a_finding(bot):
    # "Researchers suspect that the early-onset form ..." is a finding, no answer to this.
    answer = bot.ask("is there any research going on into rls these days?")
    first = answer.citations[0].quote
    assert re.search(r"continue to study|Research is ongoing|conduct and support RLS research", first), first


def test_where_it_is_felt_needs_the_body_part_in_the_quote(bot):
    answer = bot.ask("does rls ever spread to the arms?")
    assert answer.answered
    assert all("arms" in c.quote for c in answer.citations), [c.quote for c in answer.citations]


def test_an_indirect_what_is_question_asks_for_a_definition(multi_bot):
    answer = multi_bot.ask("Can you explain what restless legs syndrome really is? My GP said the name and nothing else.")
    assert "is a disorder that causes" in answer.citations[0].quote or "is a neurological" in answer.citations[0].quote


def test_these_late_in_a_sentence_points_back():
    # The circuits are named in the sentence before.
    assert LEANS_BACK.match(
        "Some vitamins and minerals, including iron [X], magnesium [X] and vitamin B6 [X], have been implicated in keeping these circuits balanced."
    )
    # ... unless the sentence named them itself, or "those" are people.
    assert not LEANS_BACK.match(
        "People with Crohn's disease should avoid using ibuprofen, naproxen, and aspirin since these medications can make symptoms worse."
    )
    assert not LEANS_BACK.match("Magnesium may help those who have low levels.")
    # The first sentence alone decides: "These include some:" after a sentence is not the quote's start.
    assert not LEANS_BACK.match("Certain medicines may trigger RLS. These include some:")


def test_a_drug_leaflets_instructions_are_quotable_on_their_own(multi_bot):
    # MedlinePlus writes them as lower-case items under "Before taking gabapentin,".
    answer = multi_bot.ask("can i take maalox with gabapentin?")
    assert answer.answered and "at least 2 hours before" in answer.citations[0].quote
    answer = multi_bot.ask("is it ok to drive on gabapentin?")
    assert answer.answered and "Do not drive a car" in answer.citations[0].quote


def test_a_lower_case_item_that_goes_on_from_its_lead_in_is_not_a_sentence():
    from rlsbot.quotes import whole_sentence

    assert not whole_sentence("- you have or have ever had kidney disease or liver disease.")
    assert whole_sentence("- if you are taking antacids such as Maalox or Mylanta, take them at least 2 hours before you take gabapentin.")
    assert whole_sentence("- tell your doctor if you are pregnant, plan to become pregnant, or are breast-feeding.")


def test_texting_shorthand_for_people_is_not_a_topic(bot):
    answer = bot.ask("is rls common in ppl over 60?")
    assert answer.answered and "ppl" not in answer.missing


@pytest.mark.parametrize("question", ["who is advised against taking magnesium?", "should anyone steer clear of magnesium supplements?"])
def test_who_should_avoid_it_in_other_words(bot, question):
    answer = bot.ask(question)
    assert all(re.search(r"shouldn[’']t take|should not take|not be safe", c.quote) for c in answer.citations), answer.citations


def test_an_it_that_stands_for_nothing_before_is_quotable(multi_bot):
    assert not LEANS_BACK.match("It is not known exactly how gabapentin works to treat restless legs syndrome.")
    assert LEANS_BACK.match("It is a disorder of the nervous system.")
    answer = multi_bot.ask("how does gabapentin work for restless legs?")
    assert answer.citations[0].quote == "It is not known exactly how gabapentin works to treat restless legs syndrome."


def test_for_good_asks_how_it_will_go():
    from rlsbot.asks import asks_of

    assert asks_of("is there anything that gets rid of it for good?")[0].kind == "outlook"


def test_a_sentence_about_another_condition_in_an_rls_article_does_not_answer_for_rls(bot):
    # The NHLBI page on RLS has a section on PLMS: "PLMS usually affects the legs, but it also can affect the arms."
    answer = bot.ask("can restless legs spread to the arms?")
    assert answer.answered
    assert not any(c.quote.startswith(("PLMS", "PLMD")) for c in answer.citations), [c.quote for c in answer.citations]
    # Asked about PLMS, it is the answer.
    answer = bot.ask("can PLMS affect the arms?")
    assert any(c.quote.startswith("PLMS usually affects the legs") for c in answer.citations), [c.quote for c in answer.citations]


def test_why_it_comes_in_the_evening_asks_when_not_what_triggers_it():
    from rlsbot.asks import asks_of

    assert asks_of("why do my legs only act up once i'm sat on the sofa at night")[0].kind == "timing"
    assert asks_of("why does caffeine make it worse?")[0].kind == "cause"


def test_a_medicine_that_helped_at_first_and_now_does_not_asks_what_long_use_does(bot):
    answer = bot.ask("my pills helped at first but now my legs are worse than before")
    assert answer.citations[0].quote == "Sometimes, continued use of RLS medicines may make your RLS symptoms worse."


def test_a_schedule_is_not_how_long_something_takes(multi_bot):
    # "take them at least 2 hours before you take gabapentin" says when, not how long it takes to work.
    answer = multi_bot.ask("how long does gabapentin take to start working?")
    assert not any("hours before you take" in c.quote for c in answer.citations), [c.quote for c in answer.citations]


def test_a_lead_in_ending_in_a_comma_is_never_a_quote(multi_bot):
    # The MedlinePlus leaflet's "Before taking gabapentin," leads into its list of instructions.
    for question in ("can gabapentin make me dizzy?", "what should i tell my doctor before starting gabapentin?"):
        answer = multi_bot.ask(question)
        assert not any(c.quote.rstrip().endswith(",") for c in answer.citations), [c.quote for c in answer.citations]


def test_the_word_after_an_ask_is_not_the_asks(multi_bot):
    from rlsbot.query import ASK, parse

    # "forgot my " ends in a space: "horizant" stays what the question is about.
    query = parse("forgot my horizant last night, do i take 2 today?", multi_bot.index)
    kinds = {qw.word: qw.kind for qw in query.words}
    assert kinds["forgot"] == ASK and kinds["horizant"] != ASK
    assert query.asks == ("missed dose",)


def test_a_missed_dose_of_a_named_medicine_asks_what_to_do_not_how_much(multi_bot):
    answer = multi_bot.ask("i missed my gabapentin dose this morning what do i do")
    assert answer.answered
    assert answer.citations[0].quote.startswith(
        "If you forget to take gabapentin capsules, tablets, or oral solution, take the missed dose"
    )


def test_what_time_of_day_is_answered_by_a_time_on_the_clock(multi_bot):
    answer = multi_bot.ask("What time of day should Horizant be taken?")
    assert answer.answered
    assert answer.citations[0].quote == "The extended-release tablet (Horizant) is taken with food once daily at about 5 PM."


def test_a_brand_the_leaflet_names_as_a_form_of_its_drug_is_asked_of_that_drug(multi_bot):
    # The gabapentin leaflet: "Gabapentin extended-release tablets (Horizant) are used to treat restless legs syndrome".
    answer = multi_bot.ask("forgot my horizant last night, do i take 2 today?")
    # Not only "take the missed dose as soon as you remember it", which is said of the
    # capsules: for the extended-release tablets the leaflet says to skip it.
    assert (
        answer.answered and "if you forget to take gabapentin extended-release tablets, skip the missed dose" in answer.citations[0].quote
    )
    answer = multi_bot.ask("can i drive while on horizant")
    assert answer.answered and "Do not drive a car" in answer.citations[0].quote


def test_whether_it_is_safe_for_someone_wants_a_verdict_not_tell_your_doctor(multi_bot):
    answer = multi_bot.ask("is horizant safe while breastfeeding")
    assert refusal(answer) == ("The articles discuss horizant, but do not say whether it is safe for breastfeeding.",)


def test_how_much_for_a_child_is_a_dose_question_and_refused(multi_bot):
    answer = multi_bot.ask("how much gabapentin for a 10 year old")
    assert not answer.answered and "how much to take" in answer.gaps[0]


def test_a_trip_told_as_a_story_asks_for_tips_on_the_trip(bot):
    answer = bot.ask("flying to australia next month, thats 20+ hrs wedged in a seat with these legs. any tips")
    assert (
        answer.citations[0].quote == "Choose an aisle seat at the movies or on airplanes and trains so you can move around, if necessary."
    )


def test_a_condition_the_asker_does_not_have_is_not_the_subject(multi_bot):
    from rlsbot.asks import asks_of

    assert asks_of("why would she do that")[0].kind == "treatment"
    assert asks_of("why would they get rls")[0].kind == "cause"
    answer = multi_bot.ask("my GP gave me a parkinsons tablet 'to see if it helps' but i dont have parkinsons?? why would she do that")
    # Not refused for Parkinson's as another subject: the drug trial's "used to treat people who have Parkinson's disease, also can relieve RLS".
    assert any("used to treat people who have Parkinson's disease, also can relieve RLS symptoms" in c.quote for c in answer.citations)


def test_a_story_asked_about_with_does_that_happen_asks_what_the_story_does(bot):
    answer = bot.ask("My tablets helped at first but now my legs seem even worse than before. Does that happen?")
    assert answer.citations[0].quote == "Sometimes, continued use of RLS medicines may make your RLS symptoms worse."
    # an everyday word in the story ("makes it worse") is no ask about causes
    answer = bot.ask("my legs ache but walking around makes it worse not better. could that still be rls?")
    assert "trigger" not in answer.citations[0].quote


def test_a_device_is_asked_for_as_the_articles_pads(bot):
    answer = bot.ask("Is there a device for restless legs that I could use instead of taking medication?")
    assert any(c.quote.startswith("The Relaxis pad") for c in answer.citations)


def test_a_storys_setting_read_as_a_misspelling_is_not_what_it_asks_about(bot):
    # "dreading" is read as the articles' "drawing": a guess about the story's setting, not its focus.
    answer = bot.ask("flying to sydney next month, 20+ hrs, already dreading my legs. any tips?")
    assert answer.answered and "airplanes" in answer.citations[0].quote


def test_telling_two_things_apart_quotes_what_sets_them_apart(bot):
    from rlsbot.asks import asks_of

    assert asks_of("how do i tell whether its rls or just the normal night cramps")[0].kind == "difference"
    answer = bot.ask("how do i tell whether its rls or just the normal night cramps")
    quotes = [c.quote for c in answer.citations]
    assert quotes[0].startswith("The unpleasant feelings from RLS aren't the same as the leg cramps many people get at night.")
    # The contrast is quoted with what its paragraph goes on to say of the cramps.
    assert quotes[0].endswith("Leg cramps cause more severe pain and require stretching the affected muscle for relief.")


def test_a_why_question_gets_the_sentence_that_gives_a_reason_first(bot):
    answer = bot.ask("why are restless legs symptoms worse in the evening")
    assert answer.citations[0].quote.startswith("The urge to move and unpleasant feelings happen when you're resting and inactive. Thus,")


def test_how_common_said_in_words_answers_how_common(multi_bot):
    answer = multi_bot.ask("is rls common for ppl on dialysis??")
    assert answer.answered
    assert answer.citations[0].quote == "People on dialysis often have insomnia, sleep apnea syndrome, and restless legs syndrome."


@pytest.mark.parametrize(
    ("question", "start"),
    [
        (
            "started magnesium for rls, now got the runs + stomach cramps. normal??",
            "The most common side effect of magnesium is stomach upset.",
        ),
        (
            "once the baby's here will my legs calm down or am i stuck with this",
            "If a medical condition or medicine triggers RLS, the disorder may go away",
        ),
    ],
)
def test_is_that_normal_and_stuck_with_it_are_ways_of_asking(bot, question, start):
    answer = bot.ask(question)
    assert answer.answered and answer.citations[0].quote.startswith(start)


def test_help_or_make_it_worse_asks_what_it_does(bot):
    from rlsbot.asks import asks_of

    assert asks_of("does working out help rls or make it worse")[0].kind == "effect"
    answer = bot.ask("does working out help rls or make it worse")
    assert any("moderate exercise during the day can help" in c.quote for c in answer.citations)
    assert not any("sexual activity" in c.quote for c in answer.citations)


def test_a_dismissal_tacked_on_is_no_topic(multi_bot):
    answer = multi_bot.ask("does magnesium actualy work for rls or is it just internet hype")
    assert answer.answered and "internet" not in answer.missing


def test_how_often_it_occurs_is_how_common_not_a_dose(multi_bot):
    from rlsbot.asks import asks_of

    assert "dose" not in [a.kind for a in asks_of("how often does it occur in children?")]
    assert asks_of("how often should i take magnesium?")[0].kind == "dose"
    answer = multi_bot.ask("How common is restless legs syndrome in adults, and how often does it occur in children?")
    assert "2 to 4 percent of children" in answer.citations[0].quote


def test_there_is_and_other_genes_lean_as_they_read():
    assert not LEANS_BACK.match("There’s strong evidence that magnesium deficiencies can contribute to RLS.")
    assert LEANS_BACK.match("Changes in other genes, which have not been identified, probably also contribute to this complex disorder.")


def test_which_ones_prefers_a_sentence_that_names_some(bot):
    answer = bot.ask("which other illnesses put you in line for developing this leg condition")
    assert "several other disorders increase the risk of developing the condition" in answer.citations[0].quote


def test_telling_two_things_apart_quotes_the_contrast_with_what_its_paragraph_says_of_it(multi_bot):
    answer = multi_bot.ask("how do i know whether its restless legs or only cramp in my calves at night")
    first = answer.citations[0].quote
    assert first.startswith("The unpleasant feelings from RLS aren't the same as the leg cramps many people get at night.")
    assert "Leg cramps cause more severe pain and require stretching the affected muscle for relief." in first


def test_a_question_after_a_colon_is_asked_by_what_follows_it(bot):
    # What comes before the colon is a story: its words the articles lack do not sink the question.
    answer = bot.ask("I have read too many forums, so here is my question plainly: is there a cure for restless legs?")
    assert answer.answered
    assert "no cure" in answer.citations[0].quote.casefold()


def test_could_the_two_be_linked_asks_about_the_story(bot):
    answer = bot.ask("Our 7 year old has a lot of hyperactivity in the day and can't settle at night. Could the two be linked?")
    assert answer.answered
    assert "hyperactivity" in answer.citations[0].quote


def test_a_drugs_brand_carries_the_drug(multi_bot):
    # The leaflet names the 5 PM dose only as Horizant's, which it calls gabapentin extended-release tablets.
    conversation = Conversation(multi_bot)
    conversation.ask("can gabapentin treat restless legs?")
    answer = conversation.ask("at what time of day is it taken")
    assert answer.citations[0].quote == "The extended-release tablet (Horizant) is taken with food once daily at about 5 PM."


def test_when_to_take_it_after_a_story_asks_about_the_storys_medicine(multi_bot):
    answer = multi_bot.ask("My neurologist prescribed horizant yesterday. When in the day should I take it?")
    assert answer.answered
    assert answer.citations[0].quote == "The extended-release tablet (Horizant) is taken with food once daily at about 5 PM."


def test_what_to_do_without_medicine_is_self_care(bot):
    from rlsbot.asks import asks_of

    assert asks_of("anything natural i can try at home")[0].kind == "self-care"
    assert asks_of("how to calm my legs without taking pills")[0].kind == "self-care"
    answer = bot.ask("anything natural i can try at home to calm my legs")
    assert (
        answer.citations[0].quote
        == "Taking a hot bath, massaging the legs, or using a heating pad or ice pack can help relieve symptoms in some patients."
    )


def test_working_out_whether_is_finding_out_not_exercise(bot):
    from rlsbot.analysis import without_filler_phrases

    assert "workout" not in without_filler_phrases("how do they go about working out if it is rls")
    assert "workout" in without_filler_phrases("is working out bad for rls")


def test_a_drug_trial_is_quoted_with_what_it_confirms(multi_bot):
    answer = multi_bot.ask("my doctor put me on a parkinson's medicine to see if it helps my legs")
    trial = answer.citations[0].quote
    assert trial.startswith("If your doctor thinks you have RLS, he or she may prescribe certain medicines to relieve your symptoms.")
    assert trial.endswith("If the medicines relieve your symptoms, your doctor can confirm that you have RLS.")


def test_where_a_family_comes_from_is_its_descent(multi_bot):
    answer = multi_bot.ask("my family is swedish and lots of us have rls. is that a thing?")
    assert answer.answered
    assert "Northern European descent" in answer.citations[0].quote


def test_a_sentence_that_opens_with_an_acronym_is_quoted_with_the_sentence_that_says_it(bot):
    answer = bot.ask("my legs jerk in my sleep every half minute, is that part of rls?")
    assert answer.citations[0].quote.startswith(
        "Many people who have RLS also have a condition called periodic limb movement in sleep (PLMS). PLMS causes your legs or arms to twitch or jerk"
    )


def test_an_it_said_before_leans_back():
    assert LEANS_BACK.match("Some people describe it as a creeping, crawling, tingling, or burning sensation.")
    assert not LEANS_BACK.match("Some people describe RLS as a creeping sensation.")


def test_a_list_item_whose_marker_was_lost_is_quoted_with_its_lead_in(multi_bot):
    # The anemia page: "This can happen if you:" and then, as a paragraph of its own, "Follow a diet that excludes meat ...".
    for question in ("where do i get iron if i dont eat meat", "can a vegetarian diet without meat and fish cause iron-deficiency anemia?"):
        for c in multi_bot.ask(question).citations:
            assert not c.quote.startswith("Follow a diet")


def test_what_goes_on_inside_asks_how_it_comes_about(multi_bot):
    from rlsbot.asks import asks_of

    assert asks_of("what is going on inside the brain that makes my legs do this")[0].kind == "mechanism"
    answer = multi_bot.ask("what is going on inside the brain that makes my legs do this")
    # What goes wrong, not what the brain does when all is well ("The brain uses iron to make the chemical dopamine").
    assert answer.citations[0].quote == (
        "Research suggests that the main cause of restless legs syndrome (RLS) is a faulty use of iron or a lack of iron in the brain."
    )


def test_who_should_stay_away_asks_who_should_avoid_it(multi_bot):
    answer = multi_bot.ask("who should stay away from magnesium?")
    assert answer.citations[0].quote == "You also shouldn’t take magnesium if you have any kidney disorders, including kidney failure."


def test_telling_one_from_the_other_is_a_difference(bot):
    from rlsbot.asks import asks_of

    kinds = [a.kind for a in asks_of("how do you tell night cramps from restless legs")]
    assert kinds[0] == "difference"
    answer = bot.ask("how do you tell night cramps from restless legs")
    assert answer.citations[0].quote.startswith("The unpleasant feelings from RLS aren't the same as the leg cramps")
    assert "Leg cramps cause more severe pain" in answer.citations[0].quote


def test_cold_turkey_asks_how_to_stop_and_names_nothing(multi_bot):
    answer = multi_bot.ask("can i stop the gabapentin cold turkey")
    assert answer.missing == () and "turkey" not in answer.query
    assert answer.citations[0].quote.startswith("Do not stop taking gabapentin without talking to your doctor")


def test_a_story_misread_as_a_misspelling_is_never_the_whole_focus(bot):
    # "dreading" is read as "drawing"; the flight and the seat are what the story is about.
    answer = bot.ask("Long flight next week, 14 hours, and I'm dreading being stuck in my seat. Any tips?")
    assert answer.answered
    assert "aisle seat" in answer.citations[0].quote


def test_could_the_tablets_be_doing_this_asks_about_the_story(multi_bot):
    answer = multi_bot.ask(
        "Dad started a new tablet for his restless legs and now he keeps betting on the horses. Could the tablets be doing this?"
    )
    assert (
        answer.citations[0].quote
        == "In some cases, RLS medicines may worsen problems with excessive gambling, shopping, or sexual activity."
    )


def test_how_long_is_not_how_old(bot):
    """ "for 2 yrs now" says how long; "my 6 yo" how old."""
    answer = bot.ask("been on dialysis for 2 yrs now, does the dialysis itself fix the restless legs")
    assert answer.answered, answer.gaps
    assert "Kidney transplants (but not dialysis) relieve RLS" in answer.citations[0].quote
    assert not bot.ask("how much magnesium for my 6 yo").answered


def test_pills_the_asker_does_not_want_are_not_what_they_ask_about(bot):
    answer = bot.ask("what can i do at home tonight to calm my legs down, i dont want to take pills")
    assert answer.citations[0].quote.startswith("Taking a hot bath, massaging the legs")
    answer = bot.ask("is there a gadget that vibrates against your leg in bed instead of taking drugs? does that exist?")
    assert answer.answered, answer.gaps
    assert answer.citations[0].quote.startswith("The Relaxis pad")


def test_a_form_asked_of_does_not_sink_a_dose_question(bot):
    """ "as a supplement" is a form of magnesium; the dose sentence need not say "supplement"."""
    quote = "For adolescent and adult men and women, daily doses of 270-350 mg are considered safe."
    assert bot.ask("how much magnesium a day is ok to take as a supplement").citations[0].quote == quote
    conversation = Conversation(bot)
    conversation.ask("what foods have magnesium in them")
    assert conversation.ask("and how much a day is ok to take as a supplement").citations[0].quote == quote


def test_inflections_and_short_forms_of_everyday_words_are_read(bot):
    answer = bot.ask("what happens if someone overdoes the magnesium pills")
    assert answer.citations[0].quote.startswith("High doses of magnesium are not safe")
    answer = bot.ask("what is PLMS, my sleep report mentions it")
    assert answer.answered and "PLMS" in answer.citations[0].quote
    answer = bot.ask("vit b6 for rls any good")
    assert answer.answered and "vitamin B6" in answer.citations[0].quote


def test_a_medicine_that_worked_for_a_year_and_now_makes_it_worse(multi_bot):
    answer = multi_bot.ask("the mirapex worked great for a year and now my legs are worse than before i started. why")
    assert answer.answered
    assert "continued use of RLS medicines may make your RLS symptoms worse" in answer.citations[0].quote


def test_a_brand_listed_under_brand_names_is_its_leaflets_drug(multi_bot):
    """The gabapentin leaflet names Neurontin only in its list of brand names."""
    answer = multi_bot.ask("can i just quit my neurontin? it makes me feel kinda spaced out")
    assert answer.answered, answer.gaps
    assert any(c.quote.startswith("Do not stop taking gabapentin without talking to your doctor") for c in answer.citations)


def test_a_sentence_goes_on_about_what_its_paragraph_named(multi_bot):
    """A hemodialysis page: "People with restless leg syndrome should ... A newer ... therapy is levodopa (Sinemet) ..."."""
    answer = multi_bot.ask("what meds can mum have for her legs on dialysis? the nurse said somthing about a parkinsons drug??")
    assert answer.citations[0].quote.startswith("A newer and sometimes more effective therapy is levodopa (Sinemet)")
    # A list item is its own paragraph: the item before it naming RLS does not make it about RLS.
    answer = multi_bot.ask("Would cognitive behavioural therapy help with restless legs?")
    assert not any("kidney failure and depression" in c.quote for c in answer.citations)


def test_a_buzzing_gadget_is_the_vibrating_pad(bot):
    answer = bot.ask("is there like a gadget that buzzes on ur leg in bed so u dont have to take pills")
    assert answer.citations[0].quote.startswith("The Relaxis pad")


def test_what_long_use_does_is_said_of_rls_medicines_not_of_a_supplement(bot):
    """The articles say "a medicine will work for a while and then stop working" of the medicines for RLS, ropinirole among
    them (eleventh session: blind judges called it an answer for a named RLS drug); never of iron tablets."""
    answer = bot.ask("been taking ropinirole for 3 yrs now, does it stop working after a while?")
    assert answer.answered
    assert answer.citations[0].quote == "Sometimes, a medicine will work for a while and then stop working."
    answer = bot.ask("iron tablets worked for a few months but now they don't help anymore")
    assert refusal(answer) == ("The articles discuss iron, but do not say what long use of it does.",)


def test_a_safe_amount_a_day_asks_for_a_dose(bot):
    answer = bot.ask("whats a safe amount of magnesium a day as a supplement")
    assert "daily doses of 270-350 mg are considered safe" in answer.citations[0].quote


def test_a_question_of_everyday_words_about_its_own_story_is_covered(multi_bot):
    answer = multi_bot.ask("saw an ad for a vibrating pad u put on ur legs in bed for rls. is that legit or a scam")
    assert answer.answered and answer.citations[0].quote.startswith("The Relaxis pad")
    # A new topic the articles lack, in everyday words, borrows nothing from the turn before.
    conversation = Conversation(multi_bot)
    conversation.ask("does alcohol make rls worse")
    assert not conversation.ask("what about cannabis?").answered


def test_could_the_medicine_be_behind_it_asks_about_what_the_story_tells(bot):
    """The asking sentence points at the story: the betting is what the tablets are asked about."""
    answer = bot.ask(
        "Mum has been on her restless legs pills since spring and now she shops online all night. Could the pills be causing this?"
    )
    assert answer.citations[0].quote.startswith("In some cases, RLS medicines may worsen problems with excessive gambling, shopping")


def test_worse_than_before_i_started_asks_what_long_use_does(bot):
    answer = bot.ask("my meds were great for the first year, now my legs are worse than before i started them. why?")
    assert answer.citations[0].quote == "Sometimes, continued use of RLS medicines may make your RLS symptoms worse."


def test_how_to_stop_a_drug_comes_from_its_leaflet_and_never_from_another_use(multi_bot):
    conversation = Conversation(multi_bot)
    conversation.ask("my doctor wants to start me on gabapentin for rls")
    answer = conversation.ask("can i just stop it straight away if i dont like it?")
    assert answer.citations[0].quote.startswith("Do not stop taking gabapentin without talking to your doctor")
    assert not any(c.quote.startswith("If you are taking gabapentin to treat seizures") for c in answer.citations)
    answer = multi_bot.ask("is it safe to drive on gabapentin for my restless legs?")
    assert answer.answered and "Do not drive a car or operate machinery" in answer.citations[0].quote


def test_everyday_names_for_cramps_and_kicking_in_sleep(bot):
    answer = bot.ask("is it rls or just a charley horse? it hits my calf at night")
    assert answer.citations[0].quote.startswith("The unpleasant feelings from RLS aren't the same as the leg cramps")
    answer = bot.ask("my husband kicks me in his sleep every few seconds. is that part of restless legs?")
    assert "periodic limb movement" in answer.citations[0].quote


def test_a_condition_told_before_a_safety_question_is_what_the_verdict_is_about(bot):
    answer = bot.ask("I've got a bleeding disorder. Can I take magnesium for restless legs?")
    assert answer.citations[0].quote.startswith("If you have any bleeding disorders, you should not take magnesium")


def test_how_long_on_dialysis_is_no_age_and_a_teenagers_exercise_is_anyones(bot):
    answer = bot.ask("on dialysis 3 years now. would a kidney transplant fix my restless legs?")
    assert answer.citations[0].quote.startswith("Kidney transplants (but not dialysis) relieve RLS")
    answer = bot.ask("my 15 yr old plays football every day. does exercise help restless legs or make it worse?")
    assert answer.answered and "exercise" in answer.citations[0].quote


def test_a_missing_thing_named_as_an_example_of_one_the_articles_have_does_not_sink_it(bot):
    answer = bot.ask("does magnesium clash with antibiotics like doxycycline?")
    assert answer.answered and answer.citations[0].quote.startswith("Magnesium may interact with certain medications")


def test_a_remedy_the_story_offers_is_refused_when_the_articles_lack_it(multi_bot):
    answer = multi_bot.ask("My gran swore tonic water with quinine fixed her legs. Does that work for restless legs?")
    assert not answer.answered and "quinine" in answer.missing
    answer = multi_bot.ask("would vitamin d supplements help restless legs")
    assert not answer.answered and answer.gaps == ("The articles do not mention vitamin D.",)


def test_can_i_give_my_child_asks_whether_it_is_safe_for_a_child(bot):
    """The quote "It may even start in childhood" names children but says nothing of giving a child iron."""
    answer = bot.ask("can i give my 6 year old iron for his legs?")
    assert refusal(answer) == ("The articles discuss iron, but not for children, and do not say whether it is safe.",)


@pytest.mark.parametrize(
    "question, gone",
    [
        ("is there proof magnesium works or is it mostly internet hype", "hype"),
        ("do i need all the symptoms or just a couple of them", "couple"),
        ("why do my legs carry on like this at night", "carry"),
        ("are iron tablets off the supermarket shelf any good", "shelf"),
        ("can i stop it straight away", "away"),
        ("is anyone researching rls or is it just ignored", "ignored"),
    ],
)
def test_ways_of_asking_that_name_nothing_are_not_searched(question, gone):
    """Each phrase is removed only when one of its trigger words (analysis._FILLER_WORDS) is in the question."""
    from rlsbot.analysis import without_filler_phrases

    assert gone not in without_filler_phrases(question)


@pytest.mark.parametrize(
    "question",
    [
        "saw a post on facebook saying magnesium cures restless legs. is there actual proof or is it just hype",
        "is there evidence that helps readers?",
    ],
)
def test_the_authors_bio_is_never_quoted(seed_bot, question):
    """The Gene Food article ends with a section headed with its author's name: who she is answers no question."""
    gene = seed_bot.articles["gene-food-vitamins-minerals-rls.md"]
    assert "At Gene Food, Dr. Gina uses her expertise" in gene.text  # the bio is there, and was quoted for both
    answer = seed_bot.ask(question)
    assert all(c.section != gene.meta["author"] for c in answer.citations)
    assert not any("her expertise" in c.quote for c in answer.citations)


def test_the_bio_answers_a_question_about_the_author(seed_bot):
    answer = seed_bot.ask("What degrees does Dr. Gina Leisching have?")
    assert answer.citations[0].quote.startswith("Dr. Gina Leisching holds a BSc in Functional Human Biology")


def test_a_section_about_the_author_is_a_bio():
    from rlsbot.quotes import about_the_author, asks_of_the_author

    assert about_the_author("Dr. Gina Leisching", "Dr. Gina Leisching")
    assert about_the_author("About the Author", "")
    assert not about_the_author("Magnesium and pregnancy", "Dr. Gina Leisching")
    assert not about_the_author("Treatment", "")
    assert asks_of_the_author("who wrote this?", "")
    assert asks_of_the_author("is leisching a real doctor", "Dr. Gina Leisching")
    assert not asks_of_the_author("is there evidence that helps readers?", "Dr. Gina Leisching")


def test_of_two_options_the_covered_one_is_answered_and_the_other_named(tmp_path):
    """No sentence has both "hot baths" and "compression": the bath is answered, and the answer says what it lacks."""
    from rlsbot import Bot

    (tmp_path / "baths.md").write_text(
        "# Relief at home\n\nTaking a hot bath before bed can help relieve restless legs symptoms in some people.\n\n"
        "Restless legs syndrome often runs in families.\n"
    )
    (tmp_path / "veins.md").write_text(
        "# Varicose veins\n\nVaricose veins are swollen, twisted veins near the surface of the skin.\n\n"
        "Compression stockings squeeze the legs and can help varicose veins.\n"
    )
    bot = Bot.load(tmp_path, cache=False)
    answer = bot.ask("do hot baths or compression socks help rls")
    assert answer.answered
    assert [c.quote for c in answer.citations] == ["Taking a hot bath before bed can help relieve restless legs symptoms in some people."]
    assert answer.gaps == ("The articles discuss compression, but do not say whether it helps.",)
    # One thing asked about, not there: still refused, never the varicose-vein sentence.
    assert not bot.ask("do compression socks help rls").answered
    # Options without an ask ("for rls") say nothing of what a quote must give: refused as before.
    assert not bot.ask("hot baths and compression socks for rls").answered


def test_an_amount_the_articles_give_only_for_adults_is_refused_for_pregnancy_and_says_so(seed_bot):
    """The articles give adult doses and speak of pregnancy, never together: the refusal must not say they give no amount."""
    from rlsbot.conversation import Conversation

    assert seed_bot.ask("how much magnesium a day?").answered  # the amount is there
    conv = Conversation(seed_bot)
    conv.ask("is it safe to take magnesium while pregnant?")
    answer = conv.ask("and how much a day?")
    assert refusal(answer) == ("The articles discuss magnesium, but do not say how much to take for pregnancy.",)
