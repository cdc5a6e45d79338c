"""A cached index resolves question words without nltk where it can, and to nltk's stems.

rlsbot.stem_bound rules out words whose Snowball stem can be no index term;
the build stores the stems of the words a question may need beyond the
corpus text (headings, titles, data files, common English words).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from nltk.stem.snowball import EnglishStemmer, SnowballStemmer

from rlsbot.analysis import _STEM_EXCEPTIONS, stem, words
from rlsbot.corpus import bundled_corpus, load_folder
from rlsbot.english import common_words
from rlsbot.index import Index
from rlsbot.index_cache import load_index, save_index
from rlsbot.query import Resolver
from rlsbot.stem_bound import SPECIAL, could_stem_to_any, has_prefix_term, may_stem_to_any, stem_forms

ROOT = Path(__file__).resolve().parent.parent
NLTK = SnowballStemmer("english")


@pytest.fixture(scope="module")
def bundled_words() -> set[str]:
    articles, _ = load_folder(bundled_corpus())
    return {w for a in articles for w in words(f"{a.title} {a.text}")}


@pytest.fixture(scope="module")
def every_word(bundled_words) -> list[str]:
    """The common-English list, the bundled articles' words and rlsbot's own exceptions."""
    return sorted(set(common_words(0.0)) | bundled_words | set(_STEM_EXCEPTIONS) | {"hoping", "hopping", "generously"})


def test_special_is_nltks_own_table():
    assert SPECIAL == set(EnglishStemmer._EnglishStemmer__special_words)


def test_the_forms_hold_the_stem_of_every_word(every_word):
    assert len(every_word) > 28_000
    missed = [w for w in every_word if w not in SPECIAL and NLTK.stem(w) not in stem_forms(w)]
    assert missed == []
    assert all(stem(w) in stem_forms(w) for w in _STEM_EXCEPTIONS)  # rlsbot's own stems too
    assert "hope" in stem_forms("hoping") and "hop" in stem_forms("hopping")


def test_the_bound_never_rejects_a_word_whose_stem_is_an_index_term(bot, every_word):
    vocab = bot.index.vocab
    kept = [w for w in every_word if stem(w) in vocab]
    assert kept and all(could_stem_to_any(w, vocab) for w in kept)
    # and it does rule words out: misspellings, words of other topics
    assert not could_stem_to_any("pregnent", vocab) and not could_stem_to_any("warehouse", vocab)
    assert could_stem_to_any("skies", {"sky"})  # nltk's table, never ruled out


def test_the_build_stores_nltks_stems_and_the_cache_keeps_them(tmp_path):
    articles, _ = load_folder(bundled_corpus())
    built = Index.build(articles)
    path = tmp_path / "index.npz"
    save_index(built, path, "key")
    loaded = load_index(path, "key")
    extra = dict(built._extra_stems)
    assert list(loaded._extra_stems) == list(extra) and [loaded.stem_of(w) for w in extra] == list(extra.values())
    assert all(s == (_STEM_EXCEPTIONS.get(w) or (NLTK.stem(w) if w.isalpha() and len(w) > 2 else w)) for w, s in extra.items())
    assert not set(extra) & set(built.surface)  # the corpus text's words are the surface table's
    common = [w for w in common_words(0.0) if w in extra]
    assert len(common) > 1000
    # every common word the Resolver would stem is there, bar those that take no stemmer
    vocab = built.vocab
    stemmed = [w for w in common_words(0.0) if w not in built.surface and may_stem_to_any(w, vocab)]
    assert [w for w in stemmed if w not in extra] == [w for w in stemmed if not w.isalpha()]


def _common_words_outside_the_text(bot, n: int) -> list[str]:
    """Common words the bundled articles' text lacks whose stem is an index term: stemmed by the build."""
    index = bot.index
    found = [
        w
        for w in common_words(4.0)
        if w.isalpha() and len(w) > 4 and w not in index.surface and has_prefix_term(w, index.vocab) and stem(w) in index.vocab
    ]
    assert len(found) >= n
    return found[:n]


PROBE = """
import json, sys
from rlsbot.cli import main
status = main(sys.argv[1:])
sys.stderr.write('\\nPROBE ' + json.dumps({'status': status, 'nltk': 'nltk' in sys.modules}) + '\\n')
"""


def probe(env: dict[str, str], *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    line = [x for x in proc.stderr.splitlines() if x.startswith("PROBE ")]
    assert line, proc.stderr
    return json.loads(line[-1][len("PROBE ") :])


def test_a_warm_search_with_words_the_corpus_text_lacks_imports_no_nltk(tmp_path, bot):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RLSBOT_")}
    env.update(RLSBOT_CACHE_DIR=str(tmp_path / "cache"), RLSBOT_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    assert probe(env, "search", "magnesium")["nltk"]  # the build stems: the probe sees the import
    common = _common_words_outside_the_text(bot, 4)
    # common words stemmed by the build, and a misspelling whose stem the bound rules out
    warm = probe(env, "search", f"magnesium {' '.join(common)} pregnent")
    assert warm == {"status": 0, "nltk": False}


def test_the_resolver_gives_nltks_stem_for_a_word_of_the_table(bot):
    resolver = Resolver(bot.index)
    for word in _common_words_outside_the_text(bot, 20):
        assert bot.index.stem_of(word) == NLTK.stem(word)
        assert resolver.term_for(word) == NLTK.stem(word)
    assert resolver.term_for("pregnent") is None
