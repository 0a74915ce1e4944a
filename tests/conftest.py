"""Shared fixtures: the seed article, the shared data folder, one Auditor per test run."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsaudit import Article, Auditor, Report
from newsaudit.cli.main import main
from newsaudit.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("NEWSAUDIT_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_b38b0158481798b1.txt"
DATA = SHARED / "data"


RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run `newsaudit ARGS…` in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["newsaudit", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


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


# ---- the report contract: every Report the suite produces must fit the JSON schema ------


@pytest.fixture(scope="session", autouse=True)
def _reports_keep_the_json_contract() -> Iterator[None]:
    """Validate every Report made through `Auditor` against ``newsaudit.report/2``."""
    from newsaudit.render.json import report_to_dict, validate_report_dict

    produce = Auditor.audit_article

    def audit_and_validate(self: Auditor, article: Article) -> Report:
        report = produce(self, article)
        validate_report_dict(report_to_dict(report, self.settings.spacy_model))
        return report

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Auditor, "audit_article", audit_and_validate)
        yield


@pytest.fixture(scope="session", autouse=True)
def _every_quote_is_verbatim() -> Iterator[None]:
    """Every evidence quote the suite produces is its stored document at the stated offsets."""
    from newsaudit.factcheck import FactChecker

    check = FactChecker.check

    def check_and_verify(self: FactChecker, article: Article, claims: Any) -> Any:
        verdicts = check(self, article, claims)
        for verdict in verdicts:
            for e in verdict.evidence:
                text = self.store.document(e.document_id).text
                assert text[e.start : e.end] == e.quote, (
                    f"{verdict.claim_id}: quote is not document {e.document_id}[{e.start}:{e.end}]"
                )
        return verdicts

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(FactChecker, "check", check_and_verify)
        yield


@pytest.fixture(scope="session")
def validate_report() -> Callable[[Report | dict[str, Any]], None]:
    """A checker for reports built by hand: raises jsonschema.ValidationError on a break."""
    from newsaudit.render.json import report_to_dict, validate_report_dict

    def check(report: Report | dict[str, Any]) -> None:
        data = report if isinstance(report, dict) else report_to_dict(report)
        validate_report_dict(data)

    return check


@pytest.fixture(scope="session")
def example_path() -> Path:
    """The example article shipped inside the package (`newsaudit/examples/`)."""
    import newsaudit

    return Path(newsaudit.__file__).parent / "examples" / "harbour_ferry.txt"
