"""Cranfield: rlsbot's analyzer and ranking against rank-bm25 and bm25s, in one run.

Every system ranks the 1,400 abstracts (their ``.W`` text, title included) for the 225 queries;
the last row ranks them through rlsbot's own path instead (each abstract an
article file with its title in the front matter, ``Bot.search``, the first 10
distinct articles of 200 passages: what ``rlsbot search`` returns);
nDCG@10 uses the relevance codes 1-4 of ``cranqrel`` with gain 5 - code
(-1: not relevant), and queries are matched to ``cranqrel`` by their order in
``cran.qry``.  Queries per second: one query per call, analysis included,
best of a few passes over all queries (the first pass of each system warms its
caches, rlsbot's stem memo included).

rlsbot is measured as it ships: ``analysis.index_terms`` (its tokens,
stopwords and Snowball stems; the RLS synonyms are a query-time feature of
``query.py`` and are not used) and ``index.Index``, with the shipping
``BM25Params`` and with parameters tuned on Cranfield itself (labelled so).

    python benchmarks/cranfield.py [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
DATA = ROOT.parent / "shared" / "bench" / "cranfield"

from rlsbot.analysis import index_terms, stopwords  # noqa: E402
from rlsbot.bm25 import BM25Params  # noqa: E402
from rlsbot.index import Index  # noqa: E402
from rlsbot.passages import Passage, Sentence  # noqa: E402

# Tuned on Cranfield by a grid over variant, k1 and b (--tune); reported apart
# from the shipping defaults, which are tuned on the RLS gold set.
CRANFIELD_TUNED = BM25Params(variant="plus", k1=2.0, b=0.75, delta=1.0)


def read_docs() -> list[str]:
    """Each abstract's ``.W`` field (which starts with its title)."""
    text = (DATA / "cran.all.1400").read_text(encoding="utf-8", errors="replace")
    docs = []
    for chunk in re.split(r"^\.I ", text, flags=re.M)[1:]:
        body = re.split(r"^\.W\n", chunk, maxsplit=1, flags=re.M)
        docs.append(body[1].strip() if len(body) > 1 else "")
    return docs


def read_queries() -> list[str]:
    text = (DATA / "cran.qry").read_text(encoding="utf-8", errors="replace")
    return [chunk.split(".W", 1)[1].strip() for chunk in re.split(r"^\.I ", text, flags=re.M)[1:]]


def read_qrels() -> dict[int, dict[int, int]]:
    """query number (1-based, by order) -> {doc id (0-based): gain}"""
    qrels: dict[int, dict[int, int]] = defaultdict(dict)
    for line in (DATA / "cranqrel").read_text().split("\n"):
        parts = line.split()
        if len(parts) >= 3:
            q, d, code = int(parts[0]), int(parts[1]), int(parts[2])
            if 1 <= code <= 4:
                qrels[q][d - 1] = 5 - code
    return qrels


def ndcg10(ranked: list[list[int]], qrels: dict[int, dict[int, int]]) -> float:
    total = 0.0
    for q, docs in enumerate(ranked, 1):
        gains = qrels.get(q, {})
        ideal = sorted(gains.values(), reverse=True)[:10]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        if idcg:
            total += sum(gains.get(d, 0) / math.log2(i + 2) for i, d in enumerate(docs[:10])) / idcg
    return total / len(ranked)


def timed(search, queries: list[str], passes: int = 3) -> tuple[list[list[int]], float]:
    """Rankings, and queries per second (best pass; one query per call)."""
    best = math.inf
    ranked: list[list[int]] = []
    for _ in range(passes):
        start = time.perf_counter()
        ranked = [search(q) for q in queries]
        best = min(best, time.perf_counter() - start)
    return ranked, len(queries) / best


# ---------------------------------------------------------------- systems


def lowercase_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def rank_bm25_system(docs: list[str], tokenize):
    from rank_bm25 import BM25Okapi

    bm25 = BM25Okapi([tokenize(d) for d in docs])

    def search(query: str) -> list[int]:
        return np.argsort(-bm25.get_scores(tokenize(query)), kind="stable")[:10].tolist()

    return search


