"""`newsaudit serve`: loopback by default, a token required beyond it."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsaudit.cli.main import main
from newsaudit.web.security import cross_site, is_loopback, token_matches

RunMain = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_main() -> RunMain:
    """`main(argv)` in-process: (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        runner = CliRunner()
        with runner.isolation() as (out, err, _):
            try:
                main(list(argv))
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            return code, out.getvalue().decode(), err.getvalue().decode()

    return run


def assert_usage_error(result: tuple[int, str, str], words: str) -> None:
    code, out, err = result
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsaudit: error:"), err
    assert words in lines[0]


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.4", "10.0.0.1", "example.com", ""])
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_serve_refuses_a_public_host_without_a_token(
    run_main: RunMain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSAUDIT_TOKEN", raising=False)
    assert_usage_error(run_main("serve", "--host", "0.0.0.0", "--port", "8765"), "--token")


def test_serve_refuses_a_port_in_use(
    run_main: RunMain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_main("serve", "--port", str(port))
    assert_usage_error(result, "in use")


def test_serve_help_names_its_options(run_main: RunMain) -> None:
    code, out, _ = run_main("serve", "--help")
    assert code == 0
    for option in ("--host", "--port", "--db", "--token", "NEWSAUDIT_TOKEN"):
        assert option in out


def test_token_and_origin_checks() -> None:
    assert token_matches(None, None) and token_matches("", "anything")
    assert token_matches("abc", "abc")
    assert not token_matches("abc", "abd") and not token_matches("abc", None)
    assert not cross_site(None, "127.0.0.1:8000")
    assert not cross_site("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert cross_site("https://evil.example", "127.0.0.1:8000")
    assert cross_site("null", "127.0.0.1:8000")
