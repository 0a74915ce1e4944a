"""The checks every write (POST) passes: the token, and that it comes from this site."""

from __future__ import annotations

from starlette.requests import Request

from .failures import WebError
from .security import bearer, cross_site, token_matches
from .state import AppState


def check_write(request: Request, state: AppState, form_token: str | None) -> None:
    """Refuse a write from another site, or without the token when the app has one."""
    if cross_site(request.headers.get("origin"), request.headers.get("host")):
        raise WebError(
            403, "cross_site", "writes from another site are refused; use this server's own pages"
        )
    given = bearer(request.headers.get("authorization")) or form_token
    if not token_matches(state.token, given):
        raise WebError(
            401,
            "unauthorized",
            "this server needs its token for writes: send 'Authorization: Bearer TOKEN' "
            "or fill in the token field",
        )
