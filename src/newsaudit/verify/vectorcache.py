"""A file of sentence vectors keyed by text hash, so retraining does not re-embed.

Embedding the training sets is most of a training run's time on CPU; the vectors depend
only on the text and the embedding model, so they are kept in one ``.npz`` (hex SHA-256
keys and a float32 matrix) named after nothing else. A file from another embedding model
is refused by its recorded model name and size.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from ..errors import ModelError

Embed = Callable[[Sequence[str]], NDArray[np.float32]]


def text_key(text: str) -> str:
    """The cache key of a text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class VectorCache:
    """Vectors of texts already embedded, backed by an optional file."""

    def __init__(self, embed: Embed, model_name: str, dim: int, path: Path | None) -> None:
        self._embed = embed
        self.model_name = model_name
        self.dim = dim
        self.path = path
        self.vectors: dict[str, NDArray[np.float32]] = {}
        if path is not None and path.is_file():
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            with path.open("rb") as handle, np.load(handle, allow_pickle=False) as parts:
                name = str(parts["model"])
                keys = [str(k) for k in parts["keys"]]
                matrix = parts["vectors"].astype(np.float32)
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            raise ModelError(f"vector cache {path} is unreadable ({exc}); delete it") from None
        if name != self.model_name or matrix.shape[1:] != (self.dim,):
            raise ModelError(
                f"vector cache {path} holds vectors of {name!r}, not {self.model_name!r}; "
                "delete it or give another --cache file"
            )
        self.vectors = dict(zip(keys, matrix))

    def __call__(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Vectors of `texts`, embedding (and remembering) only the ones not seen before."""
        keys = [text_key(t) for t in texts]
        missing = sorted({t for t, k in zip(texts, keys) if k not in self.vectors})
        if missing:
            for text, vector in zip(missing, self._embed(missing)):
                self.vectors[text_key(text)] = vector
            self.save()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.vectors[k] for k in keys]).astype(np.float32)

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]:
        """The `Embedder.embed` interface over the cache (`batch_size` is the embedder's)."""
        return self(texts)

    def save(self) -> None:
        """Write the cache file (when there is one)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self.vectors)
        matrix = np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, self.dim))
        with self.path.open("wb") as handle:
            np.savez(
                handle,
                model=np.array(self.model_name),
                keys=np.array(keys),
                vectors=matrix.astype(np.float32),
            )
