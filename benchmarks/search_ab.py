"""Whole cached ``rlsbot search`` processes of several checkouts, interleaved, each on a cache folder of its own.

``scale.py --baseline`` runs the baseline's searches on this checkout's cache
files, which is no use when the two differ in cache format or vocabulary
files (every search would rebuild).  Here each checkout builds (once, when
its cache folder has no index yet) and reads its own cache.  Reports the
median, min and max wall seconds and the median CPU seconds (user + sys,
which load disturbs less), with the load average before and after.

    python benchmarks/search_ab.py --runs 21 now=.:/tmp/cache-now main=/tmp/main:/tmp/cache-main
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = ("magnesium sleep at night", "iron dose daily", "night cramps in the legs")


def run(tree: Path, cache: Path, corpus: Path, query: str) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RLSBOT_")}
    env.update(PYTHONPATH=str(tree), RLSBOT_CACHE_DIR=str(cache), RLSBOT_DATA_DIR=str(cache / "data"))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rlsbot", "search", "--corpus", str(corpus), query],
        env=env,
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status:
        raise SystemExit(f"{tree}: rlsbot search failed ({status}): {err[-2000:].decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", metavar="NAME=CHECKOUT:CACHE")
    parser.add_argument("--corpus", type=Path, default=HERE / "data" / "scale")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    trees = []
    for spec in args.trees:
        name, _, rest = spec.partition("=")
        tree, _, cache = rest.partition(":")
        trees.append((name, Path(tree).resolve(), Path(cache).resolve()))
    for _name, tree, cache in trees:  # builds a missing cache, and leaves the checked note of rlsbot.cache_check
        run(tree, cache, args.corpus, QUERIES[0])
    time.sleep(2.5)
    for _name, tree, cache in trees:
        run(tree, cache, args.corpus, QUERIES[0])
    load_before = os.getloadavg()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in trees}
    for i in range(args.runs):
        for name, tree, cache in trees if i % 2 == 0 else trees[::-1]:
            times[name].append(run(tree, cache, args.corpus, QUERIES[i % len(QUERIES)]))
    load_after = os.getloadavg()
    print(f"whole cached `rlsbot search` processes on {args.corpus.name}, {args.runs} each, interleaved")
    print(
        f"load average (1, 5, 15 min): before {', '.join(f'{x:.2f}' for x in load_before)}; after {', '.join(f'{x:.2f}' for x in load_after)}\n"
    )
    print("| tree | median s | min s | max s | median CPU s |\n| --- | ---: | ---: | ---: | ---: |")
    for name, got in times.items():
        walls = [w for w, _ in got]
        print(
            f"| {name} | {statistics.median(walls):.3f} | {min(walls):.3f} | {max(walls):.3f} | {statistics.median(c for _, c in got):.3f} |"
        )


if __name__ == "__main__":
    main()
