"""A stored report (``newsaudit.report/2`` JSON) -> the Report records, for the renderers.

Stored audits come back from the store as the JSON contract; the HTML, Markdown, CSV and
ClaimReview renderers take a Report. A damaged or foreign row is a StoreError, never a
KeyError deep inside a template (jsonschema is a test dependency, so it is not used here).
"""

from __future__ import annotations

from typing import Any

from ..errors import StoreError
from ..model import (
    SCHEMA_VERSION,
    Acronym,
    Article,
    Attribution,
    AttributionCheck,
    Block,
    Claim,
    Entity,
    Evidence,
    Furniture,
    HeadlineCheck,
    HeadlineReason,
    Hedge,
    Link,
    Outlet,
    OutletSignal,
    Quantity,
    Report,
    Span,
    Verdict,
)

JsonDict = dict[str, Any]


def _article(d: JsonDict) -> Article:
    return Article(
        text=d["text"],
        title=d["title"],
        site=d["site"],
        author=d["author"],
        date=d["date"],
        url=d["url"],
        source_format=d["source_format"],
        blocks=tuple(Block(b["kind"], b["start"], b["end"]) for b in d["blocks"]),
        furniture=tuple(Furniture(f["text"], f["reason"]) for f in d["furniture"]),
        links=tuple(Link(x["url"], x["text"]) for x in d["links"]),
        title_repeats=d["title_repeats"],
        language=d["language"],
    )


def _claim(d: JsonDict) -> Claim:
    return Claim(
        id=d["id"],
        text=d["text"],
        start=d["start"],
        end=d["end"],
        kind=d["kind"],
        checkworthy=d["checkworthy"],
        attribution=Attribution(**d["attribution"]),
        quantities=tuple(Quantity(**q) for q in d["quantities"]),
        entities=tuple(Entity(**e) for e in d["entities"]),
        hedges=tuple(Hedge(**h) for h in d["hedges"]),
    )


def _headline(d: JsonDict) -> HeadlineCheck:
    return HeadlineCheck(
        verdict=d["verdict"],
        stance=d["stance"],
        reasons=tuple(
            HeadlineReason(r["code"], r["detail"], tuple(Span(**s) for s in r["spans"]))
            for r in d["reasons"]
        ),
        matched_claims=tuple(d["matched_claims"]),
        headline_source=d["headline_source"],
    )


def _outlet(d: JsonDict) -> Outlet:
    return Outlet(
        domain=d["domain"],
        reliability=d["reliability"],
        signals=tuple(
            OutletSignal(s["code"], s["detail"], tuple(s["evidence"]), s["weight"])
            for s in d["signals"]
        ),
        summary=d["summary"],
    )


def _verdict(d: JsonDict) -> Verdict:
    check = d["attribution"]
    return Verdict(
        claim_id=d["claim_id"],
        label=d["label"],
        detail=d["detail"],
        evidence=tuple(Evidence(**e) for e in d["evidence"]),
        attribution=None
        if check is None
        else AttributionCheck(
            check["source"], check["label"], check["detail"], tuple(check["domains"])
        ),
    )


def report_from_dict(data: JsonDict) -> Report:
    """Rebuild the Report records from their ``newsaudit.report/2`` JSON form."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise StoreError(
            f"a stored audit is {found!r}, not {SCHEMA_VERSION}; audit the article again"
        )
    try:
        return Report(
            article=_article(data["article"]),
            claims=tuple(_claim(c) for c in data["claims"]),
            headline=_headline(data["headline"]),
            outlet=_outlet(data["outlet"]),
            acronyms=tuple(Acronym(a["short"], a["long"], a["start"]) for a in data["acronyms"]),
            verdicts=tuple(_verdict(v) for v in data["verdicts"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoreError(
            f"a stored audit does not fit the report schema (missing or bad {exc}); "
            "audit the article again"
        ) from None
