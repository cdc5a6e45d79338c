"""What can be quoted: a span of an article that stands alone.

A sentence that leans on the one before it ("This", "However", "The goal of
this research") is quoted with that sentence, a list item with its lead-in, a
lead-in with its list; what cannot be made to stand alone is not quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from rlsbot.article import looks_like_item
from rlsbot.leaning import LEANS_BACK, LEANS_SOFTLY
from rlsbot.passages import Sentence

MAX_LEAN_BACK = 2  # sentences quoted before one that leans on them
# A pointer to elsewhere is never an answer: "(For more information, go to ...)".
NOT_AN_ANSWER = re.compile(r"^\W*(?:for more information|for more details|see also|read more|learn more|click here)\b", re.IGNORECASE)
# What points further back than a sentence or two can bring: "The same study
# in pregnant women mentioned above", "as described earlier".
POINTS_FAR_BACK = re.compile(
    r"\b(?:mentioned|described|noted|listed|discussed|cited|shown|outlined)\s+(?:above|earlier|previously|before)\b|\babove-mentioned\b"
    r"|\b(?:see|as)\s+(?:above|below)\b",
    re.IGNORECASE,
)


# A list item in lower case that still reads alone: an instruction to the
# reader ("- if you are taking antacids such as Maalox, take them at least 2
# hours before you take gabapentin."), as drug leaflets write them under
# "Before taking gabapentin,". Other lower-case items go on from their
# lead-in ("Tell your doctor if:" "- you have kidney disease.").
_INSTRUCTION = re.compile(
    r"(?:if you\b[^.;]*,\s*\w+|you should\b|tell your\b|do not\b|don['’]t\b|talk (?:to|with) your\b|ask your\b|call your\b|keep\b|avoid\b)"
)


# A sentence that opens with an acronym ("PLMS causes ..."), not a label ("PLMS: ...").
ACRONYM_FIRST = re.compile(r"^\W*([A-Z][A-Z0-9]{1,6})\b(?!:)")


_OF_THE_AUTHOR = re.compile(r"\b(?:who wrote|written by|authors?|writers?|credentials|qualifications?|qualified|degrees?)\b", re.I)


def about_the_author(heading: str, author: str) -> bool:
    """A section on who wrote the article (headed with the byline's name, or "About the author")."""
    heading = heading.strip().casefold()
    return heading.startswith("about the author") or bool(author.strip()) and heading == author.strip().casefold()


def asks_of_the_author(question: str, author: str) -> bool:
    """Does the question ask who wrote an article, or name its author? Only then does a bio answer it."""
    names = [w for w in re.findall(r"\w{3,}", author.casefold()) if w not in ("phd", "msc", "bsc")]
    return bool(_OF_THE_AUTHOR.search(question)) or any(re.search(rf"\b{re.escape(w)}\b", question.casefold()) for w in names)


def whole_sentence(text: str) -> bool:
    """A list item that is a sentence of its own ("• The strongest evidence ... is magnesium in pregnant women.")."""
    body = text.lstrip("\u2022-*\u00b7 ").strip()
    length = len(body.split())
    if length < 6 or looks_like_item(body):
        return False
    return body[:1].isupper() or (length >= 8 and _INSTRUCTION.match(body) is not None)


def quotable_span(text: str, sentences: tuple[Sentence, ...], i: int) -> tuple[int, int] | None:
    """The span a sentence is quoted as, so that it stands alone; None when it cannot."""
    s = sentences[i]
    start, end = s.start, s.end
    first = i
    if s.kind == "item" and not whole_sentence(text[start:end]):
        # A list item is quoted with its lead-in (and the items between).
        while first > 0 and sentences[first - 1].kind == "item":
            first -= 1
        if first == 0 or not text[sentences[first - 1].start : sentences[first - 1].end].rstrip().endswith(":"):
            return None
        first -= 1
        start = sentences[first].start
    else:
        if text[start:end].rstrip().endswith(","):
            return None  # "Before taking gabapentin," says nothing without the list it leads into
        acronym = ACRONYM_FIRST.match(text[start:end])
        if acronym and i > 0 and f"({acronym.group(1)})" in text[sentences[i - 1].start : sentences[i - 1].end]:
            # "PLMS causes your legs ... to jerk": quoted with the sentence that says what PLMS is.
            first = i - 1
            start = sentences[first].start
        elif (
            i > 0
            and "\n" in text[sentences[i - 1].end : start]
            and text[sentences[i - 1].start : sentences[i - 1].end].rstrip().endswith(":")
        ):
            # A list whose markers were lost: "This can happen if you:" then "Follow a diet that excludes meat ...".
            first = i - 1
            start = sentences[first].start
        elif i == 0 and text[:start].rstrip().endswith(":"):
            return None  # the same, its lead-in in the passage before
        lead_in = i
        if not text[start:end].rstrip().endswith(":") and i + 1 < len(sentences) and "\n" not in text[end : sentences[i + 1].start]:
            # "The most common side effect is stomach upset. Other common
            # side effects include:" takes the lead-in after it and its list.
            nxt = sentences[i + 1]
            if nxt.kind == "sentence" and text[nxt.start : nxt.end].rstrip().endswith(":"):
                lead_in = i + 1
        if text[sentences[lead_in].start : sentences[lead_in].end].rstrip().endswith(":"):
            # A lead-in takes its list along; one with no list under it says nothing.
            j = lead_in
            while j + 1 < len(sentences) and sentences[j + 1].kind == "item":
                j += 1
            if j == lead_in:
                if lead_in == i:
                    return None
            else:
                end = sentences[j].end
    # A sentence that leans on the one before ("This", "However") brings it
    # along; a question the article asks itself ("How about other vitamins?")
    # is no answer to lean on.
    back = 0
    while LEANS_BACK.match(text[sentences[first].start : sentences[first].end]):
        if first == 0 or back == MAX_LEAN_BACK or sentences[first - 1].kind != "sentence":
            return None
        if "\n" in text[sentences[first - 1].end : sentences[first].start] and _ANOTHER.match(text[sentences[first].start :]):
            return None  # "Another type of RLS ..." opening a paragraph answers a type named further back, not the sentence before
        first -= 1
        back += 1
        if (
            NOT_AN_ANSWER.match(text[sentences[first].start : sentences[first].end])
            and first > 0
            and sentences[first - 1].kind == "sentence"
        ):
            first -= 1  # "(For more information, go to ...)" between: the point is the sentence before it
        start = sentences[first].start
        if text[start : sentences[first].end].rstrip().endswith("?"):
            return None
    # "The movement is triggered ... The feelings usually occur ...": back to what names them, and on past a sentence
    # that leans in turn ("The signs and symptoms of this form ..." before "The late-onset form ...").
    for _ in range(MAX_LEAN_BACK + 1):
        hard = start < s.start and LEANS_BACK.match(text[start:end]) is not None
        if s.kind != "sentence" or not (hard or LEANS_SOFTLY.match(text[start:end]) or _defined_before(text, start)):
            break
        if (before := _sentence_before(text, start)) == start:
            if hard:
                return None
            break
        start = before
    else:
        if start < s.start and LEANS_BACK.match(text[start:end]):
            return None
    if text[sentences[i].start : sentences[i].end].rstrip().endswith("?") or POINTS_FAR_BACK.search(text[start:end]):
        return None
    if first == i and s.kind == "sentence" and _names_the_list(text, sentences, i):
        return None
    return start, end


_ANOTHER = re.compile(r"\W*(?:another|other|others)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][)\"'’”]*\s+")  # inside one paragraph, no abbreviations


_ACRONYM = re.compile(r"\W*(?!RLS\b)([A-Z]{2,6})\b")


def _defined_before(text: str, start: int) -> bool:
    """Does the sentence open with a short name the sentence before defines ("PLMS causes ..." after "... (PLMS).")?"""
    short = _ACRONYM.match(text, start)
    return short is not None and f"({short.group(1)})" in text[_sentence_before(text, start) : start]


def _sentence_before(text: str, start: int) -> int:
    """Where the sentence before ``start`` in its paragraph begins (in the article, not only the passage); ``start`` if none."""
    paragraph = text.rfind("\n", 0, start) + 1
    before = text[paragraph:start].rstrip()
    if not before or before.endswith(("?", ":")) or not before.endswith((".", "!", ")")):
        return start
    ends = [m.end() for m in _SENTENCE_END.finditer(before[:-1])]
    return paragraph + (ends[-1] if ends else 0)


_THE_NOUN = re.compile(r"\bthe ([a-z]{4,})", re.IGNORECASE)
_ITEM_LINE = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,2}[.)])\s")


