"""Issue 12, thirteenth session: how many get it, and a mix-up that is no mixing of medicines.

Each test names a way an answer went wrong on main (035f715) and checks the quotes the articles give now.
"""

from __future__ import annotations

from rlsbot.asks import asks_of
from tests.quoting import answered_quotes


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
