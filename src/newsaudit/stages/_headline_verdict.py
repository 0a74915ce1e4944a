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


def combine(
    verdict: HeadlineVerdict, reasons: tuple[HeadlineReason, ...], probs: dict[str, float]
) -> tuple[HeadlineVerdict, Stance]:
    """Join the rule verdict with a stance model's probabilities.

    Evidence the rules can point at wins: a flipped negation or direction stays `contradicted`, and
    any other reason keeps `not_supported`. Where the rules see no departure, the model
    decides between agree (supported), discuss (not supported) and disagree (contradicted);
    a model `unrelated` against a clean rule match is overruled, since the rules found the
    claim. Where the rules find no overlap, the model can only lift it to `not_supported`.
    """
    label = max(STANCES, key=lambda s: probs.get(s, 0.0))
    codes = {r.code for r in reasons}
    if codes & FLIPPED:
        return "contradicted", "disagree"
    if verdict == "unrelated":
        return ("unrelated", "unrelated") if label == "unrelated" else ("not_supported", "discuss")
    if label == "disagree":
        return "contradicted", "disagree"
    if codes - {"no_matching_claim"}:
        return "not_supported", "discuss"
    if label == "agree":
        return "supported", "agree"
    if label == "discuss":
        return "not_supported", "discuss"
    return verdict, VERDICT_STANCE[verdict]
