"""Evaluation gate: the shipped attribution tagger keeps its PolNeAR dev figures.

Floors are the dev figures in docs/benchmarks.md ("Attribution (PolNeAR)") less a margin of
0.01; never lower them silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsaudit.cli.main import main

pytestmark = [pytest.mark.slow, pytest.mark.data]

FLOORS = {
    ("source", "overlap"): 0.777,
    ("source", "exact"): 0.736,
    ("content", "overlap"): 0.777,
    ("content", "exact"): 0.432,
}


def test_dev_figures_hold(shared_data: Path) -> None:
    dev = shared_data / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip("polnear/dev is not present")
    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        try:
            main(["eval", "attribution", "--data", str(dev), "--json"])
        except SystemExit as exc:
            assert exc.code == 0, err.getvalue().decode()
        payload = json.loads(out.getvalue().decode())
    for (role, rule), floor in FLOORS.items():
        assert payload["spans"][role][rule]["f1"] >= floor, (role, rule, payload["spans"])
    assert payload["f1"] >= FLOORS[("source", "overlap")]
