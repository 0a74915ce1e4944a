"""The HTTP API in-process: audits, stored audits, exports, and bad input as 4xx JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsaudit import Auditor
from newsaudit.ingest.url import HttpFetcher
from newsaudit.settings import Settings
from newsaudit.web.app import create_app

from .conftest import HOSTILE, SHORT_ARTICLE


def error_of(response: httpx.Response, status: int) -> dict[str, Any]:
    """The pinned error shape: {"error": {"code": str, "message": str}} and nothing else."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert isinstance(body["error"]["code"], str) and body["error"]["code"]
    message = body["error"]["message"]
    assert isinstance(message, str) and message and "\n" not in message
    assert "Traceback" not in message
    error: dict[str, Any] = body["error"]
    return error


def test_audit_text_returns_the_cli_json_and_its_id(
    client: TestClient, validate_report: Callable[[dict[str, Any]], None]
) -> None:
    response = client.post("/api/audit", json={"text": SHORT_ARTICLE})
    assert response.status_code == 201
    report = response.json()
    validate_report(report)
    assert report["article"]["title"] == "Harbour ferry to start in June"
    assert report["claims"]
    audit_id = response.headers["x-newsaudit-audit-id"]
    assert response.headers["location"] == f"/api/audits/{audit_id}"
    stored = client.get(f"/api/audits/{audit_id}")
    assert stored.status_code == 200
    assert stored.json() == report
    listing = client.get("/api/audits").json()["audits"]
    assert listing[0]["id"] == int(audit_id)
    assert listing[0]["claims"] == len(report["claims"])


def test_audit_html_and_file_upload_agree(client: TestClient) -> None:
    page = HOSTILE.read_text("utf-8")
    as_json = client.post("/api/audit", json={"html": page})
    as_file = client.post("/api/audit", files={"file": ("story.html", page.encode(), "text/html")})
    assert as_json.status_code == as_file.status_code == 201
    a, b = as_json.json(), as_file.json()
    assert a["article"]["source_format"] == b["article"]["source_format"] == "html"
    assert [c["text"] for c in a["claims"]] == [c["text"] for c in b["claims"]]
    history = client.get("/api/audits").json()["audits"]
    assert history[0]["source"] == "story.html"


def test_exports_of_a_stored_audit(client: TestClient) -> None:
    audit_id = client.post("/api/audit", json={"text": SHORT_ARTICLE}).headers[
        "x-newsaudit-audit-id"
    ]
    report = client.get(f"/api/audits/{audit_id}").json()
    base = f"/api/audits/{audit_id}/export?format="
    as_json = client.get(base + "json")
    assert as_json.json() == report
    assert "attachment" in as_json.headers["content-disposition"]
    md = client.get(base + "md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Audit: Harbour ferry to start in June")
    html = client.get(base + "html")
    assert html.headers["content-type"].startswith("text/html")
    assert "script-src" not in html.headers["content-security-policy"]
    assert "default-src 'none'" in html.headers["content-security-policy"]
    assert all(f'id="claim-{c["id"]}"' in html.text for c in report["claims"])
    rows = list(csv.DictReader(io.StringIO(client.get(base + "csv").text)))
    assert [r["claim_id"] for r in rows] == [c["id"] for c in report["claims"]]
    reviews = client.get(base + "claimreview")
    assert reviews.headers["content-type"].startswith("application/ld+json")
    assert reviews.json() == []  # no corpus, no verdicts, nothing rated
    error_of(client.get(base + "pdf"), 422)


