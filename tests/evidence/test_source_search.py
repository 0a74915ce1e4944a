"""A claim credited to a source is searched among that source's passages, all of them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from newsaudit import vector_index
from newsaudit.retrieval import HybridRetriever
from newsaudit.store import NewDocument, Store
from newsaudit.vector_index import FlatIndex, IVFIndex

MODEL = "fixed-8"
DIM = 8
QUERY = "How many troops crossed the border?"


def _unit(v: NDArray[np.float64]) -> NDArray[np.float32]:
    out: NDArray[np.float32] = (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)
    return out


class FixedEmbedder:
    """Embeds the one query these tests ask; passages get their vectors from the test."""

    name = MODEL
    dim = DIM

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]:
        """The query's vector: the first axis."""
        assert list(texts) == [QUERY]
        return _unit(np.eye(DIM)[:1])


def _store(path: Path, wire: int, institute: int) -> Store:
    """`wire` wire-story passages right on the query, `institute` ones further from it."""
    store = Store.open(path)
    docs = [
        NewDocument(text=f"Wire report {n} on the crossing.", origin=f"w{n}",
                    url=f"https://www.wire.example/{n}")
        for n in range(wire)
    ] + [
        NewDocument(text=f"Institute assessment {n}.", origin=f"i{n}",
                    url=f"https://understandingwar.example/{n}", published="2024-11-01")
        for n in range(institute)
    ]  # fmt: skip
    store.add_documents(docs)
    todo = store.passages_without_vectors(MODEL, limit=10 * (wire + institute))
    rng = np.random.default_rng(5)
    vectors = []
    for p in todo:
        near = 0.2 if "Institute" in p.text else 5.0  # every wire passage beats every other
        vectors.append(_unit(np.eye(DIM)[0] * near + rng.normal(size=DIM)))
    store.put_vectors([p.id for p in todo], np.stack(vectors), MODEL)
    return store


@pytest.mark.parametrize("flat_up_to", [100_000, 50])
def test_the_cited_sources_passages_are_found_behind_a_crowd_of_closer_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flat_up_to: int
) -> None:
    monkeypatch.setattr(vector_index, "FLAT_UP_TO", flat_up_to)  # exact index, then IVF
    with _store(tmp_path / "c.db", wire=400, institute=3) as store:
        retriever = HybridRetriever(store, FixedEmbedder())
        anywhere = retriever.semantic(QUERY, 5, None, None)
        assert all("Wire" in store.passage(i).text for i in anywhere)
        cited = retriever.semantic(QUERY, 5, ["understandingwar.example"], "2024-12-01")
        assert sorted(store.passage(i).text for i in cited) == [
            f"Institute assessment {n}." for n in range(3)
        ]
        assert retriever.semantic(QUERY, 5, ["understandingwar.example"], "2024-10-01") == []


def _brute(
    ids: NDArray[np.int64],
    matrix: NDArray[np.float32],
    wanted: set[int],
    q: NDArray[np.float32],
    k: int,
) -> list[int]:
    """The `k` wanted ids nearest `q`, by scanning every row."""
    scored = sorted(
        (-float(matrix[i] @ q), int(ids[i])) for i in range(len(ids)) if int(ids[i]) in wanted
    )
    return [pid for _, pid in scored[:k]]


def test_search_among_equals_a_scan_of_the_wanted_rows_in_both_indexes() -> None:
    rng = np.random.default_rng(11)
    ids = rng.permutation(np.arange(1000, 1600, dtype=np.int64))
    matrix = _unit(rng.normal(size=(600, DIM)))
    wanted = rng.choice(ids, size=40, replace=False)
    asked = np.concatenate([wanted, np.array([7, 99_999], dtype=np.int64)])  # not indexed
    q = _unit(rng.normal(size=DIM))
    expected = _brute(ids, matrix, set(wanted.tolist()), q, 10)
    for index in (FlatIndex(ids, matrix), IVFIndex(ids, matrix, lists=12)):
        assert [r.passage_id for r in index.search_among(q, asked, 10)] == expected
        assert index.search_among(q, np.array([], dtype=np.int64), 10) == []


def test_past_the_exact_limit_the_nearest_are_filtered_by_the_store_in_one_query(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsaudit import retrieval

    with _store(tmp_path / "c.db", wire=400, institute=3) as store:
        retriever = HybridRetriever(store, FixedEmbedder())
        exact = retriever.semantic(QUERY, 5, ["wire.example"], None)
        monkeypatch.setattr(retrieval, "EXACT_AMONG_UP_TO", 2)  # 400 wire, 3 institute: too many
        looked_up: list[int] = []
        monkeypatch.setattr(store, "passage", lambda pid: looked_up.append(pid))
        assert retriever.semantic(QUERY, 5, ["wire.example"], None) == exact
        assert len(exact) == 5 and looked_up == []  # no passage read one by one
        # the institute's passages lie behind every wire one: not among the nearest 100
        assert retriever.semantic(QUERY, 5, ["understandingwar.example"], None) == []
        assert retriever.semantic(QUERY, 5, ["wire.example"], "2024-12-01") == exact  # undated kept
