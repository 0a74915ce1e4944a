"""One place where failures become responses: JSON under /api, an HTML page elsewhere.

The JSON shape is fixed (a test pins it): ``{"error": {"code": ..., "message": ...}}``.
Messages are the one-line messages of `newsaudit.errors` (they say what to do next);
an unexpected exception is logged and answered with a generic 500, never a traceback.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response

from ..errors import FetchError, IngestError, ModelError, NewsauditError, StoreError, UsageError
from .security import BodyTooLarge

log = logging.getLogger("newsaudit.web")


class WebError(Exception):
    """A refusal with its HTTP status, error code and a message that says what to do."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def not_found(what: str) -> WebError:
    """404 for an id or page that does not exist."""
    return WebError(404, "not_found", f"{what} does not exist; check the id or the address")


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    503: "unavailable",
}


def _classify(exc: NewsauditError) -> tuple[int, str]:
    if isinstance(exc, UsageError):
        return 400, "bad_request"
    if isinstance(exc, FetchError):
        return 422, "fetch_failed"
    if isinstance(exc, IngestError):
        if "-byte limit" in str(exc):
            return 413, "payload_too_large"
        return 422, "unreadable_article"
    if isinstance(exc, StoreError):
        return 503, "store_error"
    if isinstance(exc, ModelError):
        return 503, "model_unavailable"
    return 500, "audit_failed"


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path == "/openapi.json"


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The error as JSON (API) or as the error page (browser pages)."""
    message = " ".join(message.split())
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    templates = getattr(request.app.state, "templates", None)
    if templates is None:
        return HTMLResponse(f"{status} {code}", status_code=status)
    state = getattr(request.app.state, "newsaudit", None)
    html = templates.get_template("error.html.j2").render(
        status=status,
        code=code,
        message=message,
        page="error",
        token_required=False,
        has_store=getattr(state, "store", None) is not None,
    )
    return HTMLResponse(html, status_code=status)


def _validation_message(exc: RequestValidationError) -> tuple[int, str, str]:
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return 400, "malformed_json", "the request body is not valid JSON; send a JSON object"
    parts = []
    for e in errors[:3]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
        parts.append(f"{where or 'body'}: {e.get('msg', 'invalid')}")
    return 422, "invalid_request", "; ".join(parts) + "; see /openapi.json for the request shapes"


def install_error_handlers(app: FastAPI) -> None:
    """Route every failure through `error_response`."""

    async def on_web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return error_response(request, exc.status, exc.code, exc.message)

    async def on_newsaudit(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NewsauditError)
        status, code = _classify(exc)
        return error_response(request, status, code, str(exc))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, *_validation_message(exc))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        detail = exc.detail if isinstance(exc.detail, str) else code
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no page at {request.url.path}; see / or /api for what there is"
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, code, detail)

    async def on_too_big(request: Request, exc: Exception) -> Response:
        return error_response(
            request, 413, "payload_too_large", "the request body is over the size limit"
        )

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected failure on %s", request.url.path, exc_info=exc)
        return error_response(
            request,
            500,
            "internal_error",
            "newsaudit failed unexpectedly; the server log has the details",
        )

    app.add_exception_handler(WebError, on_web_error)
    app.add_exception_handler(NewsauditError, on_newsaudit)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(BodyTooLarge, on_too_big)
    app.add_exception_handler(Exception, on_unexpected)
