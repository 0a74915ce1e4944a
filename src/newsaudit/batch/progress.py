"""A rich progress bar for a batch: items done of the total, failures, rate and ETA."""

from __future__ import annotations

from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .work import ItemResult


class RateColumn(ProgressColumn):
    """Items a second, over rich's recent-speed window."""

    def render(self, task: Task) -> Text:
        """The rate as text ("12.3 items/s"), or "?" before the first item."""
        speed = task.finished_speed or task.speed
        return Text("? items/s" if speed is None else f"{speed:.1f} items/s", style="cyan")


class BatchProgress:
    """The bar, advanced by each result; use as a context manager around the batch."""

    def __init__(self, total: int, console: Console | None = None) -> None:
        self.failed = 0
        self.progress = Progress(
            TextColumn("[bold]audit"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]} failed"),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self.task = self.progress.add_task("audit", total=total, failed=0)

    def __enter__(self) -> Self:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def advance(self, result: ItemResult) -> None:
        """Count one result."""
        self.failed += result.status == "failed"
        self.progress.update(self.task, advance=1, failed=self.failed)
