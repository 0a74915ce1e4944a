"""Report -> CSV: one row per claim, for spreadsheets and data tools.

Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) get a leading apostrophe: article text is untrusted, and opening an
export must not execute anything it carries.
"""

from __future__ import annotations

import csv
import io

from ..model import Claim, Report, Verdict
from ._labels import quantity_label

COLUMNS = (
    "claim_id",
    "kind",
    "checkworthy",
    "start",
    "end",
    "text",
    "attribution_type",
    "attribution_source",
    "attribution_mention",
    "hedges",
    "quantities",
    "entities",
    "corpus_verdict",
    "corpus_detail",
    "evidence_count",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: str) -> str:
    """A text cell that spreadsheets show as text rather than run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _row(claim: Claim, verdict: Verdict | None) -> list[str]:
    a = claim.attribution
    texts = [
        claim.text,
        a.source or "",
        a.mention or "",
        "; ".join(h.text for h in claim.hedges),
        "; ".join(quantity_label(q) for q in claim.quantities),
        "; ".join(f"{e.text} ({e.label})" for e in claim.entities),
        verdict.detail if verdict else "",
    ]
    text, source, mention, hedges, quantities, entities, detail = (defuse(t) for t in texts)
    return [
        claim.id,
        claim.kind,
        f"{claim.checkworthy:.3f}",
        str(claim.start),
        str(claim.end),
        text,
        a.type,
        source,
        mention,
        hedges,
        quantities,
        entities,
        verdict.label if verdict else "",
        detail,
        str(len(verdict.evidence)) if verdict else "0",
    ]


def render_csv(report: Report) -> str:
    """The claims as CSV (RFC 4180, CRLF line ends, a header row)."""
    verdicts = {v.claim_id: v for v in report.verdicts}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for claim in report.claims:
        writer.writerow(_row(claim, verdicts.get(claim.id)))
    return out.getvalue()
