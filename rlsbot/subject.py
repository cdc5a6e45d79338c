"""What an article is about: restless legs syndrome, or another condition it is named after throughout."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from rlsbot.article import Article
from rlsbot.asks import ASKS

# What every question is about unless it names another condition.
SUBJECT_RE = re.compile(r"\brestless[- ]legs?\b|\brls\b|\bwillis[- ]ekbom\b", re.IGNORECASE)
# An article is about the subject when its title names it or this share of its paragraphs does.
SUBJECT_SHARE = 0.5
MIN_SUBJECT_PARAGRAPHS = 3

_cache: dict[tuple[str, int, str], object] = {}  # (article, its length, what was asked of it)
T = TypeVar("T")


def _cached(article: Article, what: str, compute: Callable[[], T]) -> T:
    """An answer about an article, worked out once a process: every passage of it asks again."""
    key = (article.name, len(article.text), what)
    if key not in _cache:
        _cache[key] = compute()
    return _cache[key]  # type: ignore[return-value]


def named_throughout(article: Article, pattern: re.Pattern[str]) -> bool:
    """Does the pattern run through the article, as its subject's name does (enough of its paragraphs)?"""
    paragraphs = [p for p in article.text.split("\n\n") if len(p.split()) > 6]
    naming = sum(bool(pattern.search(p)) for p in paragraphs)
    return naming >= MIN_SUBJECT_PARAGRAPHS and naming >= SUBJECT_SHARE * len(paragraphs)


def about_subject(article: Article) -> bool:
    """Is the article about restless legs syndrome (its title, or enough of its paragraphs)?"""
    return _cached(article, "about", lambda: bool(SUBJECT_RE.search(article.title)) or named_throughout(article, SUBJECT_RE))


# How to take, stop or drive on a drug, its side effects and whether it is safe hold for every use its leaflet lists: RLS among them.
ANY_USE = frozenset({"driving", "stopping", "missed dose", "interactions", "side effects", "safety"})


def lists_subject(article: Article, drug: str) -> bool:
    """Is the article the leaflet of the drug (its title names it) that lists RLS among its uses?"""
    named = len(drug) > 3 and re.search(rf"\b{re.escape(drug)}\b", article.title, re.IGNORECASE)
    return bool(named) and _cached(article, "names", lambda: bool(SUBJECT_RE.search(article.text)))


def is_about(article: Article, word: str) -> bool:
    """Does the word run through the article, as its subject's name does?"""
    return named_throughout(article, re.compile(rf"\b{re.escape(word)}", re.IGNORECASE))


def form_of(article: Article, name: str) -> tuple[str, str] | None:
    """The word of an article's title that the article names ``name`` a form of, and the form's own words.

    A drug leaflet titled "Gabapentin" says "Gabapentin extended-release
    tablets (Horizant)": a question about Horizant is about gabapentin there,
    and most of all about its extended-release tablets.
    """
    title = re.findall(r"[^\W_]{4,}", article.title)
    for word in title:
        m = re.search(_named_as(word, re.escape(name)), article.text, re.IGNORECASE)
        if m:
            return word, m.group(1).strip()
    # A leaflet's list of "Brand names" ("- Neurontin") names the drug it is titled after.
    for section in article.sections:
        if title and _BRAND_NAMES.match(section.heading):
            if re.search(rf"^\W*{re.escape(name)}\b", article.text[section.start : section.end], re.IGNORECASE | re.MULTILINE):
                return title[0], ""
    return None


_BRAND_NAMES = re.compile(r"\s*brand names?\b", re.IGNORECASE)


def brands_of(article: Article, word: str) -> set[str]:
    """The brands an article names as forms of ``word``: {"Horizant"} for "Gabapentin extended-release tablets (Horizant)"."""
    return {brand for _, brand in re.findall(_named_as(word, r"((?-i:[A-Z][a-z][\w-]+))"), article.text, re.IGNORECASE)}


def _named_as(word: str, name: str) -> str:
    """A pattern for "<word> <its form> (<name>)": group 1 the form, ``name`` a pattern of its own."""
    return rf"\b{re.escape(word)}\b([^.()\n]{{0,60}})\(\s*{name}\s*[),;]"


_TOPICS = frozenset(h for a in ASKS for h in a.sections)


def topic_of(article: Article, at: int) -> str:
    """The nearest heading above ``at`` that names a topic ("Causes"), case-folded; "" if none.

    A sub-heading ("Nerve Damage") stands under the topic it belongs to.
    """
    topics = _cached(
        article,
        "topics",
        lambda: tuple((sec.start, sec.heading.casefold()) for sec in article.sections if sec.heading.casefold() in _TOPICS),
    )
    found = ""
    for start, heading in topics:
        if start > at:
            break
        found = heading
    return found
