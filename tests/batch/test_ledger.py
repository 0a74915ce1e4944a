"""The store writer: audits and item rows, and recovery from a run killed mid-item."""

from __future__ import annotations

import json
from pathlib import Path

from newsaudit import Auditor
from newsaudit.batch.items import Item, content_key
from newsaudit.batch.ledger import StoreSink
from newsaudit.batch.work import ItemResult, audit_item
from newsaudit.store import Store

from .conftest import article_text


def _result(auditor: Auditor, n: int) -> ItemResult:
    data = article_text(n).encode()
    return audit_item(auditor, Item(content_key(data), f"article_{n}.txt", data))


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_done_and_failed_items_are_recorded_with_their_audit_or_reason(
    tmp_path: Path, auditor: Auditor
) -> None:
    with Store.open(tmp_path / "a.db") as store:
        sink = StoreSink(store)
        done = _result(auditor, 1)
        sink.record(done)
        sink.record(ItemResult("at:x", "gone.txt", None, "failed", None, "gone.txt: missing"))
        assert sink.recorded(done.key) and sink.recorded("at:x")
        assert not sink.recorded("other")
        rows = {row.key: row for row in sink.items()}
        assert rows[done.key].status == "done" and rows[done.key].audit_id is not None
        assert rows["at:x"].error == "gone.txt: missing" and rows["at:x"].audit_id is None
        assert store.audit(rows[done.key].audit_id or 0) == json.loads(done.report or "")
        assert _count(store, "audits") == 1


def test_recover_removes_exactly_what_a_killed_run_half_wrote(
    tmp_path: Path, auditor: Auditor
) -> None:
    with Store.open(tmp_path / "a.db") as store:
        sink = StoreSink(store)
        kept = _result(auditor, 1)
        sink.record(kept)
        # Killed after step 2 (the audit is stored, the row still says `writing`) ...
        half = _result(auditor, 2)
        floor = int(store.conn.execute("SELECT MAX(id) FROM audits").fetchone()[0])
        sink._put(half, "writing", None, floor)
        store.save_audit(json.loads(half.report or ""), half.source)
        # ... and killed after step 1 only, for another item.
        sink._put(_result(auditor, 3), "writing", None, floor + 1)
        assert _count(store, "audits") == 2
        assert not sink.recorded(half.key)

        assert sink.recover() == 2
        assert _count(store, "audits") == 1
        assert [row.key for row in sink.items()] == [kept.key]
        assert sink.recover() == 0
