"""The rlsbot command.  Never imports Textual unless the chat screen opens."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence

from rlsbot import __version__, exitcodes
from rlsbot.article import BYLINE_KEYS, byline_parts
from rlsbot.text import clean_input, json_safe, safe

MAX_STDIN_BYTES = 4 * 1024 * 1024


class UsageError(Exception):
    """Bad command-line input: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


# ------------------------------------------------------------------ helpers


def _color(stream) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


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


def _warn(message: str) -> None:
    print(f"rlsbot: {safe(message)}", file=sys.stderr)


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


def _print_json(obj) -> None:
    text = json.dumps(obj, ensure_ascii=False)
    sys.stdout.write(json_safe(text) + "\n")


# ------------------------------------------------------------------ commands


def cmd_ask(args) -> int:
    question = _question(args)
    bot = load_bot(args)
    if args.continue_:
        from rlsbot.conversation import Conversation, ConversationStore

        store = ConversationStore.default()
        conversation = store.load_last(bot, warn=_warn) or Conversation(bot)
        answer = conversation.ask(question)
        store.save(conversation, warn=_warn)
    else:
        answer = bot.ask(question)
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
        print(f"No passage matches: searched for \u201c{safe(bot.query(query).text or query)}\u201d.")
        return exitcodes.NOT_COVERED
    for i, row in enumerate(rows, 1):
        where = f"{row['title']}" + (f" \u203a {row['section']}" if row["section"] else "")
        print(f"{i:>2}. {row['score']:.3f}  {safe(where)}  ({safe(row['article'])} {row['start']}-{row['end']})")
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
        print(f"{safe(row['title'])}" + (f" \u2014 {safe(by)}" if by else ""))
        print(
            f"    {safe(row['article'])}: {row['passages']} passages, {row['words']} words"
            + (f", {safe(row['url'])}" if row.get("url") else "")
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
    for raw in sys.stdin.buffer:
        line = clean_input(raw.decode("utf-8", "replace")).strip()
        if not line:
            continue
        answer = conversation.ask(line)
        if args.json:
            _print_json(to_json(answer))
        else:
            print(f"> {safe(line)}")
            print(f"searching: {safe(answer.query)}" if answer.query else "searching: (nothing)")
            print(to_text(answer, color=_color(sys.stdout)))
            print()
        sys.stdout.flush()
    return exitcodes.OK


def _report(outcomes) -> int:
    """Print each file's outcome as it comes: done on stdout, refused on stderr (exit status 2)."""
    status = exitcodes.OK
    for outcome in outcomes:
        if outcome.ok:
            print(safe(outcome.line))
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


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--corpus",
        metavar="DIR",
        # SUPPRESS, so that a subcommand's own default does not overwrite a
        # --corpus given before the subcommand ("rlsbot --corpus X index").
        default=argparse.SUPPRESS,
        help="answer from the articles in DIR only (default: the bundled articles and yours; env RLSBOT_CORPUS)",
    )
    parser = _Parser(
        prog="rlsbot",
        description="Answers questions about restless legs syndrome by quoting a set of articles verbatim.",
        epilog="Exit status: 0 answered, 1 the articles do not cover the question, 2 usage or input error.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"rlsbot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("ask", parents=[common], help="answer one question", description="Answer one question from the articles.")
    p.add_argument("question", nargs="*", help="the question (read from stdin when omitted)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--continue", dest="continue_", action="store_true", help="continue the last saved conversation")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("search", parents=[common], help="list the top passages with their scores")
    p.add_argument("query", nargs="+")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many passages (default 10)")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("chat", parents=[common], help="the chat screen; with piped stdin, one question per line")
    p.add_argument("--json", action="store_true", help="with piped stdin: one JSON object per answer")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("sources", parents=[common], help="list the articles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("add", parents=[common], help="copy articles into your own corpus folder (or into --corpus DIR)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("remove", parents=[common], help="take articles out of your own corpus folder")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("index", parents=[common], help="rebuild the index now")
    p.set_defaults(func=cmd_index)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            args = parser.parse_args(["chat", *(argv if argv is not None else sys.argv[1:])])
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
        from rlsbot.corpus import CorpusError

        if isinstance(exc, CorpusError):
            _warn(str(exc))
            return exitcodes.USAGE
        if os.environ.get("RLSBOT_DEBUG"):
            raise
        _warn(f"unexpected error: {type(exc).__name__}: {exc} (set RLSBOT_DEBUG=1 for details)")
        return exitcodes.USAGE
