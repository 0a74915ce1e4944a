"""The inverted lists kept in the store: a new process reuses them instead of clustering."""

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

MODEL = "random-16"
DIM = 16
PER_DOC = 3  # passages a generated document splits into


class NoEmbedder:
    """The retriever's embedder; these tests search with vectors, never with text."""

    name = MODEL
    dim = DIM

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]:
        """Never called: a test that embeds text has gone wrong."""
        raise AssertionError("no text is embedded in these tests")


@pytest.fixture(autouse=True)
def small_corpus_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vector_index, "FLAT_UP_TO", 500)


def _add(store: Store, docs: int, first: int, rng: np.random.Generator) -> NDArray[np.int64]:
    """Add `docs` documents of PER_DOC passages with random unit vectors; their passage ids."""
    paragraphs = ("Ferries crossed the bay at {n}.", "The pier {n} opened.", "Rain {n} fell.")
    store.add_documents(
        NewDocument(
            text="\n\n".join(p.format(n=first + d) for p in paragraphs),
            origin=f"doc {first + d}",
        )
        for d in range(docs)
    )
    todo = store.passages_without_vectors(MODEL, limit=10 * docs * PER_DOC)
    ids = np.array([p.id for p in todo], dtype=np.int64)
    vectors = rng.normal(size=(ids.shape[0], DIM)).astype(np.float32)
    store.put_vectors(ids, vectors / np.linalg.norm(vectors, axis=1, keepdims=True), MODEL)
    return ids


def _queries(rng: np.random.Generator, n: int = 20) -> NDArray[np.float32]:
    q = rng.normal(size=(n, DIM)).astype(np.float32)
    return q / np.linalg.norm(q, axis=1, keepdims=True)


def _results(index: FlatIndex | IVFIndex, queries: NDArray[np.float32]) -> list[list[int]]:
    return [[r.passage_id for r in index.search(q, 10)] for q in queries]


