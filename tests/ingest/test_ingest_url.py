"""URL fetching with a fake resolver and httpx.MockTransport: no network is touched."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from newsaudit.errors import FetchError
from newsaudit.ingest import read_source, to_article
from newsaudit.ingest.url import HttpFetcher, is_public
from newsaudit.settings import Settings

SETTINGS = Settings()
PUBLIC = {"news.example.com": ["93.184.216.34"], "cdn.example.net": ["2606:2800:220:1::1"]}
PAGE = (
    b"<html><head><title>Tram line extension approved</title></head><body><article>"
    b"<h1>Tram line extension approved</h1><p>The regional council approved a four-kilometre "
    b"extension of the tram line to the university campus on Thursday, with construction due "
    b"to begin next spring and services expected to run by the end of the following year.</p>"
    b"</article></body></html>"
)


def resolver(extra: dict[str, list[str]] | None = None) -> Callable[[str], list[str]]:
    table = {**PUBLIC, **(extra or {})}

    def resolve(host: str) -> list[str]:
        if host not in table:
            raise OSError("name not known")
        return table[host]

    return resolve


def fetcher(
    handler: Callable[[httpx.Request], httpx.Response], extra: dict[str, list[str]] | None = None
) -> HttpFetcher:
    return HttpFetcher(transport=httpx.MockTransport(handler), resolver=resolver(extra))


def page(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, content=PAGE)


def refused(f: HttpFetcher, url: str, settings: Settings = SETTINGS) -> str:
    with pytest.raises(FetchError) as caught:
        f.fetch(url, settings)
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_fetches_page_with_user_agent() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return page(request)

    raw = read_source("https://news.example.com/tram", SETTINGS, fetcher=fetcher(handler))
    assert raw.url == "https://news.example.com/tram"
    assert seen[0].headers["user-agent"] == SETTINGS.user_agent
    article = to_article(raw, SETTINGS)
    assert article.title == "Tram line extension approved"
    assert article.site == "news.example.com"
    assert article.url == "https://news.example.com/tram"


def test_follows_public_redirect() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "https://cdn.example.net/new"})
        return page(request)

    raw = fetcher(handler).fetch("http://news.example.com/old", SETTINGS)
    assert raw.url == "https://cdn.example.net/new"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://[::1]/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://[::ffff:10.0.0.1]/",
    ],
)
def test_private_literals_refused(url: str) -> None:
    assert "refused" in refused(fetcher(page), url)


def test_name_resolving_to_private_address_refused() -> None:
    f = fetcher(page, {"intranet.example.com": ["93.184.216.34", "10.1.2.3"]})
    message = refused(f, "https://intranet.example.com/")
    assert "10.1.2.3" in message and "allow_private" in message


def test_allow_private_lets_it_through() -> None:
    f = fetcher(page, {"intranet.example.com": ["10.1.2.3"]})
    raw = f.fetch("https://intranet.example.com/", Settings(allow_private=True))
    assert raw.data == PAGE


def test_redirect_to_loopback_refused() -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        if request.url.host == "news.example.com":
            return httpx.Response(302, headers={"location": "http://127.0.0.1:8080/secret"})
        return page(request)

    assert "127.0.0.1" in refused(fetcher(handler), "https://news.example.com/story")
    assert requested == ["https://news.example.com/story"]


def test_redirect_loop() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        target = "/b" if request.url.path == "/a" else "/a"
        return httpx.Response(302, headers={"location": target})

    assert "loop" in refused(fetcher(handler), "https://news.example.com/a")


def test_too_many_redirects() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"location": f"/{step + 1}"})

    assert "redirects" in refused(
        fetcher(handler), "https://news.example.com/0", Settings(max_redirects=3)
    )


def test_oversize_streamed_body_stops_at_limit() -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for _ in range(1000):
            sent.append(1)
            yield b"x" * 1024

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, content=chunks())

    message = refused(
        fetcher(handler), "https://news.example.com/", Settings(max_input_bytes=10_000)
    )
    assert "limit" in message
    assert len(sent) < 20


def test_declared_oversize_refused_before_reading() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            headers={"content-type": "text/html", "content-length": "99999"},
            content=b"x" * 99999,
        )

    assert "limit" in refused(
        fetcher(handler), "https://news.example.com/", Settings(max_input_bytes=100)
    )


def test_unreachable_host() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    assert "unreachable" in refused(fetcher(handler), "https://news.example.com/")


def test_unresolvable_host() -> None:
    assert "resolve" in refused(fetcher(page), "https://no-such-host.example/")


def test_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    assert "timed out" in refused(fetcher(handler), "https://news.example.com/")


@pytest.mark.parametrize(
    "kind", ["image/png", "application/pdf", "application/octet-stream", "video/mp4"]
)
def test_non_text_content_type_refused(kind: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": kind}, content=b"\x89PNG....")

    assert kind in refused(fetcher(handler), "https://news.example.com/file")


def test_http_error_status() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=b"not found")

    assert "404" in refused(fetcher(handler), "https://news.example.com/gone")


def test_redirect_to_other_scheme_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "file:///etc/passwd"})

    assert "http(s)" in refused(fetcher(handler), "https://news.example.com/")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("10.0.0.1", False),
        ("192.168.1.1", False),
        ("172.16.0.1", False),
        ("100.64.0.1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("2606:2800:220:1::1", True),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(address) is public
