"""`newsaudit eval attribution` and `train attribution` end to end, and their bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import RunCli, assert_one_line_error

TINY = Path(__file__).resolve().parent.parent / "fixtures" / "polnear" / "tiny"


def test_rules_on_the_tiny_split_report_every_figure(run_cli: RunCli) -> None:
    code, out, err = run_cli(
        "eval", "attribution", "--data", str(TINY), "--method", "rules", "--json"
    )
    assert code == 0, err
    payload = json.loads(out)
    assert {"precision", "recall", "f1", "items_per_second"} <= payload.keys()
    assert payload["relations"] == 3
    spans = payload["spans"]
    for role in ("source", "content"):
        for rule in ("exact", "overlap"):
            assert spans[role][rule]["gold"] == (2 if role == "source" else 3)
    # "Mayor Ana Ruiz said ..." is the plainest attribution there is
    assert spans["source"]["overlap"]["matched"] >= 1
    assert payload["f1"] == pytest.approx(spans["source"]["overlap"]["f1"], abs=1e-4)


def test_train_then_eval_with_the_trained_model(run_cli: RunCli, tmp_path: Path) -> None:
    model = tmp_path / "tiny.crfsuite.xz"
    code, _, err = run_cli(
        "train", "attribution", "--data", str(TINY), "--out", str(model), "--iterations", "30"
    )
    assert code == 0, err
    assert model.stat().st_size > 0
    code, out, err = run_cli("eval", "attribution", "--data", str(TINY), "--model", str(model))
    assert code == 0, err
    assert "source   overlap" in out and "relations/second" in out


def test_a_missing_folder_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("eval", "attribution", "--data", str(tmp_path / "nowhere")), "no such folder", 2
    )


def test_a_malformed_annotation_line_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    split = tmp_path / "split"
    shutil.copytree(TINY, split)
    ann = next((split / "attributions").glob("*_a1.ann"))
    ann.write_text(ann.read_text("utf-8") + "R1 junk here\n", encoding="utf-8")
    assert_one_line_error(
        run_cli("eval", "attribution", "--data", str(split), "--method", "rules"), "malformed", 1
    )


def test_an_empty_article_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    split = tmp_path / "split"
    shutil.copytree(TINY, split)
    next((split / "text").glob("*.txt")).write_text("", encoding="utf-8")
    assert_one_line_error(
        run_cli("train", "attribution", "--data", str(split), "--out", str(tmp_path / "m")),
        "empty article text",
        1,
    )


def test_a_model_that_is_not_one_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.crfsuite"
    bogus.write_bytes(b"not a model")
    assert_one_line_error(
        run_cli("eval", "attribution", "--data", str(TINY), "--model", str(bogus)), "CRFsuite", 1
    )


def test_bad_options_are_usage_errors(run_cli: RunCli) -> None:
    assert_one_line_error(
        run_cli("eval", "attribution", "--data", str(TINY), "--limit", "0"), "--limit", 2
    )
