"""The index on disk: one NumPy ``.npz`` of plain arrays, saved, checked and loaded.

Strings are stored as UTF-8 bytes and metadata as a small JSON document;
arrays of plain numbers alone are mapped from the file (``_Mapped``) as
memoryviews, never unpickled: nothing in the file can run code, and a small
index is loaded, checked and queried without importing numpy
(rlsbot.postings); saving and reusing articles for a rebuild use it.  It
also keeps what indexing learned from each article (passages, sentences,
term counts, words), keyed by the article's content, so after an edit only
the changed articles are analysed again.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from rlsbot.analysis import learn_stems
from rlsbot.bm25 import BM25Params
from rlsbot.cache_check import check_arrays, check_lengths, is_checked, note_checked
from rlsbot.index import Index
from rlsbot.index_meta import CACHE_FORMAT, analyzer_key
from rlsbot.passage_table import PassageTable
from rlsbot.postings import is_small
from rlsbot.sorted_table import JoinedStrings, SortedMap, is_ascending, string_ends
from rlsbot.storage import NpyMember, atomic_write, check_npz

if TYPE_CHECKING:
    import numpy as np

    from rlsbot.analyser import Analysed

_SEP = "\x00"  # joins stored strings: no word, heading or file name holds a NUL


def save_index(index: Index, path: Path, key: str) -> None:
    """Write the index to one file atomically: temp file, fsync, rename."""
    import numpy as np

    if index._art_surface is None:
        raise ValueError("only an index made by Index.build can be saved")
    table = index.passages if isinstance(index.passages, PassageTable) else PassageTable.of(index.passages)
    meta = {
        "format": CACHE_FORMAT,
        "key": key,
        "analyzer": analyzer_key(),
        "articles": index._articles,
        "counts": [
            len(index.vocab),
            len(index._surface_list),
            len(table),
            len(table.articles),
            len(table.sections),
            len(index._extra_stems),
        ],
    }
    extra_words = list(index._extra_stems)
    if not (is_ascending(list(index.vocab)) and is_ascending(index._surface_list) and is_ascending(extra_words)):
        raise ValueError("terms and words must be sorted to be looked up by bisection")
    surface_stems = [index.surface[w] for w in index._surface_list]
    art_ptr, art_ids, art_counts = index._art_surface
    # where each string ends: a large index is read without finding its NULs (JoinedStrings)
    joined = {
        "vocab": list(index.vocab),
        "surface": index._surface_list,
        "surface_stems": surface_stems,
        "passage_sections": table.sections,
        "extra_words": extra_words,
        "extra_stems": list(index._extra_stems.values()),
    }
    arrays = {
        "meta": _blob(json.dumps(meta, ensure_ascii=False, separators=(",", ":"))),
        "vocab": _blob(_SEP.join(index.vocab)),
        "surface": _blob(_SEP.join(index._surface_list)),
        "surface_stems": _blob(_SEP.join(surface_stems)),
        **{f"{name}_ends": np.asarray(string_ends(strings), dtype=np.int64) for name, strings in joined.items()},
        "surface_count": np.asarray([index.surface_count[w] for w in index._surface_list], dtype=np.int64),
        "extra_words": _blob(_SEP.join(extra_words)),
        "extra_stems": _blob(_SEP.join(index._extra_stems.values())),
        "passage_articles": _blob(_SEP.join(table.articles)),
        "passage_sections": _blob(_SEP.join(table.sections)),
        **table.arrays,
        "doc_len": index.doc_len,
        "col_ptr": index.col_ptr,
        "col_docs": index.col_docs,
        "col_tf": index.col_tf,
        "art_ptr": index._art_ptr,
        "art_surface_ptr": art_ptr,
        "art_surface_ids": art_ids,
        "art_surface_counts": art_counts,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, lambda f: np.savez(f, **arrays))


def load_index(path: Path, key: str, params: BM25Params | None = None) -> Index | None:
    """The cached index for ``key``; None when there is none or it is for other content.

    Raises ValueError when a file is there but damaged.
    """
    cached = CachedIndex.open(path)
    if cached is None:
        return None
    with cached:
        if cached.key != key:
            return None
        return cached.index(params or BM25Params())


class CachedIndex:
    """An open cache file: its key, and on demand the index or its articles' analyses."""

    def __init__(self, z, meta: dict) -> None:
        self._z = z
        self.meta = meta
        self.key: str = meta["key"]
        self._strings: dict[str, list[str]] = {}

    @classmethod
    def open(cls, path: Path) -> CachedIndex | None:
        """None when there is no cache file or it is another format or analyzer's.

        Raises ValueError when the file is damaged.
        """
        try:
            f = open(path, "rb")
        except (FileNotFoundError, NotADirectoryError):  # as path.exists() said before
            return None
        with f:
            try:
                # one open file for all of it: a cache replaced meanwhile is never read half from each
                info = os.fstat(f.fileno())
                z = _Mapped(f, check_npz(f), is_checked(path, info))  # declared sizes, before anything is used
            except Exception as exc:  # not a zip, truncated...
                raise ValueError(f"the cached index is damaged ({type(exc).__name__})") from None
        z.path, z.info = path, info
        try:
            meta = json.loads(_text(z["meta"]))
            if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT or meta.get("analyzer") != analyzer_key():
                z.close()
                return None
            if not isinstance(meta.get("key"), str):
                raise TypeError("key")
        except Exception as exc:
            z.close()
            raise ValueError(f"the cached index is damaged ({type(exc).__name__})") from None
        return cls(z, meta)

    def __enter__(self) -> CachedIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._z.close()

    def strings(self, name: str, count: int) -> list[str]:
        if name not in self._strings:
            text = _text(self._z[name])
            found = text.split(_SEP) if count else []
            if len(found) != count:
                raise ValueError(f"{name}: {len(found)} strings, expected {count}")
            self._strings[name] = found
        return self._strings[name]

    def index(self, params: BM25Params) -> Index:
        """The index itself.  Raises ValueError when the file is damaged."""
        try:
            index = self._index(params)
        except Exception as exc:  # any damage at all: zip, JSON, shapes, types
            raise ValueError(f"the cached index is damaged ({type(exc).__name__}: {exc})") from None
        return index

    def _index(self, params: BM25Params) -> Index:
        z, meta = self._z, self.meta
        n_vocab, n_surface, n_passages, n_articles, n_sections, n_extra = (int(c) for c in meta["counts"])
        # A few hundred of each are read: decoded when asked for, not all split
        # at every start; but split when the index is scored without numpy.
        split = is_small(z.length("col_docs"), n_passages)
        check = not z.checked  # a file that passed every check, as it is now, skips them (rlsbot.cache_check)

        def joined(name: str, count: int) -> JoinedStrings:
            return JoinedStrings(_view(z[name]), count, split, None if split else z[f"{name}_ends"], check)

        vocab_list, surface_list, surface_stems = joined("vocab", n_vocab), joined("surface", n_surface), joined("surface_stems", n_surface)
        # thousands of common words' stems, of which a question reads a few: looked up by bisection
        extra = SortedMap(joined("extra_words", n_extra), joined("extra_stems", n_extra).__getitem__)
        arrays = {name: z[name] for name in ("doc_len", "col_ptr", "col_docs", "col_tf", "art_ptr", "surface_count")}
        table_arrays = {name: z[name] for name in _TABLE}
        table = PassageTable(self.strings("passage_articles", n_articles), joined("passage_sections", n_sections), table_arrays)
        if check:
            check_arrays(arrays, table_arrays, n_vocab, n_surface, n_passages, n_articles, n_sections, len(meta["articles"]))
            z.check_all()  # the members this start does not read too: the note vouches for the whole file
            note_checked(z.path, z.info)
        else:
            check_lengths(arrays, table_arrays, n_vocab, n_surface, n_passages, len(meta["articles"]))
        counts = arrays["surface_count"]
        if split:  # a few thousand: dicts cost less to make than the ~4,000 lookups of an answer save
            vocab: Mapping[str, int] = dict(zip(vocab_list, range(n_vocab), strict=True))
            surface: Mapping[str, str] = dict(zip(surface_list, surface_stems, strict=True))
            surface_count: Mapping[str, int] = dict(zip(surface_list, counts.tolist(), strict=True))
        else:
            # Terms and words are stored sorted (save_index checks): looked up by
            # bisection, not made into dicts of 200,000 entries at every start.
            vocab = SortedMap(vocab_list, _position)
            surface = SortedMap(surface_list, surface_stems.__getitem__)
            surface_count = SortedMap(surface_list, counts.__getitem__)
        index = Index(
            table, vocab, arrays["doc_len"], arrays["col_ptr"], arrays["col_docs"], arrays["col_tf"], surface, surface_count, params
        )
        index._articles = [(str(name), str(k)) for name, k in meta["articles"]]
        index._art_ptr = arrays["art_ptr"]
        index._surface_list = surface_list
        index._extra_stems = extra  # read by Index.stem_of; a rebuild stems them again
        return index

    def article_slots(self) -> dict[tuple[str, str], int]:
        """(name, article key) -> its number here, for every article this cache holds."""
        return {(str(name), str(k)): i for i, (name, k) in enumerate(self.meta["articles"])}

    def reused(self, articles: list[int]) -> tuple[list[Analysed], list[str], list[str]]:
        """The cached analyses of some articles, and the vocabulary and surface words their ids point into.

        Raises ValueError when the file is damaged.
        """
        try:
            return self._reused(articles)
        except Exception as exc:  # any damage at all: zip, shapes, types, missing members
            raise ValueError(f"the cached index is damaged ({type(exc).__name__}: {exc})") from None

    def _reused(self, articles: list[int]) -> tuple[list[Analysed], list[str], list[str]]:
        import numpy as np  # a rebuild: numpy and the analyser are imported for it anyway

        from rlsbot.analyser import Analysed

        z, meta = self._z, self.meta
        n_vocab, n_surface, n_passages, n_articles, n_sections, _ = (int(c) for c in meta["counts"])
        vocab_list = self.strings("vocab", n_vocab)
        surface_list = self.strings("surface", n_surface)
        learn_stems(surface_list, self.strings("surface_stems", n_surface))  # not stemmed again
        names = ("doc_len", "col_ptr", "col_docs", "col_tf", "art_ptr", "surface_count")
        arrays, table_arrays = {name: z[name] for name in names}, {name: z[name] for name in _TABLE}
        check_arrays(arrays, table_arrays, n_vocab, n_surface, n_passages, n_articles, n_sections, len(meta["articles"]))
        table_arrays = {name: np.asarray(a) for name, a in table_arrays.items()}
        table = PassageTable(self.strings("passage_articles", n_articles), self.strings("passage_sections", n_sections), table_arrays)
        col_ptr, col_docs, col_tf, doc_len, art_ptr = (
            np.asarray(arrays[name]) for name in ("col_ptr", "col_docs", "col_tf", "doc_len", "art_ptr")
        )
        s_ptr, s_ids, s_counts = (np.asarray(z[name]) for name in ("art_surface_ptr", "art_surface_ids", "art_surface_counts"))
        if len(s_ptr) != len(meta["articles"]) + 1 or int(s_ptr[-1]) != len(s_ids) or len(s_ids) != len(s_counts):
            raise ValueError("per-article word counts do not fit")
        if len(s_ids) and not 0 <= int(s_ids.min()) <= int(s_ids.max()) < n_surface:
            raise ValueError("word ids out of range")
        # Back from term columns to passage rows.
        order = np.argsort(col_docs, kind="stable")
        row_terms = np.repeat(np.arange(n_vocab, dtype=np.int64), np.diff(col_ptr))[order]
        row_tf = col_tf[order].astype(np.int64)
        row_ptr = np.concatenate(([0], np.cumsum(np.bincount(col_docs, minlength=n_passages)))).astype(np.int64)
        out = []
        for a in articles:
            p0, p1 = int(art_ptr[a]), int(art_ptr[a + 1])
            e0, e1 = int(row_ptr[p0]), int(row_ptr[p1])
            out.append(
                Analysed(
                    passages=table.slice(p0, p1),
                    term_ids=row_terms[e0:e1],
                    tfs=row_tf[e0:e1],
                    entries=np.diff(row_ptr[p0 : p1 + 1]),
                    lengths=doc_len[p0:p1].astype(np.int64),
                    surface_ids=s_ids[int(s_ptr[a]) : int(s_ptr[a + 1])].astype(np.int64),
                    surface_counts=s_counts[int(s_ptr[a]) : int(s_ptr[a + 1])].astype(np.int64),
                )
            )
        return out, vocab_list, surface_list


