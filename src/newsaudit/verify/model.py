"""The claim–evidence entailment model: MiniLM embeddings + lexical features + boosted trees.

`load_entailer(settings)` returns an `Entailer`; `judge(pairs)` gives, for each (claim,
evidence) pair, probabilities of "supports", "refutes" and "neutral". `claim_verdict`
reads a claim against all its evidence sentences at once (COVID-Fact style) and decides
supports or refutes by the threshold tuned on the development split.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from ..embed import load_embedder
from ..errors import ModelError
from ..settings import Settings
from .data import LABELS, Label
from .features import feature_names, pair_matrix

MODEL_NAME = "entail-minilm.npz"
DEFAULT_REFUTE_THRESHOLD = 0.5


def default_model_path() -> Path:
    """Where the entailment model shipped with the package lives."""
    return Path(str(resources.files("newsaudit") / "data" / "entail" / MODEL_NAME))


def import_lightgbm() -> Any:
    """The lightgbm module, or a ModelError saying how to install it."""
    try:
        import lightgbm
    except ImportError:
        raise ModelError(
            "the entailment model needs lightgbm; install it with `pip install lightgbm`"
        ) from None
    return lightgbm


class TextEncoder(Protocol):
    """What the entailer needs of a sentence embedder."""

    dim: int

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]:
        """One unit row per text."""
        ...


def embed_pairs(
    embedder: TextEncoder, pairs: Sequence[tuple[str, str]]
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """Claim and evidence vectors of each pair; every distinct text is embedded once."""
    texts = sorted({t for pair in pairs for t in pair})
    index = {t: i for i, t in enumerate(texts)}
    vectors = embedder.embed(texts)
    claims = vectors[[index[c] for c, _ in pairs]]
    evidence = vectors[[index[e] for _, e in pairs]]
    return claims, evidence


class Entailer:
    """A loaded entailment model; `judge` is the one method the verdict stage calls."""

    def __init__(self, booster: str, meta: dict[str, Any], embedder: TextEncoder) -> None:
        self.meta = meta
        self.embedder = embedder
        self.parts: tuple[str, ...] = tuple(meta.get("embedding_parts", ()))
        if meta.get("embedding_dim") != embedder.dim or meta.get("features") != feature_names(
            self.parts, embedder.dim
        ):
            raise ModelError(
                "the entailment model was trained with other features or another embedding "
                "model than this newsaudit computes; retrain it with `newsaudit train verify`"
            )
        if list(meta.get("classes", [])) != list(LABELS):
            raise ModelError("the entailment model's classes are not supports/refutes/neutral")
        self.refute_threshold = float(meta.get("refute_threshold", DEFAULT_REFUTE_THRESHOLD))
        self._booster: Any = import_lightgbm().Booster(model_str=booster)

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> NDArray[np.float64]:
        """Class probabilities (rows: pairs; columns: `LABELS` order)."""
        if not pairs:
            return np.zeros((0, len(LABELS)))
        claims, evidence = embed_pairs(self.embedder, pairs)
        features = pair_matrix(pairs, claims, evidence, self.parts)
        out: NDArray[np.float64] = np.asarray(
            self._booster.predict(features, num_threads=1), dtype=np.float64
        )
        return out.reshape(len(pairs), len(LABELS))

    def judge(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """Probabilities of "supports", "refutes" and "neutral" for each (claim, evidence)."""
        rows = self.probabilities(pairs)
        return [{label: float(p) for label, p in zip(LABELS, row)} for row in rows]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[Label]:
        """The most probable label of each pair."""
        return [LABELS[int(i)] for i in np.argmax(self.probabilities(pairs), axis=1)]

    def claim_verdicts(self, claims: Sequence[tuple[str, Sequence[str]]]) -> list[Label]:
        """Supports or refutes for each claim read against all its evidence sentences."""
        pairs = [(claim, " ".join(evidence)) for claim, evidence in claims]
        return refute_rule(self.probabilities(pairs), self.refute_threshold)


def refute_rule(probabilities: NDArray[np.float64], threshold: float) -> list[Label]:
    """Refutes when P(refutes) / (P(refutes) + P(supports)) exceeds `threshold`.

    Neutral mass is left out: a two-way set asks which of the two the evidence favours.
    """
    supports, refutes = probabilities[:, 0], probabilities[:, 1]
    share = refutes / np.maximum(supports + refutes, 1e-12)
    return ["refutes" if s > threshold else "supports" for s in share]


def _resolve(settings_or_path: Settings | str | Path | None) -> Path:
    if isinstance(settings_or_path, Settings):
        settings_or_path = settings_or_path.entailment_model or None
    if settings_or_path is None or str(settings_or_path) == "":
        return default_model_path()
    return Path(settings_or_path).expanduser().resolve()


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> Entailer:
    from .modelfile import load_model

    parts = load_model(path)
    return Entailer(parts.booster, parts.meta, load_embedder())


def load_entailer(settings_or_path: Settings | str | Path | None = None) -> Entailer:
    """The entailment model for these settings (or file), loaded once and cached."""
    return _load(_resolve(settings_or_path))
