"""Wall time of a whole ``rlsbot ask`` process on the bundled articles.

Warm: the index is cached.  Cold: no cache (first run: Punkt training,
stemming, BM25, cache write).  Medians of several runs, measured side by side
with a bare ``python -c pass`` and ``import numpy`` for scale.  Bytecode is
cached in a temporary PYTHONPYCACHEPREFIX, as an installed package has it;
``--no-bytecode`` measures with PYTHONDONTWRITEBYTECODE=1 instead.

It also lists which heavy modules the warm path imported (it must be none of
nltk, textual and, on this small corpus, numpy).

``--baseline DIR`` also times another checkout of rlsbot (e.g. ``git archive``
of an earlier commit unpacked into DIR), interleaved with this one, with its
own cache folder, so that before and after are measured side by side.

``--crossover`` instead measures where scoring in plain Python
(rlsbot.postings, no numpy import) stops being faster than numpy for a whole
cached ``rlsbot search`` process: on generated corpora
(make_scale_corpus.py) of growing size, each process run both ways,
interleaved, with ``rlsbot.postings.SMALL`` set either side of the corpus.

    python benchmarks/startup.py [--runs 15] [--no-bytecode] [--baseline DIR]
    python benchmarks/startup.py --crossover [--runs 7] [--sizes 100,300,1000,3000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "does magnesium help in pregnancy?"


CPU: dict[str, list[float]] = {}  # user + sys seconds of each timed process, by row: load disturbs it less than wall time


def run(args: list[str], env: dict[str, str], row: str = "", check: bool = False) -> float:
    start = time.perf_counter()
    # `python -m` puts the working folder first on sys.path: run where PYTHONPATH points
    proc = subprocess.Popen(args, env=env, cwd=env["PYTHONPATH"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if check and status:
        raise SystemExit(f"{args} failed (wait status {status})")
    CPU.setdefault(row, []).append(usage.ru_utime + usage.ru_stime)
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-bytecode", action="store_true")
    parser.add_argument("--baseline", type=Path, help="another rlsbot checkout to time side by side")
    parser.add_argument("--crossover", action="store_true", help="plain Python against numpy scoring by corpus size")
    parser.add_argument("--sizes", default="100,300,1000,3000", help="--crossover: passages of each generated corpus")
    args = parser.parse_args()
    if args.crossover:
        crossover(args.runs, [int(n) for n in args.sizes.split(",")])
        return

    work = Path(tempfile.mkdtemp(prefix="rlsbot-startup-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("RLSBOT_")}
    env.update(RLSBOT_CACHE_DIR=str(work / "cache"), RLSBOT_DATA_DIR=str(work / "data"), PYTHONPATH=str(ROOT))
    if args.no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pyc")
    py = sys.executable
    ask = [py, "-m", "rlsbot", "ask", QUESTION]
    base_env = None
    if args.baseline:
        base_env = {**env, "PYTHONPATH": str(args.baseline.resolve()), "RLSBOT_CACHE_DIR": str(work / "base-cache")}
        base_env.update({"PYTHONPYCACHEPREFIX": str(work / "base-pyc")} if not args.no_bytecode else {})
    try:
        run(ask, env)  # bytecode and page cache warm, as for a user's second run
        if base_env:
            run(ask, base_env)
        rows: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for name, command, where in (
                ("python -c pass", [py, "-c", "pass"], env),
                ("python -c 'import numpy'", [py, "-c", "import numpy"], env),
                ("rlsbot ask, index cached", ask, env),
                *([(f"baseline ({args.baseline.name}) ask, index cached", ask, base_env)] if base_env else []),
            ):
                rows.setdefault(name, []).append(run(command, where, name))
            shutil.rmtree(work / "cache", ignore_errors=True)
            rows.setdefault("rlsbot ask, no cache (first run)", []).append(run(ask, env, "rlsbot ask, no cache (first run)"))
        imported = subprocess.run(
            [py, "-X", "importtime", "-m", "rlsbot", "ask", QUESTION], env=env, cwd=ROOT, capture_output=True, text=True
        ).stderr
        heavy = sorted(
            {line.split("|")[-1].strip().split(".")[0] for line in imported.splitlines() if "|" in line}
            & {"nltk", "textual", "rank_bm25", "rich", "numpy"}
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"`rlsbot ask` on the bundled articles, median of {args.runs} runs" + (" (no bytecode cache)" if args.no_bytecode else "") + "\n")
    print("| process | median s | min s | max s | median CPU s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, times in rows.items():
        print(f"| {name} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} | {statistics.median(CPU[name]):.3f} |")
    numpy_s, numpy_cpu = statistics.median(rows["python -c 'import numpy'"]), statistics.median(CPU["python -c 'import numpy'"])
    for name, times in rows.items():
        if "cached" in name:
            wall, cpu = statistics.median(times) / numpy_s, statistics.median(CPU[name]) / numpy_cpu
            print(f"\n{name}: {wall:.2f}x `import numpy` wall, {cpu:.2f}x CPU (medians)")
    print(f"load average after the runs: {os.getloadavg()[0]:.2f}")
    print(f"\nheavy modules imported by a warm `rlsbot ask`: {', '.join(heavy) or 'none'}")


# A whole CLI run with the plain Python scorer's limit set by argv[1].
FORCED = """
import sys
import rlsbot.postings
rlsbot.postings.SMALL = int(sys.argv[1])
from rlsbot.entry import main  # OpenBLAS on one thread, as the rlsbot command has it
sys.argv[1:] = sys.argv[2:]
sys.exit(main())
"""


def crossover(runs: int, sizes: list[int]) -> None:
    work = Path(tempfile.mkdtemp(prefix="rlsbot-crossover-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("RLSBOT_")}
    env.update(RLSBOT_CACHE_DIR=str(work / "cache"), RLSBOT_DATA_DIR=str(work / "data"), PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pyc")
    py = sys.executable
    print(f"whole cached `rlsbot search` processes, median of {runs}: plain Python against numpy scoring\n")
    print("| passages | postings | plain Python s (CPU s) | numpy s (CPU s) | numpy / plain (CPU) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    try:
        for size in sizes:
            corpus = work / f"corpus-{size}"
            subprocess.run(
                [py, str(ROOT / "benchmarks" / "make_scale_corpus.py"), "--passages", str(size), "--out", str(corpus)],
                check=True,
                capture_output=True,
            )
            search = ["search", "--corpus", str(corpus), "magnesium sleep at night"]
            subprocess.run([py, "-m", "rlsbot", *search], env=env, cwd=ROOT, check=True, capture_output=True)  # builds the cache
            postings = subprocess.run(
                [
                    py,
                    "-c",
                    "import sys; from rlsbot.bot import Bot; i = Bot.load(sys.argv[1]).index; print(len(i.passages), len(i.col_docs))",
                    str(corpus),
                ],
                env=env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            rows: dict[str, list[float]] = {"pure": [], "numpy": []}
            for _ in range(runs):
                for name, limit in (("pure", 10**12), ("numpy", -1)):
                    rows[name].append(run([py, "-c", FORCED, str(limit), *search], env, f"{size} {name}", check=True))
            pure, vec = statistics.median(rows["pure"]), statistics.median(rows["numpy"])
            pure_cpu, vec_cpu = statistics.median(CPU[f"{size} pure"]), statistics.median(CPU[f"{size} numpy"])
            print(
                f"| {int(postings[0]):,} | {int(postings[1]):,} | {pure:.3f} ({pure_cpu:.3f}) | {vec:.3f} ({vec_cpu:.3f}) | {vec / pure:.2f} ({vec_cpu / pure_cpu:.2f}) |"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average after the runs: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
