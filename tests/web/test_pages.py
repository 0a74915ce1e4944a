"""The browser pages in-process: forms, the report page, history, corpus, documents, jobs."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsaudit import Auditor, Report
from newsaudit.render.json import report_to_dict
from newsaudit.settings import Settings
from newsaudit.web.app import create_app

from .conftest import CORPUS, HOSTILE, SHORT_ARTICLE, with_verdicts
from .test_exports import parse


def audit_page(client: TestClient, **form: str) -> tuple[int, str]:
    """Post the audit form; the new audit's id and its report page."""
    posted = client.post("/audit", data=form, follow_redirects=False)
    assert posted.status_code == 303, posted.text
    match = re.fullmatch(r"/audits/(\d+)", posted.headers["location"])
    assert match is not None
    page = client.get(posted.headers["location"])
    assert page.status_code == 200
    return int(match.group(1)), page.text


def test_index_has_the_three_ways_in(client: TestClient) -> None:
    page = client.get("/").text
    tags = parse(page)
    names = {a.get("name") for n, a in tags.tags if n in ("textarea", "input")}
    assert {"text", "url", "file"} <= names
    assert "token" not in names
    form = next(a for n, a in tags.tags if n == "form")
    assert form["action"] == "/audit" and form["enctype"] == "multipart/form-data"


def test_report_page_marks_every_claim_and_works_without_script(
    client: TestClient, auditor: Auditor
) -> None:
    audit_id, page = audit_page(client, text=SHORT_ARTICLE)
    report = auditor.audit_text(SHORT_ARTICLE)
    tags = parse(page)
    marks = [a for n, a in tags.tags if n == "a" and "data-claim" in a]
    assert [m["data-claim"] for m in marks] == [c.id for c in report.claims]
    for mark, claim in zip(marks, report.claims, strict=True):
        assert f"claim kind-{claim.kind}" == mark["class"]
        assert mark["href"] == f"#claim-{claim.id}"
        assert (mark["title"] or "").startswith(f"{claim.id}: ")  # details on hover
    details = {a["id"] for n, a in tags.tags if n == "details"}
    assert details == {f"claim-{c.id}" for c in report.claims}  # details on click, no JS
    scripts = [a for n, a in tags.tags if n == "script"]
    assert scripts == [{"src": "/static/app.js", "defer": None}]
    for fmt in ("json", "md", "html", "csv", "claimreview"):
        assert f"/api/audits/{audit_id}/export?format={fmt}" in page


def test_seed_report_page_shows_headline_verdict_and_reasons(
    client: TestClient, seed_path: Path
) -> None:
    _, page = audit_page(client, text=seed_path.read_text("utf-8"))
    tags = parse(page)
    verdict = next(a for n, a in tags.tags if n == "span" and "data-verdict" in a)
    assert verdict["data-verdict"] == "not_supported"
    codes = [a["data-code"] for n, a in tags.tags if n == "li" and a.get("class") == "reason-item"]
    assert {"hedge_dropped", "quantity_moved", "attribution_moved"} <= set(codes)
    headline_marks = [a["title"] for n, a in tags.tags if n == "mark"]
    assert {"hedge_dropped", "quantity_moved", "attribution_moved"} <= set(headline_marks)
    signals = {a["data-code"] for n, a in tags.tags if n == "li" and a.get("class") == "signal"}
    assert "domain_topic_mismatch" in signals


def test_hostile_article_is_escaped_on_the_report_page(client: TestClient) -> None:
    upload = {"file": ("hostile.html", HOSTILE.read_bytes(), "text/html")}
    posted = client.post("/audit", files=upload, follow_redirects=False)
    assert posted.status_code == 303
    page = client.get(posted.headers["location"]).text
    tags = parse(page)
    assert [a.get("src") for n, a in tags.tags if n == "script"] == ["/static/app.js"]
    assert not [n for n, _ in tags.tags if n in ("img", "iframe", "svg")]
    for _, attrs in tags.tags:
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not (attrs.get("href") or "").lower().startswith("javascript:"), attrs
    text = "".join(tags.text)
    assert '<script>alert("escaped text")</script>' in text
    assert "&lt;script&gt;alert(&#34;escaped text&#34;)&lt;/script&gt;" in page


