"""Choose the BM25 variant and parameters, and measure each query aid, on the gold set.

    python benchmarks/tune.py            # the grid and the ablations, as tables

Every row is the same gold set (tests/gold/) run through the whole answer
path: pass rate (answers quoting the gold sentences; refusals refusing),
recall@3 and MRR of the passage ranking.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rlsbot import analysis  # noqa: E402
from rlsbot.bm25 import BM25Params  # noqa: E402
from rlsbot.bot import Bot  # noqa: E402
from rlsbot.conversation import Conversation  # noqa: E402
from rlsbot.query import Resolver  # noqa: E402
from tests.gold.evaluate import evaluate, evaluate_conversations  # noqa: E402


def row(label: str, bot: Bot) -> str:
    r = evaluate(bot)
    c, n, _ = evaluate_conversations(lambda: Conversation(bot))
    return f"| {label} | {r.pass_rate:.1%} | {r.recall3:.3f} | {r.mrr:.3f} | {c}/{n} |"


def grid() -> None:
    print("| BM25 variant, k1, b | pass rate | recall@3 | MRR | conversations |")
    print("|---|---|---|---|---|")
    for variant, k1, b in itertools.product(("okapi", "l", "plus"), (0.9, 1.2, 1.5, 2.0), (0.3, 0.5, 0.75, 0.9)):
        params = BM25Params(variant=variant, k1=k1, b=b, delta=0.5 if variant == "l" else 1.0)
        print(row(f"{variant}, {k1}, {b}", Bot.load(cache=False, params=params)), flush=True)


def ablations() -> None:
    print("| query aid | pass rate | recall@3 | MRR | conversations |")
    print("|---|---|---|---|---|")
    bot = Bot.load(cache=False)
    print(row("all aids (shipping)", bot))
    bot._resolver = Resolver(bot.index, synonyms=False)
    print(row("without domain vocabulary", bot))
    bot._resolver = Resolver(bot.index, typos=False)
    print(row("without typo repair", bot))
    bot._resolver = Resolver(bot.index, synonyms=False, typos=False)
    print(row("without vocabulary and typo repair", bot))
    # Morphology: index and query on lowercase words instead of Snowball stems.
    real = analysis.stem
    analysis._STEMS.clear()
    try:
        import rlsbot.index as index_mod
        import rlsbot.query as query_mod

        def identity(word: str) -> str:
            return word

        for mod in (analysis, index_mod, query_mod):
            mod.stem = identity
        print(row("without stemming", Bot.load(cache=False)))
    finally:
        for mod in (analysis, index_mod, query_mod):
            mod.stem = real
        analysis._STEMS.clear()


if __name__ == "__main__":
    which = sys.argv[1:] or ["ablations", "grid"]
    if "ablations" in which:
        ablations()
    if "grid" in which:
        grid()
