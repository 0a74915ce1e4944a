"""Helpers for the entailment tests: JSONL writers (the CLI runner is in tests/conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

RunCli = Callable[..., tuple[int, str, str]]


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    """Write one JSON object a line and return the path."""
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def climate_record(
    claim_id: str, claim: str, evidence: Sequence[tuple[str, str]]
) -> dict[str, Any]:
    """A Climate-FEVER line: a claim with (sentence, label) evidence."""
    return {
        "claim_id": claim_id,
        "claim": claim,
        "claim_label": "SUPPORTS",
        "evidences": [
            {"evidence_id": f"{claim_id}:{i}", "evidence_label": label, "evidence": text}
            for i, (text, label) in enumerate(evidence)
        ],
    }


def covid_record(claim: str, label: str, evidence: Sequence[str], source: str) -> dict[str, Any]:
    """A COVID-Fact line."""
    return {"claim": claim, "label": label, "evidence": list(evidence), "gold_source": source}
