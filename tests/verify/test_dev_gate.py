"""Evaluation gate: a model trained with the dev splits held out keeps its dev scores.

Floors are the figures in docs/benchmarks.md less a small noise margin; never lower them
silently.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import RunCli

pytestmark = [pytest.mark.slow, pytest.mark.data]

FLOORS = {
    # set: (accuracy, macro-F1); measured 0.696 / 0.529 and 0.681 / 0.458
    "covidfact": (0.675, 0.50),
    "climate-fever": (0.66, 0.44),
}


def test_dev_split_scores(shared_data: Path, tmp_path: Path, run_cli: RunCli) -> None:
    model = tmp_path / "dev.npz"
    code, out, err = run_cli(
        "train",
        "verify",
        "--data",
        str(shared_data),
        "--dev",
        "--seed",
        "13",
        "--cache",
        str(tmp_path / "vectors.npz"),
        "--out",
        str(model),
    )
    assert code == 0, err
    assert model.stat().st_size <= 30 * 1024 * 1024
    scores = {
        m["set"]: (float(m["accuracy"]), float(m["f1"]))
        for m in re.finditer(
            r"dev (?P<set>[\w-]+): \d+ items, accuracy (?P<accuracy>[\d.]+), "
            r"macro-F1 (?P<f1>[\d.]+)",
            out,
        )
    }
    assert set(scores) == set(FLOORS)
    for name, (accuracy, macro_f1) in FLOORS.items():
        assert scores[name][0] >= accuracy, (name, scores[name])
        assert scores[name][1] >= macro_f1, (name, scores[name])
