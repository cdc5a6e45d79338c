"""The Bot: articles, a cached index, and questions in, Answers out."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from rlsbot.article import Article
from rlsbot.article_cache import scan
from rlsbot.bm25 import BM25Params
from rlsbot.index import Hit, Index
from rlsbot.index_cache import CachedIndex, save_index
from rlsbot.index_meta import cache_path, corpus_key_from
from rlsbot.query import Query, Resolver, parse

if TYPE_CHECKING:
    from rlsbot.answer import Answer

MAX_QUESTION_CHARS = 2000  # the rest of a longer question is not read


class Bot:
    """Answers questions from a set of articles, quoting them verbatim.

    >>> bot = Bot.load()
    >>> answer = bot.ask("does magnesium help in pregnancy?")
    >>> answer.answered, answer.citations[0].title  # doctest: +SKIP
    """

    def __init__(self, articles: Sequence[Article] | Mapping[str, Article], index: Index, warnings: Sequence[str] = ()) -> None:
        # a Mapping (the article cache's Catalog) loads each article when first asked for
        self.articles: Mapping[str, Article] = articles if isinstance(articles, Mapping) else {a.name: a for a in articles}
        self.index = index
        self.warnings = list(warnings)
        self._resolver = Resolver(index)

    @classmethod
    def load(
        cls,
        corpus: str | os.PathLike | None = None,
        *,
        cache: bool = True,
        rebuild: bool = False,
        params: BM25Params | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Bot:
        """Find the articles and load their index from the cache, building it if needed.

        Unchanged article files are neither read nor parsed again
        (rlsbot.article_cache); ``rebuild`` parses every file afresh.  Raises
        CorpusError when there is no usable article at all.
        """
        params = params or BM25Params()
        scanned = scan(corpus, cache=cache, fresh=rebuild)
        catalog, folders, warnings = scanned.catalog, scanned.folders, list(scanned.warnings)

        key = corpus_key_from(catalog.digest())
        index = None
        previous = None  # the cache as it is, for its unchanged articles' analyses
        path = cache_path(folders)
        if cache and not rebuild:
            try:
                previous = CachedIndex.open(path)
                if previous is not None and previous.key == key:
                    index = previous.index(params)
            except (ValueError, OSError) as exc:
                if previous is not None:  # damaged: none of it is reused either
                    previous.close()
                    previous = None
                if isinstance(exc, OSError):
                    warnings.append(f"warning: cannot read the index cache ({exc.strerror or exc}); rebuilding")
                else:
                    warnings.append(f"warning: rebuilding the index: {exc}")
        try:
            if index is None:
                articles = catalog.load_all()
                try:
                    index = Index.build(articles, params, progress=progress, reuse=previous)
                except ValueError as exc:
                    if previous is None:
                        raise
                    warnings.append(f"warning: rebuilding the index: {exc}")
                    index = Index.build(articles, params, progress=progress)
                if cache:
                    try:
                        save_index(index, path, key)
                    except OSError as exc:
                        warnings.append(f"warning: cannot save the index cache ({exc.strerror or exc}); using it in memory")
        finally:
            if previous is not None:
                previous.close()
        return cls(catalog, index, warnings)

    def query(self, question: str) -> Query:
        return parse(_head(question), self.index, self._resolver)

    def ask(self, question: str, query: Query | None = None) -> Answer:
        """Answer one question from the articles alone."""
        from rlsbot.answer import PASSAGES_CONSIDERED, compose  # a search needs none of it (~10 ms of imports)

        query = query or self.query(question)
        hits = self.index.search(query.terms, top=PASSAGES_CONSIDERED) if query.covered else []
        return compose(question, query, hits, self.articles, self.index)

    def search(self, text: str, top: int = 10) -> list[Hit]:
        """The top passages for a query, as BM25 ranks them."""
        return self.index.search(self.query(text).terms, top=top)

    def passage_text(self, hit: Hit) -> str:
        return self.articles[hit.passage.article].text[hit.passage.start : hit.passage.end]


def _head(question: str) -> str:
    """The first MAX_QUESTION_CHARS of a question, cut between words, never inside one."""
    if len(question) <= MAX_QUESTION_CHARS:
        return question
    head = question[: MAX_QUESTION_CHARS + 1]
    cut = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
    return head[:cut] if cut > 0 else head[:MAX_QUESTION_CHARS]
