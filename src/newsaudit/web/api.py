"""The HTTP API under /api: audit, stored audits and their exports, corpus search and adds.

Every route returns the same JSON as the CLI (``newsaudit.report/2`` for a report) or an
error of the one fixed shape; the routes are thin over `AppState`, the store and the
renderers. Request bodies are parsed here by hand (not by FastAPI's body binding) so
that a wrong content type is a 415 and a malformed body a 400, never a 500.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from .corpus import corpus_items, require_store, search_hits, start_corpus_job, stored_document
from .exports import EXPORT_HTML_CSP, FORMATS, ExportFormat, export
from .failures import WebError, not_found
from .inputs import (
    FORM_TYPES,
    JSON_TYPES,
    AuditRequest,
    media_type,
    parse_json_audit,
    raw_from_request,
    read_form_article,
)
from .state import AppState
from .writes import check_write

router = APIRouter(prefix="/api", tags=["api"])

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": words, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for status, words in (
        (400, "Malformed request (e.g. invalid JSON)"),
        (401, "Token missing or wrong"),
        (404, "Unknown id"),
        (413, "Body or article over max_input_bytes"),
        (415, "Unsupported content type"),
        (422, "Invalid request, or an input that is not an article"),
    )
}
AUDIT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": AuditRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "text": {"type": "string"},
                        "url": {"type": "string"},
                        "token": {"type": "string"},
                    },
                }
            },
        },
    }
}


def app_state(request: Request) -> AppState:
    """The AppState of the running app."""
    state: AppState = request.app.state.newsaudit
    return state


State = Annotated[AppState, Depends(app_state)]
FORMAT_HELP = "One of " + ", ".join(FORMATS)


def audit_json(state: AppState, audit_id: int) -> dict[str, Any]:
    """The stored report JSON of an audit, or 404."""
    data = state.audit_log.audit(audit_id)
    if data is None:
        raise not_found(f"audit {audit_id}")
    return data


@router.post(
    "/audit",
    summary="Audit one article",
    status_code=201,
    responses=ERRORS,
    openapi_extra=AUDIT_BODY,
)
async def post_audit(
    request: Request,
    state: State,
) -> Response:
    """Audit JSON {"text"}, {"html"} or {"url"}, or a multipart `file`; the report JSON."""
    kind = media_type(request)
    if kind in JSON_TYPES:
        check_write(request, state, None)
        raw_request = parse_json_audit(await request.body())
        raw = await run_in_threadpool(raw_from_request, raw_request, state.settings, state.fetcher)
    elif kind in FORM_TYPES:
        raw = await read_form_article(
            request, state.settings, state.fetcher, lambda token: check_write(request, state, token)
        )
    else:
        raise WebError(
            415,
            "unsupported_media_type",
            f"send application/json or multipart/form-data, not {kind or 'no content type'}",
        )
    audit_id, data = await state.audit(raw)
    headers = {"Location": f"/api/audits/{audit_id}", "X-Newsaudit-Audit-Id": str(audit_id)}
    return JSONResponse(data, status_code=201, headers=headers)


@router.get("/audits", summary="The latest audits, newest first")
def list_audits(
    state: State,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Id, time, source, title and claim count of the latest audits."""
    rows = state.audit_log.audits(limit)
    fields = ("id", "created_at", "source", "url", "title", "claims")
    return {"audits": [{f: getattr(row, f, None) for f in fields} for row in rows]}


@router.get("/audits/{audit_id}", summary="One stored audit", responses=ERRORS)
def get_audit(
    audit_id: int,
    state: State,
) -> JSONResponse:
    """The stored report, in the same JSON as `newsaudit audit --json`."""
    return JSONResponse(audit_json(state, audit_id))


@router.get("/audits/{audit_id}/export", summary="Export a stored audit", responses=ERRORS)
def export_audit(
    request: Request,
    audit_id: int,
    state: State,
    format: Annotated[ExportFormat, Query(description=FORMAT_HELP)] = "json",
) -> Response:
    """The audit as JSON, Markdown, a self-contained HTML file, CSV of claims or ClaimReview."""
    data = audit_json(state, audit_id)
    review_url = str(request.url_for("report_page", audit_id=audit_id))
    out = export(data, audit_id, format, review_url)
    headers = {"Content-Disposition": f'attachment; filename="{out.filename}"'}
    if format == "html":
        headers["Content-Security-Policy"] = EXPORT_HTML_CSP
    return Response(out.text, media_type=out.media_type, headers=headers)


@router.get("/search", summary="Search the corpus", responses=ERRORS)
def search(
    state: State,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Passages of stored documents matching the words of `q` (BM25), best first."""
    return {"query": q, "hits": search_hits(state, q, limit)}


@router.get("/documents/{document_id}", summary="One stored document", responses=ERRORS)
def get_document(
    document_id: int,
    state: State,
) -> dict[str, Any]:
    """A stored document with its text and metadata."""
    document = stored_document(state, document_id)
    fields = ("id", "title", "url", "source", "domain", "published", "added_at", "text")
    return {f: getattr(document, f, None) for f in fields}


@router.post("/corpus", summary="Add sources to the corpus", status_code=202, responses=ERRORS)
async def post_corpus(
    request: Request,
    state: State,
) -> JSONResponse:
    """Queue documents ({"documents": [...]}) or URLs ({"urls": [...]}); the job to poll."""
    require_store(state)
    if media_type(request) not in JSON_TYPES:
        raise WebError(415, "unsupported_media_type", "send application/json")
    check_write(request, state, None)
    items = corpus_items(await request.body(), state.settings)
    job = start_corpus_job(state, items)
    return JSONResponse(
        {"job": job.id, "state": job.state, "total": job.total, "poll": f"/api/jobs/{job.id}"},
        status_code=202,
        headers={"Location": f"/api/jobs/{job.id}"},
    )


@router.get("/jobs/{job_id}", summary="Progress of a background job", responses=ERRORS)
def get_job(
    job_id: int,
    state: State,
) -> dict[str, Any]:
    """State, items done of total, the ids it produced, and its errors."""
    progress = state.jobs.progress(job_id)
    if progress is None:
        raise not_found(f"job {job_id}")
    return {
        "job": progress.id,
        "kind": progress.kind,
        "state": progress.state,
        "total": progress.total,
        "done": progress.done,
        "results": list(progress.results),
        "errors": list(progress.errors),
    }
