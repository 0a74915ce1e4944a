"""kill -9 a running batch mid-way, resume it: every article stored once, same results.

The batch runs as its own process (`python -m newsaudit batch`), is killed with SIGKILL once
part of it is written, and is run again to the end. The store must then hold each article
exactly once, with the report an uninterrupted audit gives, and the killed run's pool
workers must have exited by themselves.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsaudit import Auditor
from newsaudit.batch.items import Item, enumerate_inputs
from newsaudit.batch.work import audit_item

from .conftest import write_articles

DEADLINE_S = 600


def _done(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            row = conn.execute("SELECT COUNT(*) FROM batch_items WHERE status = 'done'")
            return int(row.fetchone()[0])
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def _group_alive(group: int) -> list[int]:
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def _batch(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsaudit", "batch", str(folder), "--db", str(db),
            "--workers", "1", "--no-progress"]  # fmt: skip


def _run_and_kill(folder: Path, db: Path, kill_at: int, total: int) -> int:
    """Start the batch, SIGKILL it once `kill_at` items are done; returns the count then."""
    proc = subprocess.Popen(
        _batch(folder, db), start_new_session=True, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + DEADLINE_S
        while _done(db) < kill_at:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the batch made no progress"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        killed_at = _done(db)
        # The pool's workers notice their parent is gone and exit on their own.
        deadline = time.monotonic() + 15
        while _group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _group_alive(proc.pid), "workers outlived the killed batch"
    finally:
        if proc.stderr:
            proc.stderr.close()
        if _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
    assert killed_at < total, "the batch finished before it was killed"
    return killed_at


def _kill_and_resume(tmp_path: Path, auditor: Auditor, count: int, kill_at: int) -> None:
    folder = tmp_path / "in"
    write_articles(folder, count)
    db = tmp_path / "batch.db"
    killed_at = _run_and_kill(folder, db, kill_at, count)

    resumed = subprocess.run(
        _batch(folder, db), check=False, capture_output=True, text=True, timeout=900
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{count - killed_at} audited" in resumed.stdout or "recovered" in resumed.stderr
    assert f"({count} items)" in resumed.stdout

    items = {e.key: e for e in enumerate_inputs([folder]) if isinstance(e, Item)}
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT b.key, b.status, a.report FROM batch_items b "
            "LEFT JOIN audits a ON a.id = b.audit_id"
        ).fetchall()
        audits = conn.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM audits")
        audit_count, distinct = audits.fetchone()
    assert sorted(key for key, _, _ in rows) == sorted(items)
    assert {status for _, status, _ in rows} == {"done"}
    assert audit_count == distinct == count  # every article exactly once
    for key, _, stored in rows:
        fresh = audit_item(auditor, items[key])
        assert json.loads(stored) == json.loads(fresh.report or ""), items[key].source


def test_kill_9_mid_batch_and_resume_200_articles(tmp_path: Path, auditor: Auditor) -> None:
    _kill_and_resume(tmp_path, auditor, count=200, kill_at=60)


@pytest.mark.slow
def test_kill_9_mid_batch_and_resume_2000_articles(tmp_path: Path, auditor: Auditor) -> None:
    _kill_and_resume(tmp_path, auditor, count=2000, kill_at=700)
