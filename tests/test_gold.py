"""The gold set: questions in many phrasings with the article sentences they must quote."""

from __future__ import annotations

from conftest import GOLD_SUMMARIES

from rlsbot.conversation import Conversation
from tests.gold.evaluate import conversations, evaluate, evaluate_conversations, questions

# The rates this version reaches; a change that answers worse fails here. They
# are below those of the first version (86.1%, 32/36): answers now quote 1.8
# sentences instead of 3.0, and a gold item passes only when every one of its
# sentences is quoted; the blind sets (tests/test_blind.py) are the measure
# that counts now. Five gold items (zinc, B6) want "The same study in pregnant
# women mentioned above has suggested that reduced zinc levels also correlate
# with restless legs", which blind judges ruled four times cannot stand alone:
# it is no longer quoted (79.2% -> 76.2%, 22 -> 20 conversations). A paragraph
# that leans on the one before now joins its passage (recall@3 0.905 -> 0.893).
MIN_PASS_RATE = 0.76
MIN_RECALL_AT_3 = 0.89
MIN_MRR = 0.77
MIN_CONVERSATION_PASSES = 20


def test_gold_set_is_big_enough():
    items = questions()
    covered = [q for q in items if q["kind"] != "not-covered"]
    assert len(covered) >= 40 and len(items) - len(covered) >= 8
    assert len({q["kind"] for q in covered}) >= 6
    assert len(conversations()) >= 15


def test_gold_questions_pass_rate(seed_bot):
    report = evaluate(seed_bot)
    GOLD_SUMMARIES.append(report.summary())
    print(report.summary())
    assert report.pass_rate >= MIN_PASS_RATE, "\n".join(report.failures)
    assert report.recall3 >= MIN_RECALL_AT_3
    assert report.mrr >= MIN_MRR


def test_not_covered_questions_are_all_refused(seed_bot):
    for item in questions():
        if item["kind"] == "not-covered":
            answer = seed_bot.ask(item["question"])
            assert not answer.answered and not answer.citations, item["question"]
            assert set(item["missing"]) <= set(answer.missing), (item["question"], answer.missing)


def test_gold_conversations(seed_bot):
    passed, total, failures = evaluate_conversations(lambda: Conversation(seed_bot))
    alone, _, _ = evaluate_conversations(lambda: Conversation(seed_bot, resolve=False))
    GOLD_SUMMARIES.append(f"gold conversations: {passed}/{total} with follow-up resolution, {alone}/{total} answering each turn alone")
    assert passed >= MIN_CONVERSATION_PASSES, "\n".join(failures)
    assert passed > alone


def test_every_gold_quote_is_verbatim_at_its_offsets(seed_bot):
    for item in questions():
        answer = seed_bot.ask(item["question"])
        for c in answer.citations:
            text = seed_bot.articles[c.article].text
            assert text[c.start : c.end] == c.quote
            assert c.quote.strip() == c.quote and c.quote