def snowball_stopword_tokens(text: str) -> list[str]:
    """rank-bm25 with Snowball stems and stopwords, as a user of nltk would do it."""
    from nltk.stem.snowball import SnowballStemmer

    stemmer = snowball_stopword_tokens.stemmer = getattr(snowball_stopword_tokens, "stemmer", None) or SnowballStemmer("english")
    stop = stopwords()
    return [stemmer.stem(w) for w in lowercase_words(text) if w not in stop]


def bm25s_system(docs: list[str]):
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25(method="lucene")
    retriever.index(bm25s.tokenize(docs, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False)

    def search(query: str) -> list[int]:
        # token strings, not ids: retrieve() is several times faster this way
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=stemmer, return_ids=False, show_progress=False)
        results, _ = retriever.retrieve(tokens, k=10, show_progress=False, n_threads=1)
        return results[0].tolist()

    return search


def rlsbot_index(docs: list[str], params: BM25Params) -> Index:
    passages = [Passage(str(i), "", 0, len(d), (Sentence(0, len(d)),)) for i, d in enumerate(docs)]
    return Index.from_terms(passages, [index_terms(d) for d in docs], {}, {}, params)


def rlsbot_system(index: Index):
    def search(query: str) -> list[int]:
        return [int(h.passage.article) for h in index.search([(t, 1.0) for t in index_terms(query)], top=10)]

    return search


def tune(docs, queries, qrels) -> None:
    rows = []
    for variant in ("okapi", "l", "plus"):
        for k1 in (0.9, 1.2, 1.5, 2.0):
            for b in (0.3, 0.5, 0.75, 0.9):
                for delta in (0.5, 1.0) if variant != "okapi" else (1.0,):
                    params = BM25Params(variant=variant, k1=k1, b=b, delta=delta)
                    search = rlsbot_system(rlsbot_index(docs, params))
                    ranked = [search(q) for q in queries]
                    rows.append((ndcg10(ranked, qrels), params))
    for score, params in sorted(rows, key=lambda r: -r[0])[:10]:
        print(f"{score:.4f}  {params}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--tune", action="store_true", help="grid-search BM25 parameters on Cranfield (slow)")
    args = parser.parse_args()
    docs, queries, qrels = read_docs(), read_queries(), read_qrels()
    if args.tune:
        tune(docs, queries, qrels)
        return

    systems = []
    t = time.perf_counter()
    systems.append(("rank-bm25 BM25Okapi, lowercase words", rank_bm25_system(docs, lowercase_words), time.perf_counter() - t))
    t = time.perf_counter()
    systems.append(
        ("rank-bm25 BM25Okapi, Snowball stems + stopwords", rank_bm25_system(docs, snowball_stopword_tokens), time.perf_counter() - t)
    )
    t = time.perf_counter()
    systems.append(("bm25s lucene, PyStemmer, English stopwords", bm25s_system(docs), time.perf_counter() - t))
    for label, params in (("shipping", BM25Params()), ("Cranfield-tuned", CRANFIELD_TUNED)):
        t = time.perf_counter()
        index = rlsbot_index(docs, params)
        name = f"rlsbot {label} ({params.variant}, k1={params.k1}, b={params.b}" + (
            f", delta={params.delta})" if params.variant != "okapi" else ")"
        )
        systems.append((name, rlsbot_system(index), time.perf_counter() - t))

    # The product's own path: each abstract an article file (title in the front
    # matter), read by rlsbot's corpus code, searched as `rlsbot search` does.
    from fields import cranfield_articles, cranfield_search

    with tempfile.TemporaryDirectory() as tmp:
        cranfield_articles(Path(tmp))
        t = time.perf_counter()
        from rlsbot.bot import Bot

        bot = Bot.load(tmp, cache=False)
        systems.append(
            ("rlsbot search (articles with title field, Bot.search: the product path)", cranfield_search(bot), time.perf_counter() - t)
        )

    results = []
    for name, search, build in systems:
        ranked, qps = timed(search, queries)
        results.append({"system": name, "ndcg@10": round(ndcg10(ranked, qrels), 4), "queries/s": round(qps), "index s": round(build, 2)})
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"Cranfield: {len(docs)} abstracts, {len(queries)} queries, nDCG@10 (gain 5 - code)\n")
    print("| system | nDCG@10 | queries/s | index build s |")
    print("| --- | ---: | ---: | ---: |")
    for r in results:
        print(f"| {r['system']} | {r['ndcg@10']:.3f} | {r['queries/s']:,} | {r['index s']:.2f} |")


if __name__ == "__main__":
    main()
