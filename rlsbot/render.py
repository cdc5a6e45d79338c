"""Answer -> plain text, coloured terminal text, Markdown, JSON.

How a citation looks is decided here, once, for the command line, the chat
screen and exported conversations alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rlsbot.answer import DISCLAIMER, Answer, Citation
from rlsbot.article import BYLINE_KEYS, byline_parts
from rlsbot.text import one_line, safe

NOT_COVERED = "The articles do not cover this question."


def byline(c: Citation) -> str:
    """Author, publisher, date and URL, as far as the article's metadata has them."""
    parts = byline_parts(c.meta)
    if c.meta.get("url"):
        parts.append(c.meta["url"])
    return ", ".join(parts)


def source_line(c: Citation) -> str:
    """“Title”, section “Heading” — the [n] line under an answer."""
    line = f"\u201c{c.title}\u201d"
    if c.section:
        line += f", section \u201c{c.section}\u201d"
    return line


def article_line(c: Citation) -> str:
    """The heading over one article's quotes: title, then who and where from."""
    extra = byline(c)
    return f"\u201c{c.title}\u201d" + (f" ({extra})" if extra else "") + f" [{c.article}]"


def _groups(answer: Answer) -> list[list[Citation]]:
    groups: list[list[Citation]] = []
    for c in answer.citations:
        if groups and groups[-1][0].article == c.article:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def missing_line(answer: Answer) -> str:
    words = ", ".join(f"\u201c{w}\u201d" for w in answer.missing)
    return f"Not found in the articles: {words}." if words else ""


def not_covered_detail(answer: Answer) -> str:
    """Why nothing was quoted: what the articles lack, as precisely as known."""
    lines = [*answer.gaps, missing_line(answer)]
    found = " ".join(line for line in lines if line)
    return found or "The question names nothing specific that the articles discuss."


def partial_note(answer: Answer) -> str:
    """On an answer: the parts of the question the quotes do not cover."""
    return " ".join(line for line in (*answer.gaps, missing_line(answer)) if line)


def reading_note(answer: Answer) -> str:
    """How the question was read: corrections of misspelt words."""
    if not answer.corrections:
        return ""
    fixed = ", ".join(f"\u201c{typed}\u201d as \u201c{read}\u201d" for typed, read in answer.corrections)
    return f"(Read {fixed}.)"


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text


def to_text(answer: Answer, color: bool = False) -> str:
    """The answer for a terminal or a plain-text reader."""
    st = _Style(color)
    lines: list[str] = []
    note = reading_note(answer)
    if not answer.answered:
        lines.append(st(NOT_COVERED, "1"))
        lines.append(one_line(not_covered_detail(answer)))
        if note:
            lines.append(st(one_line(note), "2"))
        return "\n".join(lines)
    if note:
        lines.append(st(one_line(note), "2"))
    partial = partial_note(answer)
    if partial:
        lines.append(st(one_line(partial), "2"))
    for group in _groups(answer):
        first = group[0]
        lines.append(st(f"From {one_line(article_line(first))}:", "1"))
        for c in group:
            marker = st(f"[{c.n}]", "36")
            quote = safe(c.quote).replace("\n\n", "\n").split("\n")
            lines.append(f"  {marker} \u201c{quote[0]}" + ("\u201d" if len(quote) == 1 else ""))
            for i, extra in enumerate(quote[1:], 1):
                lines.append(f"      {extra}" + ("\u201d" if i == len(quote) - 1 else ""))
        lines.append("")
    lines.append(st("Sources", "1"))
    for c in answer.citations:
        lines.append(f"  {st(f'[{c.n}]', '36')} {one_line(source_line(c))}")
    lines.append("")
    lines.append(st(DISCLAIMER, "2"))
    return "\n".join(lines)


# Only what Markdown would act on: inline marks anywhere ("&" starts an entity, "<" a tag or
# autolink) and block marks at a line's start. A period or a parenthesis elsewhere means
# nothing, so it gets no backslash and an export reads as prose.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))", re.M)


