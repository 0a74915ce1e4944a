"""How worth checking is a claim? A learned score in [0, 1], with the rule score as its prior.

The learned part (``newsaudit/data/checkworthy/checkworthy.npz``, trained on CLEF-2019
CheckThat! debates and ClaimBuster sentences by `newsaudit train checkworthy`) ranks
sentences by words, entities and tags; it is loaded once per process. Its score is read
as a percentile of the training sentences' scores and weighted 0.8 against the rule
score's 0.2: the model decides the ranking (on held-out debates it ranks far better than the
rules), while the rules still carry what the debates cannot teach it: the claim's kind and
its named source. An opinion never scores above its rule score. With no model file, the
rules alone decide.

The rules: checkable content raises the score (numbers, named entities, dates, a factual
verb in the past tense, a named source); opinion, hedging, vague generalities with nothing
to look up and very short sentences lower it.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ..learn.checkworthy import LinearScorer, load_checkworthy_model
from ..model import Attribution, ClaimKind, Entity, Quantity

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "checkworthy" / "checkworthy.npz"
MODEL_SHARE = 0.8  # the learned percentile's share of the audit score; the rules have the rest
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


@functools.lru_cache(maxsize=4)
def load_scorer(path: Path = MODEL_PATH) -> LinearScorer | None:
    """The learned scorer from `path`, loaded once; None when no model file is there."""
    if not path.is_file():
        return None
    return LinearScorer(load_checkworthy_model(path))


def score(
    tokens: list[Any],
    kind: ClaimKind,
    attribution: Attribution,
    quantities: tuple[Quantity, ...],
    entities: tuple[Entity, ...],
) -> float:
    """The check-worthiness of one claim: the model blended with the rules (rules alone without one)."""
    rules = rule_score(tokens, kind, attribution, quantities, entities)
    scorer = load_scorer()
    if scorer is None:
        return rules
    return blend(rules, scorer.percentile(tokens), kind)


def blend(rules: float, learned: float, kind: ClaimKind) -> float:
    """The audit score from the rule score and the model's percentile, both in [0, 1]."""
    value = MODEL_SHARE * learned + (1.0 - MODEL_SHARE) * rules
    if kind == "opinion":
        # A view is not a checkable fact; the model never saw the claim kind, so it may
        # lower an opinion's score but not raise it.
        value = min(value, rules)
    return round(min(1.0, max(0.0, value)), 3)


def rule_score(
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
