"""The entailment model file: one compressed ``.npz`` of text parts, no pickles.

Inside: ``booster`` (the LightGBM model as text) and ``meta`` (JSON: format version,
feature names, embedding parts and size, class order, the claim rule's threshold and how
the model was trained).
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

FORMAT = "newsaudit.entail/1"


@dataclass(frozen=True)
class EntailModelFile:
    """The parts of an entailment model as stored on disk."""

    booster: str
    meta: dict[str, Any]


def _text(value: str) -> NDArray[np.uint8]:
    return np.frombuffer(value.encode("utf-8"), dtype=np.uint8)


def save_model(path: Path, model: EntailModelFile) -> None:
    """Write the model file (parent folders are created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = dict(model.meta, format=FORMAT)
    with path.open("wb") as handle:
        np.savez_compressed(
            handle, booster=_text(model.booster), meta=_text(json.dumps(meta, sort_keys=True))
        )


def load_model(path: Path) -> EntailModelFile:
    """Read a model file, checking its format version."""
    if not path.is_file():
        raise ModelError(
            f"entailment model {path} not found; train one with `newsaudit train verify`"
        )
    try:
        # Opened here, not by np.load, so a bad zip does not leak the file handle.
        with path.open("rb") as handle, np.load(handle, allow_pickle=False) as parts:
            meta = json.loads(bytes(parts["meta"]).decode("utf-8"))
            if not isinstance(meta, dict) or meta.get("format") != FORMAT:
                found = meta.get("format") if isinstance(meta, dict) else None
                raise ModelError(
                    f"entailment model {path} has format {found!r}, expected {FORMAT!r}; "
                    "retrain it with `newsaudit train verify`"
                )
            return EntailModelFile(booster=bytes(parts["booster"]).decode("utf-8"), meta=meta)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise ModelError(
            f"entailment model {path} is unreadable ({exc}); retrain or reinstall it"
        ) from None
