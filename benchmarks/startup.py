"""Wall time of a whole ``rlsbot ask`` process on the bundled articles.

Warm: the index is cached.  Cold: no cache (first run: Punkt training,
stemming, BM25, cache write).  Medians of several runs, measured side by side
with a bare ``python -c pass`` and ``import numpy`` for scale.  Bytecode is
cached in a temporary PYTHONPYCACHEPREFIX, as an installed package has it;
``--no-bytecode`` measures with PYTHONDONTWRITEBYTECODE=1 instead.

It also lists which heavy modules the warm path imported (it must be none of
nltk and textual).

    python benchmarks/startup.py [--runs 15] [--no-bytecode]
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


def run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-bytecode", action="store_true")
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
    try:
        run(ask, env)  # bytecode and page cache warm, as for a user's second run
        rows = {
            "python -c pass": [],
            "python -c 'import numpy'": [],
            "rlsbot ask, index cached": [],
            "rlsbot ask, no cache (first run)": [],
        }
        for _ in range(args.runs):
            rows["python -c pass"].append(run([py, "-c", "pass"], env))
            rows["python -c 'import numpy'"].append(run([py, "-c", "import numpy"], env))
            rows["rlsbot ask, index cached"].append(run(ask, env))
            shutil.rmtree(work / "cache", ignore_errors=True)
            rows["rlsbot ask, no cache (first run)"].append(run(ask, env))
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
    print("| process | median s | min s | max s |")
    print("| --- | ---: | ---: | ---: |")
    for name, times in rows.items():
        print(f"| {name} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} |")
    print(f"\nheavy modules imported by a warm `rlsbot ask`: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
