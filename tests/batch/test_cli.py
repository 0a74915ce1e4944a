"""`newsaudit batch`: the summary line, the progress bar, reruns, and one-line errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cli.conftest import RunMain, assert_one_line_error

from .conftest import write_articles


def test_batch_audits_a_folder_then_a_rerun_skips_it(run_main: RunMain, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_text("")
    db = str(tmp_path / "out.db")
    first = run_main("batch", str(tmp_path / "in"), "--db", db, "--engine", "inline")
    assert first.code == 0, first.stderr
    assert first.stdout.startswith("3 audited, 1 failed, 0 already done (4 items)")
    assert "items/s" in first.stderr and "4/4" in first.stderr  # the progress bar
    second = run_main("batch", str(tmp_path / "in"), "--db", db, "--engine", "inline")
    assert second.stdout.startswith("0 audited, 0 failed, 4 already done (4 items)")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM audits").fetchone()[0] == 3
        runs = conn.execute("SELECT done, failed, skipped FROM batch_runs ORDER BY id").fetchall()
        (error,) = conn.execute("SELECT error FROM batch_items WHERE status = 'failed'").fetchone()
    assert runs == [(3, 1, 0), (0, 0, 4)]
    assert "empty input" in error


def test_bad_options_are_one_line_usage_errors(run_main: RunMain, tmp_path: Path) -> None:
    db = str(tmp_path / "out.db")
    assert_one_line_error(run_main("batch", str(tmp_path), "--db", db, "--workers", "0"), 2)
    result = run_main("batch", str(tmp_path), "--db", db, "--ray-address", "ray://h:10001")
    assert_one_line_error(result, 2)
    assert_one_line_error(run_main("batch", "--db", db), 2)
    missing_folder = str(tmp_path / "no" / "such" / "out.db")
    assert_one_line_error(run_main("batch", str(tmp_path), "--db", missing_folder), 2)


def test_a_store_that_is_not_sqlite_is_refused(run_main: RunMain, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 64)
    write_articles(tmp_path / "in", 1)
    result = run_main("batch", str(tmp_path / "in"), "--db", str(junk), "--engine", "inline")
    assert_one_line_error(result)
