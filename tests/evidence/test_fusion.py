"""Reciprocal rank fusion and the in-memory dense index."""

from __future__ import annotations

import numpy as np

from newsaudit.retrieval import fuse
from newsaudit.vector_index import FlatIndex, IVFIndex


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
    index = FlatIndex(ids, matrix)
    query = matrix[42] + 0.01 * rng.normal(size=16).astype(np.float32)
    query /= np.linalg.norm(query)
    hits = index.search(query, 5)
    assert hits[0].passage_id == 1042
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    exact = np.argsort(-(matrix @ query))[:5] + 1000
    assert [h.passage_id for h in hits] == list(exact)


def test_empty_index() -> None:
    index = FlatIndex(np.zeros(0, np.int64), np.zeros((0, 16), np.float32))
    assert index.search(np.ones(16, np.float32), 3) == []


def test_inverted_lists_find_what_the_exact_scan_finds() -> None:
    rng = np.random.default_rng(5)
    centres = rng.normal(size=(40, 32)).astype(np.float32)
    rows = centres[rng.integers(0, 40, size=4000)] + 0.3 * rng.normal(size=(4000, 32))
    matrix = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    ids = np.arange(4000, dtype=np.int64)
    exact, ivf = FlatIndex(ids, matrix), IVFIndex(ids, matrix, lists=64)
    assert len(ivf) == 4000 and sorted(ivf.ids.tolist()) == ids.tolist()
    found = 0
    for i in range(0, 4000, 200):
        want = {r.passage_id for r in exact.search(matrix[i], 10)}
        got = {r.passage_id for r in ivf.search(matrix[i], 10)}
        assert i in got  # a stored vector finds itself
        found += len(want & got)
    assert found / (20 * 10) >= 0.7


class CountingEmbedder:
    """Embeds by hashing words; counts its calls."""

    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: object, batch_size: int = 32) -> np.ndarray:
        self.calls += 1
        rows = []
        for text in texts:  # type: ignore[attr-defined]
            v = np.zeros(16, np.float32)
            for word in str(text).split():
                v[hash(word) % 16] += 1.0
            rows.append(v / max(float(np.linalg.norm(v)), 1e-9))
        return np.array(rows, np.float32)


def test_a_claim_searched_twice_is_embedded_once() -> None:
    from newsaudit.retrieval import HybridRetriever
    from newsaudit.store import Store
    from newsaudit.store.records import NewDocument

    store = Store.open(":memory:")
    store.add_document(NewDocument(text="Ferries sailed at dawn.", origin="a", domain="a.example"))
    embedder = CountingEmbedder()
    retriever = HybridRetriever(store, embedder)
    ids = np.array([p.id for p in store.passages(1)], np.int64)
    store.put_vectors(ids, embedder.embed(["Ferries sailed at dawn."]), embedder.name)
    embedder.calls = 0
    retriever.retrieve("ferries at dawn", 3, domains=["a.example"])
    retriever.retrieve("ferries at dawn", 3)
    assert embedder.calls == 1
    retriever.retrieve("another claim", 3)
    assert embedder.calls == 2
