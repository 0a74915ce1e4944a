"""Web fixtures: the app in-process (memory log or a store), a client, hand-made verdicts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsaudit import Auditor, Report
from newsaudit.model import Evidence, Verdict
from newsaudit.settings import Settings
from newsaudit.web.app import create_app

WEB_FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOSTILE = WEB_FIXTURES / "hostile_article.html"
CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "seed_sources.jsonl"

SHORT_ARTICLE = (
    "Harbour ferry to start in June\n\n"
    "The city council approved a harbour ferry on Tuesday, according to the mayor's office. "
    "It will carry up to 1,200 passengers a day, officials said. "
    "Critics said the service may cost more than 4 million pounds in its first year."
)


@pytest.fixture
def app(auditor: Auditor) -> FastAPI:
    """The app without a store (audits kept in memory), sharing the session's Auditor."""
    return create_app(Settings(), auditor=auditor)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """An in-process client whose requests come from loopback."""
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


@pytest.fixture
def store_app(auditor: Auditor, tmp_path: Path) -> FastAPI:
    """The app over a fresh store file."""
    return create_app(Settings(), store_path=tmp_path / "web.db", auditor=auditor)


@pytest.fixture
def store_client(store_app: FastAPI) -> Iterator[TestClient]:
    """A client of the store-backed app."""
    with TestClient(store_app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


def with_verdicts(report: Report) -> Report:
    """`report` with a hand-made verdict on each of its first three claims (one per label)."""
    labels = ("supported", "contradicted", "not_found")
    verdicts = []
    for number, (claim, label) in enumerate(zip(report.claims, labels, strict=False), 1):
        quote = f"Quoted passage {number} about {claim.text[:30]}"
        evidence = Evidence(
            document_id=number,
            passage_id=10 * number,
            url=f"https://example.org/source-{number}",
            title=f"Source {number}",
            source="Example Institute",
            domain="example.org",
            published="2024-01-02",
            quote=quote,
            start=5,
            end=5 + len(quote),
            stance="supports" if label == "supported" else "refutes",
            probability=0.9,
            retrieval_score=1.5,
        )
        verdicts.append(
            Verdict(claim.id, label, f"judged {label}", (evidence,) if label != "not_found" else ())
        )
    return replace(report, verdicts=tuple(verdicts))
