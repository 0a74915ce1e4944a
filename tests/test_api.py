"""The public API: `newsaudit.__all__` is exactly what the package exports, and it works."""

from __future__ import annotations

import importlib
import types
from pathlib import Path

import newsaudit
from newsaudit import Auditor, Report


def _public_names() -> set[str]:
    return {
        name
        for name, value in vars(newsaudit).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name != "annotations"  # from __future__, not part of the API
    }


def test_all_lists_exactly_the_public_names() -> None:
    assert set(newsaudit.__all__) == _public_names() | {"__version__"}
    assert len(newsaudit.__all__) == len(set(newsaudit.__all__))


def test_every_exported_name_is_importable() -> None:
    module = importlib.import_module("newsaudit")
    for name in newsaudit.__all__:
        assert getattr(module, name) is not None, name
        exec(f"from newsaudit import {name}", {})  # noqa: S102 - the import statement itself


def test_exported_callables_have_docstrings() -> None:
    for name in newsaudit.__all__:
        value = getattr(newsaudit, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), f"{name} has no docstring"


def test_audit_returns_a_report(example_path: Path) -> None:
    report = newsaudit.audit(str(example_path))
    assert isinstance(report, Report)
    assert report.article.title.startswith("Ferry fares to rise 40%")
    assert report.schema == "newsaudit.report/2"


def test_auditor_audit_text_returns_a_report(auditor: Auditor) -> None:
    report = auditor.audit_text(
        "Council raises fares\n\nThe council raised fares by 10% on Monday.\n"
    )
    assert isinstance(report, Report)
    assert report.article.title == "Council raises fares"
