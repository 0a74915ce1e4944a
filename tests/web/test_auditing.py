"""The app's own Auditor: claims checked against the store's corpus once it has documents."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsaudit.model import Article, Claim, Evidence, Verdict
from newsaudit.settings import Settings
from newsaudit.web.app import create_app

from .conftest import SHORT_ARTICLE


class FakeChecker:
    """Quotes the first passage of the store's first document for the first claim."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.refreshed = 0

    def refresh(self, progress: Any = None) -> int:
        self.refreshed += 1
        return 0

    def domain_signals(self, domain: str | None) -> tuple[Any, ...]:
        return ()

    def check(self, article: Article, claims: Sequence[Claim]) -> tuple[Verdict, ...]:
        document = self.store.document(1)
        passage = self.store.passages(1)[0]
        quote = document.text[passage.start : passage.end]
        evidence = Evidence(
            document_id=1,
            passage_id=passage.id,
            url=document.url,
            title=document.title,
            source=document.source,
            domain=document.domain,
            published=document.published,
            quote=quote,
            start=passage.start,
            end=passage.end,
            stance="supports",
            probability=0.8,
            retrieval_score=1.0,
        )
        return (Verdict(claims[0].id, "supported", "the fake says so", (evidence,)),)


def test_own_auditor_checks_claims_once_the_corpus_has_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[FakeChecker] = []

    def fake_open(settings: Settings, store: Any, **_: Any) -> FakeChecker:
        opened.append(FakeChecker(store))
        return opened[-1]

    monkeypatch.setattr("newsaudit.factcheck.open_fact_checker", fake_open)
    app = create_app(Settings(), store_path=tmp_path / "own.db")
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        before = client.post("/api/audit", json={"text": SHORT_ARTICLE})
        assert before.status_code == 201
        assert before.json()["verdicts"] == [] and opened == []  # empty corpus: nothing to check
        document = {
            "text": "The council approved a harbour ferry on Tuesday.\n\nIt starts in June.",
            "title": "Council minutes",
            "url": "https://council.example.org/minutes",
            "date": "2024-03-12",
        }
        job = client.post("/api/corpus", json={"documents": [document]}).json()["job"]
        assert app.state.newsaudit.jobs.wait(job).state == "finished"
        after = client.post("/api/audit", json={"text": SHORT_ARTICLE})
        verdicts = after.json()["verdicts"]
        assert len(opened) == 1 and len(verdicts) == 1
        quote = verdicts[0]["evidence"][0]
        assert quote["document_id"] == 1
        assert document["text"][quote["start"] : quote["end"]] == quote["quote"]
        page = client.get(f"/audits/{after.headers['x-newsaudit-audit-id']}").text
        assert f'href="/documents/1?q={quote["start"]}-{quote["end"]}#q-' in page
        # More sources: the same checker embeds them before the next audit.
        more = dict(document, text="A second document about the ferry timetable.")
        job = client.post("/api/corpus", json={"documents": [more]}).json()["job"]
        assert app.state.newsaudit.jobs.wait(job).state == "finished"
        client.post("/api/audit", json={"text": SHORT_ARTICLE})
        assert len(opened) == 1 and opened[0].refreshed == 1
