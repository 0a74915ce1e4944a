"""The local pool: an item that kills its worker is failed alone; the rest are audited."""

from __future__ import annotations

import os
from pathlib import Path

from newsaudit.batch.engine import run_batch
from newsaudit.batch.items import Item
from newsaudit.batch.local import PoolEngine, _audit_in_worker
from newsaudit.batch.work import ItemResult
from newsaudit.settings import Settings

from .conftest import MemorySink, article_text, write_articles


def crash_on_poison(items: list[Item]) -> list[ItemResult]:
    """The pool's audit, except that a group holding a poison article kills the worker."""
    if any(b"POISON" in item.data for item in items):
        os._exit(3)  # as a segfault or the out-of-memory killer would end it
    return _audit_in_worker(items)


def test_a_worker_killed_by_one_item_fails_that_item_only(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 5)
    (folder / "poison.txt").write_text(article_text(99) + "POISON\n", encoding="utf-8")
    sink = MemorySink()
    summary = run_batch([folder], sink, PoolEngine(Settings(), 2, audit=crash_on_poison))
    assert (summary.done, summary.failed) == (5, 1)
    (failed,) = [r for r in sink.results if r.status == "failed"]
    assert failed.source.endswith("poison.txt")
    assert "the worker auditing it died" in (failed.error or "")
    assert len({r.key for r in sink.results}) == 6
