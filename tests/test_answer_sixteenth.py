"""Issue 12, sixteenth session.

Each test names a way an answer went wrong on main (90a4bd4) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.conversation import Conversation
from tests.quoting import answered_quotes, quotes


def test_a_greeting_before_what_is_still_asks_what_it_is(bot):
    # "hello, what is ...?" read no ask: quote [1] was "The inheritance pattern of restless legs syndrome is usually unclear ..."
    said = answered_quotes(bot.ask("hello, what is restless legs syndrome? english is not my first language, please explain simple"))
    assert said[0] in (
        "Restless legs syndrome (RLS) is a disorder that causes a strong urge to move your legs.",
        "Restless legs syndrome is a neurological condition that causes an irresistible urge to move the legs.",
    )


def test_shouldnt_without_its_apostrophe_asks_who_should_avoid_it(bot):
    # "who shouldnt take magnesium tablets?" quoted "Magnesium is considered safe for most people to take. ..." first.
    said = answered_quotes(bot.ask("who shouldnt take magnesium tablets?"))
    assert said[0] == "You also shouldn’t take magnesium if you have any kidney disorders, including kidney failure."


def test_rls_caused_by_a_disease_names_which_rls_it_does_not_ask_the_cause(multi_bot):
    # "will dialysis get rid of rls caused by kidney failure" asked what causes RLS: "Some diseases ... may trigger RLS. ..."
    assert multi_bot.query("will dialysis get rid of rls caused by kidney failure").asks[:1] == ("treatment",)
    said = answered_quotes(multi_bot.ask("will dialysis get rid of rls caused by kidney failure"))
    assert said[0] == "Kidney transplants (but not dialysis) relieve RLS linked to kidney failure."
    # A question whose verb is "caused by" still asks the cause.
    assert multi_bot.query("is rls caused by low iron?").asks[:1] == ("cause",)


def test_how_long_a_flight_is_and_when_is_no_topic(bot, multi_bot):
    aisle = "Choose an aisle seat at the movies or on airplanes and trains so you can move around, if necessary."
    # "Not found in the articles: "coping", "hour"." (refused)
    assert answered_quotes(bot.ask("any tips for coping with rls on a 13 hour flight??"))[0] == aisle
    # "12", "next" and "month" outweighed the flight: "The drugs ropinirole, pramipexole, ... have been approved ..."
    assert answered_quotes(multi_bot.ask("12 hr flight next month, any tips so my legs dont drive me mad"))[0] == aisle


def test_a_womens_problem_asks_whether_women_get_it_more(multi_bot):
    # No ask was read: quote [1] was "The strongest evidence for supplements ... is magnesium in pregnant women."
    question = "51, menopause, on HRT, and awake till 3am with jittery legs most nights. is restless legs more of a women's problem?"
    assert "RLS affects both genders, but women are more likely to have it than men." in answered_quotes(multi_bot.ask(question))


def test_what_a_test_measures_is_asked_of_the_test(multi_bot):
    # Only an RLS page could answer: "The articles mention ferritin only about other conditions, not restless legs syndrome."
    said = answered_quotes(multi_bot.ask("what does ferritin actually measure? it was flagged on my results"))
    assert "Serum ferritin. Ferritin is a protein that helps store iron in your body." in said[0]


def test_someone_new_asking_of_rls_carries_nothing_from_the_turns_before(bot):
    chat = Conversation(bot)
    chat.ask("does magnesium help in pregnancy?")
    chat.ask("and is it safe?")
    # "this late" pointed back: magnesium carried, and quote [1] was "Magnesium administered via an IV may not be safe ..."
    said = answered_quotes(chat.ask("my mum is 80, can she get rls this late in life?"))
    assert not any("agnesium" in q for q in said)
    assert said == answered_quotes(bot.ask("my mum is 80, can she get rls this late in life?"))  # as if asked first


def test_someone_new_is_not_who_the_last_turn_was_about(bot):
    chat = Conversation(bot)
    chat.ask("does magnesium help in pregnancy?")
    # "her" is the mother, who is not pregnant: pregnancy carried from the turn before.
    query = chat.resolved_query("my mum has rls, is it safe for her?")
    assert "pregnancy" not in query.populations
    assert any(qw.carried and qw.word == "magnesium" for qw in query.words)  # "it" is still the magnesium
    # The same person again keeps who it is about.
    chat = Conversation(bot)
    chat.ask("my wife is pregnant, does magnesium help?")
    assert "pregnancy" in chat.resolved_query("is it safe for my wife?").populations
    assert quotes(chat.ask("is it safe for my wife?"))


def test_the_main_cause_comes_before_a_pair_that_only_ends_on_it(bot):
    # "People whose family members have RLS also are more likely to develop the disorder. This suggests that genetics may
    # contribute to the faulty use of iron." came first, for five questions on why iron matters.
    main = "Research suggests that the main cause of restless legs syndrome (RLS) is a faulty use of iron or a lack of iron in the brain."
    for question in (
        "why would iron matter for restless legs? my legs have nothing to do with my blood surely",
        "I read that iron makes restless legs worse, so I've stopped my iron tablets.",
    ):
        assert answered_quotes(bot.ask(question))[0] == main, question


def test_what_goes_wrong_asks_the_cause_and_the_restless_feeling_is_the_legs(multi_bot):
    # "what actually goes wrong in the brain with rls" asked nothing: "The brain uses iron to make the chemical dopamine ..." first
    said = answered_quotes(multi_bot.ask("what actually goes wrong in the brain with rls"))
    assert (
        "Research suggests that the main cause of restless legs syndrome (RLS) is a faulty use of iron or a lack of iron in the brain."
        in said
    )
    # "is something going wrong?" asks no cause
    assert "cause" not in multi_bot.query("is all this chopping and changing of her tablets normal, or is something going wrong?").asks
    # "the restless feeling" was any feeling: "The four key signs of restless legs syndrome (RLS) are: ..." came first
    question = (
        "im a wheelchair user after a spinal cord injury so i cant just get up and walk it off. what else can relieve the restless feeling"
    )
    assert not answered_quotes(multi_bot.ask(question))[0].startswith("The four key signs")


def test_can_i_still_take_it_beside_a_medicine_asks_whether_they_interact(bot):
    # "If you have any bleeding disorders, you should not take magnesium without consulting your doctor." came first
    question = "pharmacist says my blood pressure pill is a calcium channel blocker. can i still take magnesium for my legs?"
    said = answered_quotes(bot.ask(question))
    assert said[0].startswith("Magnesium may interact with certain medications, including:")
    assert "calcium channel blockers" in said[0]
    # With no medicine in the story it asks nothing of the kind.
    assert "interactions" not in bot.query("my legs are bad at night. can i still take magnesium for them?").asks


def test_one_side_asks_where_it_is_felt(bot):
    # "Side effects may include nausea ..." came first ("side" was the focus, and the question asked nothing)
    said = answered_quotes(bot.ask("back problems, the bad feeling is mostly in my left leg only. can restless legs be on just one side?"))
    assert "the feelings can occur in one leg" in said[0]
    # Telling where it is asks nothing of where: "what can i do?" still asks for treatments.
    assert bot.query("i get it in both legs every night, what can i do?").asks[:1] == ("treatment",)
