"""The Ray engine: the same audit on Ray Data, on this machine or on a cluster.

Items go to Ray in chunks (a Ray dataset is built from a list, and a crawl does not fit in
one); each chunk is mapped by a pool of actors, each of which loads the models once in its
constructor (`AuditActor`), and the results stream back to the driver, where the batch's one
writer stores them. Ray is an optional extra (`pip install 'newsaudit[ray]'`): it is
imported only when this engine is chosen.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from itertools import islice
from typing import Any

from ..errors import ModelError, NewsauditError, UsageError
from ..pipeline import Auditor
from ..settings import Settings
from .items import Item
from .work import ItemResult, audit_items

CHUNK = 4096  # items per Ray dataset: bounds driver memory; actors restart once a chunk
BATCH = 32  # items per actor call: a call costs little next to them, results still flow

_FIELDS = ("key", "source", "url", "status", "report", "error", "seconds")


def ray_available() -> bool:
    """Whether Ray (with Ray Data) can be imported here."""
    return importlib.util.find_spec("ray") is not None


class AuditActor:
    """A Ray Data callable class: the models loaded once per actor, a batch audited a call."""

    def __init__(self, settings: Settings) -> None:
        self.auditor = Auditor(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        """Audit each row of a batch of items (columns of key, source, url, ...)."""
        out: dict[str, list[Any]] = {name: [] for name in _FIELDS}
        items = [
            Item(str(key), str(source), bytes(data), _text(url), _text(ctype))
            for key, source, data, url, ctype in zip(
                batch["key"],
                batch["source"],
                batch["data"],
                batch["url"],
                batch["content_type"],
                strict=True,
            )
        ]
        for result in audit_items(self.auditor, items):  # parsed in groups: cheaper
            row = asdict(result)
            for name in _FIELDS:
                out[name].append(row[name])
        return out


class RayEngine:
    """Audits items on Ray Data with `workers` actors; results in completion order."""

    name = "ray"

    def __init__(self, settings: Settings, workers: int, address: str | None = None) -> None:
        if workers < 1:
            raise UsageError("the Ray engine needs at least one worker; give --workers 1+")
        if not ray_available():
            raise UsageError(
                "the Ray engine needs Ray: pip install 'newsaudit[ray]', or use --engine local"
            )
        self.settings = settings
        self.workers = workers
        self.address = address

    def run(self, items: Iterable[Item]) -> Iterator[ItemResult]:
        """Start (or join) Ray, audit every item, yield each result as it arrives."""
        import ray

        started_here = not ray.is_initialized()
        if started_here:
            self._init(ray)
        try:
            source = iter(items)
            while chunk := list(islice(source, CHUNK)):
                yield from self._run_chunk(chunk)
        finally:
            if started_here:
                ray.shutdown()

    def _init(self, ray: Any) -> None:
        options: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": logging.WARNING,
        }
        if self.address:
            options["address"] = self.address
        else:
            # A local instance sized to the workers asked for, not to the whole machine.
            options["num_cpus"] = self.workers
        try:
            ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = self.address or "a local Ray instance"
            raise ModelError(
                f"cannot start or reach {where}: {' '.join(str(exc).split())}; "
                "check --ray-address (ray status shows it) or use --engine local"
            ) from None

    def _run_chunk(self, chunk: list[Item]) -> Iterator[ItemResult]:
        import ray.data

        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the batch draws its own
        rows = [
            {
                "key": i.key,
                "source": i.source,
                "data": i.data,
                "url": i.url or "",
                "content_type": i.content_type or "",
            }
            for i in chunk
        ]
        dataset = ray.data.from_items(rows).map_batches(
            AuditActor,
            fn_constructor_kwargs={"settings": self.settings},
            compute=ray.data.ActorPoolStrategy(size=min(self.workers, len(chunk))),
            batch_size=BATCH,
            batch_format="numpy",
            num_cpus=1,
        )
        for row in _rows(dataset):
            yield ItemResult(
                key=str(row["key"]),
                source=str(row["source"]),
                url=_text(row["url"]),
                status="done" if row["status"] == "done" else "failed",
                report=_text(row["report"]),
                error=_text(row["error"]),
                seconds=float(row["seconds"]),
            )


def _rows(dataset: Any) -> Iterator[dict[str, Any]]:
    """The dataset's rows; a failure of Ray itself stops the batch with a one-line reason."""
    import ray.exceptions

    try:
        yield from dataset.iter_rows()
    except ray.exceptions.RayError as exc:
        # Item failures never get here (audit_item records them); this is Ray losing
        # actors or nodes. What was written is kept: a rerun resumes after it.
        reason = " ".join(str(exc).split())[:300]
        raise NewsauditError(
            f"the Ray run failed ({type(exc).__name__}: {reason}); rerun the same command "
            "to resume, or use --engine local"
        ) from None


def _text(value: Any) -> str | None:
    """A string column back from Ray: empty and missing become None."""
    if value is None:
        return None
    text = str(value)
    return text or None
