"""Whole cached ``rlsbot search`` processes over the LiveQA corpus, for every question, checkouts side by side.

The shared runner (/work/shared/bench/liveqa/run.py, its README) times five
``rlsbot search`` processes; this times all 104 questions, each checkout on
its own cache (its own XDG folders), interleaved (the order alternates by
question and round), and reports medians of wall and CPU seconds, how many
questions take over 1 s, whether every checkout printed the same JSON, and,
in an untimed pass, how many processes imported nltk.  Write the corpus
first with ``run.py --rlsbot $(which rlsbot) --workdir W --keep`` (it is
``W/corpus-qtype``); compile each checkout's bytecode (``python -m
compileall -q rlsbot``) when PYTHONDONTWRITEBYTECODE is set.

    python benchmarks/liveqa_processes.py --corpus W/corpus-qtype \\
        --tree now=.:/tmp/now --tree base=/tmp/base:/tmp/base-cache [--build] [--rounds 2]

``--build`` builds each checkout's cache from scratch first (wall and CPU of
``rlsbot index``, one after another).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNNER = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "liveqa"
PROBE = """
import sys
from rlsbot.cli import main
try:
    main(sys.argv[1:])
finally:
    sys.stderr.write('\\nPROBE nltk ' + str('nltk' in sys.modules) + '\\n')
"""


def environment(checkout: str, cache_root: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RLSBOT_")}
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[var] = str(Path(cache_root) / var.lower())
    env.update(NO_COLOR="1", PYTHONPATH=str(Path(checkout).resolve()))
    return env


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall and CPU seconds (children's user + system) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=env["PYTHONPATH"], capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, proc


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--tree", action="append", required=True, help="NAME=CHECKOUT:CACHE_ROOT")
    ap.add_argument("--rounds", type=int, default=1, help="0: only count the processes importing nltk")
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    sys.path.insert(0, str(RUNNER))
    import run  # the runner's question text (subject + message)

    _, questions, _ = run.load_data(RUNNER)
    exe = shutil.which("rlsbot") or str(Path(sys.executable).parent / "rlsbot")
    trees = {spec.split("=", 1)[0]: environment(*spec.split("=", 1)[1].rsplit(":", 1)) for spec in args.tree}
    if args.build:
        for name, env in trees.items():
            shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
            w, c, _ = timed([exe, "index", "--corpus", str(args.corpus)], env)
            print(f"build {name}: {w:.1f} s, CPU {c:.1f} s, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    for env in trees.values():  # the first search after a build checks the whole cache file once
        subprocess.run([exe, "search", "--corpus", str(args.corpus), "warm up"], env=env, cwd=env["PYTHONPATH"], capture_output=True)
    wall: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    cpu: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    printed: dict[str, dict[str, str]] = {name: {} for name in trees}
    loads = []
    names = list(trees)
    for r in range(args.rounds):
        for n, q in enumerate(questions):
            for name in names if (n + r) % 2 == 0 else names[::-1]:
                cmd = [exe, "search", "--json", "--top", "200", "--corpus", str(args.corpus), run.query_text(q)]
                w, c, proc = timed(cmd, trees[name])
                wall[name].setdefault(q["id"], []).append(w)
                cpu[name].setdefault(q["id"], []).append(c)
                printed[name][q["id"]] = proc.stdout
            loads.append(os.getloadavg()[0])
    nltk = {name: 0 for name in trees}
    for name, env in trees.items():  # untimed: which processes import nltk
        for q in questions:
            cmd = [sys.executable, "-c", PROBE, "search", "--json", "--top", "200", "--corpus", str(args.corpus), run.query_text(q)]
            # run in the checkout: ``python -c`` puts the working folder before PYTHONPATH
            nltk[name] += "PROBE nltk True" in subprocess.run(cmd, env=env, cwd=env["PYTHONPATH"], capture_output=True, text=True).stderr
    report: dict = {"questions": len(questions), "rounds": args.rounds, "load": [min(loads, default=0), max(loads, default=0)]}
    for name in trees:
        report[name] = {"import nltk": nltk[name]}
        if not args.rounds:
            continue
        walls = [statistics.median(v) for v in wall[name].values()]
        report[name] |= {
            "wall median s": round(statistics.median(walls), 3),
            "cpu median s": round(statistics.median(statistics.median(v) for v in cpu[name].values()), 3),
            "over 1 s": sum(w > 1.0 for w in walls),
            "same output as " + names[0]: sum(printed[name][q] == printed[names[0]][q] for q in printed[name]),
        }
    print(json.dumps(report, indent=1))
    if args.out:
        args.out.write_text(json.dumps({"report": report, "wall": wall, "cpu": cpu}, indent=1))


if __name__ == "__main__":
    main()
