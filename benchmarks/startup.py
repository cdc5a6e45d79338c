"""Wall time of a whole ``rlsbot ask`` process on the bundled articles.

Warm: the index is cached.  Cold: no cache (first run: Punkt training,
stemming, BM25, cache write).  Medians of several runs, measured side by side
with a bare ``python -c pass`` and ``import numpy`` for scale.  Bytecode is
cached in a temporary PYTHONPYCACHEPREFIX, as an installed package has it;
``--no-bytecode`` measures with PYTHONDONTWRITEBYTECODE=1 instead.

It also lists which heavy modules the warm path imported (it must be none of
nltk and textual).

``--baseline DIR`` also times another checkout of rlsbot (e.g. ``git archive``
of an earlier commit unpacked into DIR), interleaved with this one, with its
own cache folder, so that before and after are measured side by side.

    python benchmarks/startup.py [--runs 15] [--no-bytecode] [--baseline DIR]
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


def run(args: list[str], env: dict[str, str], row: str = "") -> float:
    start = time.perf_counter()
    # `python -m` puts the working folder first on sys.path: run where PYTHONPATH points
    proc = subprocess.Popen(args, env=env, cwd=env["PYTHONPATH"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    CPU.setdefault(row, []).append(usage.ru_utime + usage.ru_stime)
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-bytecode", action="store_true")
    parser.add_argument("--baseline", type=Path, help="another rlsbot checkout to time side by side")
    args = parser.parse_args()

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
            & {"nltk", "textual", "rank_bm25", "rich"}
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


if __name__ == "__main__":
    main()
