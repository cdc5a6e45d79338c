"""The chat screen's widgets.

Every piece of text that comes from an article or a question reaches the
screen as a ``Content`` built from plain strings (never parsed as markup) or
as Markdown escaped by :func:`rlsbot.render.md_escape`, so ``[X]`` shows as
written and nothing in an article can restyle the screen or open a link.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from textual import events
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, LoadingIndicator, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from rlsbot.answer import Answer, Citation
from rlsbot.article import BULLET, Article
from rlsbot.render import to_markdown
from rlsbot.text import safe

QUOTE_PREVIEW = 90  # characters of a quote shown in the sources panel


def plain(text: str, style: str = "") -> Content:
    """Text exactly as written: control characters made visible, no markup."""
    return Content.styled(safe(text), style) if style else Content(safe(text))


def _parser() -> MarkdownIt:
    # "gfm-like" turns anything that looks like a URL into a link, even in
    # escaped text; an article's words must never become something to click.
    return MarkdownIt("gfm-like", {"linkify": False}).disable("linkify")


class AnswerMarkdown(Markdown):
    """An answer rendered from :func:`rlsbot.render.to_markdown`; links are never opened."""

    def __init__(self, markdown: str = "", **kwargs) -> None:
        super().__init__(markdown, parser_factory=_parser, open_links=False, **kwargs)


def searched_line(answer: Answer) -> Content:
    """How the question was understood: the words actually searched."""
    words = answer.query.strip()
    return Content.assemble(
        ("searching: ", "$foreground-muted"),
        plain(words, "italic") if words else ("(no word the articles know)", "italic $foreground-muted"),
    )


class TurnView(Vertical):
    """One question and its answer in the transcript."""

    class Selected(Message):
        """The turn was clicked: show its sources."""

        def __init__(self, turn: TurnView) -> None:
            super().__init__()
            self.turn = turn

    def __init__(self, question: str, answer: Answer | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.question = question
        self.answer = answer
        self.error: str | None = None

    def compose(self):
        yield Static(Content.assemble(("\u276f ", "bold $accent"), plain(self.question, "bold")), classes="question")
        yield Static(searched_line(self.answer) if self.answer else "", classes="searched")
        yield LoadingIndicator(classes="progress")
        yield AnswerMarkdown(to_markdown(self.answer) if self.answer else "", classes="answer")

    @property
    def pending(self) -> bool:
        return self.answer is None and self.error is None

    def show_progress(self) -> None:
        """The answer is taking longer than a moment."""
        if self.pending:
            self.add_class("-slow")

    def set_answer(self, answer: Answer):
        self.answer = answer
        self.remove_class("-slow")
        self.query_one(".searched", Static).update(searched_line(answer))
        return self.query_one(AnswerMarkdown).update(to_markdown(answer))

    def set_error(self, message: str) -> None:
        self.error = message
        self.remove_class("-slow")
        self.query_one(".searched", Static).update(plain(message, "$text-error"))

    def on_click(self, event: events.Click) -> None:
        self.post_message(self.Selected(self))


def _score(c: Citation) -> str:
    return f"{c.score:.2f}"


def citation_prompt(c: Citation) -> Content:
    """One citation in the sources panel: marker, title, section, score, a glimpse of the quote."""
    quote = " ".join(c.quote.split())
    if len(quote) > QUOTE_PREVIEW:
        quote = quote[: QUOTE_PREVIEW - 1].rstrip() + "\u2026"
    where = c.section or "(opening)"
    return Content.assemble(
        (f"[{c.n}] ", "bold $text-accent"),
        plain(c.title, "bold"),
        "\n",
        plain(where, "$text-secondary"),
        (f" \u00b7 score {_score(c)}", "$foreground-muted"),
        "\n",
        plain(f"\u201c{quote}\u201d", "italic $foreground-muted"),
    )


class SourcesPanel(Vertical):
    """The citations of the selected answer; choosing one opens the article there."""

    class Chosen(Message):
        def __init__(self, answer: Answer, citation: Citation) -> None:
            super().__init__()
            self.answer = answer
            self.citation = citation

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.answer: Answer | None = None

    def compose(self):
        yield Static(Content.styled("Sources", "bold"), classes="title")
        yield Static(self._hint(), classes="hint")
        yield OptionList(id="citations")

    def _hint(self) -> Content:
        if self.answer is None:
            return Content.styled("Ask a question: the sources of its answer show here.", "$foreground-muted")
        if not self.answer.citations:
            return Content.styled("No sources: the articles do not cover this question.", "$foreground-muted")
        return Content.assemble(
            ("tab", "bold"),
            (" here, ", "$foreground-muted"),
            ("enter", "bold"),
            (" (or a click) opens the article at the quote", "$foreground-muted"),
        )

    def show(self, answer: Answer | None) -> None:
        self.answer = answer
        self.query_one(".hint", Static).update(self._hint())
        options = self.query_one("#citations", OptionList)
        options.clear_options()
        if answer is not None:
            for i, c in enumerate(answer.citations):
                if i:
                    options.add_option(None)  # a separator line
                options.add_option(Option(citation_prompt(c), id=str(c.n)))
            if answer.citations:
                options.highlighted = 0
        options.display = bool(answer and answer.citations)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.answer is None or event.option_list.id != "citations":
            return
        n = int(event.option.id or 0)
        chosen = [c for c in self.answer.citations if c.n == n]
        if chosen:
            self.post_message(self.Chosen(self.answer, chosen[0]))


class EmptyState(Vertical):
    """What rlsbot is, what it covers, and a few questions to start with."""

    class Starter(Message):
        def __init__(self, question: str) -> None:
            super().__init__()
            self.question = question

    def __init__(self, articles: Sequence[Article], starters: Sequence[str], shown: int = 6, **kwargs) -> None:
        super().__init__(**kwargs)
        self.articles = list(articles)
        self.starters = list(starters)
        self.shown = shown

    def compose(self):
        n = len(self.articles)
        yield Static(Content.styled("rlsbot", "bold $text-accent"), classes="brand")
        yield Static(
            Content.assemble(
                "Answers questions about ",
                ("restless legs syndrome", "bold"),
                f" by quoting {n} article{'s' if n != 1 else ''} word for word, with numbered sources. "
                "When the articles do not cover a question, it says so.",
            ),
            classes="intro",
        )
        yield Static(Content.styled("The articles", "bold"), classes="heading")
        yield Static(self._articles(), classes="articles")
        if self.starters:
            yield Static(Content.styled("Try asking", "bold"), classes="heading")
            yield OptionList(*[Option(plain(q), id=f"starter-{i}") for i, q in enumerate(self.starters)], id="starters")
        yield Static(
            Content.assemble(
                ("tab", "bold"),
                (" picks a starter \u00b7 ", "$foreground-muted"),
                ("ctrl+p", "bold"),
                (" commands \u00b7 ", "$foreground-muted"),
                ("Not medical advice.", "italic $foreground-muted"),
            ),
            classes="tips",
        )

    def _articles(self) -> Content:
        lines: list[Content] = []
        for a in self.articles[: self.shown]:
            by = ", ".join(str(a.meta[k]) for k in ("author", "publisher") if a.meta.get(k))
            line = Content.assemble(("\u2022 ", "$text-accent"), plain(a.title))
            if by:
                line = line + plain(f" \u2014 {by}", "$foreground-muted")
            lines.append(line)
        if len(self.articles) > self.shown:
            lines.append(Content.styled(f"\u2026 and {len(self.articles) - self.shown} more (ctrl+o lists them)", "$foreground-muted"))
        return Content("\n").join(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Starter(self.starters[event.option_index]))


class QuestionInput(Input):
    """The question line, with up/down through the questions asked before."""

    BINDINGS = [
        Binding("up", "history(-1)", "Earlier question", show=False),
        Binding("down", "history(1)", "Later question", show=False),
    ]

    def __init__(self, history: Iterable[str] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.history: list[str] = list(history)
        self._at = len(self.history)
        self._draft = ""

    def remember(self, question: str) -> None:
        if not self.history or self.history[-1] != question:
            self.history.append(question)
        self._at = len(self.history)
        self._draft = ""

    def forget(self) -> None:
        self.history.clear()
        self._at = 0
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._at == len(self.history):
            self._draft = self.value  # what was being typed comes back after the newest
        at = max(0, min(len(self.history), self._at + step))
        if at == self._at:
            return
        self._at = at
        self.value = self.history[at] if at < len(self.history) else self._draft
        self.cursor_position = len(self.value)


# ------------------------------------------------------------------ the article reader


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph or a whole list: one widget in the reader."""

    kind: str
    start: int
    end: int