def _names_the_list(text: str, sentences: tuple[Sentence, ...], i: int) -> bool:
    """Does a paragraph right after a list speak of the list's things ("... if the medicine is stopped." after a list of medicines)?"""
    start = sentences[i].start
    nouns = [m.group(1).casefold()[:6] for m in _THE_NOUN.finditer(text[start : sentences[i].end])]
    if not nouns or i > 0 and sentences[i - 1].kind != "item":
        return False
    lines = _lines_back(text, len(text[:start].rstrip()))
    line = next(lines, "")
    if not _ITEM_LINE.match(line):
        return False
    # Back past the rest of the list to its lead-in, and two lines more: never the whole article.
    for line in lines:
        if line.strip() and not _ITEM_LINE.match(line):
            lead = " ".join(reversed([line, *islice(lines, 2)])).casefold()  # the lead-in and the paragraph before it
            break
    else:
        lead = line.casefold()  # the list opens the text: its first line
    return any(noun in lead for noun in nouns)


def _lines_back(text: str, end: int):
    """The lines of ``text[:end]``, last first."""
    while True:
        begin = text.rfind("\n", 0, end) + 1
        yield text[begin:end]
        if begin == 0:
            return
        end = begin - 1


MAX_GOES_ON = 2  # sentences a quote is taken on through, after the one it is for


