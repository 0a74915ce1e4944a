"""The sentence-vector cache used by `train verify --cache`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from newsaudit.errors import ModelError
from newsaudit.verify.vectorcache import VectorCache


class CountingEmbed:
    """A fake embedder that records what it was asked to embed."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self.seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_texts_are_embedded_once_and_survive_a_reload(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    first = CountingEmbed()
    cache = VectorCache(first, "toy", 2, path)
    out = cache(["ab", "abc", "ab"])
    assert out.tolist() == [[2, 1], [3, 1], [2, 1]]
    assert sorted(first.seen) == ["ab", "abc"]
    second = CountingEmbed()
    again = VectorCache(second, "toy", 2, path)
    assert again.embed(["abc", "abcd"]).tolist() == [[3, 1], [4, 1]]
    assert second.seen == ["abcd"]


def test_a_cache_of_another_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    VectorCache(CountingEmbed(), "toy", 2, path)(["x"])
    with pytest.raises(ModelError, match="not 'other'"):
        VectorCache(CountingEmbed(), "other", 2, path)


def test_a_corrupt_cache_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    path.write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="unreadable"):
        VectorCache(CountingEmbed(), "toy", 2, path)
