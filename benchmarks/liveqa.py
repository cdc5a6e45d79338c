"""LiveQA-Med: rlsbot against bm25s and rank-bm25 through the shared runner, in one run.

Runs ../shared/bench/liveqa/run.py beside the checkout (read its README) with this checkout's
rlsbot first on PYTHONPATH, so the ``rlsbot`` executable and the runner's
one-process helper both run this code:

    python benchmarks/liveqa.py [--headings qtype] [--out results.json]

which is ``PYTHONPATH=<checkout> python run.py --rlsbot $(which rlsbot)
--systems rlsbot,rank_bm25,bm25s``.  The runner prints the metrics table
(avg score, MAP@10, MRR@10, P@5, judged@10) and writes timings (index build
wall time and peak RSS, query medians, whole ``rlsbot search`` processes) to
``--out``; bm25s and PyStemmer are in the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT.parent / "shared" / "bench" / "liveqa" / "run.py"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--headings", default="qtype", choices=["qtype", "question", "none"])
    ap.add_argument("--systems", default="rlsbot,rank_bm25,bm25s")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "data" / "liveqa-results.json"))
    args = ap.parse_args()
    exe = shutil.which("rlsbot") or str(Path(sys.executable).parent / "rlsbot")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(RUNNER), "--rlsbot", exe, "--systems", args.systems, "--headings", args.headings, "--out", args.out]
    raise SystemExit(subprocess.call(cmd, env=env))


if __name__ == "__main__":
    main()
