"""Generate the scale corpus: article-sized Markdown files, ~100,000 passages.

Word statistics are realistic rather than uniform: the vocabulary is the real
words of Cranfield and the bundled articles, ranked by their frequency there,
extended by pronounceable pseudo-words (some inflected, so the stemmer has
work to do) into a long Zipf-Mandelbrot tail, as Heaps' law expects of a
6-million-word corpus.  Articles have front matter, headings, paragraphs of a
few sentences, lead-ins with bullet lists, numbers, doses and abbreviations,
so the whole pipeline (parsing, Punkt, passages, stems, BM25) runs.

    python benchmarks/make_scale_corpus.py [--passages 100000] [--out benchmarks/data/scale]

The output is deterministic for a given --seed and is git-ignored.
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CRANFIELD = ROOT.parent / "shared" / "bench" / "cranfield" / "cran.all.1400"
PASSAGES_PER_ARTICLE = 20  # measured: one generated article gives about this many passages

_SYLLABLES = [c + v for c in ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "tr", "st", "pl", "ch"] for v in "aeiou"]
_SUFFIXES = ["", "", "", "s", "ed", "ing", "ly", "ation", "ness", "al", "ity", "ize"]
_ABBREVIATED = ["Dr.", "e.g.", "i.e.", "approx.", "vs.", "et al."]


def real_words() -> list[str]:
    """Words of Cranfield and the bundled articles, most frequent first."""
    texts = []
    if CRANFIELD.exists():
        texts.append(CRANFIELD.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((ROOT / "corpus").glob("*.md")):
        texts.append(path.read_text(encoding="utf-8"))
    counts = Counter(w for text in texts for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 1 or w in "ai")
    return [w for w, _ in counts.most_common()]


def vocabulary(size: int, rng: np.random.Generator) -> list[str]:
    words = real_words()
    seen = set(words)
    while len(words) < size:
        n = int(rng.integers(2, 5))
        word = "".join(_SYLLABLES[i] for i in rng.integers(0, len(_SYLLABLES), n)) + _SUFFIXES[int(rng.integers(0, len(_SUFFIXES)))]
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words[:size]


class Writer:
    def __init__(self, rng: np.random.Generator, vocab_size: int) -> None:
        self.rng = rng
        self.vocab = vocabulary(vocab_size, rng)
        ranks = np.arange(1, vocab_size + 1, dtype=np.float64)
        p = 1.0 / (ranks + 2.7) ** 1.0  # Zipf-Mandelbrot
        self.p = p / p.sum()
        self._buffer = np.empty(0, dtype=np.int64)

    def _draw(self, n: int) -> list[str]:
        if len(self._buffer) < n:
            self._buffer = np.concatenate((self._buffer, self.rng.choice(len(self.vocab), size=200_000, p=self.p)))
        out, self._buffer = self._buffer[:n], self._buffer[n:]
        return [self.vocab[i] for i in out]

    def sentence(self) -> str:
        rng = self.rng
        n = max(4, int(rng.lognormal(2.9, 0.45)))
        words = self._draw(n)
        if rng.random() < 0.15:
            words.insert(int(rng.integers(1, n)), f"{int(rng.integers(1, 900))} mg")
        if rng.random() < 0.08:
            words.insert(int(rng.integers(1, n)), _ABBREVIATED[int(rng.integers(0, len(_ABBREVIATED)))])
        if n > 10 and rng.random() < 0.5:
            words[int(rng.integers(3, n - 2))] += ","
        text = " ".join(words)
        end = "?" if rng.random() < 0.05 else "."
        return text[0].upper() + text[1:] + end

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(int(self.rng.integers(3, 7))))

    def title(self) -> str:
        text = " ".join(self._draw(int(self.rng.integers(3, 8))))
        return text[0].upper() + text[1:]

    def article(self, n: int) -> str:
        rng = self.rng
        lines = ["---", f'title: "{self.title()}"', f"publisher: Scale Benchmark {n % 97}", "---", ""]
        for _ in range(int(rng.integers(4, 7))):
            lines += [f"## {self.title()}", ""]
            for _ in range(int(rng.integers(2, 6))):
                lines += [self.paragraph(), ""]
            if rng.random() < 0.35:
                lines += [self.sentence()[:-1] + " include:", ""]
                lines += [f"- {self.title().lower()}" for _ in range(int(rng.integers(3, 7)))]
                lines += [""]
        return "\n".join(lines)


def generate(out: Path, passages: int, seed: int, vocab_size: int) -> int:
    rng = np.random.default_rng(seed)
    writer = Writer(rng, vocab_size)
    n_articles = max(1, round(passages / PASSAGES_PER_ARTICLE))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for n in range(n_articles):
        sub = out / f"{n // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article-{n:05d}.md").write_text(writer.article(n), encoding="utf-8")
    return n_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=100_000, help="about how many passages (default 100,000)")
    parser.add_argument("--out", type=Path, default=HERE / "data" / "scale")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--vocab", type=int, default=200_000, help="vocabulary size before inflection (default 200,000)")
    args = parser.parse_args()
    n = generate(args.out, args.passages, args.seed, args.vocab)
    print(f"wrote {n} articles to {args.out}")


if __name__ == "__main__":
    main()
