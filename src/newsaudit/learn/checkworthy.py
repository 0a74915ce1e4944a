"""The learned check-worthiness model: sentence features from the parse, a logistic regression.

Features are strings counted once per sentence: lower-cased words and word pairs (numbers
folded to ``<num>``), the entity labels and fine part-of-speech tags present, a length
bucket, and cues (a number, first person, a question). A row is L2-normalised and
scored by a linear model; the probability is the logistic of that score.

The model file is one compressed ``.npz`` with no pickles: ``vocab`` (UTF-8, one feature a
line), ``weights`` (float32, one per feature), ``meta`` (JSON: format, bias, the decision
values' quantiles on the training sentences, how it was trained).
"""

from __future__ import annotations

import itertools
import json
import math
import zipfile
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]  # scipy ships no type information

from ..errors import ModelError

FORMAT = "newsaudit.checkworthy/1"
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})
_LENGTHS = (3, 6, 10, 15, 20, 30, 45)


def _word(token: Any) -> str:
    if token.like_num or any(c.isdigit() for c in token.text):
        return "<num>"
    return str(token.lower_)


def sentence_features(tokens: Sequence[Any]) -> set[str]:
    """The feature strings of one sentence (or clause) from its spaCy tokens."""
    content = [t for t in tokens if not t.is_space]
    words = [_word(t) for t in content if not t.is_punct]
    found: set[str] = {f"w:{w}" for w in words}
    padded = ["<s>", *words, "</s>"]
    found.update(f"b:{a} {b}" for a, b in itertools.pairwise(padded))
    found.update(f"tag:{t.tag_}" for t in content if t.tag_)
    found.update(f"ent:{t.ent_type_}" for t in content if t.ent_type_)
    length = len(words)
    found.add(f"len:{next((i for i, top in enumerate(_LENGTHS) if length <= top), len(_LENGTHS))}")
    if any(w == "<num>" for w in words):
        found.add("cue:number")
    if any(w in _FIRST_PERSON for w in words):
        found.add("cue:first_person")
    if content and content[-1].text == "?":
        found.add("cue:question")
    return found


def feature_matrix(rows: Iterable[AbstractSet[str]], index: dict[str, int]) -> Any:
    """Rows of feature sets as an L2-normalised sparse matrix over a vocabulary index."""
    indptr = [0]
    columns: list[int] = []
    values: list[float] = []
    for row in rows:
        known = sorted(index[f] for f in row if f in index)
        columns.extend(known)
        values.extend([1.0 / math.sqrt(len(known))] * len(known) if known else [])
        indptr.append(len(columns))
    return sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), np.asarray(columns, dtype=np.int64), indptr),
        shape=(len(indptr) - 1, len(index)),
    )


@dataclass(frozen=True)
class CheckworthyModel:
    """A linear model over sentence features; scores are probabilities in [0, 1]."""

    vocab: tuple[str, ...]
    weights: NDArray[np.float32]
    bias: float
    quantiles: NDArray[np.float32]
    meta: dict[str, Any]

    @property
    def index(self) -> dict[str, int]:
        """Feature string -> column."""
        return {f: i for i, f in enumerate(self.vocab)}

    def decision(self, rows: Sequence[AbstractSet[str]]) -> NDArray[np.float64]:
        """The linear score of each row of features."""
        matrix = feature_matrix(rows, self.index)
        return np.asarray(matrix @ self.weights.astype(np.float64) + self.bias, dtype=np.float64)

    def probability(self, rows: Sequence[AbstractSet[str]]) -> NDArray[np.float64]:
        """The probability that each sentence is check-worthy."""
        return np.asarray(1.0 / (1.0 + np.exp(-self.decision(rows))), dtype=np.float64)

    def percentile(self, rows: Sequence[AbstractSet[str]]) -> NDArray[np.float64]:
        """Where each score falls among the training sentences' scores, in [0, 1]."""
        steps = np.linspace(0.0, 1.0, len(self.quantiles))
        return np.asarray(np.interp(self.decision(rows), self.quantiles, steps), dtype=np.float64)


class LinearScorer:
    """Scores token lists with a model, building the feature index once."""

    def __init__(self, model: CheckworthyModel) -> None:
        self.model = model
        self._index = model.index
        self._weights = model.weights.astype(np.float64)
        self._steps = np.linspace(0.0, 1.0, len(model.quantiles))

    def decision(self, tokens: Sequence[Any]) -> float:
        """The linear score of one sentence."""
        known = [self._index[f] for f in sentence_features(tokens) if f in self._index]
        if not known:
            return self.model.bias
        return float(self._weights[known].sum() / math.sqrt(len(known)) + self.model.bias)

    def percentile(self, tokens: Sequence[Any]) -> float:
        """Where the sentence's score falls among the training sentences', in [0, 1]."""
        return float(np.interp(self.decision(tokens), self.model.quantiles, self._steps))


def _text(value: str) -> NDArray[np.uint8]:
    return np.frombuffer(value.encode("utf-8"), dtype=np.uint8)


def save_checkworthy_model(path: Path, model: CheckworthyModel) -> None:
    """Write the model file (parent folders are created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = dict(model.meta, format=FORMAT, bias=model.bias)
    with path.open("wb") as handle:
        np.savez_compressed(
            handle,
            vocab=_text("\n".join(model.vocab)),
            weights=model.weights.astype(np.float32),
            quantiles=model.quantiles.astype(np.float32),
            meta=_text(json.dumps(meta, sort_keys=True)),
        )


def load_checkworthy_model(path: Path) -> CheckworthyModel:
    """Read a model file, checking its format version."""
    if not path.is_file():
        raise ModelError(
            f"check-worthiness model {path} not found; train one with `newsaudit train checkworthy`"
        )
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            vocab = tuple(bytes(data["vocab"]).decode("utf-8").split("\n"))
            weights = np.asarray(data["weights"], dtype=np.float32)
            quantiles = np.asarray(data["quantiles"], dtype=np.float32)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise ModelError(f"{path}: not a check-worthiness model file ({exc}); retrain it") from None
    if meta.get("format") != FORMAT:
        raise ModelError(
            f"{path}: model format {meta.get('format')!r}, expected {FORMAT!r}; retrain it"
        )
    if len(vocab) != len(weights):
        raise ModelError(f"{path}: vocabulary and weights differ in length; retrain it")
    return CheckworthyModel(vocab, weights, float(meta["bias"]), quantiles, meta)
