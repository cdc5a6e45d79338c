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
    """``keys[i] -> value(i)`` for strictly ascending ``keys``; the values are made when asked for."""

    __slots__ = ("_keys", "_value")

    def __init__(self, keys: Sequence[str], value: Callable[[int], V]) -> None:
        self._keys = keys
        self._value = value

    def position(self, key: str) -> int:
        """Where ``key`` is among the keys; -1 when it is not there."""
        keys = self._keys
        i = bisect_left(keys, key)
        return i if i < len(keys) and keys[i] == key else -1

    def __getitem__(self, key: str) -> V:
        i = self.position(key) if isinstance(key, str) else -1
        if i < 0:
            raise KeyError(key)
        return self._value(i)

    def get(self, key: str, default=None):  # type: ignore[override]
        i = self.position(key) if isinstance(key, str) else -1
        return default if i < 0 else self._value(i)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.position(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def is_ascending(keys: Sequence[str]) -> bool:
    """Strictly ascending, as SortedMap needs."""
    return all(a < b for a, b in zip(keys, keys[1:], strict=False))


class JoinedStrings(Sequence[str]):
    """Strings joined by NULs in one UTF-8 byte string, each decoded when asked for.

    The cache's 200,000 stems of the surface words are read a few at a time;
    splitting them all into a list took ~25 ms of every start at that size.
    """

    __slots__ = ("_raw", "_starts", "_ends")

    def __init__(self, raw: bytes, count: int) -> None:
        import numpy as np

        raw.decode("utf-8", "surrogatepass")  # ValueError now, not at some later lookup
        cuts = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 0) if count else np.zeros(0, dtype=np.int64)
        if count and len(cuts) + 1 != count:  # as str.split would count them
            raise ValueError(f"{len(cuts) + 1} strings, expected {count}")
        starts = np.concatenate(([0], cuts + 1)) if count else cuts
        ends = np.concatenate((cuts, [len(raw)])) if count else cuts
        self._raw = raw
        # memoryviews: indexing one gives a Python int at once
        self._starts = memoryview(starts.astype(np.int64)).cast("B").cast("q")
        self._ends = memoryview(ends.astype(np.int64)).cast("B").cast("q")

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self._raw[self._starts[i] : self._ends[i]].decode("utf-8", "surrogatepass")
