"""Files on disk: written so that a crash, a full disk or Ctrl-C never leaves half of one, nor, for long, its
temp file; archives of arrays checked before they are loaded."""

from __future__ import annotations

import os
import re
import stat
import struct
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NamedTuple

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
# (compiled by ``re`` when a write first sweeps: a cached answer writes nothing)
_OURS = r"\..*\.[a-z0-9_]{8}\.rlsbot\.tmp"
_EARLIER = r"\..+\.(?:npz|json|md|markdown|txt|text|html|htm)\.[a-z0-9_]{8}\.tmp"


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
    return bool(re.fullmatch(_OURS, name, re.DOTALL) or re.fullmatch(_EARLIER, name, re.DOTALL | re.IGNORECASE))


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
    import tempfile  # (and random, shutil) only when writing: a cached answer writes nothing

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


# An .npy member's header: magic, version, header length, then a dict literal.
_NPY_MAGIC = b"\x93NUMPY"
_NPY_MAX_HEADER = 4096
_DESCR = re.compile(r"[<>|=]?([biufcmMSUV])(\d+)(?:\[\w+\])?")


class NpyMember(NamedTuple):
    """Where one array of an .npz lies in the file, and what its header declares."""

    descr: str
    shape: tuple[int, ...]
    fortran_order: bool
    start: int  # the member's first byte (its .npy header) in the file
    size: int  # the member's bytes, header included
    crc: int  # the zip's CRC-32 of those bytes
    offset: int  # the array data's first byte in the file


def check_npz(path: Path | BinaryIO) -> dict[str, NpyMember]:
    """Raise ValueError unless every array in the .npz at ``path`` (or open as a binary file) holds at least the bytes its header declares.

    numpy allocates an array's declared size before it reads a byte, so a
    small file declaring a huge array (or holding one compressed: 2 GB of
    zeros fit in 2 MB) would cost that much memory before it is found out.
    rlsbot writes its arrays uncompressed: a compressed member, or one
    declaring more bytes than it stores, or members adding up to more than
    the file, are refused here, reading headers only.  Needs no numpy.
    Returns where each member's array lies, so that it can be mapped.
    """
    import zipfile

    found: dict[str, NpyMember] = {}
    try:
        if not hasattr(path, "read"):
            with open(path, "rb") as f:
                return check_npz(f)
        raw = path
        size = os.fstat(raw.fileno()).st_size
        with zipfile.ZipFile(raw) as z:  # leaves the file it is given open
            members = z.infolist()
            if sum(info.file_size for info in members) > size:
                raise ValueError("members larger than the file")
            for info in members:
                if info.compress_type != zipfile.ZIP_STORED or info.compress_size != info.file_size:
                    raise ValueError(f"{info.filename}: compressed")
                raw.seek(info.header_offset)
                local = raw.read(30)  # the local header: its name and extra field may differ from the directory's
                if len(local) != 30 or local[:4] != b"PK\x03\x04":
                    raise ValueError(f"{info.filename}: no local header")
                start = info.header_offset + 30 + int.from_bytes(local[26:28], "little") + int.from_bytes(local[28:30], "little")
                with z.open(info) as f:
                    descr, shape, fortran, declared = _npy_header(f, info.filename)
                    if declared > info.file_size - f.tell():
                        raise ValueError(f"{info.filename}: declares {declared} bytes, holds {info.file_size - f.tell()}")
                    if start + info.file_size > size:
                        raise ValueError(f"{info.filename}: past the end of the file")
                    found[info.filename.removesuffix(".npy")] = NpyMember(
                        descr, shape, fortran, start, info.file_size, info.CRC, start + f.tell()
                    )
    except (OSError, EOFError, zipfile.BadZipFile, struct.error, RuntimeError, NotImplementedError) as exc:
        raise ValueError(f"not a readable archive ({type(exc).__name__})") from None
    return found


# numpy writes the header as one dict literal, padded with spaces to a newline:
# read by a regular expression when it is exactly that (fast), else as a literal.
_CANONICAL_HEADER = re.compile(r"\{'descr': '([^'\\]*)', 'fortran_order': (True|False), 'shape': \(((?:\d+, ?)*\d*)\), \} *\n?")


def _npy_header(f: BinaryIO, name: str) -> tuple[str, tuple[int, ...], bool, int]:
    """An .npy member's dtype, shape, order and the bytes it declares (elements times item size); ValueError when it is not a plain array."""
    start = f.read(8)
    if len(start) != 8 or start[:6] != _NPY_MAGIC or start[6] not in (1, 2, 3):
        raise ValueError(f"{name}: not an array")
    (length,) = struct.unpack("<H", f.read(2)) if start[6] == 1 else struct.unpack("<I", f.read(4))
    if length > _NPY_MAX_HEADER:
        raise ValueError(f"{name}: header too long")
    text = f.read(length).decode("utf-8" if start[6] == 3 else "latin1", "replace")
    canonical = _CANONICAL_HEADER.fullmatch(text)
    if canonical:
        descr, shape = canonical.group(1), tuple(int(n) for n in canonical.group(3).replace(",", " ").split())
        fortran = canonical.group(2) == "True"
    else:
        import ast  # only for a header numpy did not write: ~2 ms of every start otherwise

        try:
            header = ast.literal_eval(text)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            raise ValueError(f"{name}: unreadable header") from None
        descr, shape = (header.get("descr"), header.get("shape")) if isinstance(header, dict) else (None, None)
        fortran = isinstance(header, dict) and header.get("fortran_order") is True
    if not isinstance(shape, tuple) or not all(isinstance(n, int) and n >= 0 for n in shape) or not isinstance(descr, str):
        raise ValueError(f"{name}: unreadable header")
    kind = _DESCR.fullmatch(descr)
    if kind is None:
        raise ValueError(f"{name}: not a plain array")
    count = 1
    for n in shape:
        count *= n
    return descr, shape, fortran, count * int(kind.group(2)) * (4 if kind.group(1) == "U" else 1)