# A sentence that sets two things apart, rather than one that only compares them ("than").
CONTRASTS = re.compile(r"\bnot the same\b|\baren['’]t the same\b|\bunlike\b|\bdiffer|\bwhereas\b|\brather than\b", re.IGNORECASE)


def goes_on(text: str, sentences: tuple[Sentence, ...], i: int, end: int, carries: Callable[[str], bool], most: int = MAX_GOES_ON) -> int:
    """The end of a quote taken on through the next sentences of its paragraph that ``carries`` accepts (at most ``most``).

    "The unpleasant feelings from RLS aren't the same as the leg cramps many
    people get at night." says they differ; the two sentences after it, each
    on leg cramps, say how. A question the article asks itself ends it.
    """
    j = i
    while j + 1 < len(sentences) and j - i < most:
        nxt = sentences[j + 1]
        said = text[nxt.start : nxt.end]
        if nxt.kind != "sentence" or "\n" in text[sentences[j].end : nxt.start] or said.rstrip().endswith("?") or not carries(said):
            break
        j += 1
        end = nxt.end
    return end


_INTRODUCES = re.compile(r"\(([A-Z][A-Z0-9]{1,6})\)\W*$")


def names_then_says(sentence: str) -> Callable[[str], bool] | None:
    """For a sentence that ends by giving a short name ("... (PLMD)."), whether a next sentence goes on with it ("PLMD is a
    condition ..."); None for any other sentence."""
    given = _INTRODUCES.search(sentence)
    if given is None:
        return None
    return lambda said: (first := ACRONYM_FIRST.match(said)) is not None and first.group(1) == given.group(1)


# "If the medicines relieve your symptoms, your doctor can confirm that you have RLS.": it goes on from the sentence before.
# LEANS_BACK reads "If they/it/this/these ..."; "If the medicines ..." points back as well.
_GOES_ON_FROM = re.compile(r"^\W*(?:if|when|once|unless)\s+the\b", re.IGNORECASE)


def concludes(sentence: str) -> bool:
    """Does a sentence draw its point from the one before ("If the medicines relieve ..., your doctor can confirm ...")?"""
    return _GOES_ON_FROM.match(sentence) is not None or LEANS_BACK.match(sentence) is not None


def plain(text: str) -> str:
    """A sentence as compared for sameness: words only, case-folded."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


SAME_SENTENCE = 90  # rapidfuzz ratio (0-100) of two quotes' words at which they are one sentence, a word or two changed


def same_sentence(a: str, b: str) -> bool:
    """Are two quotes one sentence, perhaps a word or two changed, as two pages of one publisher write it?"""
    a, b = plain(a), plain(b)
    if a == b:
        return True
    x, y = set(a.split()), set(b.split())
    if len(x & y) < 0.75 * max(len(x), len(y)):
        return False  # most pairs: not worth importing rapidfuzz (25 ms) for
    from rapidfuzz.fuzz import ratio

    return ratio(a, b) >= SAME_SENTENCE


SAYS_AGAIN = 0.8  # share of a quote's word pairs another quote has when it says nothing new


def repeats(quote: str, other: str) -> bool:
    """Does ``quote`` say again what ``other`` says, its word pairs nearly all there (GARD's and GHR's summaries)?"""
    mine, theirs = plain(quote).split(), plain(other).split()
    pairs = set(zip(mine, mine[1:], strict=False))
    return bool(pairs) and len(pairs & set(zip(theirs, theirs[1:], strict=False))) >= SAYS_AGAIN * len(pairs)
