"""rlsbot at 100,000 passages: build, cached load, queries, memory, an edit.

Runs on the corpus of ``make_scale_corpus.py`` (generated into
benchmarks/data/scale when missing).  Each step is its own process, as a user
would run it:

- build: ``rlsbot index --corpus DIR`` (a full rebuild), wall time and peak RSS;
- load: a fresh process loading the cached index (``CachedIndex.open`` +
  ``index()``), the whole ``Bot.load`` (which stats every article file and
  takes unchanged ones from the article cache), and a whole ``rlsbot search``
  process;
- edit: one article changed, then ``Bot.load``: only that article is analysed;
- queries: 8 terms drawn from a random passage, ``Index.search(top=10)``,
  against ``rank_bm25.BM25Okapi.get_scores`` on the same passage terms, in the
  same process.

``--baseline DIR`` also times another checkout's full build (right after
this one's, into a cache of its own) and its whole ``rlsbot search``
processes (on this one's cache files, which it must be able to read),
interleaved with this one's.  Builds and searches report CPU seconds too
(user + sys, worker processes included), which load disturbs less than
wall time.

    python benchmarks/scale.py [--passages 100000] [--queries 200] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

LOAD = """
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from rlsbot.bot import Bot
from rlsbot.index_meta import cache_path
from rlsbot.bm25 import BM25Params
from rlsbot.index_cache import CachedIndex
t1 = time.perf_counter()
folder = Path(sys.argv[1])
with CachedIndex.open(cache_path([folder])) as cached:
    index = cached.index(BM25Params())
