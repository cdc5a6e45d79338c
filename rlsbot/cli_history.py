"""``rlsbot history``: the saved conversations on the command line, as ``llm logs`` shows its own."""

from __future__ import annotations

import sys
import time

from rlsbot import exitcodes
from rlsbot.cli_io import UsageError, color, count, print_json, warn
from rlsbot.text import clean_input, safe


def open_store():
    """The user's conversations (imported late: sqlite3 and the engine only when needed)."""
    from rlsbot.store import ConversationStore

    store = ConversationStore.default()
    store.warnings.clear()
    return store


def conversation_id(store, given: str) -> str:
    """The conversation named on the command line, by its id or a unique beginning of it."""
    found = store.resolve(given)
    if found is None:
        raise UsageError(f"no conversation {given!r} (see 'rlsbot history')")
    return found


def _when(t: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t))


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(t))


def _store_warnings(store) -> None:
    for message in store.warnings:
        warn(message)


def cmd_history(args) -> int:
    """List or search the saved conversations; show or export one."""
    store = open_store()
    action = getattr(args, "action", None)
    if action in ("show", "export"):
        return _history_conversation(store, args, action)
    words = clean_input(" ".join(args.search or [])).strip()
    rows = store.summaries(search=words, limit=args.count or None)
    _store_warnings(store)
    if args.json:
        print_json([{"id": r.id, "title": r.title, "created": _iso(r.created), "updated": _iso(r.updated), "turns": r.turns} for r in rows])
    elif not rows:
        print(f"No saved conversation mentions “{safe(words)}”." if words else "No saved conversations yet.")
    for r in rows if not args.json else ():
        print(f"{r.id}  {_when(r.updated)}  {count(r.turns, 'turn'):>8}  {safe(r.title)}")
    return exitcodes.NOT_COVERED if words and not rows else exitcodes.OK


def _history_conversation(store, args, action: str) -> int:
    from rlsbot.render import conversation_to_markdown, to_json, to_text

    cid = conversation_id(store, args.id)
    (summary,) = [r for r in store.summaries() if r.id == cid] or [None]
    title = summary.title if summary else ""
    turns = store.turns(cid)
    _store_warnings(store)
    if action == "export":
        text = conversation_to_markdown([(t.question, t.answer, t.time) for t in turns], title=title)
        if not args.output or args.output == "-":
            sys.stdout.write(text)
            return exitcodes.OK
        from pathlib import Path

        from rlsbot.storage import atomic_write_bytes

        path = Path(args.output).expanduser()
        try:
            atomic_write_bytes(path, text.encode("utf-8", "replace"))
        except OSError as exc:
            raise UsageError(f"could not write {path}: {exc.strerror or exc}") from None
        print(f"wrote {safe(str(path))}", file=sys.stderr)
        return exitcodes.OK
    if args.json:
        turns_json = [{"time": _iso(t.time), **to_json(t.answer), "question": t.question} for t in turns]
        print_json({"id": cid, "title": title, "turns": turns_json})
        return exitcodes.OK
    print(safe(f"{cid}  {title}"))
    for t in turns:
        print(f"\n[{_when(t.time)}] > {safe(t.question)}")
        print(to_text(t.answer, color=color(sys.stdout)))
    return exitcodes.OK
