"""Passage vectors as float32 blobs (checking what goes in, one matrix coming out), and the
centroids and list numbers of their inverted-file index."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import StoreError

READ_CHUNK = 16_384  # rows a fetch: about 25 MB of 384-dimensional vectors


def rows(
    passage_ids: Sequence[int] | NDArray[np.int64], matrix: NDArray[Any], model: str
) -> list[tuple[int, str, int, bytes]]:
    """Rows for `passage_vectors`, after checking the ids, the shape and the model name."""
    if not model:
        raise StoreError("vectors need the name of the model that made them")
    vectors = np.asarray(matrix, dtype=np.float32)
    ids = np.asarray(passage_ids, dtype=np.int64).reshape(-1)
    if vectors.ndim != 2 or vectors.shape[0] != ids.shape[0]:
        raise StoreError(
            f"vectors must be a matrix with one row per passage id: got shape "
            f"{vectors.shape} for {ids.shape[0]} ids"
        )
    if not np.all(np.isfinite(vectors)):
        raise StoreError(f"vectors from {model} hold NaN or infinite values; check the model")
    dim = int(vectors.shape[1])
    vectors = np.ascontiguousarray(vectors)
    return [(int(i), model, dim, vectors[n].tobytes()) for n, i in enumerate(ids)]


def load(conn: sqlite3.Connection, model: str) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    """Every vector of `model`, by passage id: ids (n,) and a float32 matrix (n, d)."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # the count and the rows from one snapshot
    try:
        return _read(conn, model)
    finally:
        if own:
            conn.execute("COMMIT")


def _read(conn: sqlite3.Connection, model: str) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    # Read in chunks into one preallocated matrix, in storage order, and sort by id in numpy:
    # `ORDER BY passage_id` made SQLite sort 1.5 GB of blobs at a million passages, and
    # holding every row before joining them tripled the memory.
    count = int(
        conn.execute("SELECT count(*) FROM passage_vectors WHERE model = ?", (model,)).fetchone()[0]
    )
    ids = np.empty(count, dtype=np.int64)
    matrix = np.empty((0, 0), dtype=np.float32)
    cursor = conn.execute(
        "SELECT passage_id, dim, vector FROM passage_vectors WHERE model = ?", (model,)
    )
    dim, at = 0, 0
    while chunk := cursor.fetchmany(READ_CHUNK):
        dims = {int(r[1]) for r in chunk}
        if at == 0:
            dim = min(dims)
            matrix = np.empty((count, dim), dtype=np.float32)
        if dims != {dim}:
            raise StoreError(
                f"vectors of {model} have several sizes ({sorted(dims | {dim})}); "
                "embed the corpus again with one model"
            )
        block = b"".join(r[2] for r in chunk)
        if len(block) != 4 * dim * len(chunk):
            raise StoreError(f"vectors of {model} are damaged; embed the corpus again")
        ids[at : at + len(chunk)] = [r[0] for r in chunk]
        matrix[at : at + len(chunk)] = np.frombuffer(block, dtype=np.float32).reshape(-1, dim)
        at += len(chunk)
    if count == 0:
        return ids, matrix
    if np.any(ids[1:] <= ids[:-1]):  # vectors replaced later sit at the end
        order = np.argsort(ids, kind="stable")
        ids, matrix = ids[order], matrix[order]
    return ids, matrix


@dataclass(frozen=True)
class StoredCentroids:
    """The k-means centroids kept for one model's inverted lists, and when they were made."""

    model: str
    centroids: NDArray[np.float32]
    trained_on: int
    created_at: str


def load_centroids(conn: sqlite3.Connection, model: str) -> StoredCentroids | None:
    """The stored centroids of `model`, or None when it has none."""
    row = conn.execute(
        "SELECT lists, dim, centroids, trained_on, created_at FROM vector_centroids "
        "WHERE model = ?",
        (model,),
    ).fetchone()
    if row is None:
        return None
    lists, dim, blob, trained_on, created_at = row
    if len(blob) != 4 * int(lists) * int(dim):
        return None  # a damaged row: the index is trained again and the row replaced
    matrix = np.frombuffer(blob, dtype=np.float32).reshape(int(lists), int(dim)).copy()
    return StoredCentroids(model, matrix, int(trained_on), str(created_at))


def load_lists(conn: sqlite3.Connection, model: str, ids: NDArray[np.int64]) -> NDArray[np.int64]:
    """The stored list number of each id in `ids` (sorted ascending), -1 where none."""
    out = np.full(ids.shape[0], -1, dtype=np.int64)
    found = conn.execute(
        "SELECT passage_id, list FROM passage_lists WHERE model = ?", (model,)
    ).fetchall()
    if not found or ids.shape[0] == 0:
        return out
    pairs = np.array(found, dtype=np.int64)
    at = np.searchsorted(ids, pairs[:, 0])
    known = at < ids.shape[0]
    known[known] = ids[at[known]] == pairs[known, 0]  # ids without a vector are left out
    out[at[known]] = pairs[known, 1]
    return out


def save_centroids(
    conn: sqlite3.Connection,
    model: str,
    centroids: NDArray[np.float32],
    trained_on: int,
    created_at: str,
    ids: NDArray[np.int64],
    lists: NDArray[np.int64],
) -> None:
    """Replace `model`'s centroids and every list assignment; the caller holds the transaction."""
    matrix = np.ascontiguousarray(centroids, dtype=np.float32)
    if matrix.ndim != 2 or ids.shape[0] != lists.shape[0]:
        raise StoreError(
            f"centroids must be a matrix and every id needs a list: got shape {matrix.shape} "
            f"and {ids.shape[0]} ids for {lists.shape[0]} lists"
        )
    conn.execute("DELETE FROM vector_centroids WHERE model = ?", (model,))  # and its lists
    conn.execute("DELETE FROM passage_lists WHERE model = ?", (model,))  # with foreign keys off
    conn.execute(
        "INSERT INTO vector_centroids (model, lists, dim, centroids, trained_on, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            model,
            int(matrix.shape[0]),
            int(matrix.shape[1]),
            matrix.tobytes(),
            trained_on,
            created_at,
        ),
    )
    _insert_lists(conn, model, ids, lists)


def save_lists(
    conn: sqlite3.Connection,
    model: str,
    created_at: str,
    ids: NDArray[np.int64],
    lists: NDArray[np.int64],
) -> bool:
    """Record list numbers made with the centroids of `created_at`; False (nothing written)
    when another process replaced those centroids meanwhile. The caller holds the transaction."""
    row = conn.execute(
        "SELECT created_at FROM vector_centroids WHERE model = ?", (model,)
    ).fetchone()
    if row is None or row[0] != created_at:
        return False
    _insert_lists(conn, model, ids, lists)
    return True


def _insert_lists(
    conn: sqlite3.Connection, model: str, ids: NDArray[np.int64], lists: NDArray[np.int64]
) -> None:
    order = np.argsort(ids, kind="stable")  # in key order: appends to the b-tree
    conn.executemany(
        "INSERT OR REPLACE INTO passage_lists (passage_id, model, list) VALUES (?, ?, ?)",
        zip(ids[order].tolist(), [model] * len(order), lists[order].tolist(), strict=True),
    )
