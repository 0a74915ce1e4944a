"""Train the stance model: fit TF-IDF and an SVD topic basis, featurise, boost trees.

1. vocabulary   stems seen in at least two training texts (bodies and headlines), IDF
2. topics       truncated SVD of the TF-IDF matrix (deterministic start vector)
3. features     `Featurizer.matrix` over every training pair
4. classifier   LightGBM multiclass, class-weighted; decision weights stored beside it
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]
from scipy.sparse.linalg import svds  # type: ignore[import-untyped]

from ..errors import ModelError
from ._text import STOP_WORDS, content_stems, words
from .data import LABELS, StanceData
from .features import Featurizer, Sparse
from .modelfile import StanceModelFile

Progress = Callable[[str], None]


def import_lightgbm() -> ModuleType:
    """The lightgbm module, or a ModelError saying how to install it."""
    try:
        import lightgbm
    except ImportError:
        raise ModelError(
            "the stance model needs lightgbm; install it with `pip install lightgbm`"
        ) from None
    return lightgbm


@dataclass(frozen=True)
class TrainConfig:
    """Knobs of one training run (defaults are the ones chosen on the dev split)."""

    seed: int = 13
    rounds: int = 300
    learning_rate: float = 0.05
    leaves: int = 31
    min_df: int = 2
    topics: int = 100
    words: int = 1000
    word_min_df: float = 0.02
    class_weight_power: float = 0.5
    threads: int = 2
    # disagree is rare (2 % of pairs): its probability is scaled up before the argmax
    decision_weights: dict[str, float] = field(
        default_factory=lambda: {"agree": 1.0, "disagree": 3.0, "discuss": 1.0, "unrelated": 1.0}
    )


def fit_vocabulary(texts: list[str], min_df: int) -> tuple[list[str], NDArray[np.float32]]:
    """Stems in at least `min_df` texts, sorted, with smoothed IDF weights."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(content_stems(words(text))))
    vocab = sorted(s for s, n in df.items() if n >= min_df)
    n_docs = len(texts)
    idf = np.array([np.log((1 + n_docs) / (1 + df[s])) + 1.0 for s in vocab], dtype=np.float32)
    return vocab, idf


def fit_words(bodies: list[str], count: int, min_df: float) -> list[str]:
    """The `count` content words found in the most bodies (at least a `min_df` share)."""
    df: Counter[str] = Counter()
    for body in bodies:
        df.update({w for w in words(body) if w not in STOP_WORDS and not w.isdigit()})
    floor = max(2.0, min_df * len(bodies))
    ranked = sorted((w for w, n in df.items() if n >= floor), key=lambda w: (-df[w], w))
    return ranked[:count]


def fit_topics(featurizer: Featurizer, texts: list[str], k: int, seed: int) -> NDArray[np.float32]:
    """A vocabulary x k SVD basis of the texts' TF-IDF matrix."""
    rows = sparse.vstack(
        [featurizer._sparse([content_stems(words(t))]) for t in texts], format="csr"
    ).astype(np.float64)
    k = max(1, min(k, min(rows.shape) - 1))
    start = np.random.default_rng(seed).standard_normal(min(rows.shape))
    _, _, vt = svds(rows, k=k, v0=start, random_state=seed)
    basis: NDArray[np.float32] = np.ascontiguousarray(vt.T[:, ::-1], dtype=np.float32)
    return basis


def class_weights(labels: Sequence[str], power: float) -> dict[str, float]:
    """Per-class sample weights (n / (4 n_c)) ** power; power 0 means unweighted."""
    counts = Counter(labels)
    total = len(labels)
    return {c: (total / (len(LABELS) * max(1, counts[c]))) ** power for c in LABELS}


def build_featurizer(data: StanceData, config: TrainConfig, progress: Progress) -> Featurizer:
    """Fit the vocabulary and topic basis on the training bodies and headlines."""
    texts = list(data.bodies.values()) + sorted({p.headline for p in data.pairs})
    vocab, idf = fit_vocabulary(texts, config.min_df)
    if not vocab:
        raise ModelError("training texts share no words; give more (or longer) training data")
    progress(f"vocabulary: {len(vocab)} stems from {len(texts)} texts")
    featurizer = Featurizer(vocab, idf, np.zeros((len(vocab), 1), dtype=np.float32))
    basis = fit_topics(featurizer, texts, config.topics, config.seed)
    progress(f"topics: {basis.shape[1]} SVD dimensions")
    counted = fit_words(list(data.bodies.values()), config.words, config.word_min_df)
    progress(f"cue vocabulary: {len(counted)} words")
    return Featurizer(vocab, idf, basis, counted)


def featurise(featurizer: Featurizer, data: StanceData) -> Sparse:
    """Feature rows for every pair of `data`."""
    return featurizer.matrix((p.headline, data.bodies[p.body_id]) for p in data.pairs)


def fit_booster(
    features: Sparse, labels: Sequence[str], config: TrainConfig, names: list[str]
) -> Any:
    """A LightGBM multiclass booster on the feature rows."""
    lgb = import_lightgbm()
    weights = class_weights(labels, config.class_weight_power)
    y = np.array([LABELS.index(label) for label in labels])
    if len(set(y.tolist())) < 2:
        raise ModelError("training data has a single stance label; need at least two")
    w = np.array([weights[label] for label in labels], dtype=np.float64)
    params = {
        "objective": "multiclass",
        "num_class": len(LABELS),
        "learning_rate": config.learning_rate,
        "num_leaves": config.leaves,
        "min_data_in_leaf": 20,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 1.0,
        "seed": config.seed,
        "deterministic": True,
        "force_row_wise": True,
        "num_threads": config.threads,
        "verbose": -1,
    }
    train_set = lgb.Dataset(features, label=y, weight=w, feature_name=names)
    return lgb.train(params, train_set, num_boost_round=config.rounds)


def train_stance_model(
    data: StanceData, config: TrainConfig, progress: Progress = lambda _: None
) -> StanceModelFile:
    """Train a stance model on labelled pairs; returns what `save_model` writes."""
    if not data.pairs:
        raise ModelError("no training pairs; give a stances file with at least one row")
    started, cpu = time.perf_counter(), time.process_time()
    featurizer = build_featurizer(data, config, progress)
    features = featurise(featurizer, data)
    progress(f"features: {features.shape[0]} pairs x {features.shape[1]}")
    labels = [p.stance for p in data.pairs]
    booster = fit_booster(features, labels, config, featurizer.feature_names())
    meta = {
        "labels": list(LABELS),
        "features": featurizer.feature_names(),
        "decision_weights": config.decision_weights,
        "trained_on": {
            "pairs": len(data.pairs),
            "bodies": len(data.bodies),
            "labels": dict(Counter(labels)),
        },
        "config": {k: v for k, v in vars(config).items() if k != "decision_weights"},
        "train_seconds": round(time.perf_counter() - started, 1),
        "train_cpu_seconds": round(time.process_time() - cpu, 1),
    }
    return StanceModelFile(
        vocab=featurizer.vocab,
        idf=featurizer.idf,
        basis=featurizer.basis,
        booster=booster.model_to_string(),
        words=featurizer.words,
        meta=meta,
    )
