"""Reciprocal rank fusion and the in-memory dense index."""

from __future__ import annotations

import numpy as np

from newsaudit.retrieval import DenseIndex, fuse


def test_fusion_rewards_passages_both_lists_rank() -> None:
    fused = fuse([1, 2, 3], [3, 4, 1])
    order = [r.passage_id for r in fused]
    assert order[:2] == [1, 3]  # in both lists
    assert set(order) == {1, 2, 3, 4}
    assert fused[0].score == 1 / 61 + 1 / 63


def test_fusion_of_one_list_keeps_its_order() -> None:
    assert [r.passage_id for r in fuse([5, 9, 7], [])] == [5, 9, 7]


def test_dense_index_finds_nearest_by_cosine() -> None:
    rng = np.random.default_rng(3)
    matrix = rng.normal(size=(500, 16)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    ids = np.arange(1000, 1500, dtype=np.int64)
    index = DenseIndex(ids, matrix)
    query = matrix[42] + 0.01 * rng.normal(size=16).astype(np.float32)
    query /= np.linalg.norm(query)
    hits = index.search(query, 5)
    assert hits[0].passage_id == 1042
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    exact = np.argsort(-(matrix @ query))[:5] + 1000
    assert [h.passage_id for h in hits] == list(exact)


def test_empty_index() -> None:
    index = DenseIndex(np.zeros(0, np.int64), np.zeros((0, 16), np.float32))
    assert index.search(np.ones(16, np.float32), 3) == []
