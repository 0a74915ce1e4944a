"""Training the check-worthiness model: parse, count features, fit a weighted logistic regression.

The fit is L-BFGS on the L2-regularised, weighted log loss: no randomness, so the same
data and settings give the same model. Debates are split BY FILE for the dev figures
(a debate's sentences never sit on both sides).
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import optimize  # type: ignore[import-untyped]  # scipy ships no type information

from ..evaluation.checkworthy_data import RankedFile
from ..evaluation.checkworthy_eval import (
    FileScores,
    RankingResult,
    rules_of,
    score_file,
    summarise,
)
from ..model import ClaimKind
from ..stages.checkworthy import blend
from .checkworthy import CheckworthyModel, feature_matrix, sentence_features

Progress = Callable[[str], None]


@dataclass(frozen=True)
class TrainConfig:
    """How the model is fitted."""

    seed: int = 13
    l2: float = 1.0  # the penalty on the squared weights (the bias is not penalised)
    min_count: int = 2  # a feature must occur in this many training sentences
    positive_weight: float = 5.0  # check-worthy sentences are rare in debates (about 3 %)
    claimbuster_weight: float = 1.0  # ClaimBuster rows count this much beside debate rows
    folds: int = 5  # debate folds for the dev figures (each debate is dev once)


@dataclass(frozen=True)
class Example:
    """One training sentence: its features, label and weight."""

    features: frozenset[str]
    label: int
    weight: float


def examples_of(
    files: Sequence[RankedFile],
    features: dict[str, list[frozenset[str]]],
    config: TrainConfig,
) -> list[Example]:
    """The weighted training examples of the given files (features parsed beforehand)."""
    out = []
    for f in files:
        base = config.claimbuster_weight if f.corpus == "claimbuster" else 1.0
        for sentence, row in zip(f.sentences, features[f.name], strict=True):
            weight = base * (config.positive_weight if sentence.label else 1.0)
            out.append(Example(row, sentence.label, weight))
    return out


def fit(
    examples: Sequence[Example], config: TrainConfig, progress: Progress | None = None
) -> CheckworthyModel:
    """Fit the logistic regression on weighted examples."""
    started = time.process_time()
    counts = Counter(f for e in examples for f in e.features)
    vocab = tuple(sorted(f for f, n in counts.items() if n >= config.min_count))
    index = {f: i for i, f in enumerate(vocab)}
    matrix = feature_matrix((e.features for e in examples), index)
    labels = np.asarray([e.label for e in examples], dtype=np.float64)
    weights = np.asarray([e.weight for e in examples], dtype=np.float64)
    signs = 2.0 * labels - 1.0

    def loss(params: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        w, b = params[:-1], params[-1]
        margin = signs * (matrix @ w + b)
        value = float(np.sum(weights * np.logaddexp(0.0, -margin)) + 0.5 * config.l2 * w @ w)
        slope = -weights * signs / (1.0 + np.exp(margin))
        grad = np.empty_like(params)
        grad[:-1] = matrix.T @ slope + config.l2 * w
        grad[-1] = slope.sum()
        return value, grad

    result = optimize.minimize(
        loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    params = np.asarray(result.x, dtype=np.float64)
    decisions = matrix @ params[:-1] + params[-1]
    quantiles = np.quantile(decisions, np.linspace(0.0, 1.0, 101))
    if progress is not None:
        progress(f"fitted {len(vocab)} features on {len(examples)} sentences")
    meta = {
        "config": asdict(config),
        "features": len(vocab),
        "sentences": len(examples),
        "positives": int(labels.sum()),
        "train_cpu_seconds": round(time.process_time() - started, 1),
    }
    return CheckworthyModel(
        vocab=vocab,
        weights=params[:-1].astype(np.float32),
        bias=float(params[-1]),
        quantiles=np.maximum.accumulate(quantiles).astype(np.float32),
        meta=meta,
    )


@dataclass(frozen=True)
class Parsed:
    """Every sentence parsed once, by file name: its feature set, rule score and kind."""

    features: dict[str, list[frozenset[str]]]
    rules: dict[str, list[tuple[float, ClaimKind]]]


def parse_files(files: Sequence[RankedFile], nlp: Any, progress: Progress | None = None) -> Parsed:
    """Parse every sentence once, keeping its features and rule score."""
    features: dict[str, list[frozenset[str]]] = {}
    rules: dict[str, list[tuple[float, ClaimKind]]] = {}
    for f in files:
        docs = list(nlp.pipe([s.text for s in f.sentences], batch_size=256))
        features[f.name] = [frozenset(sentence_features(list(doc))) for doc in docs]
        rules[f.name] = [rules_of(list(doc), doc) for doc in docs]
        if progress is not None:
            progress(f"parsed {f.name} ({len(f.sentences)} sentences)")
    return Parsed(features, rules)


def folds_of(files: Sequence[RankedFile], config: TrainConfig) -> list[list[str]]:
    """Debate file names dealt into `config.folds` folds after a seeded shuffle."""
    debates = sorted(f.name for f in files if f.corpus == "checkthat")
    random.Random(config.seed).shuffle(debates)
    return [
        sorted(debates[i :: config.folds])
        for i in range(config.folds)
        if debates[i :: config.folds]
    ]


def cross_validate(
    files: Sequence[RankedFile],
    parsed: Parsed,
    config: TrainConfig,
    progress: Progress | None = None,
) -> dict[str, RankingResult]:
    """Dev figures: each debate ranked by a model fitted without its fold (ClaimBuster always in)."""
    model_scores: list[FileScores] = []
    audit_scores: list[FileScores] = []
    rule_scores: list[FileScores] = []
    started = time.perf_counter()
    for number, fold in enumerate(folds_of(files, config), start=1):
        held = set(fold)
        model = fit(
            examples_of([f for f in files if f.name not in held], parsed.features, config), config
        )
        for f in files:
            if f.name not in held:
                continue
            labels = [s.label for s in f.sentences]
            rows = parsed.features[f.name]
            model_scores.append(score_file(f.name, labels, list(model.decision(rows))))
            learned = model.percentile(rows)
            rules = parsed.rules[f.name]
            mixed = [blend(r, float(p), k) for (r, k), p in zip(rules, learned, strict=True)]
            audit_scores.append(score_file(f.name, labels, mixed))
            rule_scores.append(score_file(f.name, labels, [r for r, _ in rules]))
        if progress is not None:
            progress(f"fold {number}: {len(held)} debates held out")
    seconds = time.perf_counter() - started
    return {
        "model": summarise("model", model_scores, seconds),
        "audit": summarise("audit", audit_scores, seconds),
        "rules": summarise("rules", rule_scores, seconds),
    }
