"""Fixtures for the entailment tests: an in-process CLI runner and JSONL writers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from newsaudit.cli.main import main

RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run `newsaudit ARGS…` in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["newsaudit", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


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
