"""Synthetic counter-claims: a supported claim with one of its numbers changed refutes.

The training sets hold few claims whose numbers disagree with the evidence, yet that is
the contradiction news audits meet most (100,000 troops where the source says 12,000). So,
as COVID-Fact made counter-claims by swapping salient words, each supported pair whose
claim states a number the evidence also states gets a twin with that number scaled by a
seeded factor, labelled refutes.
"""

from __future__ import annotations

import random
import re

from .data import Label

_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w,])")
_FACTORS = (0.1, 0.25, 0.5, 2.0, 3.0, 5.0, 10.0)


def _value(text: str) -> float:
    return float(text.replace(",", ""))


def _format(value: float, like: str) -> str:
    if "." in like:
        decimals = len(like.split(".")[1])
        return f"{value:.{decimals}f}"
    return f"{round(value):,}" if "," in like else str(round(value))


def number_swap(claim: str, evidence: str, rng: random.Random) -> str | None:
    """The claim with one number the evidence shares changed, or None when none is shared."""
    evidence_values = {_value(m.group()) for m in _NUMBER.finditer(evidence)}
    shared = [m for m in _NUMBER.finditer(claim) if _value(m.group()) in evidence_values]
    # Years read as quantities would teach the model that a changed year is a new fact
    # about the amount; they are left alone.
    shared = [m for m in shared if not (1900 <= _value(m.group()) <= 2100 and "." not in m.group())]
    if not shared:
        return None
    match = rng.choice(shared)
    old = _value(match.group())
    new = old * rng.choice(_FACTORS)
    text = _format(new, match.group())
    if _value(text) == old or _value(text) in evidence_values or _value(text) == 0:
        text = _format(old + max(1.0, round(old * 0.4)), match.group())
    return claim[: match.start()] + text + claim[match.end() :]


def augment(
    pairs: list[tuple[str, str]], labels: list[Label], sources: list[str], seed: int
) -> tuple[list[tuple[str, str]], list[Label], list[str]]:
    """Extra (pair, label, source) rows: a number-swapped refuting twin of supported pairs."""
    rng = random.Random(seed)
    new_pairs: list[tuple[str, str]] = []
    new_labels: list[Label] = []
    new_sources: list[str] = []
    for (claim, evidence), label, source in zip(pairs, labels, sources):
        if label != "supports":
            continue
        swapped = number_swap(claim, evidence, rng)
        if swapped is not None:
            new_pairs.append((swapped, evidence))
            new_labels.append("refutes")
            new_sources.append(f"{source}+swap")
    return new_pairs, new_labels, new_sources
