"""Nearest passages by cosine similarity: exact for small corpora, inverted lists for large.

Up to `FLAT_UP_TO` passages one matrix-vector product over every vector is exact and fast.
Beyond that, scanning a million 384-dimensional vectors reads 1.5 GB per query, so the
vectors are grouped around k-means centroids (an inverted file, IVF): a query scans only
the lists of its `probe` nearest centroids. Everything is numpy; the clustering is seeded,
so the same vectors give the same index.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FLAT_UP_TO = 200_000
TRAIN_SAMPLE = 32_768  # vectors the centroids are learnt from
KMEANS_ROUNDS = 8
PROBE_SHARE = 0.02  # share of the lists a query scans


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


class FlatIndex:
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


class IVFIndex:
    """Vectors grouped by their nearest k-means centroid; a query scans a few groups."""

    def __init__(
        self,
        ids: NDArray[np.int64],
        matrix: NDArray[np.float32],
        lists: int | None = None,
        seed: int = 13,
    ) -> None:
        n = int(ids.shape[0])
        self.lists = lists or max(1, int(np.sqrt(n)))
        self.probe = max(1, int(np.ceil(self.lists * PROBE_SHARE)))
        self.centroids = _kmeans(matrix, self.lists, seed)
        assign = _assign(matrix, self.centroids)
        order = np.argsort(assign, kind="stable")
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