def md_escape(text: str) -> str:
    """Markdown-escape one line of text so that article text is shown, never interpreted."""
    text = _MD_INLINE.sub(r"\\\1", one_line(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + ("\\" + m.group(2) if not m.group(2)[0].isdigit() else m.group(2) + "\\"), text)


def md_url(url: str) -> str:
    """A URL as an autolink when it is a plain web address, else as escaped text."""
    return f"<{url}>" if re.fullmatch(r"https?://[^\s<>\\`]+", url) else md_escape(url)


def to_markdown(answer: Answer, heading: bool = False, urls: bool = False) -> str:
    """The answer as Markdown: quotes as block quotes with [n] markers, sources after.

    ``urls`` adds each source's URL as a link (for files; the chat screen shows them as text elsewhere).
    """
    out: list[str] = []
    if heading:
        out.append(f"### {md_escape(answer.question)}\n")
    note = reading_note(answer)
    if not answer.answered:
        out.append(f"**{NOT_COVERED}** {md_escape(not_covered_detail(answer))}")
        if note:
            out.append(f"\n*{md_escape(note)}*")
        return "\n".join(out) + "\n"
    if note:
        out.append(f"*{md_escape(note)}*\n")
    partial = partial_note(answer)
    if partial:
        out.append(f"*{md_escape(partial)}*\n")
    for group in _groups(answer):
        out.append(f"**From {md_escape(article_line(group[0]))}**\n")
        for c in group:
            body = "  \n> ".join(md_escape(line) for line in c.quote.replace("\n\n", "\n").split("\n"))
            out.append(f"> {body} **\\[{c.n}\\]**\n")
    out.append("**Sources**\n")
    for c in answer.citations:
        url = c.meta.get("url") if urls and isinstance(c.meta, dict) else None
        out.append(f"- **\\[{c.n}\\]** {md_escape(source_line(c))}" + (f", {md_url(str(url))}" if url else ""))
    out.append(f"\n*{md_escape(DISCLAIMER)}*")
    return "\n".join(out) + "\n"


def to_json(answer: Answer) -> dict[str, Any]:
    """The answer as one JSON object; quotes exactly as in the article text."""
    return {
        "question": answer.question,
        "query": answer.query,
        "answered": answer.answered,
        "answer": to_text(answer),
        "citations": [
            {
                "n": c.n,
                "quote": c.quote,
                "article": c.article,
                "title": c.title,
                "section": c.section,
                "start": c.start,
                "end": c.end,
                "score": c.score,
                **{k: c.meta[k] for k in BYLINE_KEYS if c.meta.get(k)},
            }
            for c in answer.citations
        ],
        "missing": list(answer.missing),
        "gaps": list(answer.gaps),
        "corrections": [{"typed": t, "read_as": r} for t, r in answer.corrections],
        "disclaimer": DISCLAIMER if answer.answered else "",
    }


def conversation_to_markdown(turns: Iterable[tuple], title: str = "", exported: float | None = None) -> str:
    """A whole conversation as one Markdown document, for export.

    ``turns`` are (question, answer) or (question, answer, time) tuples; the
    document is stamped with ``exported`` (default now) and each turn's time.
    """
    import time

    stamp = time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(time.time() if exported is None else exported)).strip()
    out = [f"# {md_escape(title) if title else 'rlsbot conversation'}\n", f"*Exported from rlsbot on {stamp}.*\n"]
    for turn in turns:
        answer = turn[1]
        out.append(to_markdown(answer, heading=True, urls=True))
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(turn[2])) if len(turn) > 2 else ""
        about = [f"asked {when}"] if when else []
        if answer.query:
            about.append(f"searched: {md_escape(answer.query)}")
        if about:
            out.append(f"*{'; '.join(about)}*\n")
    return "\n".join(out)
