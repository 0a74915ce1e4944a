"""Shared fixtures: the seed article, the shared data folder, one Auditor per test run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsaudit import Auditor, Report
from newsaudit.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("NEWSAUDIT_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_b38b0158481798b1.txt"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def auditor() -> Auditor:
    """One Auditor (spaCy loaded once) for the whole run."""
    return Auditor(Settings())


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article; tests that need it skip when ../shared is absent."""
    if not SEED.is_file():
        pytest.skip("the seed article (../shared/seed) is not present")
    return SEED


@pytest.fixture(scope="session")
def seed_report(auditor: Auditor, seed_path: Path) -> Report:
    """The audit of the seed article, computed once."""
    return auditor.audit(str(seed_path))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data; tests that need it skip when it is absent."""
    if not DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return DATA
