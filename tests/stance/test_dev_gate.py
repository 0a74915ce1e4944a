"""Evaluation gate: a model trained without the dev bodies keeps its dev scores.

Floors are the figures in docs/benchmarks.md less a small noise margin; never lower them
silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import RunCli

pytestmark = [pytest.mark.slow, pytest.mark.data]

FLOOR_RELATIVE = 90.0
FLOOR_MACRO_F1 = 0.74


def test_dev_split_scores(shared_data: Path, tmp_path: Path, run_cli: RunCli) -> None:
    folder = shared_data / "fnc-1"
    dev_ids = folder / "splits" / "hold_out_ids.txt"
    model = tmp_path / "dev.npz"
    code, _, err = run_cli(
        "train",
        "stance",
        "--data",
        str(folder),
        "--hold-out",
        str(dev_ids),
        "--seed",
        "13",
        "--out",
        str(model),
    )
    assert code == 0, err
    assert model.stat().st_size <= 30 * 1024 * 1024
    code, out, err = run_cli(
        "eval",
        "stance",
        "--bodies",
        str(folder / "train_bodies.csv"),
        "--stances",
        str(folder / "train_stances.csv"),
        "--only",
        str(dev_ids),
        "--model",
        str(model),
        "--json",
    )
    assert code == 0, err
    scores = json.loads(out)
    assert scores["pairs"] == 9622
    assert scores["relative_score"] >= FLOOR_RELATIVE
    assert scores["macro_f1"] >= FLOOR_MACRO_F1
    assert scores["pairs_per_second"] >= 200