def test_error_shape_is_pinned(client: TestClient) -> None:
    error = error_of(client.get("/api/audits/999999"), 404)
    assert error["code"] == "not_found"
    assert "999999" in error["message"]


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (b"{not json", {"content-type": "application/json"}, 400, "malformed_json"),
        (b"\xff\xfe\x00", {"content-type": "application/json"}, 400, "malformed_json"),
        (b"[1, 2]", {"content-type": "application/json"}, 422, "invalid_request"),
        (b'{"text": "a", "url": "b"}', {"content-type": "application/json"}, 422, None),
        (b'{"txt": "typo"}', {"content-type": "application/json"}, 422, "invalid_request"),
        (b'{"text": 5}', {"content-type": "application/json"}, 422, "invalid_request"),
        (b"Some text", {"content-type": "text/plain"}, 415, "unsupported_media_type"),
        (b"Some text", {}, 415, "unsupported_media_type"),
        (b'{"text": ""}', {"content-type": "application/json"}, 422, "invalid_request"),
        (b'{"text": "\\u0000\\u0001\\u0002"}', {"content-type": "application/json"}, 422, None),
        (b'{"url": "file:///etc/passwd"}', {"content-type": "application/json"}, 422, None),
        (b'{"url": "/etc/passwd"}', {"content-type": "application/json"}, 422, None),
    ],
)
def test_bad_audit_requests_are_4xx_json(
    client: TestClient, body: bytes, headers: dict[str, str], status: int, code: str | None
) -> None:
    error = error_of(client.post("/api/audit", content=body, headers=headers), status)
    if code is not None:
        assert error["code"] == code


def test_unknown_ids_routes_and_methods(client: TestClient) -> None:
    error_of(client.get("/api/audits/123"), 404)
    error_of(client.get("/api/audits/abc"), 422)
    error_of(client.get("/api/jobs/5"), 404)
    error_of(client.get("/api/nothing-here"), 404)
    error_of(client.delete("/api/audits/1"), 405)
    error_of(client.get("/api/search?q=troops"), 503)  # no store behind this app


def test_oversize_bodies_are_413(auditor: Auditor) -> None:
    app = create_app(Settings(max_input_bytes=2_000), auditor=auditor)
    with TestClient(app, base_url="http://127.0.0.1:8000") as small:
        big_text = "Word " * 1_000  # 5,000 bytes: over the article limit, under the envelope
        error_of(small.post("/api/audit", json={"text": big_text}), 413)
        huge = b"x" * 200_000  # over the body limit itself, refused before it is parsed
        error_of(
            small.post("/api/audit", content=huge, headers={"content-type": "application/json"}),
            413,
        )

        def chunks() -> Any:  # no Content-Length: the body is counted as it streams
            for _ in range(100):
                yield b"x" * 2_000

        streamed = small.post(
            "/api/audit", content=chunks(), headers={"content-type": "application/json"}
        )
        error_of(streamed, 413)
        upload = small.post(
            "/api/audit", files={"file": ("big.txt", b"Word " * 1_000, "text/plain")}
        )
        error_of(upload, 413)


def test_url_audits_go_through_the_ssrf_guard(auditor: Auditor) -> None:
    page = HOSTILE.read_bytes()
    fetched: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(str(request.url))
        return httpx.Response(200, content=page, headers={"content-type": "text/html"})

    addresses = {"news.example.com": ["93.184.216.34"], "intranet.example.com": ["10.0.0.7"]}
    fetcher = HttpFetcher(httpx.MockTransport(handler), resolver=lambda host: addresses[host])
    app = create_app(Settings(), auditor=auditor, fetcher=fetcher)
    with TestClient(app, base_url="http://127.0.0.1:8000") as guarded:
        ok = guarded.post("/api/audit", json={"url": "https://news.example.com/ferry"})
        assert ok.status_code == 201, ok.text
        assert ok.json()["article"]["url"] == "https://news.example.com/ferry"
        refused = error_of(
            guarded.post("/api/audit", json={"url": "http://intranet.example.com/"}), 422
        )
        assert refused["code"] == "fetch_failed"
        assert "non-public" in refused["message"]
        error_of(guarded.post("/api/audit", json={"url": "http://127.0.0.1:8000/api"}), 422)
    assert fetched == ["https://news.example.com/ferry"]


@pytest.fixture
def token_app(auditor: Auditor) -> FastAPI:
    return create_app(Settings(), token="s3cret-token", auditor=auditor)


