"""Report -> the public JSON contract ``newsaudit.report/2``.

The dictionary is built field by field, in a fixed key order, so that the records in
`model.py` can grow or change inside without changing what JSON consumers see. The
contract is described by ``schemas/report-2.schema.json`` and ``docs/report-schema.md``.
"""

from __future__ import annotations

import functools
import json
from importlib import metadata, resources
from typing import Any

from ..errors import ModelError
from ..model import (
    SCHEMA_VERSION,
    Acronym,
    Article,
    Attribution,
    AttributionCheck,
    Claim,
    Entity,
    HeadlineCheck,
    Hedge,
    Outlet,
    Quantity,
    Report,
    Span,
    Verdict,
)

JsonDict = dict[str, Any]

SCHEMA_FILE = "report-2.schema.json"


def generator_info(spacy_model: str | None = None) -> JsonDict:
    """Which newsaudit and which spaCy pipeline produced a report."""
    from .. import __version__

    info: JsonDict = {"name": "newsaudit", "version": __version__}
    if spacy_model is not None:
        info["spacy_model"] = {"name": spacy_model, "version": _package_version(spacy_model)}
    return info


def _package_version(name: str) -> str | None:
    for candidate in (name, name.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except metadata.PackageNotFoundError:
            continue
    return None


def _span(span: Span) -> JsonDict:
    return {"text": span.text, "start": span.start, "end": span.end, "where": span.where}


def _article(article: Article) -> JsonDict:
    return {
        "title": article.title,
        "site": article.site,
        "url": article.url,
        "author": article.author,
        "date": article.date,
        "language": article.language,
        "source_format": article.source_format,
        "text": article.text,
        "blocks": [{"kind": b.kind, "start": b.start, "end": b.end} for b in article.blocks],
        "furniture": [{"text": f.text, "reason": f.reason} for f in article.furniture],
        "links": [{"url": link.url, "text": link.text} for link in article.links],
        "title_repeats": article.title_repeats,
    }


def _attribution(attribution: Attribution) -> JsonDict:
    return {
        "type": attribution.type,
        "mention": attribution.mention,
        "source": attribution.source,
        "source_kind": attribution.source_kind,
        "cue": attribution.cue,
        "start": attribution.start,
        "end": attribution.end,
    }


def _quantity(quantity: Quantity) -> JsonDict:
    return {
        "text": quantity.text,
        "value": quantity.value,
        "approx": quantity.approx,
        "counts": quantity.counts,
        "unit": quantity.unit,
        "per": quantity.per,
        "start": quantity.start,
        "end": quantity.end,
    }


def _entity(entity: Entity) -> JsonDict:
    return {"text": entity.text, "label": entity.label, "start": entity.start, "end": entity.end}


def _hedge(hedge: Hedge) -> JsonDict:
    return {"text": hedge.text, "start": hedge.start, "end": hedge.end}


def _claim(claim: Claim) -> JsonDict:
    return {
        "id": claim.id,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "kind": claim.kind,
        "checkworthy": claim.checkworthy,
        "attribution": _attribution(claim.attribution),
        "quantities": [_quantity(q) for q in claim.quantities],
        "entities": [_entity(e) for e in claim.entities],
        "hedges": [_hedge(h) for h in claim.hedges],
    }


def _headline(headline: HeadlineCheck) -> JsonDict:
    return {
        "verdict": headline.verdict,
        "stance": headline.stance,
        "reasons": [
            {"code": r.code, "detail": r.detail, "spans": [_span(s) for s in r.spans]}
            for r in headline.reasons
        ],
        "matched_claims": list(headline.matched_claims),
        "headline_source": headline.headline_source,
    }


def _outlet(outlet: Outlet) -> JsonDict:
    return {
        "domain": outlet.domain,
        "reliability": outlet.reliability,
        "summary": outlet.summary,
        "signals": [
            {"code": s.code, "detail": s.detail, "evidence": list(s.evidence), "weight": s.weight}
            for s in outlet.signals
        ],
    }


def _acronym(acronym: Acronym) -> JsonDict:
    return {"short": acronym.short, "long": acronym.long, "start": acronym.start}


def _attribution_check(check: AttributionCheck | None) -> JsonDict | None:
    if check is None:
        return None
    return {
        "source": check.source,
        "label": check.label,
        "detail": check.detail,
        "domains": list(check.domains),
    }


def _verdict(verdict: Verdict) -> JsonDict:
    return {
        "claim_id": verdict.claim_id,
        "label": verdict.label,
        "detail": verdict.detail,
        "evidence": [
            {
                "document_id": e.document_id,
                "passage_id": e.passage_id,
                "url": e.url,
                "title": e.title,
                "source": e.source,
                "domain": e.domain,
                "published": e.published,
                "quote": e.quote,
                "start": e.start,
                "end": e.end,
                "stance": e.stance,
                "probability": e.probability,
                "retrieval_score": e.retrieval_score,
                "from_cited_source": e.from_cited_source,
                "numbers": e.numbers,
            }
            for e in verdict.evidence
        ],
        "attribution": _attribution_check(verdict.attribution),
    }


def report_to_dict(report: Report, spacy_model: str | None = None) -> JsonDict:
    """The report as a plain dictionary in the ``newsaudit.report/2`` shape."""
    return {
        "schema": SCHEMA_VERSION,
        "generator": generator_info(spacy_model),
        "article": _article(report.article),
        "claims": [_claim(c) for c in report.claims],
        "headline": _headline(report.headline),
        "outlet": _outlet(report.outlet),
        "acronyms": [_acronym(a) for a in report.acronyms],
        "verdicts": [_verdict(v) for v in report.verdicts],
    }


def render_json(report: Report, spacy_model: str | None = None, indent: int | None = 2) -> str:
    """The report as JSON text (UTF-8, not ASCII-escaped), ending without a newline."""
    return json.dumps(report_to_dict(report, spacy_model), indent=indent, ensure_ascii=False)


@functools.lru_cache(maxsize=1)
def load_schema() -> JsonDict:
    """The JSON Schema (draft 2020-12) of ``newsaudit.report/2``, shipped with the package."""
    text = resources.files("newsaudit").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")
    schema: JsonDict = json.loads(text)
    return schema


def validate_report_dict(data: JsonDict) -> None:
    """Raise `jsonschema.ValidationError` when `data` breaks the report schema."""
    try:
        import jsonschema
    except ImportError:
        raise ModelError(
            "validating reports needs jsonschema; install it with `pip install jsonschema`"
        ) from None
    validator_cls = jsonschema.Draft202012Validator
    validator = validator_cls(load_schema(), format_checker=validator_cls.FORMAT_CHECKER)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise error
