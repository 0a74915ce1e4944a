"""What the web app holds between requests: settings, the auditor, the audit log, the store.

Audits run in `AuditRunner`'s own thread (`auditing.py`); the audit log is the store's
when there is one, else the last audits in memory.
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from ..ingest import Fetcher, RawInput
from ..settings import Settings
from .auditing import AuditRunner
from .jobs import JobBoard

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class AuditEntry:
    """One audit as listed in the history."""

    id: int
    created_at: str
    source: str
    url: str | None
    title: str
    claims: int


class AuditLog(Protocol):
    """Keeps audits as their JSON report: the store, or `MemoryAuditLog` without one."""

    def save_audit(self, report_json: JsonDict, source: str) -> int:
        """Keep one audit; its id."""
        ...

    def audits(self, limit: int) -> Sequence[Any]:
        """The latest audits, newest first (records with id, created_at, source, title...)."""
        ...

    def audit(self, audit_id: int) -> JsonDict | None:
        """The report JSON of one audit, or None."""
        ...


class StoreAccess:
    """One `Store` connection per thread: sqlite3 connections stay in their own thread."""

    def __init__(self, path: str) -> None:
        from ..store import Store

        self.path = path
        self._local = threading.local()
        self._open = Store.open
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self.get()  # open (and migrate) once now, so a bad path fails at start-up

    def get(self) -> Any:
        """This thread's Store, opened on first use."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._open(self.path)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        """Close every connection opened."""
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


class StoreAuditLog:
    """The audit log kept in the store."""

    def __init__(self, access: StoreAccess) -> None:
        self.access = access

    def save_audit(self, report_json: JsonDict, source: str) -> int:
        """Keep one audit in the store; its id."""
        audit_id: int = self.access.get().save_audit(report_json, source)
        return audit_id

    def audits(self, limit: int) -> Sequence[Any]:
        """The latest stored audits, newest first."""
        rows: Sequence[Any] = self.access.get().audits(limit)
        return rows

    def audit(self, audit_id: int) -> JsonDict | None:
        """The stored report JSON, or None when there is no such audit."""
        from ..errors import StoreError

        try:
            data: JsonDict = self.access.get().audit(audit_id)
        except StoreError as exc:
            # The store words a missing row as "no audit N in PATH".
            if str(exc).startswith(f"no audit {audit_id} "):
                return None
            raise
        return data


class MemoryAuditLog:
    """The last `keep` audits in memory, for a server started without a store."""

    def __init__(self, keep: int = 200) -> None:
        self.keep = keep
        self._rows: OrderedDict[int, tuple[AuditEntry, JsonDict]] = OrderedDict()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def save_audit(self, report_json: JsonDict, source: str) -> int:
        """Keep one audit, forgetting the oldest beyond `keep`; its id."""
        article = report_json["article"]
        with self._lock:
            audit_id = next(self._ids)
            entry = AuditEntry(
                id=audit_id,
                created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                source=source,
                url=article.get("url"),
                title=article.get("title") or "",
                claims=len(report_json["claims"]),
            )
            self._rows[audit_id] = (entry, report_json)
            while len(self._rows) > self.keep:
                self._rows.popitem(last=False)
        return audit_id

    def audits(self, limit: int) -> list[AuditEntry]:
        """The latest audits, newest first."""
        with self._lock:
            entries = [entry for entry, _ in self._rows.values()]
        return entries[::-1][:limit]

    def audit(self, audit_id: int) -> JsonDict | None:
        """The report JSON of one audit, or None."""
        with self._lock:
            row = self._rows.get(audit_id)
        return None if row is None else row[1]


@dataclass
class AppState:
    """Everything the routes share; built once by `create_app`."""

    settings: Settings
    token: str | None
    audit_log: AuditLog
    runner: AuditRunner
    store: StoreAccess | None = None
    fetcher: Fetcher | None = None
    jobs: JobBoard = field(default_factory=JobBoard)

    async def audit(self, raw: RawInput) -> tuple[int, JsonDict]:
        """Audit bytes already read and log the audit: its id and report JSON."""
        return await self.runner.run(raw)
