"""The stance model file: one compressed ``.npz`` holding arrays and text, no pickles.

Inside: ``vocab`` (UTF-8, one stem a line), ``words`` (the counted cue
vocabulary, one word a line), ``idf`` and ``basis`` (float32 arrays), ``booster``
(the LightGBM model as text) and ``meta`` (JSON: format version, feature names, class
order, decision weights, how it was trained).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import ModelError

FORMAT = "newsaudit.stance/1"


@dataclass(frozen=True)
class StanceModelFile:
    """The parts of a stance model as stored on disk."""

    vocab: list[str]
    idf: NDArray[np.float32]
    basis: NDArray[np.float32]
    booster: str
    words: list[str]
    meta: dict[str, Any]


def _text(value: str) -> NDArray[np.uint8]:
    return np.frombuffer(value.encode("utf-8"), dtype=np.uint8)


def save_model(path: Path, model: StanceModelFile) -> None:
    """Write the model file (parent folders are created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = dict(model.meta, format=FORMAT)
    with path.open("wb") as handle:
        np.savez_compressed(
            handle,
            vocab=_text("\n".join(model.vocab)),
            idf=model.idf.astype(np.float32),
            basis=model.basis.astype(np.float16),
            booster=_text(model.booster),
            words=_text("\n".join(model.words)),
            meta=_text(json.dumps(meta, sort_keys=True)),
        )


def load_model(path: Path) -> StanceModelFile:
    """Read a model file, checking its format version."""
    if not path.is_file():
        raise ModelError(f"stance model {path} not found; train one with `newsaudit train stance`")
    try:
        with np.load(path, allow_pickle=False) as parts:
            meta = json.loads(bytes(parts["meta"]).decode("utf-8"))
            if meta.get("format") != FORMAT:
                raise ModelError(
                    f"stance model {path} has format {meta.get('format')!r}, expected {FORMAT!r}; "
                    "retrain it with this version of newsaudit"
                )
            return StanceModelFile(
                vocab=bytes(parts["vocab"]).decode("utf-8").split("\n"),
                idf=parts["idf"].astype(np.float32),
                basis=parts["basis"].astype(np.float32),
                booster=bytes(parts["booster"]).decode("utf-8"),
                words=[w for w in bytes(parts["words"]).decode("utf-8").split("\n") if w],
                meta=meta,
            )
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ModelError(
            f"stance model {path} is unreadable ({exc}); retrain or reinstall"
        ) from None