def _no_training(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> NDArray[np.float32]:
        raise AssertionError("k-means ran although the store keeps centroids")

    monkeypatch.setattr(vector_index, "_kmeans", refuse)


def _dense(path: Path) -> IVFIndex:
    """The dense index as a new process loads it: a fresh store and retriever."""
    with Store.open(path) as store:
        index = HybridRetriever(store, NoEmbedder()).dense
    assert isinstance(index, IVFIndex)
    return index


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lists.db"
    with Store.open(path) as store:
        ids = _add(store, 1000, 0, np.random.default_rng(1))
    assert ids.shape[0] == 1000 * PER_DOC
    return path


def test_a_second_process_reuses_the_centroids_and_finds_the_same(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _dense(db)
    with Store.open(db) as store:
        stored = store.vector_centroids(MODEL)
        assert stored is not None and stored.trained_on == 3000
        assert np.array_equal(stored.centroids, first.centroids)
        n = store.conn.execute("SELECT count(*) FROM passage_lists").fetchone()[0]
        assert n == 3000
    _no_training(monkeypatch)
    second = _dense(db)
    queries = _queries(np.random.default_rng(2))
    assert _results(second, queries) == _results(first, queries)
    assert np.array_equal(second.ids, first.ids) and np.array_equal(second.offsets, first.offsets)


def test_the_stored_index_equals_one_built_afresh_on_the_same_centroids(db: Path) -> None:
    _dense(db)
    second = _dense(db)
    with Store.open(db) as store:
        ids, matrix = store.vectors(MODEL)
    centroids = second.centroids
    fresh = IVFIndex.from_centroids(ids, matrix, centroids, vector_index._assign(matrix, centroids))
    queries = _queries(np.random.default_rng(3))
    assert _results(second, queries) == _results(fresh, queries)
    trained = IVFIndex(ids, matrix)  # what every process built before the lists were kept
    assert _results(second, queries) == _results(trained, queries)


def test_new_passages_are_assigned_stored_and_found(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _dense(db)
    rng = np.random.default_rng(4)
    with Store.open(db) as store:
        added = _add(store, 200, 5000, rng)  # 3,600 vectors: within the retrain rule
        ids, matrix = store.vectors(MODEL)
    _no_training(monkeypatch)
    second = _dense(db)
    assert np.array_equal(second.centroids, first.centroids)
    assert len(second) == 3600
    with Store.open(db) as store:
        lists = store.vector_lists(MODEL, ids)
    assert (lists >= 0).all()  # the new ones were written back
    want = vector_index._assign(matrix, first.centroids)
    assert np.array_equal(lists, want)
    for pid in added[:: len(added) // 10]:
        query = matrix[np.searchsorted(ids, pid)]
        assert second.search(query, 1)[0].passage_id == pid  # a new vector finds itself


def test_growth_past_the_retrain_rule_trains_again(db: Path) -> None:
    first = _dense(db)
    with Store.open(db) as store:
        _add(store, 1100, 5000, np.random.default_rng(5))  # 6,300 > 2 x 3,000
    calls: list[int] = []
    kmeans = vector_index._kmeans

    def counting(matrix: NDArray[np.float32], k: int, seed: int) -> NDArray[np.float32]:
        calls.append(k)
        return kmeans(matrix, k, seed)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vector_index, "_kmeans", counting)
        second = _dense(db)
    assert calls == [vector_index.default_lists(6300)]
    assert second.lists != first.lists
    with Store.open(db) as store:
        stored = store.vector_centroids(MODEL)
        assert stored is not None and stored.trained_on == 6300
        assert np.array_equal(stored.centroids, second.centroids)
        n = store.conn.execute("SELECT count(*), max(list) FROM passage_lists").fetchone()
        assert n == (6300, second.lists - 1)


def test_removing_a_document_takes_its_list_numbers_and_loading_still_works(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _dense(db)
    with Store.open(db) as store:
        doc = store.documents(limit=1)[0].id
        gone = [p.id for p in store.passages(doc)]
        store.remove_document(doc)
        kept = {r[0] for r in store.conn.execute("SELECT passage_id FROM passage_lists")}
        assert len(kept) == 3000 - len(gone) and not set(gone) & kept
    _no_training(monkeypatch)
    second = _dense(db)
    assert len(second) == len(first) - len(gone)
    assert not set(gone) & set(second.ids.tolist())
    queries = _queries(np.random.default_rng(6))
    for before, after in zip(_results(first, queries), _results(second, queries), strict=True):
        kept = [pid for pid in before if pid not in gone]
        assert after[: len(kept)] == kept  # the same ranking, less the removed passages


def test_list_numbers_left_behind_without_foreign_keys_are_ignored(db: Path) -> None:
    _dense(db)
    with Store.open(db) as store:
        store.conn.execute("PRAGMA foreign_keys = OFF")  # as another SQLite tool might
        store.conn.execute("DELETE FROM passage_vectors WHERE passage_id IN (1, 2)")
        store.conn.execute("UPDATE passage_lists SET list = 99999 WHERE passage_id = 3")
        assert store.conn.execute("SELECT count(*) FROM passage_lists").fetchone()[0] == 3000
    index = _dense(db)
    assert len(index) == 2998 and not {1, 2} & set(index.ids.tolist())
    with Store.open(db) as store:
        ids, matrix = store.vectors(MODEL)
        row = int(np.searchsorted(ids, 3))
        assert (
            store.vector_lists(MODEL, ids)[row]
            == vector_index._assign(matrix[row : row + 1], index.centroids)[0]
        )


def test_a_new_vector_for_a_passage_is_assigned_again(db: Path) -> None:
    first = _dense(db)
    target = first.centroids[0] + 0.01
    vector = (target / np.linalg.norm(target)).astype(np.float32)
    with Store.open(db) as store:
        ids, _ = store.vectors(MODEL)
        store.put_vectors([int(ids[7])], vector[None, :], MODEL)
        assert store.vector_lists(MODEL, ids)[7] == -1  # the old list went with the old vector
    second = _dense(db)
    assert second.search(vector, 1)[0].passage_id == ids[7]
    with Store.open(db) as store:
        assert store.vector_lists(MODEL, ids)[7] == 0


def test_a_small_corpus_stays_exact_and_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "small.db"
    with Store.open(path) as store:
        _add(store, 100, 0, np.random.default_rng(7))
        index = HybridRetriever(store, NoEmbedder()).dense
        assert isinstance(index, FlatIndex) and len(index) == 300
        assert store.vector_centroids(MODEL) is None
        assert store.conn.execute("SELECT count(*) FROM passage_lists").fetchone()[0] == 0


def test_centroids_trained_by_another_process_meanwhile_win(db: Path) -> None:
    _dense(db)
    with Store.open(db) as store:
        old = store.vector_centroids(MODEL)
        assert old is not None
        ids, _ = store.vectors(MODEL)
        newer = store.put_vector_centroids(
            MODEL, old.centroids[::-1].copy(), 3000, ids[:10], np.zeros(10, np.int64)
        )
        assert not store.put_vector_lists(old, ids[10:20], np.zeros(10, np.int64))
        assert store.put_vector_lists(newer, ids[10:20], np.ones(10, np.int64))
        lists = store.vector_lists(MODEL, ids)
    assert (lists[:10] == 0).all() and (lists[10:20] == 1).all() and (lists[20:] == -1).all()
