"""The chat screen: ask, read the quoted answer, open its sources.

The shape is Textual's ``examples/mother.py``: an anchored scroll of turns,
one Markdown widget per answer, and the engine (``Conversation.ask``) in a
thread worker so the screen never waits on it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from pathlib import Path

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Markdown, Static
from textual.worker import Worker, WorkerState

from rlsbot.answer import Answer, Citation
from rlsbot.conversation import Conversation
from rlsbot.render import conversation_to_markdown, to_markdown
from rlsbot.storage import atomic_write
from rlsbot.store import ConversationStore
from rlsbot.text import safe
from rlsbot.tui.screens.articles import ArticlesScreen
from rlsbot.tui.screens.conversations import ConversationsScreen
from rlsbot.tui.screens.dialogs import PromptScreen
from rlsbot.tui.screens.reader import ReaderScreen
from rlsbot.tui.widgets import EmptyState, QuestionInput, SourcesPanel, TurnView

SLOW_ANSWER = 0.3  # seconds before a pending answer shows a progress indicator
STACK_BELOW = 100  # columns under which the sources panel sits under the transcript, not beside it
STARTERS = (
    "What causes restless legs syndrome?",
    "How is restless legs syndrome diagnosed?",
    "Is restless legs syndrome inherited?",
    "Is iron deficiency linked to RLS?",
    "How much magnesium is safe per day?",
)


class Transcript(VerticalScroll, can_focus=False):
    """The turns; scrolled with page up/down from the question line, so it takes no Tab stop."""


class ChatScreen(Screen):
    """The conversation with one :class:`~rlsbot.bot.Bot`: transcript, sources panel, question line.

    ``store`` keeps the conversations; ``starters`` are the questions the
    empty state offers.  The screen owns the conversation, the answering
    worker, export and copy.
    """

    CSS_PATH = "chat.tcss"
    BINDINGS = [
        # Quit first, as Textual's own App binding would be: the footer lists keys in chain order.
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
        Binding("ctrl+n", "new_conversation", "New"),
        Binding("ctrl+l", "conversations", "Chats"),
        Binding("ctrl+s", "export", "Export"),
        Binding("ctrl+y", "copy_answer", "Copy"),
        Binding("ctrl+b", "toggle_sources", "Sources"),
        Binding("ctrl+o", "articles", "Articles"),
        Binding("ctrl+up", "select_turn(-1)", "Earlier answer", show=False),
        Binding("ctrl+down", "select_turn(1)", "Later answer", show=False),
        Binding("pageup", "scroll_transcript(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll_transcript(1)", "Scroll down", show=False),
        Binding("escape", "focus_question", "Question", show=False),
    ]

    def __init__(self, bot, store: ConversationStore, starters: Sequence[str] | None = None) -> None:
        super().__init__()
        self.bot = bot
        self.store = store
        self.conversation: Conversation = Conversation(bot)
        self.selected: TurnView | None = None
        self.show_sources = True
        self._queue: deque[tuple[Conversation, TurnView, str]] = deque()
        self._busy = False
        self._in_flight: TurnView | None = None
        self._scroll_target: TurnView | None = None
        self._slow_timer: Timer | None = None
        self.starters = list(STARTERS if starters is None else starters)
        n = len(bot.articles)
        self.sub_title = f"restless legs syndrome, quoted from {n} article{'s' if n != 1 else ''}"

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header(icon="\u25c6")
        with Horizontal(id="main"):
            with Transcript(id="transcript"):
                yield EmptyState(list(self.bot.articles.values()), self.starters, id="empty")
            yield SourcesPanel(id="sources")
        with Horizontal(id="ask-bar"):
            yield QuestionInput(
                placeholder="Ask about restless legs\u2026  (enter asks, \u2191\u2193 history)", id="question", select_on_focus=False
            )
            yield Static(Content.styled("answering\u2026", "$foreground-muted"), id="busy")
        yield Footer()

    async def on_mount(self) -> None:
        # up/down in the question line walks the questions of every conversation, as a shell's history
        self.query_one(QuestionInput).set_history(self.store.questions())
        restored = self.store.load_last(self.bot, warn=self._warn)
        if restored is not None:  # a new conversation saved empty wins too
            await self.show_conversation(restored)
        self._fit(self.size.width)
        self.query_one(QuestionInput).focus()

    async def show_conversation(self, conversation: Conversation) -> None:
        """Make ``conversation`` the current one and show its turns, the last one in view."""
        self._queue.clear()
        self.conversation = conversation
        await self.query(TurnView).remove()
        self._select(None)
        views = [TurnView(t.question, t.answer) for t in conversation.turns]
        if views:
            self.query_one(Transcript).mount_all(views)
            self._select(views[-1])
            self._scroll_target = views[-1]  # once its Markdown is laid out; see _markdown_ready
        self._show_panels()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        # Beside a narrow transcript the panel squeezes every quote into a few words per line.
        self.set_class(width < STACK_BELOW, "-stacked")
        self._show_panels()

    def _show_panels(self) -> None:
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
        self._show_panels()
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
        # The timer's call can already be on its way when the answer arrives and
        # stops it: then there is nothing in flight to show progress for.
        if self._in_flight is None:
            return
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
        self.call_after_refresh(self._scroll_to_turn, view)

    @on(Markdown.TableOfContentsUpdated)
    def _markdown_ready(self, event: Markdown.TableOfContentsUpdated) -> None:
        # A restored answer's Markdown is built after the first layout: scroll once it has its height.
        target = self._scroll_target
        if target is not None and event.markdown in target.children:
            self._scroll_target = None
            self.call_after_refresh(self._scroll_to_turn, target)

    def _scroll_to_turn(self, view: TurnView) -> None:
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
        self._scroll_to_turn(view)

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
        """Push the reader on article ``name``, at ``current`` among the answer's ``citations``."""
        article = self.bot.articles.get(name)
        if article is None:  # an old conversation quoting an article since removed
            self.notify(f"The article {safe(name)} is no longer in the corpus.", severity="warning", markup=False)
            return
        self.app.push_screen(ReaderScreen(article, citations, current))

    def action_toggle_sources(self) -> None:
        transcript = self.query_one(Transcript)
        kept = transcript.scroll_y
        self.show_sources = not self.show_sources
        self._show_panels()
        # The transcript changes width or height with the panel: its reflow must not move what is being read.
        self.call_after_refresh(transcript.scroll_to, y=kept, animate=False, immediate=True)
        if not self.query(TurnView):
            self.notify("The sources panel shows once a question is answered.")

    def action_articles(self) -> None:
        def chosen(name: str | None) -> None:
            if name:
                self.open_article(name)

        self.app.push_screen(ArticlesScreen(list(self.bot.articles.values())), chosen)

    def action_focus_question(self) -> None:
        self.query_one(QuestionInput).focus()

    def on_key(self, event: events.Key) -> None:
        # Typing while a list has the focus (the sources after coming back from an article, the starters) goes to the
        # question line, as in a chat: no keystroke is lost. The question line keeps every printable key it gets, so one
        # that reaches the screen came from elsewhere, and goes to the question line even when that has the focus by now:
        # a burst typed at the sources list is handed to the list key by key, and the first key moves the focus.
        if event.is_printable and event.character:
            question = self.query_one(QuestionInput)
            question.focus()
            question.insert_text_at_cursor(event.character)
            event.stop()

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
        self._show_panels()
        self.query_one(QuestionInput).focus()
        self.notify("New conversation.")

    def action_conversations(self) -> None:
        """The saved conversations: open one, rename, delete, search."""

        def chosen(cid: str | None) -> None:
            if cid is not None and cid != self.conversation.id:
                self.call_later(self.open_conversation, cid)
            elif self.conversation.turns and self.store.resolve(self.conversation.id) is None:
                self.call_later(self.action_new_conversation)  # the open one was deleted

        self.app.push_screen(ConversationsScreen(self.store, self.conversation.id), chosen)

    async def open_conversation(self, cid: str) -> None:
        """Show the saved conversation ``cid``; the one open now stays saved as it is."""
        found = self.store.load(self.bot, cid, warn=self._warn)
        if found is None:
            self.notify("That conversation is no longer saved.", severity="warning")
            return
        await self.show_conversation(found)
        self.query_one(QuestionInput).focus()

    def export_path(self) -> Path:
        """Where ctrl+s offers to write: the current folder, named from the first question, never over a file."""
        first = self.conversation.turns[0].question if self.conversation.turns else "conversation"
        slug = "-".join("".join(ch if ch.isalnum() else " " for ch in first.lower()).split()[:8]) or "conversation"
        path = Path.cwd() / f"rlsbot-{slug}.md"
        n = 2
        while path.exists():
            path, n = Path.cwd() / f"rlsbot-{slug}-{n}.md", n + 1
        return path

    def action_export(self) -> None:
        if not self.conversation.turns:
            self.notify("Nothing to export yet: ask a question first.", severity="warning")
            return

        def chosen(name: str | None) -> None:
            if name and name.strip():
                self.export_to(Path(name.strip()).expanduser())

        self.app.push_screen(PromptScreen("Export the conversation as Markdown to", str(self.export_path())), chosen)

    def export_to(self, path: Path) -> bool:
        """Write the conversation as Markdown to ``path``, with the times of its turns when saved."""
        stored = {i: t.time for i, t in enumerate(self.store.turns(self.conversation.id))}
        turns = [(t.question, t.answer, *([stored[i]] if i in stored else [])) for i, t in enumerate(self.conversation.turns)]
        title = next((s.title for s in self.store.summaries() if s.id == self.conversation.id), "")
        data = conversation_to_markdown(turns, title=title).encode("utf-8", "replace")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, lambda f: f.write(data))
        except OSError as exc:
            self.notify(f"Could not export to {safe(str(path))}: {safe(str(exc.strerror or exc))}", severity="error", markup=False)
            return False
        self.notify(f"Exported to {safe(str(path))}", title="Conversation exported", markup=False, timeout=8)
        return True

    def last_answer(self) -> Answer | None:
        """The answer ctrl+y copies: the conversation's newest."""
        return self.conversation.turns[-1].answer if self.conversation.turns else None

    def action_copy_answer(self) -> None:
        answer = self.last_answer()
        if answer is None:
            self.notify("No answer to copy yet.", severity="warning")
            return
        self.app.copy_to_clipboard(to_markdown(answer, heading=True, urls=True))
        # OSC 52 is all a terminal program has: whether it reached the clipboard, only the terminal knows.
        self.notify(
            "Sent the last answer, as Markdown, to the terminal's clipboard. "
            "If nothing pastes, the terminal does not allow it: ctrl+s exports to a file.",
            title="Copy",
            timeout=8,
        )

    def _warn(self, message: str) -> None:
        self.notify(safe(message), severity="warning", markup=False, timeout=10)


__all__ = ["STARTERS", "ChatScreen", "Transcript"]
