"""Issue 12, fifteenth session.

Each test names a way an answer went wrong on main (83f4621) and checks the quotes the articles give now.
"""

from __future__ import annotations

from tests.quoting import answered_quotes, refusal


def test_a_story_told_before_can_someone_get_it_does_not_sink_it(bot):
    # "fidget" is rarer than the word list, so it was a topic the articles lack: "Not found in the articles: "fidget"."
    said = answered_quotes(bot.ask("my kids both fidget at night, can children get restless legs?"))
    assert any("2 to 4 percent of children" in q for q in said)
    # Only the clause before the question tells a story: a missing topic inside the question still refuses.
    refusal(bot.ask("can children who take melatonin get restless legs?"))
