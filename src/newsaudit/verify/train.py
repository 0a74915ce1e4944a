"""Train the entailment model from Climate-FEVER, COVID-Fact and AVeriTeC items.

1. pairs      Climate-FEVER: claim + one sentence (3 labels); COVID-Fact: claim + all its
              sentences joined (supports / refutes); AVeriTeC: claim + its questions and
              answers, cut to `averitec_words` words (the first answers carry the verdict)
2. vectors    every distinct text embedded once with the sentence embedder
3. features   `pair_matrix`: embedding parts, cosine, lexical mismatch features
   (+ swaps)  each supported pair sharing a number with its evidence gets a twin claim
              with that number changed, labelled refutes (`augment.py`)
4. trees      LightGBM multiclass, classes weighted by (majority / count) ** power
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
from numpy.typing import NDArray

from .augment import augment
from .data import LABELS, Format, Item, Label
from .features import feature_names, pair_matrix
from .model import import_lightgbm
from .modelfile import EntailModelFile

Progress = Callable[[str], None]
Vectors = Callable[[Sequence[str]], NDArray[np.float32]]


@dataclass(frozen=True)
class TrainConfig:
    """Knobs of one training run (defaults are the ones chosen on the dev splits)."""

    seed: int = 13
    rounds: int = 300
    learning_rate: float = 0.05
    leaves: int = 31
    min_child: int = 20
    feature_fraction: float = 0.3
    class_weight_power: float = 0.5
    threads: int = 1
    averitec_words: int = 80
    embedding_parts: tuple[str, ...] = ("u", "v", "diff", "prod")
    refute_threshold: float = 0.45
    number_swaps: bool = True
    # Adding AVeriTeC moved neither dev figure beyond noise (docs/benchmarks.md).
    formats: tuple[Format, ...] = ("climate-fever", "covidfact")
    format_weights: Mapping[str, float] = field(
        default_factory=lambda: {"climate-fever": 1.0, "covidfact": 1.0, "averitec": 1.0}
    )


@dataclass(frozen=True)
class PairSet:
    """Training pairs with their labels and the set each came from."""

    pairs: list[tuple[str, str]]
    labels: list[Label]
    sources: list[str]


def evidence_text(item: Item, fmt: Format, averitec_words: int) -> str:
    """The evidence side of an item's training pair."""
    text = " ".join(item.evidence)
    if fmt == "averitec" and averitec_words > 0:
        text = " ".join(text.split()[:averitec_words])
    return text


def pair_set(items: Mapping[Format, Sequence[Item]], config: TrainConfig) -> PairSet:
    """The training pairs of every chosen format."""
    pairs: list[tuple[str, str]] = []
    labels: list[Label] = []
    sources: list[str] = []
    for fmt in config.formats:
        for item in items.get(fmt, ()):
            pairs.append((item.claim, evidence_text(item, fmt, config.averitec_words)))
            labels.append(item.label)
            sources.append(fmt)
    if config.number_swaps:
        extra_pairs, extra_labels, extra_sources = augment(pairs, labels, sources, config.seed)
        pairs += extra_pairs
        labels += extra_labels
        sources += extra_sources
    return PairSet(pairs, labels, sources)


def featurize(
    pairs: Sequence[tuple[str, str]], vectors: Vectors, parts: Sequence[str]
) -> NDArray[np.float32]:
    """The feature matrix of `pairs`, embedding each distinct text once."""
    texts = sorted({t for pair in pairs for t in pair})
    index = {t: i for i, t in enumerate(texts)}
    matrix = vectors(texts)
    claims = matrix[[index[c] for c, _ in pairs]]
    evidence = matrix[[index[e] for _, e in pairs]]
    return pair_matrix(pairs, claims, evidence, parts)


def sample_weights(data: PairSet, config: TrainConfig) -> NDArray[np.float64]:
    """Per-pair weights: rarer classes up, each set scaled by its format weight."""
    counts = Counter(data.labels)
    top = max(counts.values())
    by_class = {c: (top / n) ** config.class_weight_power for c, n in counts.items()}
    return np.array(
        [by_class[y] * config.format_weights.get(s, 1.0) for y, s in zip(data.labels, data.sources)]
    )


def fit(
    features: NDArray[np.float32],
    labels: Sequence[Label],
    weights: NDArray[np.float64],
    config: TrainConfig,
) -> str:
    """A LightGBM multiclass booster over `features`, as model text."""
    lgb = import_lightgbm()
    y = np.array([LABELS.index(label) for label in labels])
    params = {
        "objective": "multiclass",
        "num_class": len(LABELS),
        "learning_rate": config.learning_rate,
        "num_leaves": config.leaves,
        "min_data_in_leaf": config.min_child,
        "feature_fraction": config.feature_fraction,
        "lambda_l2": 1.0,
        "num_threads": config.threads,
        "seed": config.seed,
        "deterministic": True,
        "force_row_wise": True,
        "verbosity": -1,
    }
    dataset = lgb.Dataset(features, label=y, weight=weights, free_raw_data=True)
    booster = lgb.train(params, dataset, num_boost_round=config.rounds)
    return str(booster.model_to_string())


def train_entailer(
    items: Mapping[Format, Sequence[Item]],
    config: TrainConfig,
    vectors: Vectors,
    embedder_name: str,
    dim: int,
    progress: Progress | None = None,
) -> EntailModelFile:
    """Train on `items` and return the model file's parts (deterministic for one seed)."""
    say = progress or (lambda message: None)
    data = pair_set(items, config)
    started = time.process_time()
    say(f"features for {len(data.pairs)} pairs")
    features = featurize(data.pairs, vectors, config.embedding_parts)
    say(f"boosting {config.rounds} rounds on {features.shape[1]} features")
    booster = fit(features, data.labels, sample_weights(data, config), config)
    meta = {
        "classes": list(LABELS),
        "embedding_model": embedder_name,
        "embedding_dim": dim,
        "embedding_parts": list(config.embedding_parts),
        "features": feature_names(config.embedding_parts, dim),
        "refute_threshold": config.refute_threshold,
        "train_pairs": dict(Counter(data.sources)),
        "train_labels": dict(Counter(data.labels)),
        "train_cpu_seconds": round(time.process_time() - started, 1),
        "config": {k: v for k, v in asdict(config).items() if k != "threads"},
    }
    return EntailModelFile(booster=booster, meta=meta)
