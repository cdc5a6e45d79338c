"""Field weights (title, heading, text) measured on LiveQA-Med in one process.

Writes the 17,862 MedQuAD answers as articles the way the LiveQA runner does
(../shared/bench/liveqa/run.py beside the checkout, its own functions), reads them once, and
for each weight setting builds the index and runs the 104 questions through
``Bot.search``, scored by the runner's own ``evaluate``.

    python benchmarks/liveqa_fields.py [--headings qtype] [--grid 1,1,1 1,1,2 ...]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LIVEQA = ROOT.parent / "shared" / "bench" / "liveqa"

from rlsbot.bm25 import BM25Params  # noqa: E402
from rlsbot.bot import Bot  # noqa: E402
from rlsbot.corpus import gather  # noqa: E402
from rlsbot.index import Index  # noqa: E402
from rlsbot.index_meta import Fields  # noqa: E402


def runner():
    spec = importlib.util.spec_from_file_location("liveqa_run", LIVEQA / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--headings", default="qtype")
    ap.add_argument("--grid", nargs="+", default=["1,1,0", "1,1,1", "1,1,2", "1,2,2", "1,1,3", "1,0,2", "2,1,3"])
    ap.add_argument("--passages", type=int, default=200)
    args = ap.parse_args()
    run = runner()
    records, questions, qrels = run.load_data(LIVEQA)
    queries = [(q["id"], run.query_text(q)) for q in questions]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        run.write_corpus(records, args.headings, folder)
        articles = list(gather(folder).articles)
    print("| text,heading,title | avg score | MRR@10 3-4 | MAP@10 3-4 | MRR@10 2-4 | P@5 3-4 | build s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for spec in args.grid:
        text, heading, title = (int(x) for x in spec.split(","))
        t = time.perf_counter()
        index = Index.build(articles, BM25Params(), fields=Fields(text, heading, title))
        build = time.perf_counter() - t
        bot = Bot(articles, index)
        rankings = {}
        for qid, q in queries:
            hits = [[h.passage.article, h.score] for h in bot.search(q, top=args.passages)]
            rankings[qid] = run.distinct_articles(hits)
        m, _ = run.evaluate(rankings, questions, qrels)
        print(
            f"| {spec} | {m['avg_score']:.3f} | {m['MRR@10_34']:.3f} | {m['MAP@10_34']:.3f} | {m['MRR@10_234']:.3f} "
            f"| {m['P@5_34']:.3f} | {build:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
