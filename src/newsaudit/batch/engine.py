"""The batch driver: inputs -> items -> audits -> one writer, resumable and idempotent.

1. plan      count the items in the inputs, and how many are already recorded
2. filter    skip every item whose key is recorded (done or failed) or seen earlier in
             this run: a rerun does only what is left, a killed run resumes
3. audit     unreadable inputs are failed at once; articles go to an engine (in this
             process, a local process pool, or Ray), which yields results as they finish
4. write     every result, done or failed, goes through the one `Sink` in this process,
             one transaction an item, so the store is consistent whenever it is stopped
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from ..errors import UsageError
from ..settings import Settings
from .items import Entry, Failed, Item, enumerate_inputs
from .work import ItemResult, failed_result

EngineName = Literal["inline", "local", "ray"]
ENGINES: tuple[EngineName, ...] = ("local", "ray", "inline")


class Sink(Protocol):
    """Where results go: the one writer. `recorded` answers whether a key is done."""

    def recorded(self, key: str) -> bool:
        """Whether an item with this key already has a result."""
        ...

    def record(self, result: ItemResult) -> None:
        """Keep one result (durably: a later run must see it)."""
        ...


class Engine(Protocol):
    """Turns items into results, in any order."""

    name: str

    def run(self, items: Iterable[Item]) -> Iterator[ItemResult]:
        """Audit each item once and yield its result."""
        ...


@dataclass(frozen=True)
class Plan:
    """What a batch will do: all items found, and how many of them are already recorded."""

    total: int
    recorded: int

    @property
    def todo(self) -> int:
        """Items left to audit or fail."""
        return self.total - self.recorded


@dataclass(frozen=True)
class BatchSummary:
    """What a batch did."""

    engine: str
    workers: int
    total: int
    skipped: int
    done: int
    failed: int
    seconds: float

    @property
    def rate(self) -> float:
        """Items handled (done or failed) a second."""
        handled = self.done + self.failed
        return handled / self.seconds if self.seconds > 0 else 0.0


OnResult = Callable[[ItemResult], None]


def make_engine(
    name: str, settings: Settings, workers: int, ray_address: str | None = None
) -> Engine:
    """The engine called `name`, with `workers` workers."""
    if workers < 1 and name != "inline":
        raise UsageError(f"--workers must be at least 1 (got {workers})")
    if ray_address and name != "ray":
        raise UsageError("--ray-address needs --engine ray")
    if name == "inline":
        from .local import InlineEngine

        return InlineEngine(settings)
    if name == "local":
        from .local import PoolEngine

        return PoolEngine(settings, workers)
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(settings, workers, ray_address)
    raise UsageError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")


def check_inputs(inputs: Sequence[str | Path]) -> None:
    """Refuse a batch with no inputs; a missing path is a failed item, not a refusal."""
    if not inputs:
        raise UsageError("give at least one input: a folder, a JSONL or a WARC file")


def plan(inputs: Sequence[str | Path], sink: Sink) -> Plan:
    """Count the items in `inputs` and those already recorded (reads every input once)."""
    seen: set[str] = set()
    total = recorded = 0
    for entry in enumerate_inputs(inputs):
        if entry.key in seen:
            continue
        seen.add(entry.key)
        total += 1
        recorded += sink.recorded(entry.key)
    return Plan(total, recorded)


def run_batch(
    inputs: Sequence[str | Path],
    sink: Sink,
    engine: Engine,
    on_result: OnResult | None = None,
) -> BatchSummary:
    """Audit every item of `inputs` not yet recorded in `sink`; returns what was done."""
    check_inputs(inputs)
    started = time.perf_counter()
    counts = {"done": 0, "failed": 0}
    skipped = 0
    total = 0

    def keep(result: ItemResult) -> None:
        sink.record(result)
        counts[result.status] += 1
        if on_result is not None:
            on_result(result)

    def articles() -> Iterator[Item]:
        nonlocal skipped, total
        for entry in _new_entries(enumerate_inputs(inputs), sink):
            total += 1
            if entry is None:
                skipped += 1
            elif isinstance(entry, Failed):
                keep(failed_result(entry))  # written here, in the writer's process
            else:
                yield entry

    for result in engine.run(articles()):
        keep(result)
    return BatchSummary(
        engine=engine.name,
        workers=getattr(engine, "workers", 1),
        total=total,
        skipped=skipped,
        done=counts["done"],
        failed=counts["failed"],
        seconds=time.perf_counter() - started,
    )


def _new_entries(entries: Iterable[Entry], sink: Sink) -> Iterator[Entry | None]:
    """Each distinct entry, or None in its place when it is recorded already."""
    seen: set[str] = set()
    for entry in entries:
        if entry.key in seen:
            continue  # the same bytes twice in one batch: one article, one audit
        seen.add(entry.key)
        yield None if sink.recorded(entry.key) else entry
