"""Run the gold set through a Bot and measure it.

Used by tests/test_gold.py (which fails below the pass rates we reached) and
by benchmarks/tune.py (which compares ranking settings on the same set).

A covered question passes when it is answered and every gold sentence lies
inside one of the answer's quotes.  A not-covered question passes when it is
refused, nothing is quoted, and every gold missing word is named.
recall@3 and MRR look at BM25's passage ranking alone: the rank of the first
passage that contains a gold sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent


def questions() -> list[dict]:
    return json.loads((HERE / "questions.json").read_text(encoding="utf-8"))


def conversations() -> list[dict]:
    return json.loads((HERE / "conversations.json").read_text(encoding="utf-8"))


@dataclass
class Report:
    covered: int = 0
    covered_passed: int = 0
    refused: int = 0
    refused_passed: int = 0
    recall3: float = 0.0
    mrr: float = 0.0
    quotes: int = 0  # quotes in the answers to covered questions, for conciseness
    failures: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)

    @property
    def pass_rate(self) -> float:
        total = self.covered + self.refused
        return (self.covered_passed + self.refused_passed) / total if total else 0.0

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {p}/{n}" for k, (p, n) in sorted(self.by_kind.items()))
        return (
            f"gold set: pass rate {self.pass_rate:.1%} "
            f"(covered {self.covered_passed}/{self.covered}, not covered {self.refused_passed}/{self.refused}); "
            f"recall@3 {self.recall3:.3f}; MRR {self.mrr:.3f}; "
            f"{self.quotes / max(self.covered, 1):.1f} quotes an answer\n  by kind: {kinds}"
        )


def quotes_found(answer, quotes: list[str]) -> bool:
    return all(any(q in c.quote for c in answer.citations) for q in quotes)


def evaluate(bot, items: list[dict] | None = None) -> Report:
    report = Report()
    rr_total = 0.0
    hits3 = 0
    for item in items if items is not None else questions():
        answer = bot.ask(item["question"])
        kind = item["kind"]
        tally = report.by_kind.setdefault(kind, [0, 0])
        tally[1] += 1
        if kind == "not-covered":
            report.refused += 1
            ok = not answer.answered and not answer.citations and all(w in answer.missing for w in item["missing"])
            report.refused_passed += ok
        else:
            report.covered += 1
            report.quotes += len(answer.citations)
            ok = answer.answered and quotes_found(answer, item["quotes"])
            report.covered_passed += ok
            rank = 0
            for hit in bot.search(item["question"], top=10):
                text = bot.passage_text(hit)
                if any(q in text for q in item["quotes"]):
                    rank = hit.rank
                    break
            rr_total += 1 / rank if rank else 0.0
            hits3 += 1 if rank and rank <= 3 else 0
        tally[0] += ok
        if not ok:
            got = [c.quote[:70] for c in answer.citations] if answer.answered else f"refused, missing={list(answer.missing)}"
            report.failures.append(f"{item['id']}: {item['question']!r} -> {got}")
    if report.covered:
        report.recall3 = hits3 / report.covered
        report.mrr = rr_total / report.covered
    return report


def evaluate_conversations(make_conversation, items: list[dict] | None = None) -> tuple[int, int, list[str]]:
    """Pass count, total and failures over the multi-turn gold set."""
    passed = 0
    failures = []
    items = items if items is not None else conversations()
    for item in items:
        conversation = make_conversation()
        answer = None
        for turn in item["turns"]:
            answer = conversation.ask(turn)
        if item.get("not_covered"):
            ok = not answer.answered and not answer.citations
        else:
            ok = answer.answered and quotes_found(answer, item["quotes"])
        passed += ok
        if not ok:
            failures.append(f"{item['id']}: {item['turns']} searched {answer.query!r} -> {[c.quote[:60] for c in answer.citations]}")
    return passed, len(items), failures
