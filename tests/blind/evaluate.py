"""Score rlsbot on the blind question sets, with the blind judges' verdicts.

The sets (``sets/*.json``) were written by readers who saw only the articles
and a description of the users, never the code, the gold set or the
vocabulary files. Each item is one question (or a conversation whose last
turn is scored), marked covered or not by its writer, with the sentences that
answer it.

Every quote rlsbot gives is judged by a second blind reader:

- ``answers``: it answers the question;
- ``on-topic``: on the question's topic but does not answer it;
- ``off-topic``;
- ``alone``: it cannot stand alone (an unresolved "This", a list item
  without its lead-in, a heading, furniture).

Verdicts are kept per (item, quote text) in ``judgements/SET.json``, so a
quote judged once keeps its verdict when it comes back in a later run; a
quote never judged is reported as such, and ``--worklist FILE`` writes the
unjudged ones for the judge.

    python tests/blind/evaluate.py                 # every set, the report
    python tests/blind/evaluate.py --worklist w.json

Sets ``*1``, ``*3``, ``*5``, ``*7``, ``*9``, A10/B10, A11/B11, A14/B14 and A15/B15 are tuned on; sets ``*2``, ``*4``, ``*6``, ``*8``
A12/B12, A13/B13 and A16/B16 are frozen: never look at their failures to change rlsbot, and report them apart.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPORA = {"A": ROOT / "corpus", "B": HERE / "nih_multi"}
LABELS = ("answers", "on-topic", "off-topic", "alone")
# Never tuned on. A1, B1, the odd-numbered sets up to A11/B11, A10/B10, A14/B14, A15/B15, A20/B20, A22/B22, A23/B23 and
# A25/B25, A27/B27, A29/B29, A30/B30, A33/B33, A35/B35, A37/B37, A39/B39, A41/B41, A43/B43 are tuned on; A12/B12, A13/B13, A16/B16 to A19/B19, A21/B21, A24/B24, A26/B26,
# A28/B28, A31/B31, A32/B32, A34/B34, A36/B36, A38/B38, A40/B40 and A42/B42 are frozen (A17/B17 onwards from the day they were written).
FROZEN = {
    "A2",
    "B2",
    "A4",
    "B4",
    "A6",
    "B6",
    "A8",
    "B8",
    "A12",
    "B12",
    "A13",
    "B13",
    "A16",
    "B16",
    "A17",
    "B17",
    "A18",
    "B18",
    "A19",
    "B19",
    "A21",
    "B21",
    "A24",
    "B24",
    "A26",
    "B26",
    "A28",
    "B28",
    "A31",
    "B31",
    "A32",
    "B32",
    "A34",
    "B34",
    "A36",
    "B36",
    "A38",
    "B38",
    "A40",
    "B40",
    "A42",
    "B42",
}


def sets_dir() -> Path:
    return HERE / "sets"


def load_set(name: str) -> dict:
    return json.loads((sets_dir() / f"{name}.json").read_text(encoding="utf-8"))


def set_names() -> list[str]:
    return sorted(p.stem for p in sets_dir().glob("*.json"))


# A list marker at the start of a line, as a file may write it ("- ", "* ", "1.", "2)").
_MARKER = re.compile(r"^[ \t]*(?:[-*+\u2022\u25aa\u25cf\u00b7\u2023\u2043]|\d{1,3}[.)])(?=[ \t])", re.MULTILINE)


def key(quote: str) -> str:
    """A quote as its verdict is kept: white space joined, every list marker "\u2022".

    Quotes carry their file's own markers; verdicts given when every item
    was written "\u2022" are for the same words.
    """
    return " ".join(_MARKER.sub("\u2022", quote).split())


@dataclass
class Result:
    item: dict
    answered: bool
    quotes: list[dict] = field(default_factory=list)  # n, quote, title, article, section

    @property
    def covered(self) -> bool:
        return bool(self.item.get("covered"))


def run_set(name: str, corpus: Path | None = None) -> list[Result]:
    """Ask every item of one set, each conversation from a fresh start."""
    from rlsbot import Bot
    from rlsbot.conversation import Conversation

    bot = Bot.load(corpus or CORPORA[name[0]])
    results = []
    for item in load_set(name)["items"]:
        conversation = Conversation(bot)
        for turn in item["turns"]:
            answer = conversation.ask(turn)
        quotes = [{"n": c.n, "quote": c.quote, "title": c.title, "article": c.article, "section": c.section} for c in answer.citations]
        results.append(Result(item, answer.answered, quotes))
    return results


def load_judgements(name: str) -> dict[str, dict[str, str]]:
    path = HERE / "judgements" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _proxy(result: Result, quote: str) -> bool:
    """Does a quote hold one of the writer's answering sentences (or most of one)?"""
    q = set(re.findall(r"\w+", quote.lower()))
    for ans in result.item.get("answers", []):
        a = set(re.findall(r"\w+", ans["sentence"].lower()))
        if a and len(a & q) / len(a) >= 0.6 and len(a & q) / max(len(q), 1) >= 0.4:
            return True
    return False


