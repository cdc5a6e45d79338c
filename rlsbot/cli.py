"""The rlsbot command.  Never imports Textual unless the chat screen opens."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from rlsbot import __version__, exitcodes
from rlsbot.article import BYLINE_KEYS, byline_parts
from rlsbot.cli_history import cmd_history, conversation_id, open_store
from rlsbot.cli_io import UsageError
from rlsbot.cli_io import color as _color
from rlsbot.cli_io import count as _count
from rlsbot.cli_io import print_json as _print_json
from rlsbot.cli_io import warn as _warn
from rlsbot.text import clean_input, one_line, safe

MAX_STDIN_BYTES = 4 * 1024 * 1024


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


# ------------------------------------------------------------------ helpers


def _read_stdin() -> str:
    data = sys.stdin.buffer.read(MAX_STDIN_BYTES)
    return clean_input(data.decode("utf-8", "replace"))


def _question(args) -> str:
    if args.question:
        text = " ".join(args.question)
    elif not sys.stdin.isatty():
        text = _read_stdin()
    else:
        raise UsageError('no question given: rlsbot ask "QUESTION"')
    text = clean_input(text)
    if not text.strip():
        raise UsageError("the question is empty")
    return text.strip()


def _progress_printer() -> Callable[[int, int], None] | None:
    """A progress bar on stderr, for terminals and corpora worth waiting for."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < 50:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\rindexing articles [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def load_bot(args, rebuild: bool = False):
    from rlsbot.bot import Bot

    bot = Bot.load(getattr(args, "corpus", None), rebuild=rebuild, progress=_progress_printer())
    for message in bot.warnings:
        _warn(message)
    return bot


def cmd_ask(args) -> int:
    question = _question(args)
    if args.continue_ or args.cid:
        from rlsbot.conversation import Conversation

        store = open_store()
        cid = conversation_id(store, args.cid) if args.cid else None
        bot = load_bot(args)
        found = store.load(bot, cid, warn=_warn) if cid else store.load_last(bot, warn=_warn)
        conversation = found or Conversation(bot)
        answer = conversation.ask(question)
        store.save(conversation, warn=_warn)
    else:
        answer = load_bot(args).ask(question)
    from rlsbot.render import to_json, to_text

    if args.json:
        _print_json(to_json(answer))
    else:
        print(to_text(answer, color=_color(sys.stdout)))
    return exitcodes.OK if answer.answered else exitcodes.NOT_COVERED


def cmd_search(args) -> int:
    query = clean_input(" ".join(args.query)).strip()
    if not query:
        raise UsageError("the query is empty")
    if args.top < 1:
        raise UsageError("--top must be at least 1")
    bot = load_bot(args)
    hits = bot.search(query, top=args.top)
    rows = [
        {
            "article": h.passage.article,
            "title": bot.articles[h.passage.article].title,
            "section": h.passage.section,
            "start": h.passage.start,
            "end": h.passage.end,
            "score": round(h.score, 4),
            "text": bot.passage_text(h),
        }
        for h in hits
    ]
    if args.json:
        _print_json(rows)
        return exitcodes.OK if rows else exitcodes.NOT_COVERED
    if not rows:
        print(f"No passage matches: searched for \u201c{one_line(bot.query(query).text or query)}\u201d.")
        return exitcodes.NOT_COVERED
    n = len(rows)
    # BM25 ranks passages; an answer's [n] scores rate its sentences, on a scale of their own.
    print(f"{n} passage{'s' if n != 1 else ''}, by BM25 score (passage ranking; not the sentence scores of an answer's sources):")
    for i, row in enumerate(rows, 1):
        where = f"{row['title']}" + (f" \u203a {row['section']}" if row["section"] else "")
        print(f"{i:>2}. {row['score']:.3f}  {one_line(where)}  ({one_line(row['article'])} {row['start']}-{row['end']})")
        text = " ".join(safe(row["text"]).split())
        print(f"    {text[:300]}" + ("\u2026" if len(text) > 300 else ""))
    return exitcodes.OK


def cmd_sources(args) -> int:
    from rlsbot.corpus import gather
    from rlsbot.index_meta import cached_passage_counts

    # A warm cache says how many passages each article has: no index, no numpy.
    gathered = gather(getattr(args, "corpus", None))
    articles = gathered.articles
    counts = cached_passage_counts(gathered.folders, articles)
    if counts is None:
        bot = load_bot(args)  # builds (and caches) the index, warning as ask would
        articles = tuple(bot.articles.values())
        counts = {}
        for p in bot.index.passages:
            counts[p.article] = counts.get(p.article, 0) + 1
    else:
        for message in gathered.warnings:
            _warn(message)
    rows = [
        {
            "article": a.name,
            "title": a.title,
            **{k: a.meta[k] for k in BYLINE_KEYS if a.meta.get(k)},
            **({"license": a.meta["license"]} if a.meta.get("license") else {}),
            "passages": counts.get(a.name, 0),
            "words": len(a.text.split()),
        }
        for a in articles
    ]
    if args.json:
        _print_json(rows)
        return exitcodes.OK
    for row in rows:
        by = ", ".join(byline_parts(row))
        print(f"{one_line(row['title'])}" + (f" \u2014 {one_line(by)}" if by else ""))
        print(
            f"    {one_line(row['article'])}: {_count(row['passages'], 'passage')}, {_count(row['words'], 'word')}"
            + (f", {one_line(row['url'])}" if row.get("url") else "")
        )
        if row.get("license"):
            print(f"    licence: {safe(row['license'])}")
    return exitcodes.OK


