"""What every response and every write must pass: headers, body size, token, same origin.

- Every response carries a strict Content-Security-Policy (scripts and styles only from
  /static, no inline script, no framing), nosniff, no referrer, and no caching of reports.
- A request body over the limit is refused with 413 before it is read in full, whether it
  declares its length or streams it.
- Writes (POST) need the token when the app has one (always when it listens beyond
  loopback), given as ``Authorization: Bearer <token>`` or a ``token`` form field.
- A browser write from another site (its Origin is not this host) is refused, so a page
  elsewhere cannot make a local server audit or store anything.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # the command line imports this module without loading the server
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make form posts Origin: null
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
# Room for the JSON or multipart envelope around an article of `max_input_bytes`.
ENVELOPE_BYTES = 64 * 1024
LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost; False for 0.0.0.0 and every other address."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def token_matches(expected: str | None, given: str | None) -> bool:
    """Whether `given` is the token (always True when the app has none); constant time."""
    if not expected:
        return True
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def bearer(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, or None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def cross_site(origin: str | None, host: str | None) -> bool:
    """True when a browser says the request comes from a page on another host."""
    if not origin or origin == "null":
        return origin == "null"
    return urlsplit(origin).netloc.lower() != (host or "").lower()


def _error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()


class GuardMiddleware:
    """Adds the security headers and refuses bodies over `max_body` bytes with 413."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app with the headers added and the body counted."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = _error_body(
            "payload_too_large",
            f"the request body is over the {self.max_body:,}-byte limit; "
            "send a smaller article or raise max_input_bytes",
        )
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await _send_json(send, 413, too_big)
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge()
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = [h for h in SECURITY_HEADERS if not _has(message, h[0])]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _send_json(send, 413, too_big)


class BodyTooLarge(Exception):
    """A streamed body went over the limit (raised inside the receive channel)."""


def _has(message: Message, name: bytes) -> bool:
    return any(key.lower() == name for key, _ in message.get("headers", []))


async def _send_json(send: Send, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": headers + list(SECURITY_HEADERS),
        }
    )
    await send({"type": "http.response.body", "body": body})
