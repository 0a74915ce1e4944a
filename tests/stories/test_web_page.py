"""The web app's stories page over the Harlow Dam store: the story, copier and numbers."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsaudit import Auditor
from newsaudit.settings import Settings
from newsaudit.web.app import create_app


def test_stories_page_shows_the_story_copier_and_spread(
    stories_db: Path, tmp_path: Path, auditor: Auditor
) -> None:
    copy = tmp_path / "stories.db"
    copy.write_bytes(stories_db.read_bytes())
    app = create_app(Settings(), store_path=copy, auditor=auditor)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        page = client.get("/stories")
        home = client.get("/")
    assert page.status_code == 200
    html = page.text
    for domain in ("westmarch-courier.example", "riversidepost.example", "nationalledger.example"):
        assert domain in html
    assert "earliest" in html and "copies audit" in html
    assert "spread 12 to 17" in html  # the death tolls the outlets give
    assert "bellmoor" not in html.split("<h2>Domains</h2>")[0]  # the sport story stays out
    assert 'href="/stories"' in home.text


def test_stories_page_without_a_store_is_503(auditor: Auditor) -> None:
    with TestClient(create_app(Settings(), auditor=auditor), base_url="http://127.0.0.1:8000") as c:
        response = c.get("/stories")
    assert response.status_code == 503