def blocks(article: Article) -> list[Block]:
    """The article's spans with consecutive list items joined, bullets included as written."""
    out: list[Block] = []
    text = article.text
    for span in article.spans:
        start = span.start
        if span.kind == "item" and text[start - len(BULLET) : start] == BULLET:
            start -= len(BULLET)
        if span.kind == "item" and out and out[-1].kind == "list":
            out[-1] = Block("list", out[-1].start, span.end)
        else:
            out.append(Block("list" if span.kind == "item" else span.kind, start, span.end))
    if not out and text:
        out.append(Block("paragraph", 0, len(text)))
    return out


CURRENT_STYLE = "bold $text-warning on $warning-muted"
CITED_STYLE = "$text-primary on $primary-muted"


def block_content(text: str, block: Block, spans: Sequence[tuple[int, int, bool]]) -> Content:
    """The block's text, with each (start, end, current) span highlighted.

    Each piece goes through :func:`safe` on its own so that offsets stay
    those of the article text.
    """
    cuts: list[tuple[int, int, str]] = []
    for start, end, current in sorted(spans):
        s, e = max(start, block.start), min(end, block.end)
        if s < e:
            cuts.append((s, e, CURRENT_STYLE if current else CITED_STYLE))
    parts: list[Content] = []
    at = block.start
    for s, e, style in cuts:
        if s < at:
            s = at
        if s >= e:
            continue
        if at < s:
            parts.append(plain(text[at:s]))
        parts.append(plain(text[s:e], style))
        at = e
    if at < block.end:
        parts.append(plain(text[at : block.end]))
    content = Content("").join(parts)
    if block.kind == "heading":
        content = content.stylize("bold $text-primary")
    return content


