"""`newsaudit batch INPUT... --db DB`: audit folders, JSONL and WARC files into the store."""

from __future__ import annotations

import os
from pathlib import Path

import click
from rich.console import Console

from ..batch.engine import ENGINES, BatchSummary, make_engine, plan, run_batch
from ..batch.ledger import StoreSink
from ..batch.progress import BatchProgress
from ..errors import UsageError
from ..settings import load_settings
from ..store import Store, db_path


def _default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _summary_line(summary: BatchSummary, db: Path) -> str:
    return (
        f"{summary.done} audited, {summary.failed} failed, {summary.skipped} already done "
        f"({summary.total} items) in {summary.seconds:.1f}s, {summary.rate:.1f} items/s "
        f"[{summary.engine}, {summary.workers} worker(s)] -> {db}"
    )


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--db",
    "db_option",
    default=None,
    metavar="PATH",
    help="The store to write into (setting db; created if missing).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="local: a process pool here; ray: Ray Data (local or --ray-address); inline: "
    "this process only.",
)
@click.option(
    "--workers",
    type=int,
    default=None,
    help="Worker processes (local) or actors (ray)  [default: the CPUs this process may use]",
)
@click.option(
    "--ray-address",
    default=None,
    metavar="ADDR",
    help="An existing Ray cluster (e.g. ray://head:10001 or auto); default starts Ray here.",
)
@click.option("--progress/--no-progress", default=True, help="Draw the progress bar (stderr).")
def batch_command(
    inputs: tuple[str, ...],
    db_option: str | None,
    engine: str,
    workers: int | None,
    ray_address: str | None,
    progress: bool,
) -> None:
    """Audit every article in INPUT... (folders, .jsonl and .warc[.gz] files) into the store.

    Resumable and idempotent: items are keyed by the hash of their bytes, and a rerun skips
    every item already audited or failed. Failures are recorded with their reason.
    """
    settings = load_settings()
    count = _default_workers() if workers is None else workers
    if count < 1:
        raise UsageError(f"--workers must be at least 1 (got {count})")
    chosen = make_engine(engine, settings, count, ray_address)
    path = db_path(settings, db_option)
    if path.parent != Path() and not path.parent.is_dir():
        raise UsageError(f"{path.parent}: no such folder for the store; create it or fix --db")
    with Store.open(path) as store:
        sink = StoreSink(store)
        recovered = sink.recover()
        if recovered:
            click.echo(f"recovered {recovered} item(s) a stopped run left half-written", err=True)
        sink.start_run(inputs, chosen.name, count)
        if progress:
            todo = plan(inputs, sink).todo
            with BatchProgress(todo, Console(stderr=True)) as bar:
                summary = run_batch(inputs, sink, chosen, on_result=bar.advance)
        else:
            summary = run_batch(inputs, sink, chosen)
        sink.finish_run(summary)
    click.echo(_summary_line(summary, path))
