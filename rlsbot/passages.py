"""Sentences and passages, each with character offsets into its article.

A passage is what BM25 ranks; a sentence is what an answer quotes.  Passages
never cross a heading, and a lead-in that ends with a colon ("Other common
side effects include:") travels with the list items under it.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import NamedTuple

from rlsbot.article import Article
from rlsbot.corpus import Skipped, article_files, bundled_corpus, load_folder
from rlsbot.leaning import LEANS_BACK

# Sizes in words. Passages of a few sentences rank better than whole
# sections (one strong sentence is not drowned) and than single sentences
# (a sentence is judged with its neighbours).
MAX_PASSAGE_WORDS = 120
SHORT_PARAGRAPH_WORDS = 25

_ASCII_DIGIT = re.compile("[0-9]")

# Abbreviations Punkt must never end a sentence at, on top of what it learns.
# fmt: off
_ABBREVIATIONS = {
    "dr", "drs", "mr", "mrs", "ms", "prof", "st", "vs", "etc", "e.g", "i.e", "fig",
    "approx", "no", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mg", "mcg", "ml", "al", "inc", "ltd", "co", "u.s",
}
# fmt: on


class Sentence(NamedTuple):
    start: int
    end: int
    kind: str = "sentence"  # or "item" for a list item


class Passage(NamedTuple):
    """A few consecutive sentences of one section of one article."""

    article: str  # the article's corpus file name
    section: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@cache
def sentence_splitter():
    """Punkt trained on the bundled articles, plus a fixed list of abbreviations.

    nltk's pretrained punkt_tab is a download; training on our own text takes
    a few milliseconds and needs no data files.
    """
    from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer, PunktToken, PunktTrainer

    # nltk runs each of its own fixed patterns through a wrapper that times
    # every match out (a guard meant for patterns callers supply); the very
    # same compiled patterns called directly find the very same matches, and
    # split a large corpus in half the time.
    class Token(PunktToken):
        __slots__ = ()
        _RE_ELLIPSIS = _unwrapped(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _unwrapped(PunktToken._RE_NUMERIC)
        _RE_INITIAL = _unwrapped(PunktToken._RE_INITIAL)
        _RE_ALPHA = _unwrapped(PunktToken._RE_ALPHA)

        def _get_type(self, tok: str) -> str:
            # Only a token with a digit can be a number: most are plain words,
            # and an ASCII one without 0-9 is its lower case without a regex.
            if tok.isascii() and _ASCII_DIGIT.search(tok) is None:
                return tok.lower()
            return super()._get_type(tok)

    class LanguageVars(PunktLanguageVars):
        re_boundary_realignment = _unwrapped(PunktLanguageVars.re_boundary_realignment)

        def __init__(self) -> None:
            super().__init__()
            self._re_word_tokenizer = _unwrapped(self._word_tokenizer_re())
            self._re_period_context = _unwrapped(self.period_context_re())

    articles, _ = load_folder(bundled_corpus())
    trainer = PunktTrainer(lang_vars=LanguageVars(), token_cls=Token)
    trainer.train("\n\n".join(a.text for a in articles), finalize=True)
    params = trainer.get_params()
    params.abbrev_types.update(_ABBREVIATIONS)

    class Splitter(PunktSentenceTokenizer):
        """Punkt, remembering its verdict on each candidate boundary.

        Whether "dose. The" ends a sentence depends on those few characters
        alone, and most of the time of splitting a large corpus goes into
        asking it again for contexts already seen.
        """

        def __init__(self, params) -> None:
            super().__init__(params, lang_vars=LanguageVars(), token_cls=Token)
            self._verdicts: dict[str, bool] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            verdict = self._verdicts.get(text)
            if verdict is None:
                if len(self._verdicts) > 500_000:
                    self._verdicts.clear()
                verdict = self._verdicts[text] = super().text_contains_sentbreak(text)
            return verdict

    return Splitter(params)


def _unwrapped(pattern):
    """The compiled pattern inside nltk's timing-out wrapper (``nltk.redos.TimedPattern``), or the pattern itself."""
    return getattr(pattern, "_rx", pattern)


def splitter_key() -> str:
    """Names what the sentence splitter is trained on, without training it.

    Sentence boundaries depend on the bundled articles as well as on the
    article split, so a cached analysis is only good while they are unchanged.
    """
    h = hashlib.sha256()
    for entry in article_files(bundled_corpus()):
        if not isinstance(entry, Skipped):  # a Skipped is a tuple too (a NamedTuple)
            path, rel = entry
            h.update(rel.encode("utf-8", "surrogatepass") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _rstrip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    chunk = text[start:end]
    out = []
    for s, e in sentence_splitter().span_tokenize(chunk):
        s, e = _rstrip_span(text, start + s, start + e)
        if e > s:
            out.append(Sentence(s, e))
    return out


def _word_count(text: str, sentences: list[Sentence]) -> int:
    return sum(len(text[s.start : s.end].split()) for s in sentences)


def build_passages(article: Article) -> list[Passage]:
    """Chunk an article into passages along its headings, paragraphs and lists."""
    text = article.text
    passages: list[Passage] = []
    groups: list[tuple[int, list[Sentence]]] = []  # (section index, sentences)

    spans = article.spans
    i = 0
    while i < len(spans):
        span = spans[i]
        if span.kind == "heading":
            i += 1
            continue
        if span.kind == "item":
            items = []
            while i < len(spans) and spans[i].kind == "item" and spans[i].section == span.section:
                items.append(Sentence(spans[i].start, spans[i].end, "item"))
                i += 1
            if groups and groups[-1][0] == span.section and text[groups[-1][1][-1].end - 1] == ":":
                groups[-1][1].extend(items)  # the lead-in keeps its list
            else:
                groups.append((span.section, items))
            continue
        sentences = split_sentences(text, span.start, span.end)
        i += 1
        if not sentences:
            continue
        prev = groups[-1] if groups else None
        if (
            prev is not None
            and prev[0] == span.section
            and (
                _word_count(text, sentences) < SHORT_PARAGRAPH_WORDS
                # "For example, pregnancy is a risk factor. It usually occurs
                # ..." goes on from the paragraph before: a quote may need it.
                or LEANS_BACK.match(text[sentences[0].start : sentences[0].end]) is not None
            )
            and _word_count(text, prev[1]) + _word_count(text, sentences) <= MAX_PASSAGE_WORDS
            and text[prev[1][-1].end - 1] != ":"
            and prev[1][-1].kind == "sentence"
        ):
            prev[1].extend(sentences)  # a short paragraph closes the one before
            continue
        # A long paragraph becomes several passages of whole sentences.
        current: list[Sentence] = []
        current_words = 0
        for sentence in sentences:
            n = len(text[sentence.start : sentence.end].split())
            if current and current_words + n > MAX_PASSAGE_WORDS:
                groups.append((span.section, current))
                current, current_words = [], 0
            current.append(sentence)
            current_words += n
        groups.append((span.section, current))

    for section_index, sentences in groups:
        heading = article.sections[section_index].heading if section_index >= 0 else ""
        passages.append(
            Passage(
                article=article.name,
                section=heading,
                start=sentences[0].start,
                end=sentences[-1].end,
                sentences=tuple(sentences),
            )
        )
    return passages