t2 = time.perf_counter()
bot = Bot.load(folder)
t3 = time.perf_counter()
assert not bot.warnings, bot.warnings
print(json.dumps({"import": t1 - t0, "index": t2 - t1, "bot": t3 - t2, "passages": len(index.passages)}))
"""


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS (MB), stdout and CPU seconds (user + sys, its worker processes included) of a child, via wait4."""
    start = time.perf_counter()
    # `python -m` puts the working folder first on sys.path: run where PYTHONPATH points
    proc = subprocess.Popen(args, env=env, cwd=env.get("PYTHONPATH", ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    wall = time.perf_counter() - start
    if status:
        raise SystemExit(f"{args} failed ({status}): {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=HERE / "data" / "scale")
    parser.add_argument("--runs", type=int, default=5, help="cached loads to take the median of")
    parser.add_argument("--baseline", type=Path, help="another rlsbot checkout whose search processes to time side by side")
    args = parser.parse_args()

    if not args.corpus.is_dir():
        subprocess.run(
            [sys.executable, str(HERE / "make_scale_corpus.py"), "--passages", str(args.passages), "--out", str(args.corpus)], check=True
        )
    work = Path(tempfile.mkdtemp(prefix="rlsbot-scale-"))
    corpus = work / "corpus"
    shutil.copytree(args.corpus, corpus)  # the edit step changes a file
    env = {k: v for k, v in os.environ.items() if not k.startswith("RLSBOT_")}
    env.update(RLSBOT_CACHE_DIR=str(work / "cache"), RLSBOT_DATA_DIR=str(work / "data"), PYTHONPATH=str(ROOT))
    rows: list[tuple[str, str, str]] = []
    try:
        build = [sys.executable, "-m", "rlsbot", "index", "--corpus", str(corpus)]
        build_s, build_mb, out, build_cpu = run_measured(build, env)
        load = f"load average {os.getloadavg()[0]:.2f} after"
        rows.append(
            (
                "build: `rlsbot index` (full rebuild)",
                f"{build_s:.1f} s, CPU {build_cpu:.1f} s, peak RSS {build_mb:,.0f} MB ({load})",
                "<= 60 s, <= 1.5 GB",
            )
        )
        rows.append(("corpus", out.strip(), ""))
        if args.baseline:
            # the baseline's own first build, into a cache of its own, right after this one's
            base_build_env = {**env, "PYTHONPATH": str(args.baseline.resolve()), "RLSBOT_CACHE_DIR": str(work / "base-cache")}
            b_s, b_mb, _, b_cpu = run_measured(build, base_build_env)
            load = f"load average {os.getloadavg()[0]:.2f} after"
            rows.append(
                (f"the same, baseline {args.baseline.name}", f"{b_s:.1f} s, CPU {b_cpu:.1f} s, peak RSS {b_mb:,.0f} MB ({load})", "")
            )

        loads = [json.loads(run_measured([sys.executable, "-c", LOAD, str(corpus)], env)[2]) for _ in range(args.runs)]
        rows.append(("load the cached index (fresh process, median)", f"{statistics.median(x['index'] for x in loads):.2f} s", "<= 1 s"))
        rows.append(
            ("whole `Bot.load` (article cache: stats every file, parses none)", f"{statistics.median(x['bot'] for x in loads):.2f} s", "")
        )
        search = [sys.executable, "-m", "rlsbot", "search", "--corpus", str(corpus), "magnesium sleep at night"]
        base_env = {**env, "PYTHONPATH": str(args.baseline.resolve())} if args.baseline else None
        searches, base_searches = [], []
        for _ in range(args.runs):
            searches.append(run_measured(search, env))
            if base_env:
                base_searches.append(run_measured(search, base_env))

        def medians(runs: list) -> str:
            return f"{statistics.median(r[0] for r in runs):.3f} s, CPU {statistics.median(r[3] for r in runs):.3f} s"

        rows.append(("whole `rlsbot search` process, cached (median)", medians(searches), "<= 0.5 s"))
        if base_searches:
            rows.append((f"the same, baseline {args.baseline.name} (interleaved)", medians(base_searches), ""))

        edited = sorted(corpus.rglob("*.md"))[len(list(corpus.rglob("*.md"))) // 2]
        edited.write_text(
            edited.read_text(encoding="utf-8") + "\nAn edited closing paragraph about magnesium and sleep.\n", encoding="utf-8"
        )
        edit_code = (
            "import sys,time; from rlsbot.bot import Bot; t=time.perf_counter(); b=Bot.load(sys.argv[1]); print(time.perf_counter()-t)"
        )
        edit_s = float(run_measured([sys.executable, "-c", edit_code, str(corpus)], env)[2])
        rows.append(("`Bot.load` after one article edited (only it re-analysed)", f"{edit_s:.2f} s", ""))

        rows += query_rows(corpus, env, args.queries)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"rlsbot at scale: {args.corpus.name}; load average after the runs {os.getloadavg()[0]:.2f}\n")
    print("| step | result | target |")
    print("| --- | --- | --- |")
    for step, result, target in rows:
        print(f"| {step} | {result} | {target} |")


def query_rows(corpus: Path, env: dict[str, str], n_queries: int) -> list[tuple[str, str, str]]:
    os.environ.update(env)
    import numpy as np
    from rank_bm25 import BM25Okapi

    from rlsbot.bm25 import BM25Params
    from rlsbot.index_cache import CachedIndex
    from rlsbot.index_meta import cache_path

    with CachedIndex.open(cache_path([corpus])) as cached:
        index = cached.index(BM25Params())
    vocab = list(index.vocab)
    # every passage's terms, back from the term columns (order does not matter to BM25)
    # (memoryviews of the cache file: a large index is queried without numpy until a query touches many postings)
    col_ptr, col_docs, col_tf = (np.asarray(a) for a in (index.col_ptr, index.col_docs, index.col_tf))
    term_of_entry = np.repeat(np.arange(len(vocab)), np.diff(col_ptr))
    order = np.argsort(col_docs, kind="stable")
    row_ptr = np.concatenate(([0], np.cumsum(np.bincount(col_docs, minlength=index.n_docs))))
    terms_sorted, tf_sorted = term_of_entry[order], col_tf[order]
    docs = []
    for d in range(index.n_docs):
        lo, hi = row_ptr[d], row_ptr[d + 1]
        docs.append([vocab[t] for t, tf in zip(terms_sorted[lo:hi].tolist(), tf_sorted[lo:hi].tolist(), strict=True) for _ in range(tf)])
    rng = random.Random(5)
    queries = []
    for _ in range(n_queries):
        doc = docs[rng.randrange(len(docs))]
        queries.append(rng.sample(doc, min(8, len(doc))))

    index.search([(t, 1.0) for t in queries[0]])  # first-call costs out of the way
    ours = []
    for q in queries:
        start = time.perf_counter()
        index.search([(t, 1.0) for t in q], top=10)
        ours.append(time.perf_counter() - start)
    start = time.perf_counter()
    okapi = BM25Okapi(docs)
    okapi_build = time.perf_counter() - start
    theirs = []
    for q in queries[:20]:
        start = time.perf_counter()
        okapi.get_scores(q)
        theirs.append(time.perf_counter() - start)
    p50, p95 = statistics.median(ours), sorted(ours)[int(0.95 * len(ours))]
    ratio = statistics.median(theirs) / p50
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [
        (
            f"query p50 / p95, `Index.search` top 10, 8-term queries ({n_queries})",
            f"{p50 * 1000:.2f} ms / {p95 * 1000:.2f} ms",
            "p50 <= 10 ms",
        ),
        (
            "rank_bm25 BM25Okapi.get_scores, same terms (median of 20)",
            f"{statistics.median(theirs) * 1000:.0f} ms (its build {okapi_build:.1f} s)",
            "",
        ),
        ("speed-up over get_scores", f"{ratio:.0f}x", ">= 30x"),
        ("peak RSS of this query process (holds rank_bm25 too)", f"{rss:,.0f} MB", ""),
    ]


if __name__ == "__main__":
    main()
