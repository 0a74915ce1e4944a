"""How worth checking is a claim? A rule score in [0, 1], kept apart so a model can replace it.

Checkable content raises the score: numbers, named entities, dates, a factual verb in the
past tense, a named source. Opinion, hedging, questions' neighbours (vague generalities
with nothing to look up) and very short sentences lower it.
"""

from __future__ import annotations

from typing import Any

from ..model import Attribution, ClaimKind, Entity, Quantity

BASE = 0.35
_NAMED_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "FAC",
    "LOC",
    "EVENT",
    "LAW",
    "PRODUCT",
    "WORK_OF_ART",
}
_WHEN_LABELS = {"DATE", "TIME"}
_KIND_WEIGHT: dict[ClaimKind, float] = {
    "asserted": 0.1,
    "hedged": -0.05,
    "prediction": -0.05,
    "opinion": -0.3,
}
_ATTRIBUTION_WEIGHT = {"named": 0.1, "vague": 0.05, "none": 0.0}


def score(
    tokens: list[Any],
    kind: ClaimKind,
    attribution: Attribution,
    quantities: tuple[Quantity, ...],
    entities: tuple[Entity, ...],
) -> float:
    """The check-worthiness of one claim, from its parts (rules, not a model)."""
    value = BASE + _KIND_WEIGHT[kind] + _ATTRIBUTION_WEIGHT[attribution.type]
    if quantities:
        value += 0.2
    named = [e for e in entities if e.label in _NAMED_LABELS]
    if named:
        value += 0.1 + 0.05 * min(len(named) - 1, 2)
    if any(e.label in _WHEN_LABELS for e in entities):
        value += 0.05
    if any(t.tag_ == "VBD" or (t.tag_ == "VBN" and t.dep_ in {"ROOT", "ccomp"}) for t in tokens):
        value += 0.1
    if not quantities and not named:
        value -= 0.15  # a generality: nothing to look up
    words = sum(1 for t in tokens if t.is_alpha)
    if words < 6:
        value -= 0.15
    return round(min(1.0, max(0.0, value)), 3)
