"""Run the CLI in-process through `main` (click's CliRunner isolation) or as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from newsaudit.cli.main import main


@dataclass(frozen=True)
class Result:
    """What a CLI run left behind."""

    code: int
    stdout: str
    stderr: str


RunMain = Callable[..., Result]


@pytest.fixture
def run_main() -> RunMain:
    """Call `main(argv)` with standard streams captured; `stdin` feeds standard input."""

    def run(*argv: str, stdin: bytes | str | None = None) -> Result:
        runner = CliRunner()
        with runner.isolation(input=stdin) as (out, err, _):
            try:
                main(list(argv))
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            return Result(code, out.getvalue().decode(), err.getvalue().decode())

    return run


@pytest.fixture
def run_process() -> RunMain:
    """Run `python -m newsaudit` in a child process (no stdin unless given)."""

    def run(*argv: str, stdin: bytes | str | None = None) -> Result:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        env = {k: v for k, v in os.environ.items() if k != "NEWSAUDIT_DEBUG"}
        done = subprocess.run(
            [sys.executable, "-m", "newsaudit", *argv],
            input=data if data is not None else b"",
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        return Result(done.returncode, done.stdout.decode(), done.stderr.decode())

    return run


def assert_one_line_error(result: Result, code: int = 1) -> None:
    """Exit `code`, nothing on stdout, one `newsaudit: error:` line on stderr, no traceback."""
    assert result.code == code, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newsaudit: error:"), lines[0]
