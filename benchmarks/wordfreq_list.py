"""Regenerate rlsbot/data/common_en.txt from wordfreq (pip install wordfreq).

rlsbot ships this compact list instead of depending on wordfreq at run time:
the wordfreq wheel is 57 MB and takes about 0.25 s to import and look up,
which would double the time of a cached `rlsbot ask`.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "rlsbot" / "data" / "common_en.txt"
FLOOR = 3.0  # Zipf frequency: rarer words are all "rare" alike (melatonin 2.96)
HEADER = """\
# How common each English word is: its Zipf frequency (log10 of uses per
# billion words), for the {n} words at {floor} and above, one line per tenth:
# "4.3 word word ...". rlsbot reads a question word the articles lack as
# ordinary English when it is common, and as a topic they miss when it is
# rare (see rlsbot/query.py).
#
# Derived from wordfreq {version} (Robyn Speer et al.,
# https://github.com/rspeer/wordfreq), whose data is licensed CC BY-SA 4.0;
# this derived list is shared under the same licence. Regenerate with
# `python benchmarks/wordfreq_list.py` (needs `pip install wordfreq`).
"""


def main() -> None:
    rows = []
    for word in wordfreq.top_n_list("en", 60000):
        if re.fullmatch(r"[a-z]+(?:'[a-z]+)?", word):
            zipf = wordfreq.zipf_frequency(word, "en")
            if zipf >= FLOOR:
                rows.append((word, zipf))
    header = HEADER.format(n=len(rows), floor=FLOOR, version=version("wordfreq"))
    buckets: dict[str, list[str]] = {}
    for word, zipf in rows:
        buckets.setdefault(f"{int(zipf * 10) / 10:.1f}", []).append(word)
    body = "".join(f"{z} {' '.join(sorted(ws))}\n" for z, ws in sorted(buckets.items(), reverse=True))
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main()
