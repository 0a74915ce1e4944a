"""The official FNC-1 score, the confusion matrix and per-class / macro F1.

FNC score per pair: +0.25 when related-vs-unrelated is right (agree, disagree and discuss
count as one "related" class), and +0.75 more when a related pair gets its exact label.
The maximum is what the gold labels themselves would score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .data import LABELS

RELATED = frozenset({"agree", "disagree", "discuss"})


@dataclass(frozen=True)
class StanceScores:
    """Everything `newsaudit eval stance` reports about one set of predictions."""

    fnc_score: float
    fnc_max: float
    relative_score: float
    macro_f1: float
    per_class_f1: dict[str, float]
    confusion: dict[str, dict[str, int]]
    accuracy: float
    pairs: int


def fnc_pair_score(gold: str, predicted: str) -> float:
    """The official score of one prediction."""
    score = 0.0
    if (gold in RELATED) == (predicted in RELATED):
        score += 0.25
        if gold in RELATED and gold == predicted:
            score += 0.75
    return score


def score_predictions(gold: Sequence[str], predicted: Sequence[str]) -> StanceScores:
    """FNC score (raw, max, relative %), confusion[gold][predicted], F1 per class and macro."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    confusion: dict[str, dict[str, int]] = {g: dict.fromkeys(LABELS, 0) for g in LABELS}
    score = 0.0
    best = 0.0
    for g, p in zip(gold, predicted):
        confusion[g][p] += 1
        score += fnc_pair_score(g, p)
        best += fnc_pair_score(g, g)
    per_class: dict[str, float] = {}
    for label in LABELS:
        tp = confusion[label][label]
        fp = sum(confusion[g][label] for g in LABELS) - tp
        fn = sum(confusion[label].values()) - tp
        per_class[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    correct = sum(confusion[label][label] for label in LABELS)
    return StanceScores(
        fnc_score=score,
        fnc_max=best,
        relative_score=100.0 * score / best if best else 0.0,
        macro_f1=sum(per_class.values()) / len(LABELS),
        per_class_f1=per_class,
        confusion=confusion,
        accuracy=correct / len(gold) if gold else 0.0,
        pairs=len(gold),
    )
