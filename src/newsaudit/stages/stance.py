"""Headline–body stance (FNC-1 labels) from the learned model shipped with newsaudit.

`load_stance_model(settings)` returns a `StanceModel`; its `stance(headline, body)` gives
probabilities over agree / disagree / discuss / unrelated. Analysed bodies and headlines
are cached, so scoring many headlines against one body is cheap.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import ModelError
from ..learn.data import LABELS
from ..learn.features import Featurizer
from ..learn.modelfile import StanceModelFile, load_model
from ..learn.train import import_lightgbm
from ..model import Stance
from ..settings import Settings

MODEL_NAME = "stance-fnc1.npz"


def default_model_path() -> Path:
    """Where the stance model shipped with the package lives."""
    return Path(str(resources.files("newsaudit") / "data" / "stance" / MODEL_NAME))


class StanceModel:
    """A loaded stance model: features + gradient-boosted trees + decision weights."""

    def __init__(self, parts: StanceModelFile) -> None:
        self.featurizer = Featurizer(parts.vocab, parts.idf, parts.basis, parts.words)
        if parts.meta.get("features") != self.featurizer.feature_names():
            raise ModelError(
                "stance model was trained with other features than this newsaudit computes; "
                "retrain it with `newsaudit train stance`"
            )
        lgb = import_lightgbm()
        self.meta = parts.meta
        self._booster: Any = lgb.Booster(model_str=parts.booster)
        weights = parts.meta.get("decision_weights", {})
        self.decision_weights = np.array([float(weights.get(c, 1.0)) for c in LABELS])

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> NDArray[np.float64]:
        """Class probabilities (rows: pairs; columns: `LABELS` order)."""
        if not pairs:
            return np.zeros((0, len(LABELS)))
        features = self.featurizer.matrix(pairs)
        out: NDArray[np.float64] = np.asarray(
            self._booster.predict(features, num_threads=1), dtype=np.float64
        )
        return out

    def decide(self, probabilities: NDArray[np.float64]) -> list[Stance]:
        """The label of each row: argmax of probabilities times the decision weights."""
        picks = np.argmax(probabilities * self.decision_weights, axis=1)
        return [LABELS[int(i)] for i in picks]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[Stance]:
        """The stance label of each (headline, body) pair."""
        return self.decide(self.probabilities(pairs))

    def stance(self, headline: str, body: str) -> dict[str, float]:
        """Probabilities over agree, disagree, discuss and unrelated for one pair."""
        row = self.probabilities([(headline, body)])[0]
        return {label: float(p) for label, p in zip(LABELS, row)}

    def stance_batch(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """`stance` for many pairs at once (faster: one call into the trees)."""
        rows = self.probabilities(pairs)
        return [{label: float(p) for label, p in zip(LABELS, row)} for row in rows]


@functools.lru_cache(maxsize=4)
def _load(path: str) -> StanceModel:
    return StanceModel(load_model(Path(path)))


def load_stance_model(settings: Settings | None = None, path: Path | None = None) -> StanceModel:
    """The stance model from `path`, the `stance_model` setting, or the shipped one (cached)."""
    chosen = path or (Path(settings.stance_model) if settings and settings.stance_model else None)
    return _load(str((chosen or default_model_path()).resolve()))
