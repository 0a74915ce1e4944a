"""`newsaudit eval attribution` and `train attribution` end to end, and their bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsaudit.cli.main import main

TINY = Path(__file__).resolve().parent.parent / "fixtures" / "polnear" / "tiny"


def _run(*argv: str) -> tuple[int, str, str]:
    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        try:
            main(list(argv))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        return code, out.getvalue().decode(), err.getvalue().decode()


def _one_line_error(result: tuple[int, str, str], code: int, words: str) -> None:
    got, out, err = result
    assert got == code, result
    assert out == "" and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsaudit: error:"), err
    assert words in lines[0]


def test_rules_on_the_tiny_split_report_every_figure() -> None:
    code, out, err = _run("eval", "attribution", "--data", str(TINY), "--method", "rules", "--json")
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


def test_train_then_eval_with_the_trained_model(tmp_path: Path) -> None:
    model = tmp_path / "tiny.crfsuite.xz"
    code, _, err = _run(
        "train", "attribution", "--data", str(TINY), "--out", str(model), "--iterations", "30"
    )
    assert code == 0, err
    assert model.stat().st_size > 0
    code, out, err = _run("eval", "attribution", "--data", str(TINY), "--model", str(model))
    assert code == 0, err
    assert "source   overlap" in out and "relations/second" in out


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    _one_line_error(
        _run("eval", "attribution", "--data", str(tmp_path / "nowhere")), 2, "no such folder"
    )


def test_a_malformed_annotation_line_is_one_line(tmp_path: Path) -> None:
    split = tmp_path / "split"
    shutil.copytree(TINY, split)
    ann = next((split / "attributions").glob("*_a1.ann"))
    ann.write_text(ann.read_text("utf-8") + "R1 junk here\n", encoding="utf-8")
    _one_line_error(
        _run("eval", "attribution", "--data", str(split), "--method", "rules"), 1, "malformed"
    )


def test_an_empty_article_is_one_line(tmp_path: Path) -> None:
    split = tmp_path / "split"
    shutil.copytree(TINY, split)
    next((split / "text").glob("*.txt")).write_text("", encoding="utf-8")
    _one_line_error(
        _run("train", "attribution", "--data", str(split), "--out", str(tmp_path / "m")),
        1,
        "empty article text",
    )


def test_a_model_that_is_not_one_is_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.crfsuite"
    bogus.write_bytes(b"not a model")
    _one_line_error(
        _run("eval", "attribution", "--data", str(TINY), "--model", str(bogus)), 1, "CRFsuite"
    )


def test_bad_options_are_usage_errors() -> None:
    _one_line_error(_run("eval", "attribution", "--data", str(TINY), "--limit", "0"), 2, "--limit")
