"""The batch's one writer: audits into the store, and a row per item in `batch_items`.

An item is written in three short steps, each committed on its own:

1. a `writing` row with the highest audit id so far (the floor)
2. the audit itself (`Store.save_audit`)
3. the row becomes `done`, with the audit's id

A run killed between 1 and 3 leaves a `writing` row; the next run deletes the audit that
step 2 may have added (same source, id above the floor, not claimed by another item) and
the row, then audits the item again. So every article is stored exactly once, however the
batch is stopped. One batch at a time should write to a store.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError
from ..store import Store
from .engine import BatchSummary
from .work import ItemResult


@dataclass(frozen=True)
class ItemRow:
    """One recorded item: its status, its audit (done) or its error (failed)."""

    key: str
    source: str
    url: str | None
    status: str
    audit_id: int | None
    error: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoreSink:
    """Records batch results in a `Store`; the `Sink` the batch driver writes through."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.run_id: int | None = None

    @contextmanager
    def _sql(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self.store.conn
        except sqlite3.Error as exc:
            text = " ".join(str(exc).split())
            if "no such table" in text:
                raise StoreError(
                    f"{self.store.path}: no batch tables ({text}); open it with this newsaudit "
                    "so that its migrations run"
                ) from None
            raise StoreError(f"{self.store.path}: cannot record a batch item ({text})") from None

    # ---- the Sink protocol ------------------------------------------------------------

    def recorded(self, key: str) -> bool:
        """Whether the item `key` is done or failed (a `writing` row is not recorded)."""
        with self._sql() as conn:
            row = conn.execute(
                "SELECT 1 FROM batch_items WHERE key = ? AND status IN ('done', 'failed')",
                (key,),
            ).fetchone()
        return row is not None

    def record(self, result: ItemResult) -> None:
        """Write one result: its audit and its item row (see the module docstring)."""
        if result.status == "failed" or result.report is None:
            self._put(result, "failed", None, 0)
            return
        with self._sql() as conn:
            floor = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM audits").fetchone()[0])
        self._put(result, "writing", None, floor)
        audit_id = self.store.save_audit(json.loads(result.report), result.source)
        with self._sql() as conn:
            conn.execute(
                "UPDATE batch_items SET status = 'done', audit_id = ?, finished_at = ? "
                "WHERE key = ?",
                (audit_id, _now(), result.key),
            )

    def _put(self, result: ItemResult, status: str, audit_id: int | None, floor: int) -> None:
        with self._sql() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO batch_items (key, source, url, status, audit_id, "
                "audit_floor, error, seconds, run_id, finished_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    result.key,
                    result.source,
                    result.url,
                    status,
                    audit_id,
                    floor,
                    result.error,
                    result.seconds,
                    self.run_id,
                    _now(),
                ),
            )

    # ---- runs and recovery ------------------------------------------------------------

    def recover(self) -> int:
        """Undo items a killed run left half-written; returns how many there were."""
        with self._sql() as conn:
            rows = conn.execute(
                "SELECT key, source, audit_floor FROM batch_items WHERE status = 'writing'"
            ).fetchall()
            for key, source, floor in rows:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.execute(
                        "DELETE FROM audits WHERE source = ? AND id > ? AND id NOT IN "
                        "(SELECT audit_id FROM batch_items WHERE audit_id IS NOT NULL)",
                        (source, floor),
                    )
                    conn.execute("DELETE FROM batch_items WHERE key = ?", (key,))
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
        return len(rows)

    def start_run(self, inputs: Sequence[str | Path], engine: str, workers: int) -> int:
        """Record the start of a run; its id marks the items it writes."""
        with self._sql() as conn:
            cursor = conn.execute(
                "INSERT INTO batch_runs (started_at, engine, workers, inputs) VALUES (?, ?, ?, ?)",
                (_now(), engine, workers, json.dumps([str(i) for i in inputs])),
            )
        self.run_id = int(cursor.lastrowid or 0)
        return self.run_id

    def finish_run(self, summary: BatchSummary) -> None:
        """Record how a run ended."""
        with self._sql() as conn:
            conn.execute(
                "UPDATE batch_runs SET finished_at = ?, done = ?, failed = ?, skipped = ? "
                "WHERE id = ?",
                (_now(), summary.done, summary.failed, summary.skipped, self.run_id),
            )

    # ---- reading back -------------------------------------------------------------------

    def items(self, status: str | None = None) -> list[ItemRow]:
        """Recorded items (all, or those with `status`), in key order."""
        where, args = ("WHERE status = ?", (status,)) if status else ("", ())
        with self._sql() as conn:
            rows = conn.execute(
                "SELECT key, source, url, status, audit_id, error FROM batch_items "
                f"{where} ORDER BY key",
                args,
            ).fetchall()
        return [ItemRow(*row) for row in rows]
