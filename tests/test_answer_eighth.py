"""Issue 12, eighth session: chains of sentences that point back, one page's summary said twice, and everyday asks.

Each test names a way an answer went wrong on main (48f4dac) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.conversation import Conversation
from rlsbot.quotes import LEANS_BACK, repeats
from tests.quoting import quotes


def test_a_sentence_reached_by_leaning_back_that_leans_in_turn_brings_its_own(bot):
    # "The late-onset form ..." leans softly on the sentence before it, "The signs and symptoms of this form ...",
    # which points back once more: the quote starts where the forms are named.
    answer = bot.ask("who tends to get it - does age or background make a difference?")
    assert answer.answered
    assert not any(LEANS_BACK.match(q) for q in quotes(answer))
    assert not any(q.startswith("The signs and symptoms of this form") for q in quotes(answer))
    assert any(q.startswith("Researchers have described early-onset and late-onset forms") for q in quotes(answer))


def test_two_pages_that_say_the_same_summary_are_quoted_once(multi_bot):
    ghr = (
        "Restless legs syndrome is a neurological condition that causes an irresistible urge to move the legs. The movement is"
        " triggered by strange or uncomfortable feelings, often described as crawling, pulling, or itching, deep within both legs."
        " The feelings usually occur while the affected person is sitting or lying down and are worse at night."
    )
    gard = (
        "Restless legs syndrome is a neurological condition that causes an irresistible urge to move the legs. The movement is"
        " triggered by strange or uncomfortable feelings, which occur mostly while the affected person is sitting or lying down"
        " and are worse at night."
    )
    assert repeats(gard, ghr)
    assert not repeats("Restless legs syndrome is a neurological condition that causes an irresistible urge to move the legs.", gard[:40])
    answer = multi_bot.ask("does coffee or wine make my restless legs worse i have both most nights")
    assert answer.answered
    assert sum(q.startswith("Restless legs syndrome is a neurological condition") for q in quotes(answer)) <= 1


def test_can_my_child_drink_it_asks_whether_it_is_safe_for_the_child(bot):
    answer = bot.ask("can my 10 year old drink coffee")
    assert not answer.answered  # the articles speak of caffeine for adults, and of children's prevalence: neither answers
    # named as the articles discuss it (eleventh session): they say "caffeine", never "coffee"
    assert any("caffeine" in gap and "children" in gap for gap in answer.gaps)
    # "can a child really have it?" still asks whether children get RLS.
    child = bot.ask(
        "my grandson is 9 and at bedtime he tells me his legs feel like ants crawling inside them and he cant keep still."
        " i always thought only old folks got restless legs. can a child really have it?"
    )
    assert child.answered
    assert "Children may describe RLS symptoms differently than adults." in quotes(child)


def test_growing_out_of_it_is_asked_of_what_comes_next(bot):
    answer = bot.ask("do kids grow out of it?")
    assert answer.answered
    assert any(
        "It may even start in childhood. Once this type of RLS starts, it usually lasts for the rest of your life." in q
        for q in quotes(answer)
    )
    assert "Children may describe RLS symptoms differently than adults." not in quotes(answer)


def test_will_it_settle_down_asks_what_comes_next(bot):
    answer = bot.ask("Will it ever just settle down by itself for a while?")
    assert answer.answered
    assert any("RLS" in q and ("go away" in q or "worse over time" in q or "life-long" in q) for q in quotes(answer))


def test_a_test_that_proves_someone_has_it_asks_for_a_diagnosis(bot):
    answer = bot.ask("Is there any actual blood test or scan that proves someone has RLS, or is it just the doctor's opinion?")
    assert answer.answered
    assert quotes(answer)[0].startswith("Currently, no test can diagnose RLS.")


def test_a_refusal_names_what_the_articles_discuss_not_everyday_words(bot):
    from rlsbot.english import nameable

    assert nameable("coffee") and nameable("bedtime") and nameable("nerves")
    assert not nameable("month") and not nameable("likely") and not nameable("thinks") and not nameable("wakes")
    answer = bot.ask(
        # (ADHD until the tenth session, when "adhd" came to read as the articles' "hyperactivity" and this was answered.)
        "School thinks my 7 year old might have dyslexia, he can't sit still, and at bedtime he keeps saying his legs feel 'fizzy'. Could the two be connected?"
    )
    assert not answer.answered
    assert "dyslexia" in answer.missing
    assert answer.gaps and "thinks" not in answer.gaps[0]


def test_a_short_name_given_at_a_sentences_end_comes_with_what_it_is(bot):
    answer = bot.ask("what is plms? sleep doctor wrote it on my letter")
    assert answer.answered
    assert quotes(answer)[0].endswith("(PLMS). PLMS causes your legs or arms to twitch or jerk about every 10 to 60 seconds during sleep.")


def test_an_everyday_word_weighs_as_what_it_stands_for(bot):
    # "coffee" is caffeine: a rarer, more telling word than "strong" or "evening" beside it.
    answer = bot.ask("I read that a strong coffee in the evening actually settles restless legs down.")
    assert answer.answered
    assert "caffeine" in quotes(answer)[0].lower()


def test_what_meds_someone_can_take_asks_for_treatment(multi_bot):
    answer = multi_bot.ask("what meds can he take for restless legs?")
    assert answer.answered
    assert not quotes(answer)[0].startswith("Some diseases, conditions, and medicines may trigger RLS")
    assert any(word in quotes(answer)[0] for word in ("treat", "relieve"))


def test_the_kids_in_a_story_are_not_whom_it_is_asked_for(bot):
    answer = bot.ask(
        "My husband has been kicking me in bed for months. He says it feels like ants crawling under the skin deep in his calves."
        " He's shattered at work, short with the kids, and I'm sleeping in the spare room. Is that crawling feeling what restless"
        " legs feels like?"
    )
    assert answer.answered
    assert any("crawling" in q for q in quotes(answer))
    assert bot.ask("can my kids get it?").answered  # still asked for children


def test_another_type_opening_a_paragraph_is_not_quoted_with_the_paragraph_before(bot):
    # "If you have a mild case, ... no symptoms." then a new paragraph "Another type of RLS usually starts later in life":
    # the type it contrasts with was named further back, so the two are no quote.
    answer = bot.ask("my mum has it and my aunt too, does it run in famlies")
    assert answer.answered
    assert not any("\n\nAnother type of RLS" in q for q in quotes(answer))
    assert any("run in families" in q for q in quotes(answer))


def test_the_other_half_of_an_everyday_word_is_still_missing(bot):
    # "tonic water / quinine": "water" is everyday English, not a covered half that lets "quinine" go unnamed.
    answer = bot.ask("tonic water / quinine for rls leg twitching, does it work")
    assert not answer.answered
    assert "quinine" in answer.missing
    coffee = bot.ask("does coffee or choclate make rls worse")  # coffee is covered: chocolate is named as the part that is not
    assert coffee.answered


def test_a_storys_closing_question_on_something_the_articles_lack_is_refused(bot):
    answer = bot.ask(
        "My mother-in-law is staying with us, she's 74, and every night we hear her up and down the stairs because of her legs."
        " My wife bought her some of those tight flight socks thinking it would help the circulation, and now she's asking if she"
        " should wear them to bed. Do compression stockings actually help restless legs?"
    )
    assert not answer.answered
    assert "compression" in answer.missing and "stockings" in answer.missing


def test_bloods_are_blood_tests(multi_bot):
    conversation = Conversation(multi_bot)
    conversation.ask("is there a blood test for restless legs")
    answer = conversation.ask("then why did the doc order bloods for me?")
    assert answer.answered
    assert "your doctor may recommend blood tests to measure your iron levels" in quotes(answer)[0]


def test_a_storys_words_do_not_thin_a_focus_that_only_the_ask_can_answer(multi_bot):
    # "nights" is the story's: the driving warning in gabapentin's leaflet answers without it.
    answer = multi_bot.ask("started gabapentin for rls on monday, i drive a forklift on nights. anything i should know")
    assert answer.answered
    assert "Do not drive a car or operate machinery" in quotes(answer)[0]
