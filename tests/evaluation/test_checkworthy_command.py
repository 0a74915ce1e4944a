"""`newsaudit eval checkworthy` and `train checkworthy` on small debates, and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsaudit.learn.checkworthy import load_checkworthy_model

from .conftest import DEBATE, RunCli, assert_one_line_error, write_debate

RANDOM_MAP = 0.5  # about what a ranking that ignores the text scores on these debates


def test_rules_rank_the_factual_claims_first(run_cli: RunCli, debates: Path) -> None:
    code, out, err = run_cli(
        "eval", "checkworthy", "--data", str(debates), "--scorer", "rules", "--json"
    )
    assert code == 0, err
    payload = json.loads(out)
    assert payload["files"] == 3
    assert payload["positives"] == 9
    assert {"map", "r_precision", "p_at_10", "items_per_second"} <= set(payload)
    assert payload["map"] > RANDOM_MAP
    assert payload["p_at_10"] == pytest.approx(0.3)  # 3 positives in 10 sentences
    assert [f["name"] for f in payload["per_file"]] == [
        "training/d1.tsv",
        "training/d2.tsv",
        "training/d3.tsv",
    ]


def test_claimbuster_csv_is_one_ranked_list(run_cli: RunCli, claimbuster: Path) -> None:
    code, out, err = run_cli(
        "eval", "checkworthy", "--data", str(claimbuster), "--scorer", "rules", "--json"
    )
    assert code == 0, err
    payload = json.loads(out)
    assert payload["files"] == 1
    assert payload["sentences"] == len(DEBATE)


def test_train_then_eval_with_the_model(run_cli: RunCli, debates: Path, tmp_path: Path) -> None:
    model = tmp_path / "cw.npz"
    code, _, err = run_cli(
        "train", "checkworthy", "--data", str(debates), "--out", str(model), "--folds", "3"
    )
    assert code == 0, err
    assert "dev (3 debates, by file) model" in err
    code, out, err = run_cli(
        "eval", "checkworthy", "--data", str(debates), "--model", str(model), "--json"
    )
    assert code == 0, err
    rows = {row["scorer"]: row for row in json.loads(out)["scorers"]}
    assert set(rows) == {"audit", "model", "rules"}
    # Seen in training, the three claims are ranked first in every debate.
    assert rows["model"]["map"] == pytest.approx(1.0)
    assert 0 < rows["audit"]["map"] <= 1


def test_training_is_deterministic(run_cli: RunCli, debates: Path, tmp_path: Path) -> None:
    paths = [tmp_path / "a.npz", tmp_path / "b.npz"]
    for path in paths:
        code, _, err = run_cli(
            "train", "checkworthy", "--data", str(debates), "--out", str(path), "--folds", "0"
        )
        assert code == 0, err
    first, second = (load_checkworthy_model(p) for p in paths)
    assert first.vocab == second.vocab
    assert np.array_equal(first.weights, second.weights)
    assert first.bias == second.bias


def test_missing_folder(run_cli: RunCli, tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("eval", "checkworthy", "--data", str(tmp_path / "nowhere")), "no such folder"
    )


def test_folder_without_files(run_cli: RunCli, tmp_path: Path) -> None:
    assert_one_line_error(run_cli("eval", "checkworthy", "--data", str(tmp_path)), "no .tsv")


def test_empty_file(run_cli: RunCli, debates: Path) -> None:
    (debates / "training" / "d2.tsv").write_text("", encoding="utf-8")
    assert_one_line_error(run_cli("eval", "checkworthy", "--data", str(debates)), "file is empty")


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("4\tSMITH\tA sentence without its label", "expected 4 tab-separated fields"),
        ("4\tSMITH\tA sentence with a bad label.\tyes", "label 'yes' is not 0 or 1"),
    ],
)
def test_malformed_debate_line(run_cli: RunCli, debates: Path, line: str, text: str) -> None:
    path = write_debate(debates / "training" / "d2.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_one_line_error(run_cli("eval", "checkworthy", "--data", str(debates)), "d2.tsv:4:")
    assert_one_line_error(run_cli("eval", "checkworthy", "--data", str(debates)), text)


def test_claimbuster_without_label_column(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "cb.csv").write_text("sentence_id,text\n1,Taxes rose.\n", encoding="utf-8")
    assert_one_line_error(run_cli("eval", "checkworthy", "--data", str(tmp_path)), "missing column")


def test_train_with_missing_folder(run_cli: RunCli, tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli(
            "train",
            "checkworthy",
            "--data",
            str(tmp_path / "nowhere"),
            "--out",
            str(tmp_path / "m.npz"),
        ),
        "no such folder",
    )


def test_eval_with_missing_model(run_cli: RunCli, debates: Path, tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("eval", "checkworthy", "--data", str(debates), "--model", str(tmp_path / "no.npz")),
        "not found",
    )
