"""A verdict for one claim from the passages judged against it.

1. each sentence of a retrieved passage is judged: the entailment model's probabilities,
   overruled by the number check where the numbers of the same counted thing disagree
2. sentences that support or refute the claim are its evidence, quoted verbatim with
   offsets into their stored document
3. support and refutation together make `conflicting`; one of them `supported` or
   `contradicted`; neither `not_found`
4. the attribution check: does the credited source's own material say it?

Hedged claims are judged as hedged: a passage that states the thing outright, or also as
possible, supports "X may have happened"; only a firm refutation contradicts it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import (
    AttributionCheck,
    Claim,
    Evidence,
    EvidenceStance,
    Verdict,
    VerdictLabel,
)
from .number_check import NumberCheck

SUPPORTS_AT = 0.5  # entailment probability from which a sentence counts as support
REFUTES_AT = 0.5  # ... and as refutation of an asserted claim
REFUTES_HEDGED_AT = 0.7  # a hedged claim needs a firmer refutation
NUMBER_MISMATCH_PROBABILITY = 0.9  # how sure a refutation by numbers is reported as
KEEP_NEUTRAL = 2  # closest non-deciding passages shown when nothing decides


@dataclass(frozen=True)
class JudgedSentence:
    """One sentence of a retrieved passage, located in its document, and how it reads."""

    document_id: int
    passage_id: int
    url: str | None
    title: str
    source: str | None
    domain: str | None
    published: str | None
    text: str
    start: int
    end: int
    retrieval_score: float
    from_cited_source: bool
    probabilities: dict[str, float]
    numbers: NumberCheck | None
    states_numbers: bool = True  # the sentence gives the claim's counted numbers


def sentence_stance(claim: Claim, judged: JudgedSentence) -> tuple[EvidenceStance, float]:
    """What the sentence does to the claim, and how sure that reading is."""
    probs = judged.probabilities
    if judged.numbers is not None and judged.numbers.agreement == "mismatch":
        return "refutes", max(probs.get("refutes", 0.0), NUMBER_MISMATCH_PROBABILITY)
    hedged = claim.kind in {"hedged", "prediction"} or bool(claim.hedges)
    refute_at = REFUTES_HEDGED_AT if hedged else REFUTES_AT
    supports, refutes = probs.get("supports", 0.0), probs.get("refutes", 0.0)
    if refutes >= refute_at and refutes > supports:
        return "refutes", refutes
    if supports >= SUPPORTS_AT and supports > refutes and judged.states_numbers:
        return "supports", supports
    return "neutral", probs.get("neutral", 1.0 - max(supports, refutes))


def decide(
    claim: Claim,
    judged: Sequence[JudgedSentence],
    attribution: AttributionCheck | None = None,
) -> Verdict:
    """The claim's verdict from its judged sentences (best retrieved first)."""
    evidence = [_evidence(claim, j) for j in judged]
    supports = [e for e in evidence if e.stance == "supports"]
    refutes = [e for e in evidence if e.stance == "refutes"]
    label: VerdictLabel
    if supports and refutes:
        label = "conflicting"
        detail = f"{len(supports)} passage(s) support it and {len(refutes)} refute it"
    elif supports:
        label = "supported"
        detail = f"{len(supports)} passage(s) support it"
    elif refutes:
        label = "contradicted"
        detail = f"{len(refutes)} passage(s) refute it"
    else:
        label = "not_found"
        detail = (
            f"none of the {len(evidence)} passage(s) retrieved supports or refutes it"
            if evidence
            else "no passage of the corpus is about it"
        )
    numbers = [e.numbers for e in refutes if e.numbers]
    if numbers:
        detail += f"; numbers disagree: {numbers[0]}"
    if claim.kind in {"hedged", "prediction"} or claim.hedges:
        detail += "; judged as hedged (a firm statement or a hedged one supports it)"
    deciding = sorted(supports + refutes, key=lambda e: (not e.from_cited_source, -e.probability))
    shown = deciding or sorted(evidence, key=lambda e: -e.retrieval_score)[:KEEP_NEUTRAL]
    return Verdict(claim.id, label, detail, tuple(shown), attribution)


def check_attribution(
    claim: Claim,
    source: str,
    domains: tuple[str, ...],
    source_has_documents: bool,
    judged: Sequence[JudgedSentence],
) -> AttributionCheck:
    """Whether the credited source's own documents say the claim."""
    if not domains or not source_has_documents:
        where = ", ".join(domains) if domains else "no known domain"
        return AttributionCheck(
            source,
            "source_not_in_corpus",
            f"the corpus holds no document of {source} ({where}) from before the article",
            domains,
        )
    own = [j for j in judged if j.from_cited_source]
    says = [j for j in own if sentence_stance(claim, j)[0] == "supports"]
    if says:
        best = says[0]
        return AttributionCheck(
            source,
            "confirmed",
            f'{source} says it: "{_short(best.text)}" ({best.url or best.title})',
            domains,
        )
    return AttributionCheck(
        source,
        "not_in_source",
        f"{len(own)} passage(s) of {source}'s own documents were read; none says it",
        domains,
    )


def _evidence(claim: Claim, judged: JudgedSentence) -> Evidence:
    stance, probability = sentence_stance(claim, judged)
    return Evidence(
        document_id=judged.document_id,
        passage_id=judged.passage_id,
        url=judged.url,
        title=judged.title,
        source=judged.source,
        domain=judged.domain,
        published=judged.published,
        quote=judged.text,
        start=judged.start,
        end=judged.end,
        stance=stance,
        probability=round(float(probability), 4),
        retrieval_score=round(float(judged.retrieval_score), 6),
        from_cited_source=judged.from_cited_source,
        numbers=judged.numbers.detail if judged.numbers else None,
    )


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
