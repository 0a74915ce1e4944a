"""Report -> Markdown: headings, a claims table, headline reasons with quotes, outlet signals."""

from __future__ import annotations

from ..model import Article, Claim, HeadlineCheck, Outlet, Report, Verdict
from ._labels import (
    RELIABILITY_WORDS,
    attribution_label,
    evidence_lines,
    evidence_source_label,
    hedges_label,
    quantity_label,
    verdict_label,
)


def _cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def _quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


def _article_lines(article: Article) -> list[str]:
    lines = [f"# Audit: {article.title or '(untitled)'}", ""]
    facts = [
        ("Site", article.site),
        ("URL", article.url),
        ("Author", article.author),
        ("Date", article.date),
        ("Format", article.source_format),
        ("Language", article.language),
    ]
    lines += [f"- **{name}:** {value if value else '—'}" for name, value in facts]
    lines.append(f"- **Length:** {len(article.text):,} characters")
    if article.furniture:
        lines.append(f"- **Removed as page furniture:** {len(article.furniture)} items")
    return lines + [""]


def _claim_row(claim: Claim) -> str:
    cells = [
        claim.id,
        claim.kind,
        f"{claim.checkworthy:.2f}",
        attribution_label(claim.attribution),
        hedges_label(claim),
        "; ".join(quantity_label(q) for q in claim.quantities),
        claim.text,
    ]
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _claims_lines(claims: tuple[Claim, ...]) -> list[str]:
    lines = [f"## Claims ({len(claims)})", ""]
    if not claims:
        return lines + ["No check-worthy claims were found.", ""]
    lines += [
        "| id | kind | checkworthy | attribution | hedges | quantities | text |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [_claim_row(c) for c in claims]
    return lines + [""]


def _headline_lines(title: str, headline: HeadlineCheck) -> list[str]:
    lines = ["## Headline", "", f"> {' '.join(title.split())}", ""]
    lines.append(f"- **Verdict:** {verdict_label(headline)}")
    if headline.matched_claims:
        lines.append(f"- **Matching claims:** {', '.join(headline.matched_claims)}")
    if headline.headline_source:
        lines.append(f"- **Headline credits:** {headline.headline_source}")
    lines.append("")
    if headline.reasons:
        lines += ["### Why", ""]
    for reason in headline.reasons:
        lines.append(f"- **{reason.code}**: {reason.detail}")
        for span in reason.spans:
            lines.append(f"  - {span.where}: {_quote(span.text)}")
    return lines + ([""] if headline.reasons else [])


def _outlet_lines(outlet: Outlet) -> list[str]:
    words = RELIABILITY_WORDS.get(outlet.reliability, outlet.reliability)
    lines = ["## Outlet", "", f"- **Domain:** {outlet.domain or '—'}", f"- **Assessment:** {words}"]
    if outlet.summary:
        lines += ["", outlet.summary]
    lines.append("")
    for signal in outlet.signals:
        lines.append(f"- **{signal.code}**: {signal.detail}")
        for evidence in evidence_lines(signal.evidence):
            lines.append(f"  - {evidence}")
    return lines + [""]


def _verdict_lines(verdicts: tuple[Verdict, ...]) -> list[str]:
    lines = [f"## Evidence ({len(verdicts)} claims checked against the corpus)", ""]
    for verdict in verdicts:
        lines.append(f"### {verdict.claim_id}: {verdict.label}")
        lines += ["", verdict.detail + ".", ""]
        if verdict.attribution is not None:
            check = verdict.attribution
            lines.append(f"- **Attribution ({check.source}):** {check.label}: {check.detail}")
        for e in verdict.evidence:
            lines.append(f"- **{e.stance}** ({e.probability:.2f}) {_quote(e.quote)}")
            lines.append(f"  - {_cell(evidence_source_label(e))}")
            if e.numbers:
                lines.append(f"  - numbers: {_cell(e.numbers)}")
        lines.append("")
    return lines


def render_markdown(report: Report) -> str:
    """The report as a Markdown document."""
    lines = _article_lines(report.article)
    lines += _claims_lines(report.claims)
    lines += _headline_lines(report.article.title, report.headline)
    lines += _outlet_lines(report.outlet)
    if report.verdicts:
        lines += _verdict_lines(report.verdicts)
    if report.acronyms:
        lines += ["## Acronyms", ""]
        lines += [f"- **{a.short}**: {a.long}" for a in report.acronyms]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