def test_token_field_shown_and_required(auditor: Auditor) -> None:
    app = create_app(Settings(), token="tok-123", auditor=auditor)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        names = {a.get("name") for n, a in parse(c.get("/").text).tags if n == "input"}
        assert "token" in names
        refused = c.post("/audit", data={"text": SHORT_ARTICLE}, follow_redirects=False)
        assert refused.status_code == 401
        assert refused.headers["content-type"].startswith("text/html")
        assert "token" in refused.text
        ok = c.post(
            "/audit", data={"text": SHORT_ARTICLE, "token": "tok-123"}, follow_redirects=False
        )
        assert ok.status_code == 303


def test_errors_render_as_pages(client: TestClient) -> None:
    missing = client.get("/audits/4242")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("text/html")
    assert "audit 4242 does not exist" in missing.text
    empty = client.post("/audit", data={"text": "   "}, follow_redirects=False)
    assert empty.status_code == 422 and "<h1>422" in empty.text
    assert client.get("/corpus").status_code == 503  # no store behind this app
    assert (
        client.post("/audit", content=b"x", headers={"content-type": "text/plain"}).status_code
        == 415
    )


def test_history_lists_audits_newest_first(client: TestClient) -> None:
    first, _ = audit_page(client, text=SHORT_ARTICLE)
    second, _ = audit_page(client, text=SHORT_ARTICLE.replace("June", "July"))
    page = client.get("/audits").text
    assert page.index(f'href="/audits/{second}"') < page.index(f'href="/audits/{first}"')
    assert "Harbour ferry to start in July" in page


def test_api_page_lists_routes(client: TestClient) -> None:
    page = client.get("/api").text
    assert "/api/audit" in page and "/openapi.json" in page


@pytest.fixture
def corpus_client(store_client: TestClient, store_app: FastAPI) -> Iterator[TestClient]:
    """A store-backed client with the seed's test corpus added through the sources page."""
    client = store_client
    upload = {"file": ("seed_sources.jsonl", CORPUS.read_bytes(), "application/jsonl")}
    posted = client.post("/sources", files=upload, follow_redirects=False)
    assert posted.status_code == 303, posted.text
    job_id = int(posted.headers["location"].rsplit("/", 1)[1])
    assert store_app.state.newsaudit.jobs.wait(job_id).state == "finished"
    page = client.get(posted.headers["location"]).text
    assert "finished" in page and 'http-equiv="refresh"' not in page
    yield client


def test_corpus_browser_search_and_document_quote(corpus_client: TestClient) -> None:
    listing = corpus_client.get("/corpus").text
    assert "Assessment: North Korean support to Russia" in listing
    results = corpus_client.get("/corpus", params={"q": "North Korean troops"}).text
    links = re.findall(r'href="(/documents/\d+\?q=(\d+)-(\d+)#q-\d+-\d+)"', results)
    assert links
    link, start, end = links[0]
    page = corpus_client.get(link.replace("&amp;", "&")).text
    mark = re.search(r'<mark class="quote-mark" id="q-(\d+)-(\d+)">(.*?)</mark>', page, re.DOTALL)
    assert mark is not None and (mark.group(1), mark.group(2)) == (start, end)
    doc_id = int(link.split("/")[2].split("?")[0])
    text = corpus_client.get(f"/api/documents/{doc_id}").json()["text"]
    assert html.unescape(mark.group(3)) == text[int(start) : int(end)]
    assert corpus_client.get(f"/documents/{doc_id}?q=9-2").status_code == 400
    assert corpus_client.get(f"/documents/{doc_id}?q=0-99999999").status_code == 400
    assert corpus_client.get("/documents/99999").status_code == 404


def test_evidence_quotes_link_to_the_stored_document(
    store_client: TestClient, auditor: Auditor
) -> None:
    report: Report = with_verdicts(auditor.audit_text(SHORT_ARTICLE))
    log = store_client.app.state.newsaudit.audit_log  # type: ignore[attr-defined]
    audit_id = log.save_audit(report_to_dict(report), "hand-made")
    page = store_client.get(f"/audits/{audit_id}").text
    for verdict in report.verdicts:
        for e in verdict.evidence:
            href = f"/documents/{e.document_id}?q={e.start}-{e.end}#q-{e.start}-{e.end}"
            assert f'href="{href}"' in page
        assert f'id="verdict-{verdict.claim_id}"' in page
