"""The local engines: audit in this process, or in a pool of processes on this machine.

Each pool worker loads the models once, in the pool initializer, and keeps them in a
module global: per-process state is what an initializer exists for, and the alternative
(loading spaCy for every item) would cost more than the audit itself. A worker also watches
its parent and exits when the parent dies, so that a killed batch (kill -9) leaves no
orphans auditing items nobody will write.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..errors import NewsauditError
from ..pipeline import Auditor
from ..settings import Settings
from .items import Item
from .work import ItemResult, audit_item

IN_FLIGHT_PER_WORKER = 4  # enough queued work that no worker waits on the writer
_PARENT_POLL_S = 1.0

_auditor: Auditor | None = None


class InlineEngine:
    """Audits items one after another in the calling process (no pool, no pickling)."""

    name = "inline"

    def __init__(self, settings: Settings, auditor: Auditor | None = None) -> None:
        self.settings = settings
        self.auditor = auditor  # a caller that holds loaded models can lend them

    def run(self, items: Iterable[Item]) -> Iterator[ItemResult]:
        """Results in input order."""
        auditor = self.auditor or Auditor(self.settings)
        for item in items:
            yield audit_item(auditor, item)


class PoolEngine:
    """Audits items in `workers` processes; results come back in completion order."""

    name = "local"

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise NewsauditError("the local engine needs at least one worker; give --workers 1+")
        self.settings = settings
        self.workers = workers

    def run(self, items: Iterable[Item]) -> Iterator[ItemResult]:
        """Results as workers finish them; at most workers x 4 items are in flight."""
        # spawn, not fork: the parent may hold threads (the progress bar) and open SQLite
        # handles that a forked child must not inherit.
        context = multiprocessing.get_context("spawn")
        limit = self.workers * IN_FLIGHT_PER_WORKER
        pool = ProcessPoolExecutor(
            self.workers, context, initializer=_start_worker, initargs=(self.settings, os.getpid())
        )
        pending: set[Future[ItemResult]] = set()
        source = iter(items)
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < limit:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                    else:
                        pending.add(pool.submit(_audit_in_worker, item))
                if not pending:
                    return
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield _result_of(future)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _result_of(future: Future[ItemResult]) -> ItemResult:
    try:
        return future.result()
    except BrokenProcessPool:
        raise NewsauditError(
            "a batch worker died (out of memory or killed); rerun the same command to resume"
        ) from None


def _start_worker(settings: Settings, parent: int) -> None:
    """Pool initializer: load the models once for this process, and die with the parent."""
    global _auditor
    _auditor = Auditor(settings)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_S)
    os._exit(1)  # the parent is gone: nothing would write what this worker produces


def _audit_in_worker(item: Item) -> ItemResult:
    if _auditor is None:  # only if the initializer did not run, which the pool guarantees
        raise NewsauditError("batch worker started without its models; rerun the batch")
    return audit_item(_auditor, item)
