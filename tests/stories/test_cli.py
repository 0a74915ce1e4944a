"""`newsaudit stories`: formats, output file, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli.conftest import RunMain, assert_one_line_error

from newsaudit.store import Store

# A base dependency; skipped (visibly) only where an install predates it.
pytest.importorskip(
    "datasketch", reason="datasketch is not installed (pip install datasketch==2.0.0)"
)


def test_stories_json_and_html_to_a_file(run_main: RunMain, store: Store, tmp_path: Path) -> None:
    result = run_main("stories", "--db", store.path, "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [m["role"] for m in data["stories"][0]["members"]].count("copy") == 1
    page = tmp_path / "stories.html"
    result = run_main("stories", "--db", store.path, "--format", "html", "-o", str(page))
    assert result.code == 0 and result.stdout == ""
    assert "Stories across outlets" in page.read_text("utf-8")


def test_a_missing_store_is_a_usage_error(run_main: RunMain, tmp_path: Path) -> None:
    assert_one_line_error(run_main("stories", "--db", str(tmp_path / "none.db")), code=2)


def test_a_file_that_is_not_a_store_is_refused(run_main: RunMain, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all")
    assert_one_line_error(run_main("stories", "--db", str(junk)))
