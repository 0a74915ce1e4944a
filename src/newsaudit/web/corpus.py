"""The corpus over the web: search, stored documents, and adding sources as a background job.

Sources come as JSON documents (text plus what is known of where it is from; the JSON
Lines files of `tests/fixtures/corpus/` have this shape, with `date` for `published`) or
as http(s) URLs, fetched through the SSRF-guarded fetcher and cleaned like an article.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from ..errors import StoreError
from ..ingest import Fetcher
from ..ingest.corpus import attribute, document_from_raw
from ..registry import load_registry
from ..settings import Settings
from ..store import NewDocument
from .failures import WebError, not_found
from .inputs import fetch_url
from .jobs import JobProgress
from .state import AppState

MAX_ITEMS = 1000  # sources in one request; more go in several requests (or the CLI)


class CorpusDocument(BaseModel):
    """One source document given as JSON."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    title: str = ""
    url: str | None = None
    source: str | None = None
    domain: str | None = None
    published: str | None = Field(None, validation_alias=AliasChoices("published", "date"))


class CorpusRequest(BaseModel):
    """The JSON body of POST /api/corpus."""

    model_config = ConfigDict(extra="forbid")

    documents: list[CorpusDocument] = Field(default_factory=list, max_length=MAX_ITEMS)
    urls: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)


CorpusItem = NewDocument | str


def require_store(state: AppState) -> Any:
    """This thread's Store, or 503 when the app runs without one."""
    if state.store is None:
        raise WebError(
            503,
            "no_store",
            "this server runs without a store; restart it with `newsaudit serve --db FILE`",
        )
    return state.store.get()


def stored_document(state: AppState, document_id: int) -> Any:
    """A stored document, or 404."""
    store = require_store(state)
    try:
        return store.document(document_id)
    except StoreError as exc:
        if str(exc).startswith(f"no document {document_id} "):
            raise not_found(f"document {document_id}") from None
        raise


def search_hits(state: AppState, query: str, limit: int) -> list[dict[str, Any]]:
    """Search hits as JSON-ready dictionaries, with a link to the passage in its document."""
    store = require_store(state)
    hits = store.search(query, k=limit)
    fields = ("passage_id", "document_id", "score", "text", "start", "end", "title", "url")
    rows = []
    for hit in hits:
        row = {f: getattr(hit, f) for f in fields}
        row.update(source=hit.source, domain=hit.domain, published=hit.published)
        row["link"] = passage_link(hit.document_id, hit.start, hit.end)
        rows.append(row)
    return rows


def passage_link(document_id: int, start: int, end: int) -> str:
    """The document page with the quoted range marked (works without JavaScript)."""
    return f"/documents/{document_id}?q={start}-{end}#q-{start}-{end}"


def _documents(items: Sequence[CorpusDocument]) -> list[NewDocument]:
    return [
        NewDocument(
            text=d.text,
            origin=d.url or d.title or "web",
            title=d.title,
            url=d.url,
            source=d.source,
            domain=d.domain,
            published=d.published,
        )
        for d in items
    ]


def corpus_items(body: bytes, settings: Settings) -> list[CorpusItem]:
    """The sources a JSON body asks to add, or a 400/422 WebError."""
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise WebError(400, "malformed_json", "the request body is not valid JSON") from None
    try:
        request = CorpusRequest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ())) or "body"
        raise WebError(422, "invalid_request", f"{where}: {first.get('msg')}") from None
    items: list[CorpusItem] = [*_documents(request.documents), *request.urls]
    if not items:
        raise WebError(422, "invalid_request", "give documents or urls to add")
    return items


def jsonl_items(data: bytes) -> list[CorpusItem]:
    """Sources from a JSON Lines upload (one document object a line)."""
    try:
        lines = [line for line in data.decode("utf-8").splitlines() if line.strip()]
    except UnicodeDecodeError:
        raise WebError(422, "invalid_request", "the file is not UTF-8 JSON Lines") from None
    documents = []
    for number, line in enumerate(lines[: MAX_ITEMS + 1], 1):
        try:
            documents.append(CorpusDocument.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError):
            raise WebError(
                422,
                "invalid_request",
                f"line {number} is not a document object (text, title, url, source, date)",
            ) from None
    if len(documents) > MAX_ITEMS:
        raise WebError(413, "payload_too_large", f"more than {MAX_ITEMS} documents; split it")
    if not documents:
        raise WebError(422, "invalid_request", "the file holds no documents")
    return list(_documents(documents))


def start_corpus_job(state: AppState, items: Sequence[CorpusItem]) -> JobProgress:
    """Add the sources in the background; the job's progress."""
    access = state.store
    if access is None:
        raise WebError(503, "no_store", "this server runs without a store")
    settings, fetcher, runner = state.settings, state.fetcher, state.runner
    registry = load_registry()

    def add(item: CorpusItem) -> int:
        if isinstance(item, str):
            item = _fetched_document(item, settings, fetcher)
        # The source organisation, as `newsaudit corpus add` names it: given, or by domain.
        doc_id, added = access.get().add_document(attribute(item, registry))
        if added:
            runner.corpus_changed()
        return int(doc_id)

    return state.jobs.start("add sources", items, add)


def _fetched_document(url: str, settings: Settings, fetcher: Fetcher | None) -> NewDocument:
    """A web page fetched through the SSRF guard and cleaned like an article."""
    return document_from_raw(fetch_url(url, settings, fetcher), settings, url)
