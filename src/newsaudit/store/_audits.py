"""An audit report (its JSON form) taken apart into the rows of `audits` and `audit_claims`."""

from __future__ import annotations

import json
from typing import Any

from ..errors import StoreError
from .passages import content_hash

AuditRow = tuple[str, str, str | None, str, str, str, str]
ClaimRow = tuple[str, str, str, str | None, str | None, str | None]


def rows(report: dict[str, Any], source: str, created_at: str) -> tuple[AuditRow, list[ClaimRow]]:
    """The audit row and one row per claim (with its verdict label when there is one)."""
    if not isinstance(report, dict) or not isinstance(report.get("schema"), str):
        raise StoreError("an audit report must be the JSON form of a Report, with a 'schema'")
    article = report.get("article") if isinstance(report.get("article"), dict) else {}
    assert isinstance(article, dict)
    try:
        text = json.dumps(report, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"the audit report cannot be saved as JSON ({exc})") from None
    body = article.get("text")
    digest = content_hash(body if isinstance(body, str) and body.strip() else text)
    verdicts = {
        v.get("claim_id"): v.get("label")
        for v in report.get("verdicts") or []
        if isinstance(v, dict)
    }
    claims: list[ClaimRow] = []
    for claim in report.get("claims") or []:
        if not isinstance(claim, dict) or not isinstance(claim.get("id"), str):
            continue
        attribution = claim.get("attribution") or {}
        claims.append(
            (
                claim["id"],
                str(claim.get("text", "")),
                str(claim.get("kind", "")),
                attribution.get("source") if isinstance(attribution, dict) else None,
                attribution.get("type") if isinstance(attribution, dict) else None,
                verdicts.get(claim["id"]),
            )
        )
    audit: AuditRow = (
        created_at,
        source,
        article.get("url"),
        str(article.get("title") or ""),
        digest,
        report["schema"],
        text,
    )
    return audit, claims
