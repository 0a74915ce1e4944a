"""Long work (adding sources to the corpus) in a background thread, with its progress.

One worker thread runs the jobs in order: the machine's cores are shared, and two jobs
embedding documents at once would only slow each other down. A page or client polls
the job's progress (`/jobs/{id}`, `/api/jobs/{id}`).
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Generic, Literal, TypeVar

from ..errors import NewsauditError

T = TypeVar("T")
JobState = Literal["queued", "running", "finished", "failed"]


@dataclass(frozen=True)
class JobProgress:
    """Where a job stands: items done of total, what each gave, and the failures."""

    id: int
    kind: str
    state: JobState
    total: int
    done: int
    created_at: str
    results: tuple[int, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def finished(self) -> bool:
        """True once the job will not change any more."""
        return self.state in ("finished", "failed")


@dataclass
class _Job(Generic[T]):
    progress: JobProgress
    items: Sequence[T]
    work: Callable[[T], int]
    lock: threading.Lock = field(default_factory=threading.Lock)


class JobBoard:
    """Queues jobs, runs them one at a time in a daemon thread, and reports progress."""

    def __init__(self, keep: int = 100) -> None:
        self.keep = keep
        self._jobs: dict[int, _Job[object]] = {}
        self._ids = itertools.count(1)
        self._queue: queue.Queue[int] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def start(self, kind: str, items: Sequence[T], work: Callable[[T], int]) -> JobProgress:
        """Queue `work` over `items` (each gives an id, e.g. of a stored document)."""
        with self._lock:
            job_id = next(self._ids)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            progress = JobProgress(job_id, kind, "queued", len(items), 0, now)
            self._jobs[job_id] = _Job(progress, items, work)  # type: ignore[arg-type]
            for old in sorted(self._jobs)[: max(0, len(self._jobs) - self.keep)]:
                if self._jobs[old].progress.finished:
                    del self._jobs[old]
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(
                    target=self._run, name="newsaudit-jobs", daemon=True
                )
                self._worker.start()
        self._queue.put(job_id)
        return progress

    def progress(self, job_id: int) -> JobProgress | None:
        """The job's progress, or None for an unknown id."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            return None
        with job.lock:
            return job.progress

    def wait(self, job_id: int, timeout: float = 30.0) -> JobProgress | None:
        """Block until the job is finished or `timeout` passes (tests and scripts)."""
        event = threading.Event()
        for _ in range(int(timeout * 20)):
            progress = self.progress(job_id)
            if progress is None or progress.finished:
                return progress
            event.wait(0.05)
        return self.progress(job_id)

    def _run(self) -> None:
        while True:
            job_id = self._queue.get()
            with self._lock:
                job = self._jobs.get(job_id)
            if job is not None:
                self._execute(job)
            self._queue.task_done()

    def _execute(self, job: _Job[object]) -> None:
        with job.lock:
            job.progress = replace(job.progress, state="running")
        for item in job.items:
            result: int | None = None
            error: str | None = None
            try:
                result = job.work(item)
            except NewsauditError as exc:
                error = str(exc)
            except Exception as exc:  # noqa: BLE001 (one bad item must not stop the job)
                error = f"unexpected failure: {type(exc).__name__}: {exc}"
            with job.lock:
                p = job.progress
                job.progress = replace(
                    p,
                    done=p.done + 1,
                    results=p.results + ((result,) if result is not None else ()),
                    errors=p.errors + ((error,) if error is not None else ()),
                )
        with job.lock:
            p = job.progress
            state: JobState = "failed" if p.errors and not p.results else "finished"
            job.progress = replace(p, state=state)
