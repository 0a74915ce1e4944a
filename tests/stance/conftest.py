"""Helpers for the stance tests: CSV writers (the CLI runner `run_cli` is in tests/conftest.py)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

RunCli = Callable[..., tuple[int, str, str]]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """Write a small CSV file and return its path."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path
