"""The Ray engine gives the local engine's results (skipped where Ray is not installed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit import Auditor
from newsaudit.batch.engine import run_batch
from newsaudit.batch.items import Item, enumerate_inputs
from newsaudit.batch.work import audit_item

from .conftest import MemorySink, write_articles

pytest.importorskip("ray.data", reason="the Ray engine needs the ray extra")


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*")  # Ray's own, not ours
def test_ray_with_two_actors_audits_every_item_as_the_local_engine_does(
    tmp_path: Path, auditor: Auditor
) -> None:
    from newsaudit.batch.ray_engine import RayEngine

    folder = tmp_path / "in"
    write_articles(folder, 12)
    (folder / "empty.txt").write_text(" ")
    sink = MemorySink()
    summary = run_batch([folder], sink, RayEngine(auditor.settings, workers=2))
    assert (summary.done, summary.failed, summary.engine) == (12, 1, "ray")
    items = {e.key: e for e in enumerate_inputs([folder]) if isinstance(e, Item)}
    for result in sink.results:
        fresh = audit_item(auditor, items[result.key])
        assert result.status == fresh.status and result.error == fresh.error
        if result.report is not None:
            assert json.loads(result.report) == json.loads(fresh.report or "")
