"""Untrusted request bodies -> RawInput: JSON (text, html or url) or a form with a file.

pydantic checks the JSON shape (extra fields forbidden); sizes are checked against
`max_input_bytes` before anything is audited; a URL goes only through the SSRF-guarded
fetcher, and only when it is http(s) (never a path: the server's files are not input).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from ..errors import IngestError
from ..ingest import Fetcher, RawInput
from ..settings import Settings
from .failures import WebError

JSON_TYPES = ("application/json",)
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
MAX_FORM_FIELDS = 8


class AuditRequest(BaseModel):
    """The JSON body of POST /api/audit: exactly one of `text`, `html` or `url`."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def _one_input(self) -> AuditRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


def media_type(request: Request) -> str:
    """The request's media type, lower case, without parameters."""
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _too_big(name: str, settings: Settings) -> WebError:
    return WebError(
        413,
        "payload_too_large",
        f"{name} is over the {settings.max_input_bytes:,}-byte limit; "
        "send a smaller article or raise max_input_bytes",
    )


def _from_string(kind: str, value: str, settings: Settings) -> RawInput:
    data = value.encode("utf-8", "replace")
    if len(data) > settings.max_input_bytes:
        raise _too_big(f"<{kind}>", settings)
    content_type = "text/html; charset=utf-8" if kind == "html" else None
    return RawInput(data=data, name=f"<{kind}>", url=None, content_type=content_type)


def fetch_url(url: str, settings: Settings, fetcher: Fetcher | None) -> RawInput:
    """Fetch an http(s) URL through the SSRF-guarded fetcher."""
    candidate = url.strip()
    if not candidate.lower().startswith(("http://", "https://")):
        raise IngestError(f"{candidate[:80]!r}: only http:// and https:// URLs can be fetched")
    if fetcher is None:
        from ..ingest.url import HttpFetcher

        fetcher = HttpFetcher()
    return fetcher.fetch(candidate, settings)


def parse_json_audit(body: bytes) -> AuditRequest:
    """The JSON body as an AuditRequest, or a 400/422 WebError."""
    try:
        data: Any = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise WebError(
            400, "malformed_json", "the request body is not valid JSON; send a JSON object"
        ) from None
    if not isinstance(data, dict):
        raise WebError(422, "invalid_request", "send a JSON object with text, html or url")
    try:
        return AuditRequest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ())) or "body"
        raise WebError(
            422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}; see /openapi.json"
        ) from None


def raw_from_request(
    request_model: AuditRequest, settings: Settings, fetcher: Fetcher | None
) -> RawInput:
    """The article bytes a JSON audit request stands for (fetching a URL if given)."""
    if request_model.url:
        return fetch_url(request_model.url, settings, fetcher)
    if request_model.html:
        return _from_string("html", request_model.html, settings)
    return _from_string("text", request_model.text or "", settings)


async def raw_from_form(form: FormData, settings: Settings, fetcher: Fetcher | None) -> RawInput:
    """The article a form stands for: an uploaded file, pasted text, or a URL."""
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(settings.max_input_bytes + 1)
        name = _display_name(upload.filename)
        if len(data) > settings.max_input_bytes:
            raise _too_big(name, settings)
        return RawInput(data=data, name=name, url=None, content_type=upload.content_type)
    text, url = form.get("text"), form.get("url")
    if isinstance(text, str) and text.strip():
        return _from_string("text", text, settings)
    if isinstance(url, str) and url.strip():
        return await run_in_threadpool(fetch_url, url, settings, fetcher)
    raise WebError(422, "invalid_request", "give an article: paste its text, a URL, or a file")


def _display_name(filename: str) -> str:
    """The upload's base name, printable and short (it is shown in the history)."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable())[:120]
    return cleaned or "<upload>"


async def read_form_article(
    request: Request,
    settings: Settings,
    fetcher: Fetcher | None,
    check_token: Callable[[str | None], None],
) -> RawInput:
    """The article of a form post, after `check_token` passed on its token field."""
    # The context closes the upload's spooled temporary file however this ends.
    async with request.form(max_files=1, max_fields=MAX_FORM_FIELDS) as form:
        token = form.get("token")
        check_token(token if isinstance(token, str) else None)
        return await raw_from_form(form, settings, fetcher)
