"""Score the entailment model on a set's own items and labels, and carve dev splits.

Climate-FEVER is scored per claim–evidence pair over its three labels; COVID-Fact per
claim, read against all its evidence sentences, over its two labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from .data import Format, Item, Label, dev_split
from .metrics import Scores, score

DATASET_LABELS: dict[Format, tuple[str, ...]] = {
    "climate-fever": ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"),
    "covidfact": ("SUPPORTED", "REFUTED"),
    "averitec": ("Supported", "Refuted", "Not Enough Evidence"),
}
_NAMES: dict[Format, dict[Label, str]] = {
    fmt: dict(zip(("supports", "refutes", "neutral"), names))
    for fmt, names in DATASET_LABELS.items()
}
# The sets whose dev split is held out by `train verify --dev` (AVeriTeC only trains).
DEV_SETS: tuple[Format, ...] = ("climate-fever", "covidfact")


class Judge(Protocol):
    """What evaluation needs from an entailment model."""

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[Label]:
        """The most probable label of each pair."""
        ...

    def claim_verdicts(self, claims: Sequence[tuple[str, Sequence[str]]]) -> list[Label]:
        """Supports or refutes for each claim read against all its evidence."""
        ...


def predict_items(model: Judge, items: Sequence[Item], fmt: Format) -> list[Label]:
    """The model's label for each item, the way the set is scored."""
    if fmt == "covidfact":
        return model.claim_verdicts([(item.claim, item.evidence) for item in items])
    return model.predict([(item.claim, " ".join(item.evidence)) for item in items])


def evaluate_items(model: Judge, items: Sequence[Item], fmt: Format) -> Scores:
    """Accuracy, F1 and confusion in the set's own label names."""
    names = _NAMES[fmt]
    predicted = predict_items(model, items, fmt)
    labels = DATASET_LABELS[fmt]
    # A 2-label set has no neutral class: a neutral prediction counts as its own error.
    return score(
        [names[item.label] for item in items],
        [names.get(p, labels[-1]) for p in predicted],
        labels,
    )


def split_for_training(
    items: Mapping[Format, Sequence[Item]], seed: int, hold_out: bool
) -> tuple[dict[Format, list[Item]], dict[Format, list[Item]]]:
    """(train, dev) sets; dev is empty unless `hold_out`."""
    train: dict[Format, list[Item]] = {}
    dev: dict[Format, list[Item]] = {}
    for fmt, chosen in items.items():
        if hold_out and fmt in DEV_SETS:
            train[fmt], dev[fmt] = dev_split(chosen, seed)
        else:
            train[fmt] = list(chosen)
    return train, dev
