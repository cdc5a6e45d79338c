"""Your own articles: ``rlsbot add`` copies files into your corpus folder, ``rlsbot remove`` takes them out.

Only the user's folder (``paths.user_corpus()``, or a folder given instead)
is ever written to, and only at its top level, where ``add`` puts files; the
installed package and its bundled corpus are read, never changed, and a file
named like a bundled article gets a name of its own, so that it is indexed
rather than shadowed.  Both functions yield one Outcome per
file as they go, so that one bad file never stops the others; the command
line prints them (made terminal-safe there) and sets the exit status.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rlsbot.article import Article, content_key
from rlsbot.corpus import (
    ARTICLE_SUFFIXES,
    CorpusError,
    Skipped,
    article_files,
    article_from_bytes,
    bundled_corpus,
    load_folder,
    read_article_bytes,
    read_article_file,
)
from rlsbot.storage import NAME_MAX, atomic_write_bytes, fit_name
from rlsbot.text import safe_file_name

# The installed package: never written to, whatever folder is given.
_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Outcome:
    """What became of one file or name: done, or refused (and why), in one line of plain text."""

    ok: bool
    line: str


def _folder_articles(folder: Path) -> list[Article]:
    try:
        return load_folder(folder)[0]
    except CorpusError:
        return []


def _file_name(source: Path) -> str:
    """The name a copy gets in the user's folder: the source's own, made harmless."""
    name = safe_file_name(source.name).lstrip(". ") or "article"
    return fit_name(name if Path(name).suffix else name + ".txt")


def _free_name(folder: Path, name: str, taken: set[str]) -> str:
    """``name``, or ``stem-2.ext``, ``stem-3.ext``... when a file there or a bundled article (``taken``, casefolded) has it.

    A numbered name is cut to fit in NAME_MAX bytes, number and suffix kept.
    """
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 1
    while candidate.casefold() in taken or (folder / candidate).exists() or (folder / candidate).is_symlink():
        n += 1
        tail = f"-{n}{suffix}"
        candidate = fit_name(stem, NAME_MAX - len(tail.encode())) + tail
    return candidate


def protected(folder: Path) -> str:
    """``folder`` and why rlsbot must not change it (it is, or is in, the installed package or its articles); "" when it may."""
    try:
        where = folder.resolve()
    except (OSError, RuntimeError):
        return ""
    for root, what in ((bundled_corpus().resolve(), "the bundled articles"), (_PACKAGE, "the installed rlsbot package")):
        if where == root or root in where.parents:
            return f"{folder}: it is {'' if where == root else 'inside '}{what}, which rlsbot never changes"
    return ""


def add_articles(files: Iterable[str], folder: Path | None = None) -> Iterator[Outcome]:
    """Copy article files into the user's corpus folder; one line per file.

    A file that cannot be read as an article (missing, a folder, binary,
    empty, undecodable) is refused with a one-line reason; the other files
    are still added.  A file whose text is already there
    is reported, not copied twice; a name already taken by another article
    gets a numbered one.
    """
    from rlsbot.paths import user_corpus

    folder = folder or user_corpus()
    own = folder.resolve() == user_corpus().resolve()  # read together with the bundled articles
    if protected(folder):
        yield Outcome(False, f"cannot add to {protected(folder)}; add to your own folder or another --corpus DIR")
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        yield Outcome(False, f"cannot create your articles folder {folder}: {exc.strerror or exc}")
        return

    # What is already there, by bytes and by article text.
    by_bytes: dict[str, str] = {}
    by_text: dict[str, str] = {}
    # A bundled article's name is taken: a file of that name would be skipped as a clash, never indexed.
    bundled_names: set[str] = set()
    for article in _folder_articles(bundled_corpus()):
        by_text.setdefault(content_key(article), f"the bundled article {article.name}")
        bundled_names.add(article.name.casefold())
    for entry in article_files(folder):
        if isinstance(entry, Skipped):
            continue
        path, rel = entry
        try:
            data = read_article_bytes(path)
            by_bytes[hashlib.sha256(data).hexdigest()] = rel
            by_text.setdefault(content_key(article_from_bytes(data, rel)), f"your article {rel}")
        except ValueError:
            continue

    # Names are compared casefolded, so that no two differ in case alone (one file on macOS or Windows).
    try:
        taken = {p.name.casefold() for p in folder.iterdir()} | (bundled_names if own else set())
    except OSError:
        taken = set(bundled_names if own else ())
    for given in files:
        source = Path(given).expanduser()
        if source.suffix.lower() not in ARTICLE_SUFFIXES and not source.is_dir():
            kinds = ", ".join(ARTICLE_SUFFIXES)
            yield Outcome(False, f"cannot add {given}: not an article file (rlsbot reads {kinds})")
            continue
        try:
            data = read_article_bytes(source)
            name = _file_name(source)
            article = article_from_bytes(data, name)
        except ValueError as exc:
            yield Outcome(False, f"cannot add {given}: it {exc}")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in by_bytes:
            yield Outcome(True, f"already added: {given} is {by_bytes[digest]} in {folder}")
            continue
        key = content_key(article)
        if key in by_text:
            yield Outcome(True, f"not added: {given} has the same text as {by_text[key]}")
            continue
        name = _free_name(folder, name, taken)
        if name != _file_name(source):
            article = article_from_bytes(data, name)
        try:
            atomic_write_bytes(folder / name, data)
        except OSError as exc:
            yield Outcome(False, f"cannot add {given}: cannot write {folder / name} ({exc.strerror or exc})")
            continue
        by_bytes[digest] = name
        taken.add(name.casefold())
        by_text[key] = f"your article {name}"
        yield Outcome(True, f"added {name}: \u201c{article.title}\u201d")


def _matches(query: str, rel: str, title: str) -> int:
    """How well a name given to ``remove`` names an article: 0 not at all, 4 exactly."""
    if query == rel:
        return 4
    inside = not Path(query).is_absolute() and not query.startswith("~") and len(Path(query).parts) > 1
    # "sub/a.md" names that very file, never a top-level "a.md"; "~/Downloads/a.md" names the a.md it was added as
    if query.casefold() == Path(rel).name.casefold() or (not inside and Path(query).name == Path(rel).name):
        return 3
    if query.casefold() == Path(rel).stem.casefold():
        return 2
    if title and " ".join(query.split()).casefold() == " ".join(title.split()).casefold():
        return 1
    return 0


def _best(query: str, candidates: list[tuple[str, str]]) -> list[str]:
    scored = [(_matches(query, rel, title), rel) for rel, title in candidates]
    top = max((score for score, _ in scored), default=0)
    return [rel for score, rel in scored if score == top and top > 0]


def remove_articles(names: Iterable[str], folder: Path | None = None) -> Iterator[Outcome]:
    """Delete articles at the top level of the user's corpus folder by file name, name without suffix, or title.

    Only the files ``add`` puts there, at the folder's top level, are ever
    removed: an article in a subfolder, a bundled article, a folder inside the
    installed package and a name that matches nothing are refused with a
    reason; the other names are still removed.
    """
    from rlsbot.paths import user_corpus

    folder = folder or user_corpus()
    if protected(folder):
        yield Outcome(False, f"cannot remove from {protected(folder)}")
        return
    mine: list[tuple[str, str]] = []  # (name, title) at the top level
    deeper: list[tuple[str, str]] = []  # (path, title) in subfolders: named in refusals, never removed
    if folder.is_dir():
        for entry in article_files(folder):
            if isinstance(entry, Skipped):
                continue
            path, rel = entry
            try:
                title = read_article_file(path, rel).title
            except ValueError:
                title = ""  # an unreadable file can still be removed by its name
            (deeper if "/" in rel else mine).append((rel, title))
    bundled = [(a.name, a.title) for a in _folder_articles(bundled_corpus())]

    for given in names:
        query = given.strip()
        if query and not Path(query).is_absolute():
            query = Path(query).as_posix() if len(Path(query).parts) > 1 else query  # "./a.md" is "a.md"
        found = _best(query, mine) if query else []
        if len(found) > 1:
            yield Outcome(False, f"cannot remove {given}: it names several of your articles ({', '.join(found)}); give the file name")
            continue
        if not found:
            if query and _best(query, deeper):
                yield Outcome(
                    False,
                    f"cannot remove {given}: it is in a subfolder of {folder}, and rlsbot removes only the articles at its top level",
                )
            elif query and _best(query, bundled):
                yield Outcome(
                    False,
                    f"cannot remove {given}: it is a bundled article, and rlsbot never changes those (--corpus DIR answers from other articles only)",
                )
            else:
                yield Outcome(False, f"cannot remove {given}: no such article in your folder {folder} (see 'rlsbot sources')")
            continue
        rel = found[0]
        title = dict(mine)[rel]
        try:
            (folder / rel).unlink()
        except FileNotFoundError:
            pass  # removed meanwhile: the outcome asked for
        except OSError as exc:
            yield Outcome(False, f"cannot remove {rel}: {exc.strerror or exc}")
            continue
        mine = [(r, t) for r, t in mine if r != rel]
        yield Outcome(True, f"removed {rel}" + (f": \u201c{title}\u201d" if title else ""))
