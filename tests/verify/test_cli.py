"""`newsaudit eval verify` and `train verify`: scores from a known model, and bad input."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsaudit.verify import model as model_module
from newsaudit.verify.data import Label

from .conftest import RunCli, climate_record, covid_record, write_jsonl


class KeywordJudge:
    """A stand-in model whose answers are known in advance: the tests compute the scores."""

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[Label]:
        out: list[Label] = []
        for _, evidence in pairs:
            if "yes" in evidence:
                out.append("supports")
            elif "no" in evidence:
                out.append("refutes")
            else:
                out.append("neutral")
        return out

    def claim_verdicts(self, claims: Sequence[tuple[str, Sequence[str]]]) -> list[Label]:
        return ["refutes" if "fake" in claim else "supports" for claim, _ in claims]


@pytest.fixture
def keyword_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_module, "load_entailer", lambda path=None: KeywordJudge())


def test_climate_fever_scores_match_hand_computation(
    tmp_path: Path, run_cli: RunCli, keyword_model: None
) -> None:
    data = write_jsonl(
        tmp_path / "cf.jsonl",
        [
            climate_record(
                "1", "c1", [("yes", "SUPPORTS"), ("no", "REFUTES"), ("x", "NOT_ENOUGH_INFO")]
            ),
            climate_record("2", "c2", [("yes", "NOT_ENOUGH_INFO"), ("no", "SUPPORTS")]),
        ],
    )
    code, out, err = run_cli(
        "eval", "verify", "--data", str(data), "--format", "climate-fever", "--json"
    )
    assert code == 0, err
    got = json.loads(out)
    # gold S R N N S, predicted S R N S R: 3 of 5 right.
    # SUPPORTS: TP 1, FP 1, FN 1 → 0.5; REFUTES: TP 1, FP 1, FN 0 → 2/3;
    # NOT_ENOUGH_INFO: TP 1, FP 0, FN 1 → 2/3.
    assert got["accuracy"] == pytest.approx(0.6)
    assert got["per_class_f1"] == pytest.approx(
        {"SUPPORTS": 0.5, "REFUTES": 2 / 3, "NOT_ENOUGH_INFO": 2 / 3}
    )
    assert got["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    assert got["confusion"]["NOT_ENOUGH_INFO"] == {
        "SUPPORTS": 1,
        "REFUTES": 0,
        "NOT_ENOUGH_INFO": 1,
    }
    assert got["items_per_second"] > 0


def test_covidfact_scores_claims(tmp_path: Path, run_cli: RunCli, keyword_model: None) -> None:
    data = write_jsonl(
        tmp_path / "cv.jsonl",
        [
            covid_record("true claim", "SUPPORTED", ["e"], "a"),
            covid_record("fake claim", "REFUTED", ["e"], "a"),
            covid_record("fake but true", "SUPPORTED", ["e", "f"], "b"),
            covid_record("plain", "REFUTED", ["e"], "b"),
        ],
    )
    code, out, err = run_cli(
        "eval", "verify", "--data", str(data), "--format", "covidfact", "--json"
    )
    assert code == 0, err
    got = json.loads(out)
    # Each class: TP 1, FP 1, FN 1 → F1 0.5.
    assert got["accuracy"] == 0.5
    assert got["macro_f1"] == 0.5
    assert got["confusion"] == {
        "SUPPORTED": {"SUPPORTED": 1, "REFUTED": 1},
        "REFUTED": {"SUPPORTED": 1, "REFUTED": 1},
    }
    code, table, _ = run_cli("eval", "verify", "--data", str(data), "--format", "covidfact")
    assert code == 0 and "accuracy         0.5000" in table and "REFUTED" in table


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        (
            '{"claim": "a", "label": "SUPPORTED", "evidence": ["b"]}\n{oops\n',
            "line 2: malformed JSON",
        ),
        ('{"claim": "a", "label": "TRUE", "evidence": ["b"]}\n', "unknown label 'TRUE'"),
        ('{"claim": "a", "label": "SUPPORTED"}\n', "'evidence'"),
        ("[1, 2]\n", "expected a JSON object"),
    ],
)
def test_bad_eval_input_is_one_line_and_exit_1(
    tmp_path: Path, run_cli: RunCli, keyword_model: None, content: str, message: str
) -> None:
    data = tmp_path / "bad.jsonl"
    data.write_text(content, encoding="utf-8")
    code, out, err = run_cli("eval", "verify", "--data", str(data), "--format", "covidfact")
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert out == ""


def test_missing_file_and_unknown_format(tmp_path: Path, run_cli: RunCli) -> None:
    code, _, err = run_cli(
        "eval", "verify", "--data", str(tmp_path / "none.jsonl"), "--format", "covidfact"
    )
    assert code == 1 and "no such file" in err and err.count("\n") == 1
    code, _, err = run_cli("eval", "verify", "--data", str(tmp_path), "--format", "fever")
    assert code == 2 and err.count("\n") == 1


def test_missing_model_file_is_a_model_error(tmp_path: Path, run_cli: RunCli) -> None:
    data = write_jsonl(tmp_path / "cv.jsonl", [covid_record("a", "SUPPORTED", ["b"], "s")])
    code, _, err = run_cli(
        "eval",
        "verify",
        "--data",
        str(data),
        "--format",
        "covidfact",
        "--model",
        str(tmp_path / "m.npz"),
    )
    assert code == 1 and "train verify" in err


def test_corrupt_model_file_is_a_model_error(tmp_path: Path, run_cli: RunCli) -> None:
    data = write_jsonl(tmp_path / "cv.jsonl", [covid_record("a", "SUPPORTED", ["b"], "s")])
    bad = tmp_path / "m.npz"
    bad.write_bytes(b"PK\x03\x04 truncated")
    code, _, err = run_cli(
        "eval", "verify", "--data", str(data), "--format", "covidfact", "--model", str(bad)
    )
    assert code == 1 and "unreadable" in err and err.count("\n") == 1


def test_train_needs_the_data_layout(tmp_path: Path, run_cli: RunCli) -> None:
    code, _, err = run_cli(
        "train", "verify", "--data", str(tmp_path), "--out", str(tmp_path / "m.npz")
    )
    assert code == 2 and "climate-fever" in err and err.count("\n") == 1
    assert not (tmp_path / "m.npz").exists()


def test_train_refuses_malformed_data(tmp_path: Path, run_cli: RunCli) -> None:
    for folder, name in (
        ("climate-fever", "climate-fever-dev.jsonl"),
        ("covidfact", "covidfact-dev.jsonl"),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text("{broken\n", encoding="utf-8")
    (tmp_path / "averitec").mkdir()
    (tmp_path / "averitec" / "train.json").write_text("[]", encoding="utf-8")
    code, _, err = run_cli(
        "train", "verify", "--data", str(tmp_path), "--out", str(tmp_path / "m.npz")
    )
    assert code == 1 and "line 1: malformed JSON" in err
