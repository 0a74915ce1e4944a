"""Hybrid retrieval over the store: BM25 (SQLite FTS5) and dense embeddings, fused by rank.

Keyword search finds passages that share the claim's rare words (names, numbers); dense
search finds paraphrases that share none. Reciprocal rank fusion adds 1 / (RRF_K + rank)
from each list, so neither score scale has to be calibrated against the other.

The dense index is the store's passage vectors held in memory (384 float32 numbers a
passage: about 1.5 GB for a million), scanned whole for a small corpus and through inverted
lists for a large one (`vector_index`). The lists' centroids and each vector's list number
are kept in the store, so a new process reads them instead of clustering again. A search
limited to a cited source's domains (and the article's date) compares the query with every
one of that source's passages (`EXACT_AMONG_UP_TO`), not with the corpus's nearest: in a
large corpus those would hold none of the source's own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from . import vector_index
from .errors import StoreError
from .stages.evidence import Passage
from .vector_index import Centroids, FlatIndex, IVFIndex, Ranked, load_index, reusable

RRF_K = 60  # the constant of reciprocal rank fusion (Cormack et al., 2009)
CANDIDATES = 50  # passages taken from each list before fusion
EMBED_BATCH = 64
# Up to this many passages allowed by a domain or date filter are searched exactly among
# themselves; beyond it the whole index is searched and the allowed kept.
EXACT_AMONG_UP_TO = 20_000

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into unit-length vectors."""

    name: str

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]:
        """One row per text, L2-normalised."""
        ...


def fuse(*rankings: Sequence[int], k: int = RRF_K) -> list[Ranked]:
    """Reciprocal rank fusion of ranked id lists, best first (ties broken by first seen)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, pid in enumerate(ranking, start=1):
            scores[pid] = scores.get(pid, 0.0) + 1.0 / (k + rank)
    order = sorted(scores.items(), key=lambda item: -item[1])
    return [Ranked(pid, score) for pid, score in order]


def embed_missing(
    store: Any,
    embedder: Embedder,
    progress: Callable[[int], None] | None = None,
    batch: int = 512,
) -> int:
    """Embed every passage of the store that has no vector from `embedder` yet."""
    done = 0
    while True:
        todo = store.passages_without_vectors(embedder.name, batch)
        if not todo:
            return done
        ids = np.array([p.id for p in todo], dtype=np.int64)
        vectors = embedder.embed([p.text for p in todo], batch_size=EMBED_BATCH)
        store.put_vectors(ids, vectors, embedder.name)
        done += len(todo)
        if progress is not None:
            progress(len(todo))


def load_dense(store: Any, model: str) -> FlatIndex | IVFIndex:
    """The dense index of the store's `model` vectors; a large corpus's inverted lists are
    read from the store when it keeps them, and what was trained or assigned is kept there."""
    ids, matrix = store.vectors(model)
    ids, matrix = np.asarray(ids, np.int64), np.asarray(matrix, np.float32)
    if ids.shape[0] <= vector_index.FLAT_UP_TO:  # exact: nothing learnt, nothing stored
        return FlatIndex(ids, matrix)
    stored = store.vector_centroids(model)
    centroids = Centroids(stored.centroids, stored.trained_on) if stored is not None else None
    reuse = stored is not None and reusable(centroids, int(ids.shape[0]), int(matrix.shape[1]))
    assigned = store.vector_lists(model, ids) if reuse else np.full(ids.shape[0], -1, np.int64)
    index, update = load_index(ids, matrix, centroids if reuse else None, assigned)
    if update is None:
        return index
    try:
        if update.centroids is not None:
            store.put_vector_centroids(
                model,
                update.centroids.vectors,
                update.centroids.trained_on,
                update.ids,
                update.lists,
            )
        else:
            store.put_vector_lists(stored, update.ids, update.lists)
    except StoreError as exc:
        # The index in memory is complete; only the next process's head start is lost.
        log.warning("the dense index's lists were not kept in the store: %s", exc)
    return index


class HybridRetriever:
    """`Retriever` over a store: FTS5 BM25 and dense vectors, fused by rank."""

    def __init__(self, store: Any, embedder: Embedder | None) -> None:
        self.store = store
        self.embedder = embedder
        self._dense: FlatIndex | IVFIndex | None = None
        self._last: tuple[str, NDArray[np.float32]] | None = None  # a claim is searched twice

    def reload(self) -> None:
        """Read the passage vectors again on next use (after new passages were embedded)."""
        self._dense = None

    def _vector(self, query: str) -> NDArray[np.float32]:
        """The query's embedding; the evidence stage asks for one claim twice in a row."""
        assert self.embedder is not None
        if self._last is None or self._last[0] != query:
            self._last = (query, self.embedder.embed([query])[0])
        return self._last[1]

    @property
    def dense(self) -> FlatIndex | IVFIndex | None:
        """The dense index, loaded from the store on first use."""
        if self._dense is None and self.embedder is not None:
            self._dense = load_dense(self.store, self.embedder.name)
        return self._dense

    def keyword(
        self, query: str, k: int, domains: Sequence[str] | None, before: str | None
    ) -> list[int]:
        """Passage ids by BM25, best first."""
        hits = self.store.search(query, k=k, domains=domains, published_before=before)
        return [int(h.passage_id) for h in hits]

    def semantic(
        self, query: str, k: int, domains: Sequence[str] | None, before: str | None
    ) -> list[int]:
        """Passage ids by cosine similarity, best first, filtered by domain and date."""
        index = self.dense
        if index is None or self.embedder is None or len(index) == 0:
            return []
        vector = self._vector(query)
        if not domains and not before:
            return [r.passage_id for r in index.search(vector, k)]
        allowed = self.store.passage_ids(domains, before, limit=EXACT_AMONG_UP_TO + 1)
        if len(allowed) <= EXACT_AMONG_UP_TO:
            # A cited source's own passages: all of them compared, none missed.
            return [r.passage_id for r in index.search_among(vector, allowed, k)]
        # Too many to compare one by one: the corpus's nearest, filtered by the store a
        # block at a time (one query a block), until k pass.
        nearest = [r.passage_id for r in index.search(vector, min(len(index), 20 * k))]
        out: list[int] = []
        start, block = 0, k  # the first block is all that is read when most pass
        while start < len(nearest) and len(out) < k:
            part = nearest[start : start + block]
            kept = self.store.allowed_passage_ids(part, domains, before)
            out.extend(pid for pid in part if pid in kept)
            start, block = start + block, 4 * block
        return out[:k]

    def retrieve(
        self,
        query: str,
        k: int,
        domains: Sequence[str] | None = None,
        published_before: str | None = None,
    ) -> list[Passage]:
        """The `k` best passages by fused keyword and dense rank."""
        keyword = self.keyword(query, CANDIDATES, domains, published_before)
        semantic = self.semantic(query, CANDIDATES, domains, published_before)
        return [self._passage(r) for r in fuse(keyword, semantic)[:k]]

    def has_documents(self, domains: Sequence[str], published_before: str | None) -> bool:
        """Whether the store holds a document from `domains` up to that date."""
        return bool(self.store.has_documents(domains=domains, published_before=published_before))

    def _passage(self, ranked: Ranked) -> Passage:
        p = self.store.passage(ranked.passage_id)
        return Passage(
            passage_id=int(p.id),
            document_id=int(p.document_id),
            text=p.text,
            start=int(p.start),
            end=int(p.end),
            url=p.url,
            title=p.title or "",
            source=p.source,
            domain=p.domain,
            published=p.published,
            score=ranked.score,
        )

