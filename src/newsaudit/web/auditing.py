"""Audits for the web app: one dedicated thread, the models loaded once, the corpus checked.

Every audit runs in one worker thread, in turn. The models (spaCy, the stance model, and
with a store the embedder and entailment model) are loaded there on the first audit and
never shared between threads; the store connection the fact checker reads is that thread's
own (sqlite3 connections stay in the thread that made them).

With a store that holds documents, the app's own Auditor checks each claim against the
corpus, as `newsaudit audit --db` does; when sources are added, the next audit first embeds
their passages. An Auditor given to `create_app` is used as it is.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..ingest import Fetcher, RawInput
from ..pipeline import Auditor
from ..render.json import report_to_dict
from ..settings import Settings

JsonDict = dict[str, Any]


class AuditRunner:
    """Runs audits one at a time in its own thread and keeps them in the audit log."""

    def __init__(
        self,
        settings: Settings,
        audit_log: Any,
        store: Any | None,
        fetcher: Fetcher | None,
        auditor: Auditor | None,
    ) -> None:
        self.settings = settings
        self.audit_log = audit_log
        self.store = store
        self.fetcher = fetcher
        self.auditor = auditor
        self._own = auditor is None  # only an Auditor made here gets a fact checker
        self._checker: Any | None = None
        self._corpus_changed = threading.Event()
        self._corpus_changed.set()  # look at the corpus before the first audit
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsaudit-audit")

    def corpus_changed(self) -> None:
        """Sources were added: embed them and check claims against them from the next audit."""
        self._corpus_changed.set()

    async def run(self, raw: RawInput) -> tuple[int, JsonDict]:
        """Audit `raw` in the audit thread and log it; the audit's id and report JSON."""
        future = self._thread.submit(self._audit, raw)
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Stop the audit thread once the audits queued are done."""
        self._thread.shutdown(wait=True)

    # ---- in the audit thread --------------------------------------------------------

    def _audit(self, raw: RawInput) -> tuple[int, JsonDict]:
        auditor = self._ready_auditor()
        report = auditor.audit_raw(raw)
        data = report_to_dict(report, self.settings.spacy_model)
        return self.audit_log.save_audit(data, raw.name), data

    def _ready_auditor(self) -> Auditor:
        if self._own and self.store is not None and self._corpus_changed.is_set():
            self._corpus_changed.clear()
            if self._checker is not None:
                self._checker.refresh()
            elif self.store.get().has_documents():
                from ..factcheck import open_fact_checker

                self._checker = open_fact_checker(self.settings, self.store.get())
                self.auditor = None  # remade below with the checker
        if self.auditor is None:
            self.auditor = Auditor(self.settings, fetcher=self.fetcher, checker=self._checker)
        return self.auditor
