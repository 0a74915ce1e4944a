"""Short human wording shared by the terminal and Markdown renderers."""

from __future__ import annotations

from ..model import Attribution, Claim, Evidence, HeadlineCheck, Quantity

VERDICT_WORDS = {
    "supported": "supported by the body",
    "not_supported": "not supported by the body",
    "contradicted": "contradicted by the body",
    "unrelated": "unrelated to the body",
}

RELIABILITY_WORDS = {
    "low": "low reliability",
    "mixed": "mixed reliability",
    "high": "high reliability",
    "unknown": "reliability unknown",
}


def attribution_label(attribution: Attribution) -> str:
    """'named: ISW' / 'vague: recent reports' / 'none'."""
    if attribution.type == "none":
        return "none"
    who = attribution.source or attribution.mention or "?"
    if attribution.mention and attribution.source and attribution.mention != attribution.source:
        who = f"{attribution.source} (“{attribution.mention}”)"
    return f"{attribution.type}: {who}"


def quantity_label(quantity: Quantity) -> str:
    """'100,000 → North Korean troops' with the approximation when it is not exact."""
    text = quantity.text if quantity.approx == "exact" else f"{quantity.text} [{quantity.approx}]"
    return f"{text} → {quantity.counts}" if quantity.counts else text


def hedges_label(claim: Claim) -> str:
    """The claim's hedge words, comma-separated ('' when none)."""
    return ", ".join(h.text for h in claim.hedges)


def verdict_label(headline: HeadlineCheck) -> str:
    """The verdict in words, with the FNC-1 stance beside it."""
    words = VERDICT_WORDS.get(headline.verdict, headline.verdict)
    return f"{words} (stance: {headline.stance})"


def evidence_lines(evidence: tuple[str, ...], limit: int = 6) -> list[str]:
    """Evidence as lines: short items share one line, long ones get a line each."""
    quoted = [" ".join(e.split()) for e in evidence]
    if all(len(q) <= 12 for q in quoted):
        return [", ".join(quoted)] if quoted else []
    lines = quoted[:limit]
    if len(quoted) > limit:
        lines.append(f"(+{len(quoted) - limit} more)")
    return lines


def evidence_source_label(evidence: Evidence) -> str:
    """Where a quoted passage comes from: source, title or URL, date and offsets."""
    name = evidence.source or evidence.domain or "unknown source"
    where = evidence.url or evidence.title or f"document {evidence.document_id}"
    date = f", {evidence.published}" if evidence.published else ""
    return f"{name}{date}: {where} [{evidence.start}:{evidence.end}]"