def test_writes_need_the_token_when_the_app_has_one(token_app: FastAPI) -> None:
    with TestClient(token_app, base_url="http://127.0.0.1:8000") as c:
        error_of(c.post("/api/audit", json={"text": SHORT_ARTICLE}), 401)
        wrong = {"Authorization": "Bearer nope"}
        error_of(c.post("/api/audit", json={"text": SHORT_ARTICLE}, headers=wrong), 401)
        error_of(c.post("/api/audit", data={"text": SHORT_ARTICLE}), 401)
        right = {"Authorization": "Bearer s3cret-token"}
        assert c.post("/api/audit", json={"text": SHORT_ARTICLE}, headers=right).status_code == 201
        form = c.post("/api/audit", data={"text": SHORT_ARTICLE, "token": "s3cret-token"})
        assert form.status_code == 201
        assert c.get("/api/audits").status_code == 200  # reading needs no token


def test_cross_site_writes_are_refused(client: TestClient) -> None:
    evil = {"Origin": "https://evil.example"}
    error = error_of(client.post("/api/audit", json={"text": SHORT_ARTICLE}, headers=evil), 403)
    assert error["code"] == "cross_site"
    same = {"Origin": "http://127.0.0.1:8000"}
    assert client.post("/api/audit", json={"text": SHORT_ARTICLE}, headers=same).status_code == 201


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/audits", "/api/audits/42", "/static/app.js", "/nowhere"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_openapi_lists_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/audit", "/api/audits/{audit_id}", "/api/search", "/api/corpus"):
        assert path in paths, path
    body = paths["/api/audit"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert "/api/audits/{audit_id}/export" in paths
    assert json.dumps(spec)  # serialisable


def test_store_backed_api_search_corpus_and_documents(store_client: TestClient) -> None:
    from .conftest import CORPUS

    documents = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line]
    started = store_client.post("/api/corpus", json={"documents": documents})
    assert started.status_code == 202, started.text
    job_id = started.json()["job"]
    state = store_client.app.state.newsaudit  # type: ignore[attr-defined]
    assert state.jobs.wait(job_id).state == "finished"
    job = store_client.get(f"/api/jobs/{job_id}").json()
    assert job["done"] == job["total"] == len(documents)
    assert len(job["results"]) == len(documents) and not job["errors"]
    hits = store_client.get("/api/search", params={"q": "North Korean troops"}).json()["hits"]
    assert hits
    first = hits[0]
    document = store_client.get(f"/api/documents/{first['document_id']}").json()
    assert document["text"][first["start"] : first["end"]] == first["text"]
    assert first["link"] == (
        f"/documents/{first['document_id']}?q={first['start']}-{first['end']}"
        f"#q-{first['start']}-{first['end']}"
    )
    error_of(store_client.get("/api/documents/99999"), 404)
    error_of(store_client.post("/api/corpus", json={"documents": [{"text": ""}]}), 422)
    error_of(store_client.post("/api/corpus", json={"other": 1}), 422)
    error_of(
        store_client.post(
            "/api/corpus", content=b"{", headers={"content-type": "application/json"}
        ),
        400,
    )
    error_of(
        store_client.post("/api/corpus", content=b"x", headers={"content-type": "text/csv"}), 415
    )


def test_store_keeps_audits(store_client: TestClient) -> None:
    created = store_client.post("/api/audit", json={"text": SHORT_ARTICLE})
    audit_id = created.headers["x-newsaudit-audit-id"]
    assert store_client.get(f"/api/audits/{audit_id}").json() == created.json()
    error_of(store_client.get("/api/audits/777"), 404)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data; boundary=xyz", b"garbage"),
        ("multipart/form-data", b"no boundary"),
        ("application/x-www-form-urlencoded", b"%%%=&&&"),
    ],
)
def test_malformed_forms_are_4xx_json(client: TestClient, content_type: str, body: bytes) -> None:
    response = client.post("/api/audit", content=body, headers={"content-type": content_type})
    assert 400 <= response.status_code < 500
    error_of(response, response.status_code)


def test_forms_take_one_file_and_few_fields(client: TestClient) -> None:
    two = [("file", ("a.txt", b"x", "text/plain")), ("file", ("b.txt", b"y", "text/plain"))]
    error_of(client.post("/api/audit", files=two), 400)
    error_of(client.post("/api/audit", data={f"f{i}": "x" for i in range(20)}), 400)
