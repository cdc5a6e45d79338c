"""The chat screen: ask, read the quoted answer, open its sources.

The shape is Textual's ``examples/mother.py``: an anchored scroll of turns,
one Markdown widget per answer, and the engine (``Conversation.ask``) in a
thread worker so the screen never waits on it.
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Markdown, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from rlsbot.answer import Answer, Citation
from rlsbot.article import Article
from rlsbot.conversation import Conversation, ConversationStore
from rlsbot.render import conversation_to_markdown, to_text
from rlsbot.tui.widgets import (
    ArticleView,
    EmptyState,
    QuestionInput,
    SourcesPanel,
    TurnView,
    plain,
)

SLOW_ANSWER = 0.3  # seconds before a pending answer shows a progress indicator
STARTERS = (
    "How much magnesium is safe per day?",
    "Does magnesium help restless legs in pregnancy?",
    "Is iron deficiency linked to RLS?",
    "What are the side effects of magnesium?",
    "Which foods contain magnesium?",
)
SETTINGS_FILE = "chat.json"
CHAT_ACTIONS = {
    "new_conversation",
    "export",
    "copy_answer",
    "toggle_sources",
    "articles",
    "select_turn",
    "scroll_transcript",
    "focus_question",
}
LIGHT_THEME, DARK_THEME = "textual-light", "textual-dark"


def terminal_theme(environ: dict[str, str] | None = None) -> str | None:
    """Light or dark, from the terminal's COLORFGBG ("fg;bg") when it says; None when it does not."""
    env = os.environ if environ is None else environ
    if env.get("TEXTUAL_THEME"):
        return env["TEXTUAL_THEME"]
    bg = env.get("COLORFGBG", "").rsplit(";", 1)[-1]
    if not bg.isdigit():
        return None
    return LIGHT_THEME if int(bg) in (7, *range(9, 16)) else DARK_THEME


class Transcript(VerticalScroll, can_focus=False):
    """The turns; scrolled with page up/down from the question line, so it takes no Tab stop."""


