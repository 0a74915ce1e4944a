"""Every failure is one line on stderr with exit code 1 (2 for usage), never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsaudit.cli import main as main_module

from .conftest import RunMain, assert_one_line_error


def test_missing_file(run_process: RunMain, tmp_path: Path) -> None:
    assert_one_line_error(run_process("audit", str(tmp_path / "nope.txt")))


def test_unknown_option(run_process: RunMain, example_path: Path) -> None:
    result = run_process("audit", "--no-such-option", str(example_path))
    assert_one_line_error(result, code=2)
    assert "--no-such-option" in result.stderr


def test_empty_standard_input(run_process: RunMain) -> None:
    assert_one_line_error(run_process("audit", "-", stdin=b""))


def test_directory(run_main: RunMain, tmp_path: Path) -> None:
    assert_one_line_error(run_main("audit", str(tmp_path)))


def test_empty_file(run_main: RunMain, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_one_line_error(run_main("audit", str(empty)))


def test_binary_file(run_main: RunMain, tmp_path: Path) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert_one_line_error(run_main("audit", str(binary)))


def test_invalid_utf8(run_main: RunMain, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Headline\n\nA body that says something.\n" + b"\xff\xfe\xc3\x28" * 50)
    result = run_main("audit", str(bad))
    if result.code == 0:
        pytest.skip("this input was decoded leniently; nothing to refuse")
    assert_one_line_error(result)


def test_file_over_the_size_limit(run_main: RunMain, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    assert_one_line_error(run_main("audit", str(big)))


def test_max_bytes_option(run_main: RunMain, example_path: Path) -> None:
    assert_one_line_error(run_main("audit", "--max-bytes", "100", str(example_path)))


@pytest.mark.parametrize(
    "argv",
    [
        ("audit",),
        ("audit", "--format", "pdf", "x.txt"),
        ("audit", "--timeout", "soon", "x.txt"),
        ("audit", "--timeout", "0", "x.txt"),
        ("audit", "--json", "--format", "md", "x.txt"),
        ("no-such-command",),
    ],
)
def test_usage_errors_exit_2(run_main: RunMain, argv: tuple[str, ...]) -> None:
    assert_one_line_error(run_main(*argv), code=2)


def test_bad_setting_in_environment_is_a_usage_error(
    run_main: RunMain, example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSAUDIT_FETCH_TIMEOUT", "soon")
    assert_one_line_error(run_main("audit", str(example_path)), code=2)


def test_unsupported_url_scheme(run_main: RunMain) -> None:
    assert_one_line_error(run_main("audit", "ftp://example.com/story.txt"))


def test_unexpected_exception_is_one_line_with_a_hint(
    run_main: RunMain, example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something broke")

    monkeypatch.delenv("NEWSAUDIT_DEBUG", raising=False)
    monkeypatch.setattr("newsaudit.cli.audit.Auditor.audit", explode)
    result = run_main("audit", str(example_path))
    assert_one_line_error(result)
    assert "internal error" in result.stderr
    assert "NEWSAUDIT_DEBUG=1" in result.stderr


def test_debug_shows_the_traceback(
    run_main: RunMain, example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something broke")

    monkeypatch.setenv("NEWSAUDIT_DEBUG", "1")
    monkeypatch.setattr("newsaudit.cli.audit.Auditor.audit", explode)
    with pytest.raises(RuntimeError):
        main_module.main(["audit", str(example_path)])
    assert os.environ["NEWSAUDIT_DEBUG"] == "1"
