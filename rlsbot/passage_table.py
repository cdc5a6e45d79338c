"""Passages kept as arrays (the passage table of an index and its cache).

The arrays are numpy's in a build and memoryviews of the cache file when
loaded: reading a passage needs no numpy.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from rlsbot.passages import Passage, Sentence

if TYPE_CHECKING:
    import numpy as np


class PassageTable(Sequence[Passage]):
    """Passages kept as arrays; a Passage object is made when first asked for.

    A cached index of 100,000 passages loads in milliseconds this way, and a
    question only ever looks at a handful of them.
    """

    def __init__(
        self,
        articles: list[str],
        sections: list[str],
        arrays: dict[str, Sequence[int]],  # numpy arrays or memoryviews
        made: list[Passage | None] | None = None,
    ) -> None:
        self.articles = articles
        self.sections = sections
        self.arrays = arrays  # p_article, p_section, p_start, p_end, p_sent_ptr, s_start, s_end, s_item
        self._n = len(arrays["p_start"])
        self._made: list[Passage | None] = made if made is not None else [None] * self._n

    @classmethod
    def of(cls, passages: Sequence[Passage]) -> PassageTable:
        import numpy as np  # building only: a cached table holds memoryviews of the file

        articles: dict[str, int] = {}
        sections: dict[str, int] = {}
        p_article, p_section, p_start, p_end, p_sent = array("i"), array("i"), array("q"), array("q"), array("q", [0])
        s_start, s_end, s_item = array("q"), array("q"), array("b")
        for p in passages:
            p_article.append(articles.setdefault(p.article, len(articles)))
            p_section.append(sections.setdefault(p.section, len(sections)))
            p_start.append(p.start)
            p_end.append(p.end)
            for s in p.sentences:
                s_start.append(s.start)
                s_end.append(s.end)
                s_item.append(s.kind == "item")
            p_sent.append(len(s_start))
        arrays = {
            "p_article": np.asarray(p_article, dtype=np.int32),
            "p_section": np.asarray(p_section, dtype=np.int32),
            "p_start": np.asarray(p_start, dtype=np.int64),
            "p_end": np.asarray(p_end, dtype=np.int64),
            "p_sent_ptr": np.asarray(p_sent, dtype=np.int64),
            "s_start": np.asarray(s_start, dtype=np.int64),
            "s_end": np.asarray(s_end, dtype=np.int64),
            "s_item": np.asarray(s_item, dtype=np.bool_),
        }
        return cls(list(articles), list(sections), arrays, list(passages))

    def slice(self, lo: int, hi: int) -> PassageTable:
        """Passages lo..hi, sharing this table's strings."""
        import numpy as np

        a = {name: np.asarray(array) for name, array in self.arrays.items()}
        s_lo, s_hi = int(a["p_sent_ptr"][lo]), int(a["p_sent_ptr"][hi])
        arrays = {name: a[name][lo:hi] for name in ("p_article", "p_section", "p_start", "p_end")}
        arrays["p_sent_ptr"] = a["p_sent_ptr"][lo : hi + 1] - s_lo
        arrays.update({name: a[name][s_lo:s_hi] for name in ("s_start", "s_end", "s_item")})
        return PassageTable(self.articles, self.sections, arrays, self._made[lo:hi])

    @classmethod
    def concat(cls, tables: Sequence[PassageTable]) -> PassageTable:
        """One table of all passages, in order; its strings are sorted, and only those used are kept."""
        import numpy as np

        names: dict[int, tuple[list[str], list[str]]] = {id(t.articles): (t.articles, t.sections) for t in tables}
        all_articles = sorted({a for articles, _ in names.values() for a in articles})
        all_sections = sorted({s for _, sections in names.values() for s in sections})
        article_id = dict(zip(all_articles, range(len(all_articles)), strict=True))
        section_id = dict(zip(all_sections, range(len(all_sections)), strict=True))
        maps = {
            key: (
                np.asarray([article_id[a] for a in articles], dtype=np.int32),
                np.asarray([section_id[x] for x in sections], dtype=np.int32),
            )
            for key, (articles, sections) in names.items()
        }
        parts: dict[str, list[np.ndarray]] = {
            name: [] for name in ("p_article", "p_section", "p_start", "p_end", "s_start", "s_end", "s_item")
        }
        sent_counts = []
        made: list[Passage | None] = []
        for t in tables:
            article_map, section_map = maps[id(t.articles)]
            a = {name: np.asarray(array) for name, array in t.arrays.items()}
            parts["p_article"].append(article_map[a["p_article"]])
            parts["p_section"].append(section_map[a["p_section"]])
            for name in ("p_start", "p_end", "s_start", "s_end", "s_item"):
                parts[name].append(a[name])
            sent_counts.append(np.diff(a["p_sent_ptr"]))
            made += t._made
        empty = {"p_article": np.int32, "p_section": np.int32, "s_item": np.bool_}
        arrays = {
            name: np.concatenate(chunks) if chunks else np.zeros(0, dtype=empty.get(name, np.int64)) for name, chunks in parts.items()
        }
        counts = np.concatenate(sent_counts) if sent_counts else np.zeros(0, dtype=np.int64)
        arrays["p_sent_ptr"] = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        # only the strings some passage uses
        used_articles = np.unique(arrays["p_article"])
        used_sections = np.unique(arrays["p_section"])
        article_final = np.zeros(len(all_articles), dtype=np.int32)
        article_final[used_articles] = np.arange(len(used_articles))
        section_final = np.zeros(len(all_sections), dtype=np.int32)
        section_final[used_sections] = np.arange(len(used_sections))
        arrays["p_article"] = article_final[arrays["p_article"]]
        arrays["p_section"] = section_final[arrays["p_section"]]
        return cls(
            [all_articles[i] for i in used_articles.tolist()],
            [all_sections[i] for i in used_sections.tolist()],
            arrays,
            made,
        )

    def __len__(self) -> int:
        return self._n

    def _make(self, i: int) -> Passage:
        a = self.arrays
        lo, hi = int(a["p_sent_ptr"][i]), int(a["p_sent_ptr"][i + 1])
        starts, ends, items = a["s_start"][lo:hi].tolist(), a["s_end"][lo:hi].tolist(), a["s_item"][lo:hi].tolist()
        passage = Passage(
            self.articles[int(a["p_article"][i])],
            self.sections[int(a["p_section"][i])],
            int(a["p_start"][i]),
            int(a["p_end"][i]),
            tuple(Sentence(s, e, "item" if item else "sentence") for s, e, item in zip(starts, ends, items, strict=True)),
        )
        self._made[i] = passage
        return passage

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("passage index out of range")
        return self._made[i] or self._make(i)

    def __iter__(self) -> Iterator[Passage]:
        for i in range(self._n):
            yield self._made[i] or self._make(i)
