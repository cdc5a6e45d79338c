"""Writing files so that a crash, a full disk or Ctrl-C never leaves half of one, nor, for long, its temp file."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# The longest file name most file systems take, in bytes (ext4, APFS, NTFS, XFS).
NAME_MAX = 255
# A temp file whose writer was killed (kill -9, a power cut) is never renamed
# nor removed by it: the next write to its folder removes it once it is this
# old.  Writers keep touching their temp file, so only a dead one gets this old.
STALE_AFTER = 5 * 60  # seconds

# mkstemp adds 8 characters of [a-z0-9_].  Ours end ".rlsbot.tmp"; those of
# rlsbot 0.1 ended ".tmp" alone, and are recognised only when they name a
# kind of file rlsbot writes (an index, a JSON record, an article).
_TEMP_SUFFIX = ".rlsbot.tmp"
_RANDOM = 8
_OURS = re.compile(r"\..*\.[a-z0-9_]{8}\.rlsbot\.tmp", re.DOTALL)
_EARLIER = re.compile(r"\..+\.(?:npz|json|md|markdown|txt|text|html|htm)\.[a-z0-9_]{8}\.tmp", re.DOTALL | re.IGNORECASE)


def fit_name(name: str, room: int = NAME_MAX) -> str:
    """``name`` cut (before its suffix, whole characters only) to at most ``room`` bytes as a file name."""
    if len(os.fsencode(name)) <= room:
        return name
    stem, suffix = (name[: -len(Path(name).suffix)], Path(name).suffix) if Path(name).suffix else (name, "")
    if len(os.fsencode(suffix)) >= room // 2:
        stem, suffix = name, ""
    while stem and len(os.fsencode(stem + suffix)) > room:
        stem = stem[:-1]
    return stem + suffix


def _temp_prefix(name: str) -> str:
    """``.NAME.``, with NAME cut so that the whole temp name fits in NAME_MAX bytes."""
    room = NAME_MAX - len("..") - _RANDOM - len(_TEMP_SUFFIX)
    return "." + fit_name(name, room) + "."


def is_stale_temp(name: str) -> bool:
    """Whether a file name is one of rlsbot's temp files (age aside)."""
    return bool(_OURS.fullmatch(name) or _EARLIER.fullmatch(name))


def sweep_temp_files(folder: Path, older_than: float = STALE_AFTER) -> list[str]:
    """Remove rlsbot's temp files in ``folder`` (not below it) not written to for ``older_than`` seconds.

    Returns the names removed.  Never fails: a folder or file that cannot be
    read or removed is left as it is.
    """
    cutoff = time.time() - older_than
    removed: list[str] = []
    try:
        entries = os.scandir(folder)
    except OSError:
        return removed
    with entries:
        for entry in entries:
            if not is_stale_temp(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed.append(entry.name)
            except OSError:
                continue
    return removed


def atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write through a temp file in the same folder, fsync, then rename over ``path``.

    Readers see either the old file or the new one, never half of one; the
    temp file is removed when anything fails, and the temp files of writers
    that were killed are swept from the folder first.
    """
    sweep_temp_files(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name), suffix=_TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """``atomic_write`` of bytes already in memory."""
    atomic_write(path, lambda f: f.write(data))
