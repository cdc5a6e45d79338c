"""Questions in the voices of blind sets A15/B15 (issue 12): clinical shorthand, beliefs told, words asked the meaning of.

Each test names the way of asking that went wrong on main before the sixth session and checks the quote the articles give for it.
"""

from __future__ import annotations

from tests.quoting import quotes, refusal


def test_drink_beside_a_drink_is_no_missing_topic(bot):
    coffee = bot.ask("my mum has rls, can she drink coffee?")
    assert coffee.answered, coffee.missing
    assert quotes(coffee)[0] == "Caffeine, tobacco, and alcohol may make symptoms worse."
    alcohol = bot.ask("can she drink alcohol")
    assert alcohol.answered
    assert all("alcohol" in q for q in quotes(alcohol))


def test_a_glass_of_wine_is_about_wine(bot):
    answer = bot.ask("is it ok to have a glass of wine")
    assert answer.answered, answer.missing
    assert "alcohol" in quotes(answer)[0]


def test_how_many_cups_asks_an_amount_the_articles_do_not_give(bot):
    answer = bot.ask("how many cups of coffee a day is ok with restless legs")
    assert refusal(answer) == ("The articles discuss caffeine, but do not say how much to take.",)  # their word for it


def test_can_kids_get_it_asks_it_of_restless_legs(bot):
    answer = bot.ask("can kids get it?")
    assert answer.answered
    assert any("2 to 4 percent of children" in q for q in quotes(answer))
    assert all("hildren" in q or "childhood" in q for q in quotes(answer))  # "as early as childhood" (kids: children, childhood)
    assert not bot.ask("can i get it?").answered  # "it" and no one: nothing asked of restless legs


def test_the_meaning_of_a_word_asked_is_quoted_of_that_word(bot, multi_bot):
    plms = bot.ask("sleep clinic letter says 'PLMS noted' - what does PLMS mean")
    assert plms.answered
    assert "(PLMS)" in quotes(plms)[0]
    # Neuropathy is another condition, but it is what is asked about, legs or not.
    neuropathy = multi_bot.ask("what does neuropathy mean? doc wrote 'rule out neuropathy' on my referral for my legs")
    assert neuropathy.answered
    assert "neuropathy is a peripheral nerve disorder" in quotes(neuropathy)[0]


def test_words_that_stress_weigh_nothing(bot):
    answer = bot.ask("Is there any proper evidence that supplements help restless legs in pregnancy specifically?")
    assert answer.answered
    assert quotes(answer)[0] == "The strongest evidence for supplements alleviating restless leg syndrome is magnesium in pregnant women."


def test_a_common_word_beside_a_rare_one_sets_the_scene(multi_bot):
    answer = multi_bot.ask("Horizant: administration timing and food requirements?")
    assert answer.answered
    assert quotes(answer)[0] == "The extended-release tablet (Horizant) is taken with food once daily at about 5 PM."


def test_letting_a_common_word_go_does_not_reach_too_far(bot, multi_bot):
    assert not bot.ask("good recipe for banana bread?").answered  # nothing asked: nothing let go
    assert not multi_bot.ask("Does having RLS raise my risk of heart attack or stroke?").answered  # "heart attack or stroke": two options


def test_would_it_help_asks_of_the_story_told_before_it(multi_bot):
    # Deep brain stimulation is in the articles only for Parkinson's disease: nothing says it helps restless legs.
    answer = multi_bot.ask("dad's deep brain stimulation really helped his parkinsons shaking. would it help his restless legs as well?")
    assert not answer.answered
    assert answer.citations == ()


def test_which_ones_better_after_two_drugs_is_a_comparison(multi_bot):
    from rlsbot.conversation import Conversation

    chat = Conversation(multi_bot)
    chat.ask("my neuro says i can try ropinirole or pramipexole")
    answer = chat.ask("which ones better?")
    assert refusal(answer) == ("The articles discuss ropinirole and pramipexole, but do not say which is better.",)


