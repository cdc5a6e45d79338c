"""Properties that hold for any question, any article text (issue 7), checked with hypothesis.

For arbitrary questions: ``bot.ask`` never raises, every citation's quote is
exactly the article text at its offsets, the same question gets the same
answer, and the plain-text rendering holds no control character but newline.
"""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rlsbot.render import md_escape, to_json, to_markdown, to_text
from rlsbot.text import clean_text, safe

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

CORPUS_WORDS = [
    "magnesium", "iron", "ferritin", "restless", "legs", "syndrome", "rls", "dose", "pregnancy", "sleep", "vitamin",
    "deficiency", "side", "effects", "kidney", "supplement", "food", "help", "safe", "how", "much", "what", "does",
]  # fmt: skip

questions = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(CORPUS_WORDS), min_size=1, max_size=12).map(" ".join),
    st.lists(st.one_of(st.sampled_from(CORPUS_WORDS), st.text(min_size=1, max_size=15)), min_size=1, max_size=10).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Mn", "Zs", "So"]), max_size=80),
    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"]), max_size=5).map(
        lambda s: "magnesium " + s
    ),
)


def assert_sound(bot, question: str, answer) -> None:
    assert answer.question == question
    for c in answer.citations:
        article = bot.articles[c.article]
        assert 0 <= c.start < c.end <= len(article.text)
        assert c.quote == article.text[c.start : c.end]
        assert c.title == article.title
    assert answer.answered == bool(answer.citations)
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


@SETTINGS
@given(question=questions)
def test_any_question_gets_a_sound_answer(bot, question):
    answer = bot.ask(question)
    assert_sound(bot, question, answer)
    assert bot.ask(question) == answer  # deterministic
    text = to_text(answer)
    assert not CONTROL_BUT_NEWLINE.search(text)
    text.encode("utf-8")  # no lone surrogate survives
    to_markdown(answer, heading=True).encode("utf-8")
    json.dumps(to_json(answer), ensure_ascii=False)


@SETTINGS
@given(question=questions)
def test_any_question_searches_without_error(bot, question):
    hits = bot.search(question, top=5)
    assert len(hits) <= 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for h in hits:
        assert bot.passage_text(h) == bot.articles[h.passage.article].text[h.passage.start : h.passage.end]


@SETTINGS
@given(questions=st.lists(questions, min_size=1, max_size=4))
def test_any_conversation_gets_sound_answers(bot, questions):
    from rlsbot.conversation import Conversation

    conversation = Conversation(bot)
    for question in questions:
        assert_sound(bot, question, conversation.ask(question))


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_safe_leaves_nothing_a_terminal_would_act_on(text):
    shown = safe(text)
    assert not CONTROL_BUT_NEWLINE.search(shown.replace("\t", " "))
    shown.encode("utf-8")
    if not CONTROL_BUT_NEWLINE.search(text) and text.isprintable():
        assert shown == text  # ordinary text is left as it is


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_clean_text_removes_every_control_character(text):
    cleaned = clean_text(text)
    assert not re.search(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", cleaned)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Zl", "Zp", "Cc", "Zs"]) | st.just(" "), min_size=1))
def test_markdown_shows_any_line_literally(text):
    """What the chat screen shows of md_escape(text) is the text itself: no markup is live."""
    from markdown_it import MarkdownIt

    line = " ".join(text.split())
    if not line:
        return
    seen, kinds = [], set()
    for token in MarkdownIt("gfm-like").parse(md_escape(line)):
        for child in token.children or ():
            kinds.add(child.type if child.markup != "linkify" else "linkify")
            if child.type == "text":
                seen.append(child.content)
    assert kinds <= {"text", "linkify"}, kinds
    assert "".join(seen) == safe(line)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.text() | st.integers() | st.booleans(), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3)
    )
)
def test_json_output_is_terminal_safe_and_exact(obj):
    from rlsbot.cli import _print_json

    buf = io.StringIO()
    with redirect_stdout(buf):
        _print_json(obj)
    out = buf.getvalue()
    assert not CONTROL_BUT_NEWLINE.search(out[:-1])
    assert json.loads(out) == obj