def score(name: str, results: list[Result], verdicts: dict[str, dict[str, str]]) -> dict:
    covered = [r for r in results if r.covered]
    uncovered = [r for r in results if not r.covered]
    labels: list[str] = []
    first_ok = some_ok = proxy_first = proxy_some = unjudged = 0
    words = []
    for r in results:
        judged = verdicts.get(r.item["id"], {})
        row = []
        for q in r.quotes:
            label = judged.get(key(q["quote"]))
            if label is None:
                unjudged += 1
            row.append(label)
            labels.append(label or "?")
        if r.answered:
            words.append(sum(len(q["quote"].split()) for q in r.quotes))
        if r.covered and r.answered:
            first_ok += bool(row) and row[0] == "answers"
            some_ok += "answers" in row
            proxy_first += bool(r.quotes) and _proxy(r, r.quotes[0]["quote"])
            proxy_some += any(_proxy(r, q["quote"]) for q in r.quotes)
    judged_labels = [lb for lb in labels if lb != "?"]
    return {
        "set": name,
        "frozen": name in FROZEN,
        "covered": len(covered),
        "uncovered": len(uncovered),
        "q1 answers": first_ok,
        "some answers": some_ok,
        "precision": (judged_labels.count("answers") / len(judged_labels)) if judged_labels else None,
        "alone": labels.count("alone"),
        "quotes": len(labels),
        "unjudged": unjudged,
        "correct refusals": sum(not r.answered for r in uncovered),
        "wrong refusals": sum(not r.answered for r in covered),
        "mean words": (sum(words) / len(words)) if words else 0.0,
        "proxy q1": proxy_first,
        "proxy some": proxy_some,
    }


def table(rows: list[dict]) -> str:
    head = "| set | covered | q[1] answers | some answers | quote precision | cannot stand alone | correct refusals | wrong refusals | mean words | unjudged |"
    lines = [head, "|" + "---|" * 10]
    for s in rows:
        c, u = s["covered"], s["uncovered"]
        prec = "n/a" if s["precision"] is None else f"{s['precision']:.2f}"
        lines.append(
            f"| {s['set']}{' (frozen)' if s['frozen'] else ''} | {c} | {s['q1 answers']}/{c} ({s['q1 answers'] / c:.0%}) "
            f"| {s['some answers']}/{c} ({s['some answers'] / c:.0%}) | {prec} | {s['alone']} "
            f"| {s['correct refusals']}/{u} ({s['correct refusals'] / max(u, 1):.0%}) "
            f"| {s['wrong refusals']}/{c} ({s['wrong refusals'] / c:.0%}) | {s['mean words']:.0f} | {s['unjudged']}/{s['quotes']} |"
        )
    return "\n".join(lines)


def worklist(name: str, results: list[Result], verdicts: dict) -> list[dict]:
    out = []
    for r in results:
        judged = verdicts.get(r.item["id"], {})
        todo = [q for q in r.quotes if key(q["quote"]) not in judged]
        if todo:
            out.append({"set": name, "id": r.item["id"], "turns": r.item["turns"], "quotes": r.quotes, "judge": [q["n"] for q in todo]})
    return out


def absorb(work_path: Path, judged_path: Path) -> int:
    """Add a judge's labels (a list of {id, n, label}) for a worklist to judgements/SET.json."""
    work = {w["id"]: w for w in json.loads(work_path.read_text(encoding="utf-8"))}
    added = 0
    by_set: dict[str, dict] = {}
    for row in json.loads(judged_path.read_text(encoding="utf-8")):
        entry = work.get(row["id"])
        if entry is None or row.get("label") not in LABELS:
            continue
        quote = next((q["quote"] for q in entry["quotes"] if q["n"] == row["n"]), None)
        if quote is None:
            continue
        verdicts = by_set.setdefault(entry["set"], load_judgements(entry["set"]))
        verdicts.setdefault(row["id"], {})[key(quote)] = row["label"]
        added += 1
    for name, verdicts in by_set.items():
        path = HERE / "judgements" / f"{name}.json"
        path.write_text(json.dumps(verdicts, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return added


def isolated() -> None:
    """Run with empty, private data and cache dirs (removed at exit): never the user's own articles."""
    tmp = tempfile.mkdtemp(prefix="rlsbot-blind-")
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    for var in ("RLSBOT_DATA_DIR", "RLSBOT_CACHE_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = str(Path(tmp) / var.lower())
    os.environ.pop("RLSBOT_CORPUS", None)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Score rlsbot on the blind sets.")
    p.add_argument("sets", nargs="*", help="set names (default: all)")
    p.add_argument("--worklist", type=Path, help="write the unjudged quotes here")
    p.add_argument("--corpus-a", type=Path, help="corpus for the A sets (default: the bundled corpus/)")
    p.add_argument("--show", action="store_true", help="print every answer")
    p.add_argument("--json", type=Path, help="write the scores as JSON")
    p.add_argument("--absorb", nargs=2, type=Path, metavar=("WORKLIST", "LABELS"), help="add a judge's labels")
    args = p.parse_args(argv)
    if args.absorb:
        print(f"{absorb(*args.absorb)} verdicts added")
        return 0
    isolated()
    rows, work = [], []
    for name in args.sets or set_names():
        results = run_set(name, args.corpus_a if name.startswith("A") else None)
        verdicts = load_judgements(name)
        rows.append(score(name, results, verdicts))
        work += worklist(name, results, verdicts)
        if args.show:
            for r in results:
                judged = verdicts.get(r.item["id"], {})
                mark = "covered" if r.covered else "NOT covered"
                print(f"\n## {r.item['id']} ({mark}, {r.item.get('ask')}): {' / '.join(r.item['turns'])}")
                if not r.answered:
                    print("   -> refused")
                for q in r.quotes:
                    print(f"   [{q['n']}] {judged.get(key(q['quote']), '?'):9} {q['quote'][:160]}  <{q['article']} / {q['section']}>")
    print(table(rows))
    for s in rows:
        print(f"{s['set']}: proxy (writer's sentences) q1 {s['proxy q1']}/{s['covered']}, some {s['proxy some']}/{s['covered']}")
    if args.worklist:
        args.worklist.write_text(json.dumps(work, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"{sum(len(w['judge']) for w in work)} quotes to judge in {len(work)} answers -> {args.worklist}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