def test_a_comparison_of_two_options_needs_a_sentence_naming_both(bot):
    answer = bot.ask("magnesium morning or night wich is better for rls")
    assert not answer.answered  # sentences on magnesium that say "especially" or "instead" compare no times of day
    assert answer.gaps == ("The articles discuss magnesium, but do not say which is better.",)


def test_either_med_after_a_list_of_medicines_asks_of_them(bot):
    answer = bot.ask(
        "Pt 72F, hx depression on an SSRI, takes an antihistamine PRN for hay fever. RLS sx worsening. Could either med be contributing?"
    )
    assert answer.answered
    assert quotes(answer)[0].startswith("Certain medicines may trigger RLS. These include some:")
    assert "allergy medicines that contain antihistamines" in quotes(answer)[0]


def test_is_anyone_researching_it_asks_for_research_under_way(bot):
    answer = bot.ask("Is anyone actually researching RLS, or has it been written off as a nuisance?")
    assert quotes(answer)[0] == "Researchers continue to study new ways to diagnose RLS."


def test_genuinely_common_asks_how_common(bot):
    answer = bot.ask("is rls genuinely common?")
    assert "5 to 10 percent of adults" in quotes(answer)[0]


def test_actual_and_just_the_doctors_opinion_weigh_nothing(bot):
    answer = bot.ask("is there any actual blood test for rls or is it just the doctors opinion?")
    assert answer.answered, answer.missing
    assert quotes(answer)[0].startswith("Currently, no test can diagnose RLS.")


def test_a_first_baby_is_a_pregnancy_not_a_child(bot):
    assert bot.query("first baby, 20 weeks. at what point in pregnancy does restless legs usually start?").populations == ("pregnancy",)
    answer = bot.ask("first baby, 20 weeks. at what point in pregnancy does restless legs usually start?")
    assert "It usually occurs during the last 3 months of pregnancy." in quotes(answer)[0]


def test_prescribed_says_nothing_to_look_for(multi_bot):
    from rlsbot.conversation import Conversation

    chat = Conversation(multi_bot)
    chat.ask("just got prescribed horizant for my rls")
    answer = chat.ask("what time of day am i meant to take it")
    assert quotes(answer)[0] == "The extended-release tablet (Horizant) is taken with food once daily at about 5 PM."


def test_vaping_and_drinking_are_nicotine_and_alcohol(multi_bot):
    answer = multi_bot.ask("i vape and drink most weekends, could that be why my legs are like this at 20?")
    assert quotes(answer)[0].startswith("Use of caffeine, nicotine, or alcohol can also trigger restless legs syndrome")


def test_am_i_likely_to_get_it_too_asks_about_inheritance(bot):
    assert "inheritance" in bot.query("My mum had restless legs her whole life. Am I likely to get it too?").asks
    answer = bot.ask("My mum had restless legs her whole life. Am I likely to get it too?")
    assert "inheritance" in quotes(answer)[0]


def test_what_does_that_word_mean_asks_of_the_word_quoted(bot):
    answer = bot.ask("the leaflet calls my restless legs 'neurological' - what does that word mean, is it saying its in my head??")
    assert answer.answered, answer.missing
    assert "neurological" in quotes(answer)[0]
    assert quotes(answer)[0].startswith("Restless legs syndrome")


def test_someone_new_with_a_new_focus_is_a_new_question(bot):
    from rlsbot.conversation import Conversation

    chat = Conversation(bot)
    chat.ask("does magnesium help in pregnancy?")
    answer = chat.ask("my mum has rls, can she drink coffee?")
    assert quotes(answer)[0] == "Caffeine, tobacco, and alcohol may make symptoms worse."
    assert not any("magnesium" in q.lower() or "pregnan" in q.lower() for q in quotes(answer))
    # "she" with no one new named is still the woman asked about before
    wife = Conversation(bot)
    wife.ask("my wife is pregnant and has rls")
    assert wife.resolved_query("can she take magnesium?").populations == ("pregnancy",)