_TABLE = ("p_article", "p_section", "p_start", "p_end", "p_sent_ptr", "s_start", "s_end", "s_item")


class _Mapped:
    """The arrays of an uncompressed .npz, mapped from the file rather than read into memory.

    A query touches a few term columns of arrays that are 100 MB at 100,000
    passages; reading (and copying) them all was most of loading the cache.
    A member's CRC-32 is checked when it is first used, as reading it would
    (a flipped byte rebuilds the cache; the per-article word counts, 40 MB
    there, are used only by a rebuild); in a file ``checked`` already
    (rlsbot.cache_check), never.  Only flat arrays of plain numbers
    are mapped, so nothing in the file is unpickled.  Each is a memoryview
    (zero-copy, and indexing it gives Python ints without numpy; numpy
    views it with ``np.asarray``).  Arrays stay valid after close.
    """

    def __init__(self, f: BinaryIO, members: dict[str, NpyMember], checked: bool = False) -> None:
        import mmap

        self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        self._members = members
        self.checked = checked
        self._checked: set[str] = set(members) if checked else set()
        self.files = list(members)
        self.path: Path | None = None
        self.info: os.stat_result | None = None

    def _crc(self, name: str) -> None:
        if name not in self._checked:
            import zlib

            m = self._members[name]
            with memoryview(self._map) as view:
                if zlib.crc32(view[m.start : m.start + m.size]) != m.crc:
                    raise ValueError(f"{name}: bad CRC-32")
            self._checked.add(name)

    def check_all(self) -> None:
        """Check every member's CRC-32 now."""
        for name in self._members:
            self._crc(name)

    def __getitem__(self, name: str) -> memoryview:
        m = self._members[name]  # KeyError for a missing member, as np.load's
        self._crc(name)
        order, code = m.descr[:1], _TYPECODES.get(m.descr[1:])
        if code is None or order not in "<>|" or (order == "|") != (code in "bB?"):
            raise ValueError(f"{name}: not plain numbers")
        if len(m.shape) != 1:
            raise ValueError(f"{name}: not a flat array")
        size = m.shape[0] * int(m.descr[2:])
        raw = memoryview(self._map)[m.offset : m.offset + size]
        if len(raw) != size:
            raise ValueError(f"{name}: truncated")
        if order == _FOREIGN:  # written on a machine of the other byte order
            from array import array

            swapped = array(code, raw.tobytes())
            swapped.byteswap()
            return memoryview(swapped)
        return raw.cast(code)

    def length(self, name: str) -> int:
        """How many items a member declares, without reading it."""
        shape = self._members[name].shape
        return shape[0] if len(shape) == 1 else -1

    def close(self) -> None:
        self._members = {}  # the map itself closes with the last array that uses it


# .npy type (after its byte order) -> struct code of the same size (the cache
# holds int32, int64, uint8 and bool: floats, strings and objects are refused)
_TYPECODES = {"i1": "b", "u1": "B", "b1": "?", "i2": "h", "u2": "H", "i4": "i", "u4": "I", "i8": "q", "u8": "Q"}
_FOREIGN = ">" if sys.byteorder == "little" else "<"


def _position(i: int) -> int:
    return i


def _blob(text: str) -> np.ndarray:
    import numpy as np

    return np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)


def _view(blob: memoryview) -> memoryview:
    """A member holding UTF-8 bytes, as it is in the mapped file (a string is decoded when read: nothing copied)."""
    if blob.format != "B" or blob.ndim != 1:
        raise ValueError("not a string")
    return blob


def _bytes(blob: memoryview) -> bytes:
    return _view(blob).tobytes()


def _text(blob: memoryview) -> str:
    return _bytes(blob).decode("utf-8", "surrogatepass")