class ReaderBlock(Static):
    """One block of the article in the reader."""

    def __init__(self, block: Block, content: Content, **kwargs) -> None:
        super().__init__(content, **kwargs)
        self.block = block


class ArticleView(VerticalScroll):
    """The whole article, blocks one under the other, with the cited quotes highlighted."""

    def __init__(self, article: Article, citations: Sequence[Citation] = (), current: Citation | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.citations = [c for c in citations if c.article == article.name]
        self.current = current

    def compose(self):
        spans = [(c.start, c.end, c == self.current) for c in self.citations]
        for block in blocks(self.article):
            hit = [(s, e, cur) for s, e, cur in spans if s < block.end and e > block.start]
            classes = f"-{block.kind}"
            if hit:
                classes += " -cited" + (" -current" if any(cur for *_, cur in hit) else "")
            yield ReaderBlock(block, block_content(self.article.text, block, hit), classes=classes)

    def block_at(self, offset: int) -> ReaderBlock | None:
        for widget in self.query(ReaderBlock):
            if widget.block.start <= offset < max(widget.block.end, widget.block.start + 1):
                return widget
        return None


__all__ = [
    "AnswerMarkdown",
    "ArticleView",
    "Block",
    "EmptyState",
    "QuestionInput",
    "ReaderBlock",
    "SourcesPanel",
    "TurnView",
    "blocks",
    "citation_prompt",
    "plain",
    "searched_line",
]
