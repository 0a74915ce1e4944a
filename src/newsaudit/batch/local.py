"""The local engines: audit in this process, or in a pool of processes on this machine.

Each pool worker loads the models once, in the pool initializer, and keeps them in a
module global: per-process state is what an initializer exists for, and the alternative
(loading spaCy for every item) would cost more than the audit itself. A worker also watches
its parent and exits when the parent dies, so that a killed batch (kill -9) leaves no
orphans auditing items nobody will write. Both engines audit items in small groups whose
texts are parsed together (`work.audit_items`), which costs about a fifth less than one at
a time.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from ..errors import NewsauditError
from ..pipeline import Auditor
from ..settings import Settings
from .items import Item
from .work import PARSE_GROUP, ItemResult, audit_items

GROUP = PARSE_GROUP  # items a pool worker (or this process, inline) audits in one call
IN_FLIGHT_PER_WORKER = 2  # groups queued a worker: enough that none waits on the writer
_PARENT_POLL_S = 1.0

_auditor: Auditor | None = None
_startup_error: NewsauditError | None = None


class InlineEngine:
    """Audits items one after another in the calling process (no pool, no pickling)."""

    name = "inline"

    def __init__(self, settings: Settings, auditor: Auditor | None = None) -> None:
        self.settings = settings
        self.auditor = auditor  # a caller that holds loaded models can lend them

    def run(self, items: Iterable[Item]) -> Iterator[ItemResult]:
        """Results in input order."""
        auditor = self.auditor or Auditor(self.settings)
        source = iter(items)
        while group := list(islice(source, GROUP)):
            yield from audit_items(auditor, group)


AuditFunction = Callable[[list[Item]], list[ItemResult]]


class PoolEngine:
    """Audits items in `workers` processes; results come back in completion order.

    A worker that dies (a crash, the out-of-memory killer) breaks the whole pool, and with
    it every item in flight. Those items are then audited again one at a time in a
    one-worker pool: the one that kills its worker again is recorded as failed, the others
    get their results, and the batch goes on with a fresh pool.
    """

    name = "local"

    def __init__(
        self, settings: Settings, workers: int, audit: AuditFunction | None = None
    ) -> None:
        if workers < 1:
            raise NewsauditError("the local engine needs at least one worker; give --workers 1+")
        self.settings = settings
        self.workers = workers
        self.audit = audit or _audit_in_worker  # a module-level function: it is pickled

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        # spawn, not fork: the parent may hold threads (the progress bar) and open SQLite
        # handles that a forked child must not inherit.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            workers, context, initializer=_start_worker, initargs=(self.settings, os.getpid())
        )

    def run(self, items: Iterable[Item]) -> Iterator[ItemResult]:
        """Results as workers finish their groups; at most workers x 2 groups are in flight."""
        limit = self.workers * IN_FLIGHT_PER_WORKER
        pool = self._pool(self.workers)
        pending: dict[Future[list[ItemResult]], list[Item]] = {}
        source = iter(items)
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < limit:
                    group = list(islice(source, GROUP))
                    if not group:
                        exhausted = True
                    else:
                        pending[pool.submit(self.audit, group)] = group
                if not pending:
                    return
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for future in finished:
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        broken = True
                        continue
                    del pending[future]
                    yield from results
                if broken:
                    suspects = [item for group in pending.values() for item in group]
                    pending.clear()
                    pool.shutdown(wait=True, cancel_futures=True)
                    yield from self._one_by_one(suspects)
                    pool = self._pool(self.workers)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _one_by_one(self, suspects: list[Item]) -> Iterator[ItemResult]:
        """Audit the items a broken pool held, alone: the one that kills its worker fails."""
        pool: ProcessPoolExecutor | None = None
        try:
            for item in suspects:
                pool = pool or self._pool(1)
                try:
                    (result,) = pool.submit(self.audit, [item]).result()
                except BrokenProcessPool:
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = None
                    result = ItemResult(
                        item.key, item.source, item.url, "failed", None,
                        f"{item.source}: the worker auditing it died (a crash, or out of "
                        "memory); audit it alone with `newsaudit audit` to see why",
                    )  # fmt: skip
                yield result
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(settings: Settings, parent: int) -> None:
    """Pool initializer: load the models once for this process, and die with the parent."""
    global _auditor, _startup_error
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        _auditor = Auditor(settings)
    except NewsauditError as exc:
        # Kept, not raised: an initializer that raises kills its worker, which would read
        # as a crash of whatever item it held; the first audit raises it instead.
        _startup_error = exc


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_S)
    os._exit(1)  # the parent is gone: nothing would write what this worker produces


def _audit_in_worker(items: list[Item]) -> list[ItemResult]:
    """Audit a group of items with this worker's models (the pool's default audit function)."""
    if _startup_error is not None:
        raise _startup_error  # the models did not load: the batch stops with the reason
    if _auditor is None:  # only if the initializer did not run, which the pool guarantees
        raise NewsauditError("batch worker started without its models; rerun the batch")
    return audit_items(_auditor, items)
