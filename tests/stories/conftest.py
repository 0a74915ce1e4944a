"""Stories fixtures: the team-written Harlow Dam articles, audited once into a store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli.conftest import run_main  # noqa: F401  (the CLI runner fixture, shared)

from newsaudit import Auditor
from newsaudit.batch.engine import run_batch
from newsaudit.batch.ledger import StoreSink
from newsaudit.batch.local import InlineEngine
from newsaudit.store import Store

STORIES = Path(__file__).resolve().parent.parent / "fixtures" / "stories"


@pytest.fixture(scope="session")
def expect() -> dict[str, Any]:
    """What the stories of the fixture articles must show (expect.json beside them)."""
    data: dict[str, Any] = json.loads((STORIES / "expect.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def stories_db(tmp_path_factory: pytest.TempPathFactory, auditor: Auditor) -> Path:
    """A store holding the audits of every fixture article (audited once a test run)."""
    path = tmp_path_factory.mktemp("stories") / "stories.db"
    pages = sorted(STORIES.glob("*.html"))
    with Store.open(path) as store:
        summary = run_batch(pages, StoreSink(store), InlineEngine(auditor.settings, auditor))
    assert summary.failed == 0 and summary.done == len(pages)
    return path


@pytest.fixture
def store(stories_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the fixture store (tests may rebuild its stories)."""
    copy = tmp_path / "stories.db"
    with Store.open(stories_db) as source, Store.open(copy) as target:
        source.conn.backup(target.conn)
    with Store.open(copy) as opened:
        yield opened


def audit_ids(store: Store) -> dict[str, int]:
    """Fixture file name -> its audit id."""
    rows = store.conn.execute("SELECT source, id FROM audits").fetchall()
    return {Path(source).name: int(audit_id) for source, audit_id in rows}
