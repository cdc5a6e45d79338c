"""A read-only mapping over sorted string keys, looked up by binary search.

A cached index of 100,000 passages holds ~180,000 terms and ~200,000 surface
words.  Made into dicts on load they cost a fresh ``rlsbot search`` ~0.3 s,
while a question looks up a few hundred of them: the cache stores them
sorted, and a lookup bisects the list instead.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

V = TypeVar("V")


class SortedMap(Mapping[str, V]):
    """``keys[i] -> value(i)`` for strictly ascending ``keys``; the values are made when asked for.

    Each key asked for is remembered, found or not: an answer looks the same
    few hundred words up thousands of times.
    """

    __slots__ = ("_keys", "_value", "_seen")

    def __init__(self, keys: Sequence[str], value: Callable[[int], V]) -> None:
        self._keys = keys
        self._value = value
        self._seen: dict[str, object] = {}

    def position(self, key: str) -> int:
        """Where ``key`` is among the keys; -1 when it is not there."""
        keys = self._keys
        i = bisect_left(keys, key)
        return i if i < len(keys) and keys[i] == key else -1

    def _lookup(self, key: object) -> object:
        found = self._seen.get(key, _UNSEEN)  # type: ignore[call-overload]
        if found is _UNSEEN:
            i = self.position(key) if isinstance(key, str) else -1
            found = self._seen[key] = self._value(i) if i >= 0 else _ABSENT  # type: ignore[index]
        return found

    def __getitem__(self, key: str) -> V:
        found = self._lookup(key)
        if found is _ABSENT:
            raise KeyError(key)
        return found  # type: ignore[return-value]

    def get(self, key: str, default=None):  # type: ignore[override]
        found = self._lookup(key)
        return default if found is _ABSENT else found

    def __contains__(self, key: object) -> bool:
        return self._lookup(key) is not _ABSENT

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def starting_with(self, prefix: str) -> Sequence[str]:
        """The keys that begin with ``prefix``, in order: one range of the sorted keys."""
        keys = self._keys
        out: list[str] = []
        # Walked, not bisected to prefix + "\U0010ffff": a key may go on past that, the last code point ("\U0010ffff" itself).
        for i in range(bisect_left(keys, prefix), len(keys)):
            key = keys[i]
            if not key.startswith(prefix):
                break
            out.append(key)
        return out


_UNSEEN, _ABSENT = object(), object()


def is_ascending(keys: Sequence[str]) -> bool:
    """Strictly ascending, as SortedMap needs."""
    return all(a < b for a, b in zip(keys, keys[1:], strict=False))


class JoinedStrings(Sequence[str]):
    """Strings joined by NULs in one UTF-8 byte string, each decoded when asked for.

    The cache's 200,000 stems of the surface words are read a few at a time;
    splitting them all into a list took ~25 ms of every start at that size
    (so did the terms and the words themselves, which are looked up by
    bisection, a few hundred times an answer).  Iterating splits them all
    once: that is faster than decoding each.  Up to ``SPLIT_AT_ONCE``
    strings (the bundled corpus has ~1,000), or with ``split``, they are
    split at once, which costs less than importing numpy to find the NULs.
    Past it, ``ends`` (where each string ends, as the cache stores them)
    saves finding the NULs at all; ``check`` makes sure they are the NULs
    and the bytes are UTF-8 (a cache file already checked skips that).
    """

    __slots__ = ("_raw", "_ends", "_all", "_n")

    SPLIT_AT_ONCE = 20_000

    def __init__(
        self, raw: bytes | memoryview, count: int, split: bool = False, ends: Sequence[int] | None = None, check: bool = True
    ) -> None:
        self._raw = raw
        self._n = count
        self._all: list[str] | None = None
        if split or count <= self.SPLIT_AT_ONCE:
            text = str(raw, "utf-8", "surrogatepass")  # ValueError now, not at some later lookup
            self._all = text.split("\0") if count else []
            if len(self._all) != count:
                raise ValueError(f"{len(self._all)} strings, expected {count}")
            return
        if ends is not None and not check:
            if len(ends) != count:
                raise ValueError(f"{len(ends)} strings, expected {count}")
            self._ends = ends
            return
        str(raw, "utf-8", "surrogatepass")  # ValueError now, not at some later lookup
        import numpy as np

        cuts = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 0)
        if len(cuts) + 1 != count:  # as str.split would count them
            raise ValueError(f"{len(cuts) + 1} strings, expected {count}")
        found = np.concatenate((cuts, [len(raw)])).astype(np.int64)
        if ends is not None and not np.array_equal(np.asarray(ends), found):
            raise ValueError("string ends are not where the strings end")
        # a memoryview: indexing one gives a Python int at once
        self._ends = ends if ends is not None else memoryview(found).cast("B").cast("q")

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):  # type: ignore[override]
        if self._all is not None:
            return self._all[i]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("string index out of range")
        ends = self._ends
        return str(self._raw[ends[i - 1] + 1 if i else 0 : ends[i]], "utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        if self._all is None:
            self._all = str(self._raw, "utf-8", "surrogatepass").split("\0")
        return iter(self._all)


def string_ends(strings: Sequence[str]) -> list[int]:
    """Where each of ``strings`` ends once they are joined by NULs as UTF-8 (``JoinedStrings``' ``ends``)."""
    ends, at = [], -1
    for s in strings:
        at += 1 + len(s.encode("utf-8", "surrogatepass"))
        ends.append(at)
    return ends
