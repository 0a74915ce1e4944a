"""The web app in a real browser: Playwright driving Debian's headless Chromium.

Marked `browser`; they run in the default suite and skip cleanly when /usr/bin/chromium
or the playwright package is absent (`scripts/test.sh` installs Chromium first).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from newsaudit import Auditor
from newsaudit.settings import Settings
from newsaudit.web.app import create_app
from newsaudit.web.state import AppState

from .browser import CHROMIUM, chromium, live_server
from .conftest import CORPUS, HOSTILE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin"),
]
pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@dataclass(frozen=True)
class Live:
    """The running server: its base URL and the app's state (to reach its store)."""

    base: str
    state: AppState


@pytest.fixture(scope="module")
def live(auditor: Auditor, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """The app over a store holding the seed's test corpus, on a free loopback port."""
    db = tmp_path_factory.mktemp("web") / "browser.db"
    app = create_app(Settings(), store_path=db, auditor=auditor)
    with live_server(app) as base:
        lines = CORPUS.read_text("utf-8").splitlines()
        documents = [json.loads(line) for line in lines if line.strip()]
        started = httpx.post(base + "/api/corpus", json={"documents": documents})
        assert started.status_code == 202, started.text
        state: AppState = app.state.newsaudit
        done = state.jobs.wait(started.json()["job"])
        assert done is not None and done.state == "finished"
        yield Live(base, state)


@pytest.fixture(scope="module")
def server(live: Live) -> str:
    return live.base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


class Watch:
    """What a page did that it should not: dialogs, console errors, uncaught errors."""

    def __init__(self, page: Any) -> None:
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_quiet(self) -> None:
        assert self.dialogs == [], self.dialogs
        assert self.page_errors == [], self.page_errors
        assert self.console_errors == [], self.console_errors


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


def test_seed_report_in_the_browser(server: str, page: Any, seed_path: Path) -> None:
    watch = Watch(page)
    page.goto(server + "/")
    page.fill("#text", seed_path.read_text("utf-8"))
    page.click("#submit")
    page.wait_for_url(re.compile(r"/audits/\d+$"))
    claims = page.locator(".article-text a.claim")
    assert claims.count() >= 7
    kinds = set(claims.evaluate_all("els => els.map(e => e.className)"))
    assert {"claim kind-asserted", "claim kind-hedged"} <= kinds
    verdict = page.locator(".headline-panel .verdict-label")
    assert verdict.inner_text() == "not supported by the body (stance: discuss)"
    codes = page.locator(".headline-panel li.reason-item").evaluate_all(
        "els => els.map(e => e.dataset.code)"
    )
    assert {"hedge_dropped", "quantity_moved", "attribution_moved"} <= set(codes)
    # The hedged first claim: its title carries the details, a click opens its <details>.
    first = page.locator('.article-text a.claim[data-claim="C1"]')
    assert "may have" in (first.get_attribute("title") or "")
    details = page.locator("details#claim-C1")
    assert not details.evaluate("d => d.open")
    first.click()
    page.wait_for_function("() => document.getElementById('claim-C1').open")
    assert "vague" in details.locator(".attribution").inner_text()
    watch.assert_quiet()


def test_evidence_link_opens_the_quoted_document(live: Live, server: str, page: Any) -> None:
    """A stored audit whose evidence quotes a corpus passage: its link marks the quote."""
    hit = httpx.get(server + "/api/search", params={"q": "North Korean troops"}).json()["hits"][0]
    created = httpx.post(server + "/api/audit", json={"text": _article_quoting(hit["text"])})
    assert created.status_code == 201
    report = created.json()
    report["verdicts"] = [
        {
            "claim_id": report["claims"][0]["id"],
            "label": "supported",
            "detail": "a passage of the corpus says it",
            "evidence": [
                {
                    "document_id": hit["document_id"],
                    "passage_id": hit["passage_id"],
                    "url": hit["url"],
                    "title": hit["title"],
                    "source": hit["source"],
                    "domain": hit["domain"],
                    "published": hit["published"],
                    "quote": hit["text"],
                    "start": hit["start"],
                    "end": hit["end"],
                    "stance": "supports",
                    "probability": 0.9,
                    "retrieval_score": hit["score"],
                    "from_cited_source": False,
                    "numbers": None,
                }
            ],
            "attribution": None,
        }
    ]
    audit_id = live.state.audit_log.save_audit(report, "evidence test")
    watch = Watch(page)
    page.goto(f"{server}/audits/{audit_id}")
    link = page.locator("#evidence a.evidence-link").first
    link.click()
    page.wait_for_url(re.compile(r"/documents/\d+\?q=\d+-\d+#q-\d+-\d+$"))
    anchor = f"q-{hit['start']}-{hit['end']}"
    assert page.url.endswith("#" + anchor)
    mark = page.locator(f"mark#{anchor}")
    assert mark.inner_text() == hit["text"]
    assert mark.is_visible()
    assert page.evaluate("() => document.querySelector(':target') !== null")
    watch.assert_quiet()


def _article_quoting(passage: str) -> str:
    return (
        "Russia seeks North Korean troops\n\n"
        f"According to the Institute for the Study of War, {passage[0].lower()}{passage[1:]}"
    )


def test_hostile_article_runs_nothing(server: str, page: Any, tmp_path: Path) -> None:
    watch = Watch(page)
    page.goto(server + "/")
    page.set_input_files("#file", str(HOSTILE))
    page.click("#submit")
    page.wait_for_url(re.compile(r"/audits/\d+$"))
    audit_id = page.url.rsplit("/", 1)[1]
    elements_before = page.evaluate("() => document.querySelectorAll('*').length")
    # Point at and click everything the article put on the page.
    for link in page.locator(".article-text a.claim").all():
        link.hover()
        link.click()
    page.wait_for_timeout(300)
    assert page.locator("text=escaped text").count() >= 1  # the payload is shown as text
    assert page.evaluate("() => document.body.getAttribute('data-pwned')") is None
    assert "PWNED" not in page.title() and "PWNED" not in page.inner_text("body")
    assert (
        page.locator(".article-text img, .article-text script, .article-text iframe").count() == 0
    )
    assert page.locator('[href^="javascript:" i], [src^="javascript:" i]').count() == 0
    # Opening claim details adds no element; anything the payload injected would.
    assert page.evaluate("() => document.querySelectorAll('*').length") == elements_before
    watch.assert_quiet()
    # The exported file opened from disk runs nothing either.
    export = page.request.get(f"{server}/api/audits/{audit_id}/export?format=html")
    saved = tmp_path / "export.html"
    assert export.status == 200, export.text()
    saved.write_text(export.text(), "utf-8")
    file_watch = Watch(page)
    page.goto(saved.as_uri())
    assert page.locator("details.claim-details").count() >= 1
    assert page.evaluate("() => document.body.getAttribute('data-pwned')") is None
    file_watch.assert_quiet()


def _models_for_evidence() -> str | None:
    """Why the evidence stage cannot run here, or None when it can."""
    from newsaudit.errors import ModelError
    from newsaudit.verify import load_entailer

    try:
        load_entailer(Settings())
    except ModelError as exc:
        return str(exc)
    return None


def test_seed_evidence_link_opens_the_quoted_source(
    browser: Any, seed_path: Path, tmp_path: Path
) -> None:
    """The app's own Auditor checks the seed against the test corpus; a quote's link opens it."""
    missing = _models_for_evidence()
    if missing is not None:
        pytest.skip(f"the evidence stage's models are not installed: {missing}")
    app = create_app(Settings(), store_path=tmp_path / "evidence.db")
    with live_server(app) as base:
        lines = CORPUS.read_text("utf-8").splitlines()
        documents = [json.loads(line) for line in lines if line.strip()]
        started = httpx.post(base + "/api/corpus", json={"documents": documents})
        assert started.status_code == 202, started.text
        state: AppState = app.state.newsaudit
        done = state.jobs.wait(started.json()["job"])
        assert done is not None and done.state == "finished"
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(120_000)  # the first audit loads the evidence models
        watch = Watch(page)
        page.goto(base + "/")
        page.fill("#text", seed_path.read_text("utf-8"))
        page.click("#submit")
        page.wait_for_url(re.compile(r"/audits/\d+$"))
        links = page.locator("#evidence a.evidence-link")
        assert links.count() >= 1
        first = links.first
        quote = first.locator("q").inner_text()
        href = first.get_attribute("href") or ""
        anchor = href.rsplit("#", 1)[1]
        first.click()
        page.wait_for_url(re.compile(r"/documents/\d+\?q=\d+-\d+#q-\d+-\d+$"))
        mark = page.locator(f"mark#{anchor}")
        assert " ".join(mark.inner_text().split()) == " ".join(quote.split())
        assert mark.is_visible()
        watch.assert_quiet()
        context.close()


def test_report_reads_without_javascript(server: str, browser: Any) -> None:
    """With scripts off, the report is all there and a claim's details open by clicking."""
    created = httpx.post(
        server + "/api/audit", json={"text": _article_quoting("Russia wants help.")}
    )
    assert created.status_code == 201
    audit_id = created.headers["x-newsaudit-audit-id"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/audits/{audit_id}")
    claim_id = created.json()["claims"][0]["id"]
    assert page.locator(".headline-panel .verdict-label").is_visible()
    mark = page.locator(f'.article-text a.claim[data-claim="{claim_id}"]')
    assert mark.get_attribute("title")
    mark.click()  # follows the anchor to the claim's entry in the list
    assert page.url.endswith(f"#claim-{claim_id}")
    details = page.locator(f"details#claim-{claim_id}")
    details.locator("summary").click()
    assert details.evaluate("d => d.open")
    assert details.locator(".attribution").is_visible()
    context.close()
