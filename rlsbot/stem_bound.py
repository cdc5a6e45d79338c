"""Which index terms a word's Snowball stem could be, worked out without nltk.

A question word the corpus lacks is stemmed only to be looked up among the
index terms; importing nltk for that costs a fresh process ~0.7 s.  nltk's
English stemmer (Porter2) only ever rewrites a word's ending, one step after
another, each step by at most one rule of a fixed list (``EnglishStemmer``'s
``__step*_suffixes``; Snowball's "english/stemmer.html").  Applying every rule
of each step that *could* apply, ignoring the conditions (R1, R2, vowels)
that decide whether it does, gives a set of endings-rewritten forms that
holds the real stem.  When none of them is an index term, the stem is not
one either, and the word needs no stemming at all.  tests/test_stem_bound.py
checks the set holds nltk's stem for every word of the common-English list
and the bundled corpus, and that ``SPECIAL`` is nltk's own table.
"""

from __future__ import annotations

from collections.abc import Container

# Words nltk stems from a table rather than by the steps ("dying" -> "die"):
# never ruled out (the test checks this is exactly nltk's table).
SPECIAL = frozenset(
    "skis skies dying lying tying idly gently ugly early only singly sky news howe atlas cosmos bias andes"
    " inning innings outing outings canning cannings herring herrings earring earrings proceed proceeds"
    " proceeded proceeding exceed exceeds exceeded exceeding succeed succeeds succeeded succeeding".split()
)


def _by_last_letter(rules: tuple[tuple[str, str], ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """The rules by their ending's last letter: a form is tried only against those it could have."""
    return {c: tuple(r for r in rules if r[0][-1] == c) for c in {suffix[-1] for suffix, _ in rules}}


# Each step's (ending, replacement) rules, as in nltk's EnglishStemmer; a
# suffix's conditions are left out, so applying one is "maybe".
_STEP0 = (("'s'", ""), ("'s", ""), ("'", ""))
_STEP1A = (("sses", "ss"), ("ied", "i"), ("ied", "ie"), ("ies", "i"), ("ies", "ie"), ("s", ""))
_STEP1B = (("eedly", "ee"), ("eed", "ee"), ("ingly", ""), ("edly", ""), ("ing", ""), ("ed", ""))
_DOUBLES = ("bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt")
_STEP1C = (("y", "i"),)
_STEP2 = (
    ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
    ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
    ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
    ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
    ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
)  # fmt: skip
_STEP3 = (
    ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
    ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
)  # fmt: skip
_STEP4 = tuple(
    (suffix, "")
    for suffix in ("ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic")
)  # fmt: skip
_STEP5 = (("e", ""), ("ll", "l"))
# each as looked up: by the last letter of its endings
_STEP0, _STEP1A, _STEP1B, _STEP1C, _STEP2, _STEP3, _STEP4, _STEP5 = map(
    _by_last_letter, (_STEP0, _STEP1A, _STEP1B, _STEP1C, _STEP2, _STEP3, _STEP4, _STEP5)
)


def _rewrites(forms: set[str], rules: dict[str, tuple[tuple[str, str], ...]]) -> set[str]:
    """Each form rewritten by every rule whose ending it has."""
    out = set()
    for form in forms:
        for suffix, replacement in rules.get(form[-1:], ()):
            if form.endswith(suffix):
                out.add(form[: len(form) - len(suffix)] + replacement)
    return out


def _step(forms: set[str], rules: dict[str, tuple[tuple[str, str], ...]]) -> set[str]:
    """The forms, and each rewritten by every rule whose ending it has: a rule may or may not apply."""
    return forms | _rewrites(forms, rules)


def stem_forms(word: str) -> set[str]:
    """Every form the steps could leave of a word: nltk's stem is one of them (unless the word is ``SPECIAL``)."""
    word = word.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201b", "'")
    if word.startswith("'"):
        word = word[1:]
    forms = _step(_step({word}, _STEP0), _STEP1A)
    cut = _rewrites(forms, _STEP1B)  # an ending 1b takes off may be followed by an added "e" or an undone double letter
    forms |= cut | {f + "e" for f in cut} | {f[:-1] for f in cut if f.endswith(_DOUBLES)}
    for rules in (_STEP1C, _STEP2, _STEP3, _STEP4, _STEP5):
        forms = _step(forms, rules)
    return forms


def could_stem_to_any(word: str, terms: Container[str]) -> bool:
    """False only when the word's Snowball stem is certainly none of ``terms``."""
    return word.lower() in SPECIAL or any(form in terms for form in stem_forms(word))


def has_prefix_term(word: str, terms: Container[str]) -> bool:
    """Some term is a prefix of the word (3 letters or more), or the word with a final y->i.

    The test rlsbot asked before stemming a question word until this module
    came; kept so every answer stays as it was, though it is not exact: it
    misses a stem with an added "e" ("hoping" -> "hope").
    """
    return any(word[:k] in terms for k in range(min(3, len(word)), len(word) + 1)) or (word[-1:] == "y" and word[:-1] + "i" in terms)


def may_stem_to_any(word: str, terms: Container[str]) -> bool:
    """Could stemming the word find an index term? The old prefix test, then the Snowball bound.

    One test for both sides: rlsbot.query stems a question word the corpus
    text lacks only when it passes, and rlsbot.index stems in advance the
    common words that pass, so that a cached index answers without nltk.
    """
    return has_prefix_term(word, terms) and could_stem_to_any(word, terms)
