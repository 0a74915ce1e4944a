"""Audits in the store: a report (its JSON form) taken apart into the rows of `audits` and
`audit_claims`, and listed back."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..errors import StoreError
from .passages import content_hash
from .records import AuditSummary

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


def insert(conn: sqlite3.Connection, audit: AuditRow, claims: list[ClaimRow]) -> int:
    """Insert an audit and its claims; the caller holds the transaction."""
    cursor = conn.execute(
        "INSERT INTO audits (created_at, source, url, title, content_hash, schema, report) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        audit,
    )
    audit_id = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT OR REPLACE INTO audit_claims (audit_id, claim_id, text, kind, "
        "attribution_source, attribution_type, verdict) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(audit_id, *claim) for claim in claims],
    )
    return audit_id


def summaries(conn: sqlite3.Connection, limit: int, query: str | None) -> list[AuditSummary]:
    """Audits newest first; `query` keeps those whose title, source or a claim has it."""
    where, args = "", []
    if query:
        where = (
            "WHERE a.title LIKE ? OR a.source LIKE ? OR EXISTS (SELECT 1 FROM audit_claims c "
            "WHERE c.audit_id = a.id AND c.text LIKE ?)"
        )
        args = [f"%{query}%"] * 3
    rows = conn.execute(
        "SELECT a.id, a.created_at, a.source, a.url, a.title, a.schema, "
        "(SELECT COUNT(*) FROM audit_claims c WHERE c.audit_id = a.id) "
        f"FROM audits a {where} ORDER BY a.id DESC LIMIT ?",
        [*args, max(limit, 0)],
    ).fetchall()
    return [AuditSummary(*row) for row in rows]
