"""Accuracy, per-class and macro F1 and the confusion matrix of a set of predictions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    """What `newsaudit eval verify` reports about one set of predictions."""

    items: int
    accuracy: float
    macro_f1: float
    per_class_f1: dict[str, float]
    confusion: dict[str, dict[str, int]]  # gold label → predicted label → count


def score(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> Scores:
    """Scores over `labels` (macro-F1 averages every label, present in gold or not)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in number")
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, predicted):
        confusion[g][p] += 1
    per_class: dict[str, float] = {}
    for label in labels:
        true_positive = confusion[label][label]
        predicted_as = sum(confusion[g][label] for g in labels)
        actual = sum(confusion[label].values())
        # F1 = 2TP / (2TP + FP + FN); a label never predicted nor present scores 0.
        denominator = predicted_as + actual
        per_class[label] = 2 * true_positive / denominator if denominator else 0.0
    correct = sum(confusion[label][label] for label in labels)
    return Scores(
        items=len(gold),
        accuracy=correct / len(gold) if gold else 0.0,
        macro_f1=sum(per_class.values()) / len(labels) if labels else 0.0,
        per_class_f1=per_class,
        confusion=confusion,
    )
