"""Fetch one URL with httpx, guarded against server-side request forgery.

Every hop (the URL given and each redirect) is checked before it is requested: the host
is resolved here and refused if any of its addresses is private, loopback, link-local or
reserved, unless `allow_private` is set. Redirects are followed by hand so that each one
is checked, counted (`max_redirects`) and tested for loops. The body is streamed and
stopped at `max_input_bytes`; images, PDFs and other non-text types are refused.

The transport (httpx) and the resolver (host -> addresses) are injectable, so tests run
with `httpx.MockTransport` and a fake resolver and never touch the network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable

import httpx

from ..errors import FetchError
from ..settings import Settings
from .source import RawInput

Resolver = Callable[[str], list[str]]

_TEXT_TYPES = (
    "text/",
    "application/xhtml+xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)
_REDIRECTS = {301, 302, 303, 307, 308}


def system_resolver(host: str) -> list[str]:
    """Every address the system resolver gives for `host`."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    """True when `address` is a global unicast address (not private, loopback, link-local...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


class HttpFetcher:
    """Fetches http(s) URLs with httpx; tests pass a fake `transport` and `resolver`."""

    def __init__(
        self, transport: httpx.BaseTransport | None = None, resolver: Resolver | None = None
    ) -> None:
        self.transport = transport
        self.resolver = resolver or system_resolver

    def fetch(self, url: str, settings: Settings) -> RawInput:
        """Return the body of `url` or raise FetchError."""
        deadline = time.monotonic() + settings.fetch_timeout
        headers = {"User-Agent": settings.user_agent, "Accept": "text/html, text/plain;q=0.9"}
        with httpx.Client(
            transport=self.transport,
            timeout=settings.fetch_timeout,
            headers=headers,
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the address check
        ) as client:
            visited: set[str] = set()
            current = _parse(url, url)
            for _ in range(settings.max_redirects + 1):
                if str(current) in visited:
                    raise FetchError(
                        f"{url}: redirect loop at {current}; the site is misconfigured"
                    )
                visited.add(str(current))
                self._check_host(current, url, settings)
                location = self._get(client, current, url, settings, deadline)
                if isinstance(location, RawInput):
                    return location
                current = _parse(str(current.join(location)), url)
        raise FetchError(
            f"{url}: more than {settings.max_redirects} redirects; "
            "give the final URL or raise max_redirects"
        )

    def _check_host(self, target: httpx.URL, original: str, settings: Settings) -> None:
        host = target.host
        if settings.allow_private:
            return
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = self.resolver(host)
            except (OSError, UnicodeError):
                raise FetchError(
                    f"{original}: cannot resolve host {host!r}; check the URL"
                ) from None
        if not addresses:
            raise FetchError(f"{original}: cannot resolve host {host!r}; check the URL")
        for address in addresses:
            try:
                public = is_public(address)
            except ValueError:
                raise FetchError(f"{original}: host {host!r} resolved to a bad address") from None
            if not public:
                raise FetchError(
                    f"{original}: refused, host {host!r} resolves to non-public address {address}; "
                    "set allow_private to fetch local or private addresses"
                )

    def _get(
        self,
        client: httpx.Client,
        target: httpx.URL,
        original: str,
        settings: Settings,
        deadline: float,
    ) -> RawInput | str:
        """The body as RawInput, or the Location of a redirect to follow."""
        try:
            with client.stream("GET", target) as response:
                if response.status_code in _REDIRECTS:
                    location: str = response.headers.get("location", "")
                    if not location:
                        raise FetchError(f"{original}: redirect without a Location header")
                    return location
                if response.status_code >= 400:
                    raise FetchError(
                        f"{original}: the server answered HTTP {response.status_code}; "
                        "check the URL or try again later"
                    )
                content_type = response.headers.get("content-type")
                _check_type(content_type, original)
                data = _read_capped(response, original, settings, deadline)
                return RawInput(
                    data=data, name=original, url=str(target), content_type=content_type
                )
        except httpx.TimeoutException:
            raise FetchError(
                f"{original}: timed out after {settings.fetch_timeout:g}s; "
                "try again or raise fetch_timeout"
            ) from None
        except httpx.ConnectError as exc:
            raise FetchError(
                f"{original}: unreachable ({exc}); check the URL and your connection"
            ) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{original}: fetch failed ({type(exc).__name__}: {exc})") from None


def _parse(candidate: str, original: str) -> httpx.URL:
    try:
        parsed = httpx.URL(candidate)
    except httpx.InvalidURL:
        raise FetchError(f"{original}: {candidate!r} is not a valid URL") from None
    if parsed.scheme not in {"http", "https"} or not parsed.host:
        raise FetchError(
            f"{original}: only http(s) URLs with a host can be fetched (got {candidate})"
        )
    return parsed


def _check_type(content_type: str | None, original: str) -> None:
    if content_type is None:
        return  # the content is sniffed later
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind and not kind.startswith(_TEXT_TYPES):
        raise FetchError(
            f"{original}: the server sent {kind}, not a web page or text; "
            "newsaudit reads HTML and plain-text articles"
        )


def _read_capped(
    response: httpx.Response, original: str, settings: Settings, deadline: float
) -> bytes:
    limit = settings.max_input_bytes
    too_big = FetchError(
        f"{original}: response is over the {limit:,}-byte limit; raise max_input_bytes to read it"
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise too_big
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("overall deadline passed")
        chunks.append(chunk)
    return b"".join(chunks)