class ReaderScreen(Screen):
    """An article, scrolled to the quoted sentences, which are highlighted in context."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "jump(1)", "Next quote"),
        Binding("p", "jump(-1)", "Previous quote"),
    ]

    def __init__(self, article: Article, citations: Sequence[Citation] = (), current: Citation | None = None) -> None:
        super().__init__()
        self.article = article
        self.citations = [c for c in citations if c.article == article.name]
        self.current = current

    def compose(self) -> ComposeResult:
        a = self.article
        by = ", ".join(str(a.meta[k]) for k in ("author", "publisher", "date") if a.meta.get(k))
        head = Content.assemble(
            plain(a.title, "bold"), "\n", plain(by + " \u00b7 " if by else "", "$foreground-muted"), plain(a.name, "$foreground-muted")
        )
        yield Static(head, id="reader-title")
        yield Static(self._status(), id="reader-status")
        yield ArticleView(a, self.citations, self.current, id="article")
        yield Footer()

    def _status(self) -> Content:
        if self.current is None:
            return Content.styled("The whole article.", "$foreground-muted")
        i = self.citations.index(self.current) + 1 if self.current in self.citations else 0
        where = f"section \u201c{self.current.section}\u201d" if self.current.section else "the opening section"
        return Content.assemble(
            (f"[{self.current.n}]", "bold $text-warning"),
            plain(f" quote {i} of {len(self.citations)} from this article, in {where}", "$foreground-muted"),
        )

    def on_mount(self) -> None:
        self.query_one(ArticleView).focus()
        self.call_after_refresh(self.scroll_to_current)

    def scroll_to_current(self) -> None:
        if self.current is None:
            return
        view = self.query_one(ArticleView)
        block = view.block_at(self.current.start)
        if block is not None:
            view.scroll_to_widget(block, animate=False, center=True, immediate=True)

    def action_jump(self, step: int) -> None:
        if not self.citations:
            return
        i = self.citations.index(self.current) if self.current in self.citations else -step
        self.current = self.citations[(i + step) % len(self.citations)]
        view = self.query_one(ArticleView)
        view.current = self.current
        view.remove_children()
        view.mount_all(list(view.compose()))
        self.query_one("#reader-status", Static).update(self._status())
        self.call_after_refresh(self.scroll_to_current)


class ArticlesScreen(ModalScreen[str]):
    """Every article rlsbot answers from; enter opens one."""

    BINDINGS = [Binding("escape", "dismiss", "Back")]

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.articles = list(articles)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="articles-box"):
            yield Static(Content.styled(f"The articles ({len(self.articles)})", "bold"), classes="title")
            options: list[Option | None] = []
            for a in self.articles:
                if options:
                    options.append(None)
                by = ", ".join(str(a.meta[k]) for k in ("author", "publisher", "date") if a.meta.get(k))
                words = len(a.text.split())
                prompt = Content.assemble(
                    plain(a.title, "bold"),
                    "\n",
                    plain(f"{by} \u00b7 " if by else "", "$foreground-muted"),
                    (f"{a.name}, {words} words", "$foreground-muted"),
                )
                options.append(Option(prompt, id=a.name))
            yield OptionList(*options, id="articles")
            yield Static(
                Content.assemble(
                    ("enter", "bold"), (" reads an article \u00b7 ", "$foreground-muted"), ("esc", "bold"), (" back", "$foreground-muted")
                ),
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss(self, result: str | None = None) -> None:  # type: ignore[override]
        self.dismiss(result)


class RlsbotApp(App):
    """The chat screen over one :class:`~rlsbot.bot.Bot`.

    ``store`` keeps the conversations (``ConversationStore.default()`` when
    None); ``theme`` overrides the saved or the terminal's theme (tests pin it).
    """

    CSS_PATH = "rlsbot.tcss"
    TITLE = "rlsbot"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide"), (180, "-very-wide")]
    BINDINGS = [
        Binding("ctrl+n", "new_conversation", "New"),
        Binding("ctrl+s", "export", "Export"),
        Binding("ctrl+y", "copy_answer", "Copy"),
        Binding("ctrl+b", "toggle_sources", "Sources"),
        Binding("ctrl+o", "articles", "Articles"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+up", "select_turn(-1)", "Earlier answer", show=False),
        Binding("ctrl+down", "select_turn(1)", "Later answer", show=False),
        Binding("pageup", "scroll_transcript(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll_transcript(1)", "Scroll down", show=False),
        Binding("escape", "focus_question", "Question", show=False),
    ]

    def __init__(
        self, bot, store: ConversationStore | None = None, theme: str | None = None, starters: Sequence[str] | None = None
    ) -> None:
        super().__init__()
        self.bot = bot
        self.store = store if store is not None else ConversationStore.default()
        self._settings = self.store.folder.parent / SETTINGS_FILE
        self._pinned_theme = theme
        self.theme = theme or self._saved_theme() or terminal_theme() or DARK_THEME
        self.conversation: Conversation = Conversation(bot)
        self.selected: TurnView | None = None
        self.show_sources = True
        self._queue: deque[tuple[Conversation, TurnView, str]] = deque()
        self._busy = False
        self._in_flight: TurnView | None = None
        self._scroll_target: TurnView | None = None
        self._slow_timer: Timer | None = None
        self.starters = list(STARTERS if starters is None else starters)
        self.sub_title = self._subtitle()

    # ------------------------------------------------------------ layout

    def _subtitle(self) -> str:
        n = len(self.bot.articles)
        return f"restless legs syndrome, quoted from {n} article{'s' if n != 1 else ''}"

    def compose(self) -> ComposeResult:
        yield Header(icon="\u25c6")
        with Horizontal(id="main"):
            with Transcript(id="transcript"):
                yield EmptyState(list(self.bot.articles.values()), self.starters, id="empty")
            yield SourcesPanel(id="sources")
        with Horizontal(id="ask-bar"):
            yield QuestionInput(placeholder="Ask about restless legs\u2026  (enter asks, \u2191\u2193 history)", id="question")
            yield Static(Content.styled("answering\u2026", "$foreground-muted"), id="busy")
        yield Footer()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        restored = self.store.load_last(self.bot, warn=self._warn)
        if restored is not None and restored.turns:
            self.conversation = restored
            transcript = self.query_one(Transcript)
            views = [TurnView(t.question, t.answer) for t in restored.turns]
            transcript.mount_all(views)
            self.query_one(QuestionInput).history.extend(t.question for t in restored.turns)
            self.query_one(QuestionInput).remember(restored.turns[-1].question)
            self._select(views[-1])
            self._scroll_target = views[-1]  # once its Markdown is laid out; see _markdown_ready
        self._refresh_layout()
        self.query_one(QuestionInput).focus()

    def _refresh_layout(self) -> None:
        has_turns = bool(self.query(TurnView))
        self.query_one("#empty").display = not has_turns
        self.query_one(SourcesPanel).display = has_turns and self.show_sources

    # ------------------------------------------------------------ asking

    @on(QuestionInput.Submitted)
    def _submitted(self, event: QuestionInput.Submitted) -> None:
        question = event.value.strip()
        event.input.value = ""
        if question:
            self.ask(question)

    @on(EmptyState.Starter)
    def _starter(self, event: EmptyState.Starter) -> None:
        self.ask(event.question)
        self.query_one(QuestionInput).focus()

    def ask(self, question: str) -> TurnView:
        """Show the question now, answer it in a worker."""
        self.query_one(QuestionInput).remember(question)
        view = TurnView(question)
        transcript = self.query_one(Transcript)
        transcript.mount(view)
        self.call_after_refresh(transcript.scroll_end, animate=False)
        self._queue.append((self.conversation, view, question))
        self._refresh_layout()
        self._pump()
        return view

    def _pump(self) -> None:
        # One question at a time and in order: a follow-up needs the turn before it.
        if self._busy or not self._queue:
            return
        conversation, view, question = self._queue.popleft()
        self._busy = True
        self._in_flight = view
        self._slow_timer = self.set_timer(SLOW_ANSWER, self._slow)
        self._answer(conversation, view, question)

    def _slow(self) -> None:
        if self._in_flight is not None:
            self._in_flight.show_progress()
        self.query_one("#busy").display = True

    @work(thread=True, group="answer", exit_on_error=False)
    def _answer(self, conversation: Conversation, view: TurnView, question: str) -> tuple[Conversation, TurnView, Answer, list[str]]:
        answer = conversation.ask(question)
        warnings: list[str] = []
        if conversation is self.conversation:  # a conversation left with ctrl+n is not saved again
            self.store.save(conversation, warn=warnings.append)
        return conversation, view, answer, warnings

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "answer" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        self._busy = False
        failed, self._in_flight = self._in_flight, None
        if self._slow_timer is not None:
            self._slow_timer.stop()
            self._slow_timer = None
        self.query_one("#busy").display = False
        if event.state == WorkerState.SUCCESS:
            conversation, view, answer, warnings = event.worker.result
            for message in warnings:
                self._warn(message)
            if conversation is self.conversation and view.is_attached:
                self.call_later(self._show_answer, view, answer)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if failed is not None and failed.is_attached:
                failed.set_error(f"rlsbot could not answer: {type(error).__name__}: {error}")
        self._pump()

    async def _show_answer(self, view: TurnView, answer: Answer) -> None:
        await view.set_answer(answer)
        self._select(view)
        # The answer's top, not its tail: quotes first, then sources and the disclaimer.
        self.call_after_refresh(self._scroll_to, view)

    @on(Markdown.TableOfContentsUpdated)
    def _markdown_ready(self, event: Markdown.TableOfContentsUpdated) -> None:
        # A restored answer's Markdown is built after the first layout: scroll once it has its height.
        target = self._scroll_target
        if target is not None and event.markdown in target.children:
            self._scroll_target = None
            self.call_after_refresh(self._scroll_to, target)

    def _scroll_to(self, view: TurnView) -> None:
        if view.is_attached:
            self.query_one(Transcript).scroll_to_widget(view, animate=False, top=True, immediate=True)

    # ------------------------------------------------------------ selection and sources

    def _select(self, view: TurnView | None) -> None:
        if self.selected is not None and self.selected is not view:
            self.selected.remove_class("-selected")
        self.selected = view
        if view is None:
            self.query_one(SourcesPanel).show(None)
            return
        view.add_class("-selected")
        if not view.pending:
            self.query_one(SourcesPanel).show(view.answer)

    @on(TurnView.Selected)
    def _turn_clicked(self, event: TurnView.Selected) -> None:
        self._select(event.turn)

    def action_select_turn(self, step: int) -> None:
        views = [v for v in self.query(TurnView) if not v.pending]
        if not views:
            return
        i = views.index(self.selected) if self.selected in views else len(views)
        view = views[max(0, min(len(views) - 1, i + step))]
        self._select(view)
        self._scroll_to(view)

    def action_scroll_transcript(self, step: int) -> None:
        transcript = self.query_one(Transcript)
        if step < 0:
            transcript.scroll_page_up(animate=False)
        else:
            transcript.scroll_page_down(animate=False)

    @on(SourcesPanel.Chosen)
    def _source_chosen(self, event: SourcesPanel.Chosen) -> None:
        self.open_article(event.citation.article, event.answer.citations, event.citation)

    def open_article(self, name: str, citations: Sequence[Citation] = (), current: Citation | None = None) -> None:
        article = self.bot.articles.get(name)
        if article is None:  # an old conversation quoting an article since removed
            self.notify(f"The article {name} is no longer in the corpus.", severity="warning", markup=False)
            return
        self.push_screen(ReaderScreen(article, citations, current))

    def action_toggle_sources(self) -> None:
        self.show_sources = not self.show_sources
        self._refresh_layout()
        if not self.query(TurnView):
            self.notify("The sources panel shows once a question is answered.")

    def action_articles(self) -> None:
        def chosen(name: str | None) -> None:
            if name:
                self.open_article(name)

        self.push_screen(ArticlesScreen(list(self.bot.articles.values())), chosen)

    def action_focus_question(self) -> None:
        self.query_one(QuestionInput).focus()

    # ------------------------------------------------------------ conversation commands

    async def action_new_conversation(self) -> None:
        """Start again: an empty transcript, and no context carried into the next question."""
        self._queue.clear()
        # A fresh object rather than reset(): a worker may still be answering on the old one.
        self.conversation = Conversation(self.bot)
        # Saved now, empty, so that quitting before the first question still
        # reopens this new conversation rather than the old one.
        self.store.save(self.conversation, warn=self._warn, keep_empty=True)
        await self.query(TurnView).remove()
        self._select(None)
        self._refresh_layout()
        self.query_one(QuestionInput).focus()
        self.notify("New conversation.")

    def export_path(self) -> Path:
        return self.store.folder.parent / "exports" / f"rlsbot-{self.conversation.id}.md"

    def action_export(self) -> None:
        if not self.conversation.turns:
            self.notify("Nothing to export yet: ask a question first.", severity="warning")
            return
        from rlsbot.storage import atomic_write

        path = self.export_path()
        data = conversation_to_markdown((t.question, t.answer) for t in self.conversation.turns).encode("utf-8", "replace")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, lambda f: f.write(data))
        except OSError as exc:
            self.notify(f"Could not export: {exc.strerror or exc}", severity="error", markup=False)
            return
        self.notify(f"Exported to {path}", title="Conversation exported", markup=False, timeout=8)

    def last_answer(self) -> Answer | None:
        return self.conversation.turns[-1].answer if self.conversation.turns else None

    def action_copy_answer(self) -> None:
        answer = self.last_answer()
        if answer is None:
            self.notify("No answer to copy yet.", severity="warning")
            return
        self.copy_to_clipboard(f"{answer.question}\n\n{to_text(answer)}\n")
        self.notify("Copied the last answer.")

    # ------------------------------------------------------------ the command palette

    def on_chat_screen(self, screen: Screen | None = None) -> bool:
        return (screen or self.screen) is self.screen_stack[0]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The chat's keys act on the transcript: over the reader or a dialog they are hidden and off.
        if action in CHAT_ACTIONS and not self.on_chat_screen():
            return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if not self.on_chat_screen(screen):
            yield from super().get_system_commands(screen)
            return
        yield SystemCommand("New conversation", "Clear the transcript; follow-ups start afresh (ctrl+n)", self.action_new_conversation)
        yield SystemCommand("Export conversation as Markdown", "Write the conversation to a .md file (ctrl+s)", self.action_export)
        yield SystemCommand(
            "Copy the last answer", "Put the last answer, with its sources, on the clipboard (ctrl+y)", self.action_copy_answer
        )
        yield SystemCommand("Toggle sources panel", "Show or hide the sources of the selected answer (ctrl+b)", self.action_toggle_sources)
        yield SystemCommand("Switch theme", "Pick a light or dark theme", self.action_change_theme)
        yield SystemCommand("Show the articles", "List the articles rlsbot quotes (ctrl+o)", self.action_articles)
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command

    # ------------------------------------------------------------ settings

    def _saved_theme(self) -> str | None:
        try:
            theme = json.loads(self._settings.read_text(encoding="utf-8")).get("theme")
        except (OSError, ValueError, AttributeError):
            return None
        return theme if isinstance(theme, str) and theme in self.available_themes else None

    def _remember_theme(self, theme) -> None:
        if self._pinned_theme:
            return
        from rlsbot.storage import atomic_write

        data = json.dumps({"theme": theme.name}).encode("utf-8")
        try:
            self._settings.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self._settings, lambda f: f.write(data))
        except OSError:
            pass  # the theme is a nicety; the next start just uses the default

    def _warn(self, message: str) -> None:
        self.notify(message, severity="warning", markup=False, timeout=10)


def run_chat(bot) -> None:
    """Open the chat screen; returns when the user quits."""
    RlsbotApp(bot).run()


__all__ = ["ArticlesScreen", "ReaderScreen", "RlsbotApp", "run_chat", "terminal_theme"]