def cmd_index(args) -> int:
    bot = load_bot(args, rebuild=True)
    print(f"indexed {len(bot.articles)} articles, {len(bot.index.passages)} passages")
    return exitcodes.OK


def cmd_chat(args) -> int:
    if sys.stdin.isatty() and sys.stdout.isatty() and not args.json:
        bot = load_bot(args)
        from rlsbot.tui.app import run_chat

        run_chat(bot)
        return exitcodes.OK
    from rlsbot.conversation import Conversation
    from rlsbot.render import to_json, to_text

    bot = load_bot(args)
    conversation = Conversation(bot)
    asked = answered = 0
    for raw in sys.stdin.buffer:
        line = clean_input(raw.decode("utf-8", "replace")).strip()
        if not line:
            continue
        answer = conversation.ask(line)
        asked += 1
        answered += answer.answered
        if args.json:
            _print_json(to_json(answer))
        else:
            print(f"> {one_line(line)}")
            print(f"searching: {one_line(answer.query)}" if answer.query else "searching: (nothing)")
            print(to_text(answer, color=_color(sys.stdout)))
            print()
        sys.stdout.flush()
    # As ask: 1 when the articles covered none of the questions, so a script can tell.
    return exitcodes.NOT_COVERED if asked and not answered else exitcodes.OK


def _report(outcomes) -> int:
    """Print each file's outcome as it comes: done on stdout, refused on stderr (exit status 2)."""
    status = exitcodes.OK
    for outcome in outcomes:
        if outcome.ok:
            print(one_line(outcome.line))
        else:
            _warn(outcome.line)
            status = exitcodes.USAGE
    return status


def _own_folder(args):
    """Where add/remove work: --corpus DIR when given (never the bundled articles), else the user's folder."""
    if not getattr(args, "corpus", None):
        return None
    from pathlib import Path

    from rlsbot.corpus import bundled_corpus

    folder = Path(args.corpus).expanduser()
    if folder.resolve() == bundled_corpus().resolve():
        raise UsageError("the bundled articles are never changed; add to your own folder or another --corpus DIR")
    return folder


def cmd_add(args) -> int:
    from rlsbot.library import add_articles

    return _report(add_articles(args.files, folder=_own_folder(args)))


def cmd_remove(args) -> int:
    from rlsbot.library import remove_articles

    return _report(remove_articles(args.names, folder=_own_folder(args)))


# ------------------------------------------------------------------ parser


