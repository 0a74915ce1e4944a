"""Nearest passages by cosine similarity: exact for small corpora, inverted lists for large.

Up to `FLAT_UP_TO` passages one matrix-vector product over every vector is exact and fast.
Beyond that, scanning a million 384-dimensional vectors reads 1.5 GB per query, so the
vectors are grouped around k-means centroids (an inverted file, IVF): a query scans only
the lists of its `probe` nearest centroids. Everything is numpy; the clustering is seeded,
so the same vectors give the same index.

Training the centroids and assigning a million vectors takes tens of seconds, so the store
keeps both (`load_index` says what to write back): a later process assigns only the vectors
added since, and trains again only once the corpus has grown or shrunk past `RETRAIN_GROWTH`
times the vectors the centroids were learnt from.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FLAT_UP_TO = 200_000
TRAIN_SAMPLE = 32_768  # vectors the centroids are learnt from
KMEANS_ROUNDS = 8
PROBE_SHARE = 0.02  # share of the lists a query scans
SEED = 13
RETRAIN_GROWTH = 2.0  # stored centroids serve from 1/2x to 2x the vectors they were learnt on


@dataclass(frozen=True)
class Ranked:
    """A passage id and its score in one ranked list."""

    passage_id: int
    score: float


def _top(ids: NDArray[np.int64], scores: NDArray[np.float32], k: int) -> list[Ranked]:
    k = min(k, int(scores.shape[0]))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    return [Ranked(int(ids[i]), float(scores[i])) for i in top]


class _AmongIds:
    """Exact search among chosen passages, for an index with `ids` and `matrix` rows.

    A claim credited to a source is searched among that source's passages only; taking
    them from a search of the whole corpus would miss them all in a large one.
    """

    ids: NDArray[np.int64]
    matrix: NDArray[np.float32]
    _by_id: NDArray[np.int64] | None = None

    def search_among(
        self, query: NDArray[np.float32], wanted: NDArray[np.int64], k: int
    ) -> list[Ranked]:
        """The `k` nearest of the `wanted` passages, exactly: their rows alone are scanned."""
        if self._by_id is None:
            self._by_id = np.argsort(self.ids, kind="stable")  # once an index
        return _among(self.ids, self.matrix, self._by_id, wanted, query, k)


def _among(
    ids: NDArray[np.int64],
    matrix: NDArray[np.float32],
    order: NDArray[np.int64],
    wanted: NDArray[np.int64],
    query: NDArray[np.float32],
    k: int,
) -> list[Ranked]:
    found = np.searchsorted(ids, wanted, sorter=order)
    found = np.minimum(found, max(len(ids) - 1, 0))
    rows = order[found[ids[order[found]] == wanted]] if len(ids) else order[:0]
    if rows.size == 0:
        return []
    return _top(ids[rows], matrix[rows] @ query.astype(np.float32, copy=False), k)


class FlatIndex(_AmongIds):
    """Every vector scanned: exact."""

    def __init__(self, ids: NDArray[np.int64], matrix: NDArray[np.float32]) -> None:
        self.ids = ids
        self.matrix = matrix

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def search(self, query: NDArray[np.float32], k: int) -> list[Ranked]:
        """The `k` nearest passages to a unit query vector."""
        if len(self) == 0:
            return []
        return _top(self.ids, self.matrix @ query.astype(np.float32, copy=False), k)


class IVFIndex(_AmongIds):
    """Vectors grouped by their nearest k-means centroid; a query scans a few groups."""

    def __init__(
        self,
        ids: NDArray[np.int64],
        matrix: NDArray[np.float32],
        lists: int | None = None,
        seed: int = SEED,
    ) -> None:
        centroids = _kmeans(matrix, lists or default_lists(int(ids.shape[0])), seed)
        self._arrange(ids, matrix, centroids, _assign(matrix, centroids))

    @classmethod
    def from_centroids(
        cls,
        ids: NDArray[np.int64],
        matrix: NDArray[np.float32],
        centroids: NDArray[np.float32],
        assign: NDArray[np.int64],
    ) -> IVFIndex:
        """The index of vectors already assigned to lists (`assign[i]` for row i)."""
        index = cls.__new__(cls)
        index._arrange(ids, matrix, centroids, assign)
        return index

    def _arrange(
        self,
        ids: NDArray[np.int64],
        matrix: NDArray[np.float32],
        centroids: NDArray[np.float32],
        assign: NDArray[np.int64],
    ) -> None:
        self.centroids = centroids
        self.lists = int(centroids.shape[0])
        self.probe = max(1, int(np.ceil(self.lists * PROBE_SHARE)))
        order = np.argsort(assign, kind="stable")  # stable: rows keep their id order in a list
        self.matrix = np.ascontiguousarray(matrix[order])
        self.ids = ids[order]
        counts = np.bincount(assign, minlength=self.lists)
        self.offsets = np.concatenate([[0], np.cumsum(counts)])

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def search(self, query: NDArray[np.float32], k: int) -> list[Ranked]:
        """About the `k` nearest passages: those in the query's nearest lists."""
        q = query.astype(np.float32, copy=False)
        nearest = np.argsort(-(self.centroids @ q))[: self.probe]
        rows = np.concatenate(
            [np.arange(self.offsets[c], self.offsets[c + 1]) for c in nearest]
        ).astype(np.int64)
        if rows.size == 0:
            return []
        return _top(self.ids[rows], self.matrix[rows] @ q, k)


