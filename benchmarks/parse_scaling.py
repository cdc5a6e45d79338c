"""How parsing time grows with pathological input: doubling n should about double it.

Each input of issue 16 (one long heading line padded with spaces, thousands
of unclosed link brackets, image brackets, emphasis openers, comment openers,
a bullet padded with spaces) is parsed at n and 2n characters, side by side;
the table gives the median seconds of a few runs and the ratio
time(2n)/time(n): about 2 is linear, 4 quadratic, 8 cubic.

    python benchmarks/parse_scaling.py [--sizes 1000,2000,4000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from rlsbot.corpus import parse_article

# name -> (file suffix, input of about n characters)
CASES = {
    "heading + n spaces (.md)": (".md", lambda n: "# a" + " " * n + "b\n"),
    "[ x n (.md)": (".md", lambda n: "[" * n),
    "![ x n (.md)": (".md", lambda n: "![" * (n // 2)),
    "**a  x n (.md)": (".md", lambda n: "**a " * (n // 4)),
    "<!-- x n (.md)": (".md", lambda n: "<!--" * (n // 4)),
    "- + n spaces (.md)": (".md", lambda n: "- " + " " * n + "\n"),
    "- + n spaces (.txt)": (".txt", lambda n: "- " + " " * n + "\n"),
    "front matter, no end (.md)": (".md", lambda n: "---\n" + "a: b\n" * (n // 5)),
    "plain line + n spaces (.txt)": (".txt", lambda n: "Title" + " " * n + "x\n\nText."),
}


def seconds(suffix: str, source: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        parse_article("page" + suffix, source)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,20000,40000,80000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(
        "| input | "
        + " | ".join(f"n={n:,} s" for n in sizes)
        + " | "
        + " | ".join(f"x{b // a}" for a, b in zip(sizes, sizes[1:], strict=False))
        + " |"
    )
    print("| --- |" + " ---: |" * (2 * len(sizes) - 1))
    for name, (suffix, make) in CASES.items():
        if args.only not in name:
            continue
        ts = [seconds(suffix, make(n), args.runs) for n in sizes]
        ratios = [f"{b / a:.2f}" if a > 0 else "-" for a, b in zip(ts, ts[1:], strict=False)]
        print(f"| {name} | " + " | ".join(f"{t:.4f}" for t in ts) + " | " + " | ".join(ratios) + " |", flush=True)


if __name__ == "__main__":
    main()
