"""Stored audit reports (``newsaudit.report/2`` JSON) -> the articles stories are built from."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import StoreError
from ..store import Store
from .quantities import kind_of
from .records import QuantityFact, StoryArticle

CHECKWORTHY = 0.5  # claims at or above this count for the unsourced share (as outlet does)
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
_MISMATCH = frozenset({"not_supported", "contradicted"})


def article_from_report(audit_id: int, report: Mapping[str, Any]) -> StoryArticle:
    """The parts of one report that stories read."""
    article = _dict(report.get("article"))
    outlet = _dict(report.get("outlet"))
    headline = _dict(report.get("headline"))
    claims = [c for c in report.get("claims") or [] if isinstance(c, dict)]
    quantities: list[QuantityFact] = []
    entities: list[str] = []
    checkworthy = unsourced = 0
    for claim in claims:
        text = str(claim.get("text", ""))
        attribution = _dict(claim.get("attribution"))
        credited = attribution.get("source") if isinstance(attribution.get("source"), str) else None
        if float(claim.get("checkworthy", 0.0)) >= CHECKWORTHY:
            checkworthy += 1
            unsourced += attribution.get("type") == "none"
        for entity in claim.get("entities") or []:
            if isinstance(entity, dict) and entity.get("label") in _ENTITY_LABELS:
                entities.append(str(entity.get("text", "")))
        for quantity in claim.get("quantities") or []:
            if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), int | float):
                continue
            kind = kind_of(quantity, text, int(claim.get("start", 0)))
            if kind is not None:
                quantities.append(
                    QuantityFact(
                        kind=kind,
                        value=float(quantity["value"]),
                        text=str(quantity.get("text", "")),
                        approx=str(quantity.get("approx", "exact")),
                        unit=quantity.get("unit")
                        if isinstance(quantity.get("unit"), str)
                        else None,
                        credited=credited,
                        claim=text,
                    )
                )
    signals = [s.get("code") for s in outlet.get("signals") or [] if isinstance(s, dict)]
    return StoryArticle(
        audit_id=audit_id,
        domain=_domain(outlet.get("domain") or article.get("site")),
        url=article.get("url") if isinstance(article.get("url"), str) else None,
        title=str(article.get("title") or ""),
        date=article.get("date") if isinstance(article.get("date"), str) else None,
        text=str(article.get("text") or ""),
        claim_texts=tuple(str(c.get("text", "")) for c in claims),
        entities=tuple(entities),
        quantities=tuple(quantities),
        checkworthy_claims=checkworthy,
        unsourced_claims=unsourced,
        template_text="template_text" in signals,
        headline_mismatch=headline.get("verdict") in _MISMATCH,
    )


def load_articles(store: Store) -> list[StoryArticle]:
    """Every stored audit, one per article text (the latest audit of a text wins)."""
    return [article_from_report(audit_id, report) for audit_id, report in _latest_reports(store)]


def _latest_reports(store: Store) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        rows = store.conn.execute(
            "SELECT id, report FROM audits WHERE id IN "
            "(SELECT MAX(id) FROM audits GROUP BY content_hash) ORDER BY id"
        )
        for audit_id, text in rows:
            try:
                report = json.loads(text)
            except json.JSONDecodeError:
                continue  # a damaged row is not a story; the rest still are
            if isinstance(report, dict):
                yield int(audit_id), report
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path}: cannot read the stored audits ({exc})") from None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _domain(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().lower().removeprefix("www.")