def _command(sub, name: str, summary: str, example: str, parents=()) -> argparse.ArgumentParser:
    """A command with its one-line description and an example in its --help."""
    return sub.add_parser(
        name,
        parents=list(parents),
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


COMMANDS = ("ask", "search", "chat", "history", "sources", "add", "remove", "index")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, that command's alone (a run needs one: each costs gettext look-ups)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--corpus",
        metavar="DIR",
        # SUPPRESS, so that a subcommand's own default does not overwrite a
        # --corpus given before the subcommand ("rlsbot --corpus X index").
        default=argparse.SUPPRESS,
        help="answer from the articles in DIR only (default: the bundled articles and yours; env RLSBOT_CORPUS)",
    )
    target = argparse.ArgumentParser(add_help=False)
    target.add_argument(
        "--corpus",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the folder the articles are copied to / taken out of (default: your own articles folder in the data directory)",
    )
    parser = _Parser(
        prog="rlsbot",
        description="Answers questions about restless legs syndrome by quoting a set of articles verbatim.\n"
        "A first argument that is not a command is a question; no argument on a terminal opens the chat.",
        epilog="examples:\n"
        '  rlsbot "does magnesium help?"\n'
        '  rlsbot ask -c "is it safe in pregnancy?"\n'
        "  rlsbot history --search magnesium\n\n"
        "Exit status: 0 answered, 1 the articles do not cover the question, 2 usage or input error.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"rlsbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    if only in (None, "ask"):
        p = _command(sub, "ask", "answer one question from the articles", 'rlsbot ask "how much magnesium is safe per day?"', [common])
        p.add_argument("question", nargs="*", help="the question (read from stdin when omitted)")
        p.add_argument("--json", action="store_true", help="print one JSON object")
        p.add_argument("-c", "--continue", dest="continue_", action="store_true", help="continue the latest saved conversation")
        p.add_argument("--cid", metavar="ID", help="continue the saved conversation ID (see 'rlsbot history')")
        p.set_defaults(func=cmd_ask)

    if only in (None, "search"):
        p = _command(sub, "search", "list the top passages with their BM25 scores", 'rlsbot search --top 3 "magnesium kidney"', [common])
        p.add_argument("query", nargs="+", help="the words to search for")
        p.add_argument("--top", type=int, default=10, metavar="N", help="how many passages (default 10)")
        p.add_argument("--json", action="store_true", help="print a JSON list")
        p.set_defaults(func=cmd_search)

    if only in (None, "chat"):
        p = _command(
            sub, "chat", "the chat screen; with piped stdin, one question per line", "rlsbot chat --json < questions.txt", [common]
        )
        p.add_argument("--json", action="store_true", help="with piped stdin: one JSON object per answer")
        p.set_defaults(func=cmd_chat)

    if only in (None, "history"):
        p = _command(sub, "history", "list, search, show and export saved conversations", "rlsbot history --search iron")
        p.add_argument("--search", nargs="+", metavar="WORD", help="only conversations whose title, questions or quotes have every WORD")
        p.add_argument("-n", "--count", type=int, default=0, metavar="N", help="at most N conversations, newest first (default all)")
        p.add_argument("--json", action="store_true", help="print a JSON list")
        p.set_defaults(func=cmd_history)
        actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
        q = _command(actions, "show", "every turn of one conversation", "rlsbot history show 20260101-120000-abc123")
        q.add_argument("id", metavar="ID", help="the conversation (its id or a unique beginning of it)")
        q.add_argument("--json", action="store_true", help="print one JSON object")
        q = _command(actions, "export", "one conversation as Markdown", "rlsbot history export 20260101 -o magnesium.md")
        q.add_argument("id", metavar="ID", help="the conversation (its id or a unique beginning of it)")
        q.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")

    if only in (None, "sources"):
        p = _command(sub, "sources", "list the articles", "rlsbot sources --json", [common])
        p.add_argument("--json", action="store_true", help="print a JSON list")
        p.set_defaults(func=cmd_sources)

    if only in (None, "add"):
        p = _command(
            sub,
            "add",
            "copy articles into your own articles folder (or into --corpus DIR)",
            "rlsbot add ~/Downloads/rls-article.html",
            [target],
        )
        p.add_argument("files", nargs="+", metavar="FILE", help="Markdown, text or saved HTML files")
        p.set_defaults(func=cmd_add)

    if only in (None, "remove"):
        p = _command(
            sub,
            "remove",
            "take articles out of your own articles folder (or out of --corpus DIR)",
            "rlsbot remove rls-article.html",
            [target],
        )
        p.add_argument("names", nargs="+", metavar="NAME", help="the article's file name, as 'rlsbot sources' lists it")
        p.set_defaults(func=cmd_remove)

    if only in (None, "index"):
        p = _command(sub, "index", "rebuild the index now", "rlsbot index", [common])
        p.set_defaults(func=cmd_index)
    return parser


def _route(argv: list[str]) -> tuple[list[str], str | None]:
    """clig.dev's defaults: no command opens the chat, a first word that is not a command is a question.

    Returns the command line to parse and its command (None when help or the version comes first).
    """
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        if argv[i] in ("-h", "--help", "--version"):
            return argv, None
        i += 2 if argv[i] == "--corpus" else 1
    if i >= len(argv):
        return ["chat", *argv], "chat"
    word = argv[i]
    if word in COMMANDS:
        return argv, word
    import difflib  # only for a mistyped command: ~5 ms of every start otherwise

    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=0.75)
    if close and word.isalpha():
        raise UsageError(f"unknown command '{word}': did you mean `{close[0]}`? (a one-word question: rlsbot ask {word})")
    return ["ask", *argv], "ask"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        routed, command = _route(list(sys.argv[1:] if argv is None else argv))
        args = build_parser(command).parse_args(routed)
        return args.func(args)
    except UsageError as exc:
        _warn(str(exc))
        return exitcodes.USAGE
    except KeyboardInterrupt:
        print("\nrlsbot: interrupted", file=sys.stderr)
        return exitcodes.INTERRUPTED
    except BrokenPipeError:
        # stdout went away (e.g. `rlsbot ask ... | head -1`): quietly stop
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return exitcodes.OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        import sqlite3

        from rlsbot.corpus import CorpusError
        from rlsbot.store import StoreError

        if isinstance(exc, (sqlite3.Error, StoreError)):
            _warn(f"the saved conversations could not be used: {exc}")
            return exitcodes.USAGE
        if isinstance(exc, CorpusError):
            _warn(str(exc))
            return exitcodes.USAGE
        if os.environ.get("RLSBOT_DEBUG"):
            raise
        _warn(f"unexpected error: {type(exc).__name__}: {exc} (set RLSBOT_DEBUG=1 for details)")
        return exitcodes.USAGE
