"""The browser pages: audit form, report, history, corpus browser, documents, add sources.

Server-rendered and readable without JavaScript: claim details are <details> elements and
title attributes, quotes are marked by the server, and job progress refreshes itself with
a meta refresh. The routes are thin: they read the request, call `AppState` or the store,
and hand plain records to a template.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from ..model import Evidence
from ..render.html import external_evidence_href, report_css, report_view
from ._reports import report_from_dict
from .api import State, audit_json
from .corpus import jsonl_items, passage_link, require_store, start_corpus_job, stored_document
from .exports import FORMATS
from .failures import WebError, not_found
from .inputs import FORM_TYPES, MAX_FORM_FIELDS, media_type, read_form_article
from .state import AppState
from .writes import check_write

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from the app's templates."""
    state: AppState = request.app.state.newsaudit
    template = request.app.state.templates.get_template(name)
    html = template.render(
        page=name.removesuffix(".html.j2"),
        token_required=bool(state.token),
        has_store=state.store is not None,
        **context,
    )
    return HTMLResponse(html, status_code=status)


def evidence_link(evidence: Evidence) -> str:
    """An evidence quote's link: the stored document with the quote marked."""
    return passage_link(evidence.document_id, evidence.start, evidence.end)


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    state: State,
) -> HTMLResponse:
    """The audit form and the latest audits."""
    return render(request, "index.html.j2", audits=state.audit_log.audits(10))


@router.post("/audit")
async def audit_form(
    request: Request,
    state: State,
) -> Response:
    """Audit the pasted text, URL or uploaded file, then show the report."""
    if media_type(request) not in FORM_TYPES:
        raise WebError(415, "unsupported_media_type", "send the page's form")
    raw = await read_form_article(
        request, state.settings, state.fetcher, lambda token: check_write(request, state, token)
    )
    audit_id, _ = await state.audit(raw)
    return RedirectResponse(f"/audits/{audit_id}", status_code=303)


@router.get("/audits", response_class=HTMLResponse)
def history(
    request: Request,
    state: State,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> HTMLResponse:
    """Past audits, newest first."""
    return render(request, "history.html.j2", audits=state.audit_log.audits(limit))


@router.get("/audits/{audit_id}", response_class=HTMLResponse, name="report_page")
def report_page(
    request: Request,
    audit_id: int,
    state: State,
) -> HTMLResponse:
    """One audit: the article with its claims, the headline, outlet and evidence panels."""
    report = report_from_dict(audit_json(state, audit_id))
    return render(
        request,
        "report.html.j2",
        audit_id=audit_id,
        view=report_view(report),
        # Without a store there is no document page: quotes link to their source's address.
        evidence_href=evidence_link if state.store is not None else external_evidence_href,
        formats=FORMATS,
    )


@router.get("/corpus", response_class=HTMLResponse)
def corpus(
    request: Request,
    state: State,
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    """The corpus: search its passages, list its documents."""
    store = require_store(state)
    hits = store.search(q, k=30) if q.strip() else []
    documents = [] if q.strip() else store.documents(limit=200)
    return render(
        request,
        "corpus.html.j2",
        query=q,
        hits=[(h, passage_link(h.document_id, h.start, h.end)) for h in hits],
        documents=documents,
        stats=store.stats(top=10),
    )


def _quoted_range(q: str | None, length: int) -> tuple[int, int] | None:
    """The `START-END` range asked for, if it lies inside the document."""
    if not q:
        return None
    start_text, _, end_text = q.partition("-")
    if not (start_text.isdigit() and end_text.isdigit()):
        raise WebError(400, "bad_request", "q must be START-END, two character offsets")
    start, end = int(start_text), int(end_text)
    if not 0 <= start < end <= length:
        raise WebError(400, "bad_request", f"the range {q} is outside the document")
    return start, end


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, state: State) -> HTMLResponse:
    """The same story across outlets: clusters of the stored audits, their numbers, copies."""
    from ..stories import build_stories, domain_profiles, load_articles
    from ..stories.render import kind_name, number

    store = require_store(state)
    articles = load_articles(store)
    found = build_stories(articles)
    return render(
        request,
        "stories.html.j2",
        articles=len(articles),
        stories=found,
        profiles=domain_profiles(articles, found),
        kind_name=kind_name,
        number=number,
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    document_id: int,
    state: State,
    q: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    """A stored document, with the quoted range `q=START-END` marked."""
    document = stored_document(state, document_id)
    text: str = document.text
    quoted = _quoted_range(q, len(text))
    parts = (
        (text, None, None)
        if quoted is None
        else (text[: quoted[0]], text[quoted[0] : quoted[1]], text[quoted[1] :])
    )
    anchor = f"q-{quoted[0]}-{quoted[1]}" if quoted else None
    return render(request, "document.html.j2", document=document, parts=parts, anchor=anchor)


@router.get("/sources", response_class=HTMLResponse)
def sources(
    request: Request,
    state: State,
) -> HTMLResponse:
    """The form to add sources to the corpus."""
    require_store(state)
    return render(request, "sources.html.j2")


@router.post("/sources")
async def add_sources(
    request: Request,
    state: State,
) -> Response:
    """Start adding the uploaded JSON Lines documents or the listed URLs; show progress."""
    require_store(state)
    if media_type(request) not in FORM_TYPES:
        raise WebError(415, "unsupported_media_type", "send the page's form")
    async with request.form(max_files=1, max_fields=MAX_FORM_FIELDS) as form:
        token = form.get("token")
        check_write(request, state, token if isinstance(token, str) else None)
        upload, urls = form.get("file"), form.get("urls")
        items: list[Any]
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(state.settings.max_input_bytes + 1)
            if len(data) > state.settings.max_input_bytes:
                raise WebError(413, "payload_too_large", "the file is over max_input_bytes")
            items = jsonl_items(data)
        elif isinstance(urls, str) and urls.strip():
            items = [line.strip() for line in urls.splitlines() if line.strip()][:1000]
        else:
            raise WebError(422, "invalid_request", "give a JSON Lines file or some URLs")
    job = start_corpus_job(state, items)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(
    request: Request,
    job_id: int,
    state: State,
) -> HTMLResponse:
    """A background job's progress; the page refreshes itself until the job is done."""
    progress = state.jobs.progress(job_id)
    if progress is None:
        raise not_found(f"job {job_id}")
    return render(request, "job.html.j2", job=progress)


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The HTTP API, read from the app's OpenAPI document."""
    spec = request.app.openapi()
    routes = [
        (method.upper(), path, op.get("summary", ""), op.get("description", ""))
        for path, methods in spec.get("paths", {}).items()
        for method, op in methods.items()
    ]
    return render(request, "api.html.j2", routes=routes, version=spec["info"]["version"])


@router.get("/static/report.css")
def report_stylesheet() -> Response:
    """The report's style sheet, shared with the exported HTML file."""
    return Response(report_css(), media_type="text/css")
