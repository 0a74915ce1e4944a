"""Evaluation gate: what the audit credits, and the shipped tagger alone, keep their PolNeAR
dev figures.

Floors are the dev figures in docs/benchmarks.md ("Attribution (PolNeAR)") less a margin of
0.01; never lower them silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import RunCli

pytestmark = [pytest.mark.slow, pytest.mark.data]

FLOORS = {
    "audit": {
        ("source", "overlap"): 0.760,
        ("source", "exact"): 0.722,
        ("content", "overlap"): 0.729,
        ("content", "exact"): 0.398,
    },
    "tagger": {
        ("source", "overlap"): 0.777,
        ("source", "exact"): 0.736,
        ("content", "overlap"): 0.777,
        ("content", "exact"): 0.432,
    },
}


@pytest.mark.parametrize("method", sorted(FLOORS))
def test_dev_figures_hold(run_cli: RunCli, shared_data: Path, method: str) -> None:
    dev = shared_data / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip("polnear/dev is not present")
    code, out, err = run_cli(
        "eval", "attribution", "--data", str(dev), "--method", method, "--json"
    )
    assert code == 0, err
    payload = json.loads(out)
    for (role, rule), floor in FLOORS[method].items():
        assert payload["spans"][role][rule]["f1"] >= floor, (role, rule, payload["spans"])
    assert payload["f1"] >= FLOORS[method][("source", "overlap")]
