"""The seed checked against a corpus written by the team, with the real store and models.

`tests/fixtures/corpus/seed_sources.jsonl` (see its README) holds two documents on the
Institute for the Study of War's domain and two wire stories. What they say decides each
attribution check: the troops under discussion are confirmed by the institute and given
another number by a wire story; the delay and the "game-changer" forecast are not in the
institute's documents. Every quote is checked against its stored document by the
autouse fixture in tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsaudit import Auditor, Report
from newsaudit.factcheck import FactChecker, open_fact_checker
from newsaudit.ingest.corpus import add_to_store, iter_documents
from newsaudit.model import Verdict
from newsaudit.registry import load_registry
from newsaudit.settings import Settings
from newsaudit.store import Store

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "seed_sources.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding the team's corpus."""
    settings = Settings()
    with Store.open(tmp_path_factory.mktemp("corpus") / "seed.db") as opened:
        summary = add_to_store(opened, iter_documents([str(CORPUS)], settings), load_registry())
        assert len(summary.added) == 4
        yield opened


@pytest.fixture(scope="module")
def checker(store: Store) -> FactChecker:
    return open_fact_checker(Settings(), store)


@pytest.fixture(scope="module")
def report(checker: FactChecker, seed_path: Path) -> Report:
    return Auditor(Settings(), checker=checker).audit(str(seed_path))


def verdict_for(report: Report, words: str) -> Verdict:
    """The verdict of the claim whose text contains `words`."""
    claim = next(c for c in report.claims if words in c.text)
    return next(v for v in report.verdicts if v.claim_id == claim.id)


def test_troops_under_discussion_confirmed_by_the_institute(report: Report) -> None:
    verdict = verdict_for(report, "100,000 North Korean troops")
    assert verdict.attribution is not None
    assert verdict.attribution.source == "Institute for the Study of War"
    assert verdict.attribution.label == "confirmed"
    assert "understandingwar.org" in verdict.attribution.domains
    supporting = [e for e in verdict.evidence if e.stance == "supports"]
    assert any(e.from_cited_source and "100,000" in e.quote for e in supporting)


def test_wire_story_number_is_a_conflict(report: Report) -> None:
    verdict = verdict_for(report, "100,000 North Korean troops")
    assert verdict.label == "conflicting"
    refuting = [e for e in verdict.evidence if e.stance == "refutes"]
    assert refuting and refuting[0].domain == "meridianwire.example"
    assert refuting[0].numbers is not None and "12,000" in refuting[0].numbers


def test_delay_and_forecast_are_not_in_the_institutes_documents(report: Report) -> None:
    for words in ("delayed the second deployment", "game-changer"):
        verdict = verdict_for(report, words)
        assert verdict.attribution is not None, words
        assert verdict.attribution.label == "not_in_source", words
        assert verdict.label != "supported", words


def test_unattributed_claims_have_no_attribution_check(report: Report) -> None:
    verdict = verdict_for(report, "heavy casualties")
    assert verdict.attribution is None


def test_opinion_is_not_checked(report: Report) -> None:
    opinion = {c.id for c in report.claims if c.kind == "opinion"}
    assert opinion and not opinion & {v.claim_id for v in report.verdicts}


def test_source_missing_from_the_corpus(tmp_path: Path, seed_path: Path) -> None:
    wire_only = tmp_path / "wire.jsonl"
    wire_only.write_text(
        "".join(
            line + "\n" for line in CORPUS.read_text("utf-8").splitlines() if "meridianwire" in line
        ),
        "utf-8",
    )
    settings = Settings()
    with Store.open(tmp_path / "wire.db") as store:
        add_to_store(store, iter_documents([str(wire_only)], settings), load_registry())
        checker = open_fact_checker(settings, store)
        report = Auditor(settings, checker=checker).audit(str(seed_path))
    verdict = verdict_for(report, "100,000 North Korean troops")
    assert verdict.attribution is not None
    assert verdict.attribution.label == "source_not_in_corpus"
    assert verdict.label == "contradicted"  # only the wire story's 12,000 speaks to it


def test_audit_with_db_saves_the_audit(store: Store, checker: FactChecker, seed_path: Path) -> None:
    from newsaudit.render.json import report_to_dict

    report = Auditor(Settings(), checker=checker).audit(str(seed_path))
    audit_id = store.save_audit(report_to_dict(report), str(seed_path))
    saved = store.audit(audit_id)
    assert saved["schema"] == "newsaudit.report/2"
    assert [v["claim_id"] for v in saved["verdicts"]] == [v.claim_id for v in report.verdicts]
