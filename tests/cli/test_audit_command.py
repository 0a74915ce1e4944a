"""`newsaudit audit`: formats, standard input, output files, help for every command."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from newsaudit.cli.main import cli
from newsaudit.render.json import validate_report_dict

from .conftest import RunMain

TOP_LEVEL = {"schema", "article", "claims", "headline", "outlet"}


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            paths += _command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


@pytest.mark.parametrize("path", _command_paths(cli), ids=lambda p: " ".join(p) or "newsaudit")
def test_every_command_has_help(run_main: RunMain, path: tuple[str, ...]) -> None:
    result = run_main(*path, "--help")
    assert result.code == 0, result
    assert "Usage:" in result.stdout
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    assert command.help, f"{' '.join(path)} has no help text"


def test_version(run_main: RunMain) -> None:
    result = run_main("--version")
    assert result.code == 0
    assert "newsaudit" in result.stdout


def test_seed_as_json_fits_the_schema(run_main: RunMain, seed_path: Path) -> None:
    result = run_main("audit", "--json", str(seed_path))
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    validate_report_dict(data)
    assert TOP_LEVEL <= set(data)
    assert data["article"]["title"].startswith("Putin paid 100,000")


def test_format_json_equals_json_flag(run_main: RunMain, example_path: Path) -> None:
    a = run_main("audit", "--json", str(example_path))
    b = run_main("audit", "--format", "json", str(example_path))
    assert a.code == b.code == 0
    assert a.stdout == b.stdout


def test_format_markdown(run_main: RunMain, seed_path: Path) -> None:
    result = run_main("audit", "--format", "md", str(seed_path))
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("# Audit: ")
    assert "## Claims" in result.stdout and "## Outlet" in result.stdout


def test_terminal_is_the_default(run_main: RunMain, example_path: Path) -> None:
    result = run_main("audit", str(example_path))
    assert result.code == 0, result.stderr
    assert "Claims (" in result.stdout
    assert "kestrelbaygazette.example" in result.stdout


def test_standard_input(run_main: RunMain, example_path: Path) -> None:
    result = run_main("audit", "--json", "-", stdin=example_path.read_bytes())
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    validate_report_dict(data)
    assert data["article"]["title"].startswith("Ferry fares to rise 40%")


@pytest.mark.parametrize(("fmt", "marker"), [("md", "# Audit:"), ("terminal", "Claims (")])
def test_output_file(
    run_main: RunMain, example_path: Path, tmp_path: Path, fmt: str, marker: str
) -> None:
    out = tmp_path / "report.txt"
    result = run_main("audit", "--format", fmt, "-o", str(out), str(example_path))
    assert result.code == 0, result.stderr
    assert result.stdout == ""
    text = out.read_text("utf-8")
    assert marker in text
    assert "\x1b[" not in text, "files get no colour codes"


def test_json_to_output_file(run_main: RunMain, example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert run_main("audit", "--json", "--output", str(out), str(example_path)).code == 0
    validate_report_dict(json.loads(out.read_text("utf-8")))


def test_subprocess_json_on_example(run_process: RunMain, example_path: Path) -> None:
    result = run_process("audit", "--json", str(example_path))
    assert result.code == 0, result.stderr
    validate_report_dict(json.loads(result.stdout))
