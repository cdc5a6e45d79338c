"""Article files under a folder, each with its stat, found fast (the article cache's walk)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from rlsbot import corpus
from rlsbot.corpus import ARTICLE_SUFFIXES, CorpusError, Skipped


def walk_articles(folder: Path) -> Iterator[tuple[str, str, os.stat_result | None] | Skipped]:
    """corpus.article_files with each file's stat, through os.scandir: the same files, order and skips.

    pathlib costs ~50 us a file in object making alone, most of a warm
    start over 17,000 articles; here a file is a string and one stat.
    """
    root = str(folder.resolve())
    top = str(folder.absolute())
    # The limits of corpus.article_files (read from that module, so there is one
    # setting): not the whole file system, a bounded count, depth and device.
    if Path(root) == Path(Path(root).anchor):
        raise CorpusError(f"{folder} is the whole file system, not a corpus folder: give a folder of articles")
    try:
        device = os.stat(root).st_dev
    except OSError:
        return
    progress = corpus._stderr_progress(folder)
    seen = [0]

    def inside(target: str) -> bool:
        return target == root or target.startswith(root + os.sep)

    def walk(path: str, rel: str, depth: int) -> Iterator[tuple[str, str, os.stat_result | None] | Skipped]:
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except OSError:
            return
        seen[0] += len(entries)
        if seen[0] > corpus.MAX_WALK_ENTRIES:
            raise CorpusError(f"{folder} holds more than {corpus.MAX_WALK_ENTRIES:,} files and folders: too many for a corpus folder")
        progress(seen[0])
        files, dirs = [], []
        for e in entries:
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(e)
        pages = {e.name.rsplit(".", 1)[0] + "_files" for e in files if e.name.lower().endswith((".html", ".htm"))}
        dirs = sorted((e for e in dirs if not e.name.startswith(".") and e.name not in pages), key=lambda e: e.name)
        descend = []
        for d in dirs:
            if d.is_symlink():
                # not followed; one leading outside is said so, one inside is read through its real path
                try:
                    target = os.path.realpath(d.path, strict=True)
                except (OSError, RuntimeError):
                    continue
                if not inside(target):
                    yield Skipped(rel + d.name, "is a symlink to a folder outside the corpus folder")
                continue
            try:
                other_device = Path(d.path).lstat().st_dev != device  # folders are few: pathlib costs nothing here
            except OSError:
                other_device = False
            if other_device:
                yield Skipped(rel + d.name, "is another file system (a mount point); not read")
            elif depth >= corpus.MAX_DEPTH:
                yield Skipped(rel + d.name, f"is more than {corpus.MAX_DEPTH} folders deep; not read")
            else:
                descend.append(d)
        for e in sorted(files, key=lambda e: e.name):
            name = e.name
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            if e.is_symlink():
                try:
                    target = os.path.realpath(e.path, strict=True)
                except (OSError, RuntimeError):
                    yield Skipped(rel + name, "is a broken symlink")
                    continue
                if not inside(target):
                    yield Skipped(rel + name, "is a symlink to a file outside the corpus folder")
                    continue
            try:
                info = e.stat()
            except OSError:
                info = None
            yield e.path, rel + name, info
        for d in descend:
            yield from walk(d.path, rel + d.name + "/", depth + 1)

    try:
        yield from walk(top, "", 0)
    finally:
        progress(-1)
