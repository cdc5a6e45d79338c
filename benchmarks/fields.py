"""Field weights (text, heading, title) on Cranfield through the product's path, and on the gold set.

Cranfield: each abstract is written as an article (front matter ``title`` =
its ``.T``, body = its ``.W`` after the title it repeats), read by rlsbot's
corpus code, and searched as ``rlsbot search`` does (``Bot.search``, 200
passages, the first 10 distinct articles), scored with nDCG@10 as
benchmarks/cranfield.py does.  The gold set: tests/gold/evaluate.py over the
two seed articles it was written for.  LiveQA: benchmarks/liveqa_fields.py.

    python benchmarks/fields.py [--grid 1,1,0 1,1,2 ...]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

from cranfield import DATA, ndcg10, read_qrels, read_queries  # noqa: E402

from rlsbot.bm25 import BM25Params  # noqa: E402
from rlsbot.bot import Bot  # noqa: E402
from rlsbot.conversation import Conversation  # noqa: E402
from rlsbot.corpus import bundled_corpus, gather  # noqa: E402
from rlsbot.index import Index  # noqa: E402
from rlsbot.index_meta import Fields  # noqa: E402
from tests.gold.evaluate import evaluate, evaluate_conversations  # noqa: E402

SEEDS = ("gene-food-vitamins-minerals-rls.md", "magnesium-for-restless-legs.md")


def cranfield_articles(folder: Path) -> None:
    """One Markdown article per abstract: its title in the front matter, its abstract as the body."""
    text = (DATA / "cran.all.1400").read_text(encoding="utf-8", errors="replace")
    for i, chunk in enumerate(re.split(r"^\.I ", text, flags=re.M)[1:]):
        title = re.search(r"^\.T\n(.*?)^\.[A-Z]\b", chunk, flags=re.M | re.S)
        body = re.split(r"^\.W\n", chunk, maxsplit=1, flags=re.M)
        title_text = " ".join(title.group(1).split()) if title else ""
        abstract = " ".join(body[1].split()) if len(body) > 1 else ""
        if title_text and abstract.startswith(title_text):
            abstract = abstract[len(title_text) :].strip()
        front = '"' + title_text.replace('"', '\\"') + '"'
        (folder / f"{i:04d}.md").write_text(f"---\ntitle: {front}\n---\n\n{abstract or title_text}\n", encoding="utf-8")


def cranfield_search(bot: Bot):
    """A Cranfield search through Bot.search: the first 10 distinct abstracts (0-based ids) of 200 passages."""

    def search(query: str) -> list[int]:
        seen: list[int] = []
        for h in bot.search(query, top=200):
            doc = int(h.passage.article.split(".")[0])
            if doc not in seen:
                seen.append(doc)
                if len(seen) == 10:
                    break
        return seen

    return search


def cranfield_ndcg(bot: Bot, queries: list[str], qrels) -> float:
    search = cranfield_search(bot)
    return ndcg10([search(q) for q in queries], qrels)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--grid", nargs="+", default=["1,1,0", "1,1,1", "1,1,2", "1,1,3", "1,0,2", "2,1,3"])
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rlsbot-fields-"))
    try:
        (tmp / "cran").mkdir()
        cranfield_articles(tmp / "cran")
        cran = list(gather(tmp / "cran").articles)
        (tmp / "seeds").mkdir()
        for name in SEEDS:
            shutil.copy(bundled_corpus() / name, tmp / "seeds" / name)
        seeds = list(gather(tmp / "seeds").articles)
        queries, qrels = read_queries(), read_qrels()
        print("| text,heading,title | Cranfield nDCG@10 (rlsbot search) | gold pass rate | gold recall@3 | gold MRR | gold conversations |")
        print("|---|---:|---:|---:|---:|---:|")
        for spec in args.grid:
            fields = Fields(*(int(x) for x in spec.split(",")))
            cran_bot = Bot(cran, Index.build(cran, BM25Params(), fields=fields))
            seed_bot = Bot(seeds, Index.build(seeds, BM25Params(), fields=fields))
            report = evaluate(seed_bot)
            passed, total, _ = evaluate_conversations(lambda b=seed_bot: Conversation(b))
            print(
                f"| {spec} | {cranfield_ndcg(cran_bot, queries, qrels):.4f} | {report.pass_rate:.3f} | {report.recall3:.3f} "
                f"| {report.mrr:.3f} | {passed}/{total} |",
                flush=True,
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
