"""Claim–evidence entailment: does a passage support, refute or not address a claim?

`load_entailer(settings)` gives the shipped model (or the one the `entailment_model`
setting names); `Entailer.judge(pairs)` gives probabilities of "supports", "refutes" and
"neutral" for each (claim, evidence) pair.
"""

from __future__ import annotations

from .data import LABELS, Label
from .model import Entailer, load_entailer

__all__ = ["LABELS", "Entailer", "Label", "load_entailer"]
