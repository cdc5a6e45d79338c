"""Regenerate rlsbot/data/health_en.txt and health_terms.txt: the English words that NIH consumer health text uses.

A question word the articles lack is a topic they miss ("driving",
"insurance", "socks") or only the asker's own way of talking ("weird",
"hype", "yesterday"). How common a word is in English cannot tell these
apart; whether health writing ever uses it can: "driving" is in 63 of
MedQuAD's 17,862 NIH answers, "weird" in none. rlsbot ships the list, never
MedQuAD itself.

    python benchmarks/health_words.py [--medquad PATH]
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
from collections import Counter
from pathlib import Path

from rlsbot.english import common_words

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rlsbot" / "data" / "health_en.txt"
TERMS = ROOT / "rlsbot" / "data" / "health_terms.txt"
MEDQUAD = ROOT.parent / "shared" / "bench" / "liveqa" / "medquad.jsonl.xz"
FLOOR = 3.0  # the common-word list's own floor
MIN_ANSWERS = 3  # a word in fewer answers is a stray ("railroad": 2)
HEADER = """\
# The {n} common English words (Zipf {floor} and above, rlsbot/data/common_en.txt)
# that at least {k} of the {docs} NIH consumer health answers of MedQuAD use.
# rlsbot reads a question word the articles lack as a topic they miss only if
# health writing uses it ("driving", "insurance"); otherwise it is the asker's
# own way of talking ("weird", "hype"), named but never decisive (rlsbot/query.py).
#
# Derived from MedQuAD (Asma Ben Abacha and Dina Demner-Fushman, "A
# Question-Entailment Approach to Question Answering", BMC Bioinformatics 20,
# 511, 2019; https://github.com/abachaa/MedQuAD), licensed CC BY 4.0, and from
# wordfreq's list (CC BY-SA 4.0, see common_en.txt); shared under CC BY-SA 4.0.
# Regenerate with `python benchmarks/health_words.py`.
"""
TERMS_HEADER = """\
# The {n} words rarer than common English (not in rlsbot/data/common_en.txt)
# that at least {k} of the {docs} NIH consumer health answers of MedQuAD use:
# "creatine", "statins", "clotting", "cpap". A question word the articles lack
# that is one of these is a topic they miss, never a misspelling of a common
# word ("creatine" is not "creative"; rlsbot/english.py).
#
# Derived from MedQuAD (Asma Ben Abacha and Dina Demner-Fushman, "A
# Question-Entailment Approach to Question Answering", BMC Bioinformatics 20,
# 511, 2019; https://github.com/abachaa/MedQuAD), licensed CC BY 4.0, and from
# wordfreq's list (CC BY-SA 4.0, see common_en.txt); shared under CC BY-SA 4.0.
# Regenerate with `python benchmarks/health_words.py`.
"""


def _lines(words: list[str]) -> str:
    lines: dict[str, list[str]] = {}
    for w in words:
        lines.setdefault(w[0], []).append(w)
    return "".join(" ".join(ws) + "\n" for _, ws in sorted(lines.items()))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--medquad", type=Path, default=MEDQUAD)
    args = p.parse_args()
    seen: Counter[str] = Counter()
    docs = 0
    with lzma.open(args.medquad, "rt", encoding="utf-8") as f:
        for line in f:
            docs += 1
            seen.update(set(re.findall(r"[a-z]+(?:'[a-z]+)?", (json.loads(line).get("answer") or "").lower())))
    common = common_words(FLOOR)
    words = sorted(w for w in common if seen[w] >= MIN_ANSWERS)
    OUT.write_text(HEADER.format(n=len(words), floor=FLOOR, k=MIN_ANSWERS, docs=docs) + _lines(words), encoding="utf-8")
    print(f"{len(words)} of {len(common)} common words are used in {MIN_ANSWERS}+ of {docs} answers -> {OUT}")
    terms = sorted(w for w, n in seen.items() if n >= MIN_ANSWERS and w not in common)
    TERMS.write_text(TERMS_HEADER.format(n=len(terms), k=MIN_ANSWERS, docs=docs) + _lines(terms), encoding="utf-8")
    print(f"{len(terms)} rarer words are used in {MIN_ANSWERS}+ of {docs} answers -> {TERMS}")


if __name__ == "__main__":
    main()