def build_index(ids: NDArray[np.int64], matrix: NDArray[np.float32]) -> FlatIndex | IVFIndex:
    """An exact index for a small corpus, inverted lists for a large one."""
    if ids.shape[0] <= FLAT_UP_TO:
        return FlatIndex(ids, matrix)
    return IVFIndex(ids, matrix)


def default_lists(n: int) -> int:
    """How many inverted lists `n` vectors get: about the square root."""
    return max(1, int(np.sqrt(n)))


@dataclass(frozen=True)
class Centroids:
    """The learnt part of an inverted-file index: unit centroids (lists, d) and the number
    of vectors in the corpus when they were learnt."""

    vectors: NDArray[np.float32]
    trained_on: int


@dataclass(frozen=True)
class ListUpdate:
    """What loading learnt that the store lacks: the list number of each id in `ids`, and
    `centroids` when they were trained anew (then every earlier assignment is void)."""

    centroids: Centroids | None
    ids: NDArray[np.int64]
    lists: NDArray[np.int64]


def reusable(centroids: Centroids | None, n: int, dim: int) -> bool:
    """Whether stored centroids still fit a corpus of `n` vectors of size `dim`."""
    if centroids is None or centroids.vectors.ndim != 2 or centroids.vectors.shape[1] != dim:
        return False
    trained = max(centroids.trained_on, 1)
    return trained / RETRAIN_GROWTH <= n <= trained * RETRAIN_GROWTH


def load_index(
    ids: NDArray[np.int64],
    matrix: NDArray[np.float32],
    centroids: Centroids | None,
    assigned: NDArray[np.int64],
) -> tuple[FlatIndex | IVFIndex, ListUpdate | None]:
    """The index of these vectors, reusing stored centroids and list numbers when they fit.

    `assigned[i]` is the stored list of row i, -1 where none. Returns the index and what to
    store (None when nothing is new); the index equals a fresh `IVFIndex.from_centroids`
    over the same centroids, and, when trained here, `build_index`.
    """
    n = int(ids.shape[0])
    if n <= FLAT_UP_TO:
        return FlatIndex(ids, matrix), None
    if centroids is None or not reusable(centroids, n, int(matrix.shape[1])):
        learnt = _kmeans(matrix, default_lists(n), SEED)
        assign = _assign(matrix, learnt)
        index = IVFIndex.from_centroids(ids, matrix, learnt, assign)
        return index, ListUpdate(Centroids(learnt, n), ids, assign)
    assign = np.asarray(assigned, dtype=np.int64).copy()
    missing = (assign < 0) | (assign >= centroids.vectors.shape[0])
    update = None
    if missing.any():
        assign[missing] = _assign(matrix[missing], centroids.vectors)
        update = ListUpdate(None, ids[missing], assign[missing])
    return IVFIndex.from_centroids(ids, matrix, centroids.vectors, assign), update


def _kmeans(matrix: NDArray[np.float32], k: int, seed: int) -> NDArray[np.float32]:
    """Spherical k-means centroids (unit length) learnt on a sample of the rows."""
    rng = np.random.default_rng(seed)
    n = matrix.shape[0]
    sample = matrix[rng.choice(n, size=min(n, TRAIN_SAMPLE), replace=False)]
    centroids = sample[rng.choice(sample.shape[0], size=min(k, sample.shape[0]), replace=False)]
    for _ in range(KMEANS_ROUNDS):
        assign = _assign(sample, centroids)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[~empty] /= norms[~empty]
        sums[empty] = centroids[empty]  # a centroid nobody chose stays where it was
        centroids = sums
    out: NDArray[np.float32] = centroids.astype(np.float32)
    return out


def _assign(matrix: NDArray[np.float32], centroids: NDArray[np.float32]) -> NDArray[np.int64]:
    """The nearest centroid of each row, in blocks to bound memory."""
    out = np.empty(matrix.shape[0], dtype=np.int64)
    for start in range(0, matrix.shape[0], 65_536):
        block = matrix[start : start + 65_536] @ centroids.T
        out[start : start + block.shape[0]] = np.argmax(block, axis=1)
    return out
