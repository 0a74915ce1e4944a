"""The headline verdict and stance: from the rule reasons, or from them and a stance model."""

from __future__ import annotations

from ..model import HeadlineReason, HeadlineVerdict, Stance

STANCES: tuple[Stance, ...] = ("agree", "disagree", "discuss", "unrelated")

VERDICT_STANCE: dict[HeadlineVerdict, Stance] = {
    "supported": "agree",
    "not_supported": "discuss",
    "contradicted": "disagree",
    "unrelated": "unrelated",
}


# Reasons that mean the body says the opposite of the headline.
FLIPPED = frozenset({"negation_flipped", "direction_flipped"})


def rule_verdict(reasons: tuple[HeadlineReason, ...]) -> HeadlineVerdict:
    """A flipped negation or direction decides `contradicted`; any other departure leaves it `not_supported`."""
    codes = {r.code for r in reasons}
    if codes & FLIPPED:
        return "contradicted"
    return "not_supported" if codes else "supported"


# How sure the stance model must be that the body only discusses the headline before that
# outweighs a clean match found by the rules (on the team's articles, wire stories whose
# headline repeats the lead still score 0.6-0.85 `discuss`).
DISCUSS_OVERRULES = 0.95


def combine(
    verdict: HeadlineVerdict, reasons: tuple[HeadlineReason, ...], probs: dict[str, float]
) -> tuple[HeadlineVerdict, Stance, tuple[HeadlineReason, ...]]:
    """Join the rule verdict with a stance model's probabilities.

    Evidence the rules can point at wins: a flipped negation or direction stays
    `contradicted`, and any other reason keeps `not_supported`. The model adds what rules
    cannot see: a body that disagrees (`contradicted`), or one that only discusses what the
    headline asserts (`not_supported`, with a `body_discusses` reason) when it is nearly
    sure. A model `unrelated` against a rule match is overruled, since the rules found the
    claim; where the rules find no overlap, the model can only lift it to `not_supported`.
    """
    label = max(STANCES, key=lambda s: probs.get(s, 0.0))
    codes = {r.code for r in reasons}
    if codes & FLIPPED:
        return "contradicted", "disagree", reasons
    if verdict == "unrelated":
        if label == "unrelated":
            return "unrelated", "unrelated", reasons
        return "not_supported", "discuss", reasons
    if label == "disagree":
        detail = f"the stance model reads the body as disagreeing (p={probs['disagree']:.2f})"
        return "contradicted", "disagree", (*reasons, HeadlineReason("body_disagrees", detail, ()))
    if codes:
        return "not_supported", "discuss", reasons
    if probs.get("discuss", 0.0) >= DISCUSS_OVERRULES:
        detail = (
            "the stance model reads the body as reporting the headline's claim without "
            f"asserting it (p={probs['discuss']:.2f})"
        )
        return "not_supported", "discuss", (HeadlineReason("body_discusses", detail, ()),)
    return "supported", "agree", reasons
