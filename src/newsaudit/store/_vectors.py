"""Passage vectors as float32 blobs: checking what goes in, one matrix coming out."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import StoreError


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
    dims = conn.execute(
        "SELECT DISTINCT dim FROM passage_vectors WHERE model = ?", (model,)
    ).fetchall()
    if not dims:
        return np.empty(0, dtype=np.int64), np.empty((0, 0), dtype=np.float32)
    if len(dims) > 1:
        raise StoreError(
            f"vectors of {model} have several sizes ({sorted(d[0] for d in dims)}); "
            "embed the corpus again with one model"
        )
    dim = int(dims[0][0])
    found = conn.execute(
        "SELECT passage_id, vector FROM passage_vectors WHERE model = ? ORDER BY passage_id",
        (model,),
    ).fetchall()
    ids = np.fromiter((r[0] for r in found), dtype=np.int64, count=len(found))
    matrix = np.frombuffer(b"".join(r[1] for r in found), dtype=np.float32)
    return ids, matrix.reshape(len(found), dim).copy()
