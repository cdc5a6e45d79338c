"""What names an index cache, and what a cache file says about itself, read without numpy.

``rlsbot sources`` lists passages per article from a warm cache through this
module alone, so it starts without numpy or nltk; rlsbot.index_cache reads
the arrays.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from rlsbot.analysis import ANALYZER_VERSION
from rlsbot.article import Article, article_key
from rlsbot.leaning import LEANS_BACK
from rlsbot.passages import splitter_key
from rlsbot.paths import cache_dir
from rlsbot.storage import check_npz

CACHE_FORMAT = 7  # 7: the extra stems (common words too) stored sorted with their ends, read by bisection


class Fields(NamedTuple):
    """How much each field of a passage counts: BM25F with whole-number weights.

    A passage is scored as one bag of its text, its section heading and its
    article's title, each field's term counts and length multiplied by its
    weight before BM25 saturates them (the simple BM25F of Robertson,
    Zaragoza & Taylor, one b for all fields).  Whole numbers keep term counts
    integers, so stored postings and rank_bm25's reference scores stay exact:
    a weight of 2 is the field written out twice.  Chosen by measurement on
    LiveQA-Med, Cranfield and the gold set together (benchmarks/README.md,
    "Fields").  They change the postings, so they are part of the analyzer key.
    """

    text: int = 1
    heading: int = 1
    title: int = 3

    def key(self) -> str:
        return f"fields {self.text},{self.heading},{self.title}"


FIELDS = Fields()


_SPLITTER_KEYS: dict[object, str] = {}  # by function, so a test that swaps splitter_key is seen


def analyzer_key(fields: Fields = FIELDS) -> str:
    """Names everything analysis depends on: a cached analysis is reused only under the same key."""
    # splitter_key hashes the bundled articles: once per process, not once per call
    split = _SPLITTER_KEYS.get(splitter_key)
    if split is None:
        split = _SPLITTER_KEYS[splitter_key] = splitter_key()
    # Passages join a paragraph that leans on the one before (rlsbot.passages): the rule is part of the key.
    leans = hashlib.sha256(LEANS_BACK.source.encode()).hexdigest()[:12]
    return f"{ANALYZER_VERSION}|{CACHE_FORMAT}|{fields.key()}|nltk {_nltk_version()}|punkt {split[:16]}|leans {leans}"


@cache
def _nltk_version() -> str:
    # Read the version file, not ``import nltk`` (0.2 s): the stems depend on it.
    import importlib.util

    spec = importlib.util.find_spec("nltk")
    try:
        return (Path(spec.origin).parent / "VERSION").read_text().strip() if spec and spec.origin else "?"
    except OSError:
        return "?"


def corpus_key(articles: Sequence[Article], params: object = None) -> str:
    """Names the corpus content and the analyzer an index was built for.

    The ranking parameters are not part of it: they are applied when a cached
    index is loaded.
    """
    return corpus_key_of([(a.name, article_key(a)) for a in articles])


def corpus_key_of(keys: Sequence[tuple[str, str]]) -> str:
    """``corpus_key`` from each article's (name, article_key), as the article cache keeps them."""
    return corpus_key_from(articles_digest(keys))


def articles_digest(keys: Sequence[tuple[str, str]]) -> str:
    """Names a corpus's articles (name and article_key of each, in order), whatever the analyzer."""
    joined = "\0".join(f"{name}\0{key}" for name, key in keys)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def corpus_key_from(digest: str) -> str:
    """``corpus_key`` from an ``articles_digest`` (the article cache keeps one per scan)."""
    return hashlib.sha256(f"{analyzer_key()}\0{digest}".encode()).hexdigest()


def cache_path(folders: Sequence[Path]) -> Path:
    """The cache file of an index over these folders."""
    joined = "\0".join(str(f.resolve()) for f in folders)
    return cache_dir() / f"index-{hashlib.sha256(joined.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}.npz"


def _npy(z: zipfile.ZipFile, name: str, dtype: str, itemsize: int) -> bytes:
    """The raw bytes of a 1-D array member of an .npz, checked to be of ``dtype``."""
    with z.open(f"{name}.npy") as f:
        magic = f.read(8)
        if magic[:6] != b"\x93NUMPY":
            raise ValueError(name)
        size = struct.unpack("<H", f.read(2))[0] if magic[6] == 1 else struct.unpack("<I", f.read(4))[0]
        header = f.read(size)
        if f"'descr': '{dtype}'".encode() not in header or b"'fortran_order': False" not in header:
            raise ValueError(name)
        data = f.read()
    if len(data) % itemsize:
        raise ValueError(name)
    return data


def read_meta(path: Path) -> tuple[dict, list[int]] | None:
    """A cache file's JSON metadata and its article -> first passage pointers; None when unreadable."""
    try:
        check_npz(path)  # declared sizes first: a member may hold gigabytes of compressed zeros
        with zipfile.ZipFile(path) as z:
            meta = json.loads(_npy(z, "meta", "|u1", 1).decode("utf-8", "surrogatepass"))
            raw = _npy(z, "art_ptr", "<i8", 8)
    except (OSError, ValueError, KeyError, IndexError, struct.error, zipfile.BadZipFile):
        return None
    if not isinstance(meta, dict):
        return None
    return meta, list(struct.unpack(f"<{len(raw) // 8}q", raw))


def cached_passage_counts(folders: Sequence[Path], articles: Sequence[Article]) -> dict[str, int] | None:
    """Passages per article name, from a cache made for exactly these articles; None when there is none."""
    path = cache_path(folders)
    found = read_meta(path) if path.exists() else None
    if found is None:
        return None
    meta, art_ptr = found
    if meta.get("format") != CACHE_FORMAT or meta.get("analyzer") != analyzer_key() or meta.get("key") != corpus_key(articles):
        return None
    names = meta.get("articles")
    if not isinstance(names, list) or len(art_ptr) != len(names) + 1:
        return None
    try:
        return {str(name): art_ptr[i + 1] - art_ptr[i] for i, (name, _key) in enumerate(names)}
    except (TypeError, ValueError):
        return None
