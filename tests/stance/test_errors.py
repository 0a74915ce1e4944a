"""Bad input to `train stance` and `eval stance`: one error line, a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.errors import NewsauditError
from newsaudit.learn.data import DataError, read_stance_data

from .conftest import RunCli, write_csv

BODY_HEADER = ["Body ID", "articleBody"]
STANCE_HEADER = ["Headline", "Body ID", "Stance"]


def _good_bodies(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "bodies.csv", BODY_HEADER, [["1", "A body about a thing."]])


def _cases(tmp_path: Path) -> dict[str, tuple[Path, Path, str]]:
    bodies = _good_bodies(tmp_path)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    return {
        "missing column": (
            bodies,
            write_csv(tmp_path / "s1.csv", ["Headline", "Body ID"], [["A thing", "1"]]),
            "missing column(s) Stance",
        ),
        "unknown label": (
            bodies,
            write_csv(tmp_path / "s2.csv", STANCE_HEADER, [["A thing", "1", "maybe"]]),
            "unknown stance 'maybe'",
        ),
        "body missing": (
            bodies,
            write_csv(tmp_path / "s3.csv", STANCE_HEADER, [["A thing", "7", "agree"]]),
            "Body ID '7' has no body",
        ),
        "empty stances": (bodies, empty, "file is empty"),
        "empty bodies": (empty, tmp_path / "s4.csv", "file is empty"),
        "header only": (
            bodies,
            write_csv(tmp_path / "s5.csv", STANCE_HEADER, []),
            "has a header but no rows",
        ),
        "bodies without text column": (
            write_csv(tmp_path / "b2.csv", ["Body ID"], [["1"]]),
            tmp_path / "s6.csv",
            "missing column(s) articleBody",
        ),
    }


CASES = [
    "missing column",
    "unknown label",
    "body missing",
    "empty stances",
    "empty bodies",
    "header only",
    "bodies without text column",
]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("command", ["train", "eval"])
def test_bad_input_gives_one_error_line(
    case: str, command: str, tmp_path: Path, run_cli: RunCli
) -> None:
    bodies, stances, expected = _cases(tmp_path)[case]
    args = ["--bodies", str(bodies), "--stances", str(stances)]
    if command == "train":
        args += ["--out", str(tmp_path / "m.npz")]
    code, out, err = run_cli(command, "stance", *args)
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsaudit: error: ")
    assert expected in lines[0]


def test_errors_belong_to_the_family(tmp_path: Path) -> None:
    bodies, stances, _ = _cases(tmp_path)["unknown label"]
    with pytest.raises(DataError) as info:
        read_stance_data(bodies, stances)
    assert isinstance(info.value, NewsauditError)


def test_missing_file_and_folder(tmp_path: Path, run_cli: RunCli) -> None:
    code, _, err = run_cli(
        "train", "stance", "--data", str(tmp_path / "nope"), "--out", str(tmp_path / "m.npz")
    )
    assert code != 0 and err.startswith("newsaudit: error: ") and len(err.splitlines()) == 1
    code, _, err = run_cli(
        "eval", "stance", "--bodies", str(tmp_path / "b.csv"), "--stances", str(tmp_path / "s.csv")
    )
    assert code != 0 and "no such file" in err and len(err.splitlines()) == 1


def test_unreadable_model_is_a_model_error(tmp_path: Path, run_cli: RunCli) -> None:
    bodies = _good_bodies(tmp_path)
    stances = write_csv(tmp_path / "s.csv", STANCE_HEADER, [["A thing", "1", "agree"]])
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    code, _, err = run_cli(
        "eval", "stance", "--bodies", str(bodies), "--stances", str(stances), "--model", str(bad)
    )
    assert code == 1
    assert err.startswith("newsaudit: error: stance model") and len(err.splitlines()) == 1


def test_missing_data_options_are_usage_errors(tmp_path: Path, run_cli: RunCli) -> None:
    code, _, err = run_cli("train", "stance", "--out", str(tmp_path / "m.npz"))
    assert code == 2 and err.startswith("newsaudit: error: give --data")
    bodies = _good_bodies(tmp_path)
    code, _, err = run_cli(
        "train",
        "stance",
        "--data",
        str(tmp_path),
        "--out",
        str(tmp_path / "m.npz"),
        "--extra-bodies",
        str(bodies),
    )
    assert code == 2 and "go together" in err and len(err.splitlines()) == 1
