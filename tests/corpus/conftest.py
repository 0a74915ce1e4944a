"""Corpus fixtures: small inputs of every kind, written by these tests, and the CLI runner."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cli.conftest import RunMain, run_main  # noqa: F401  (the CLI runner fixture, shared)
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

__all__ = ["RunMain", "article_html", "write_warc"]

PARAGRAPHS = (
    (
        "The harbour authority said on Monday that ferry crossings rose by 12 percent in March, "
        "the highest monthly figure since the service began eleven years ago."
    ),
    (
        "Officials expect the new pier at the northern terminal to open in June, once engineers "
        "have finished repairing cracks found in two of its concrete pylons during an inspection."
    ),
    (
        "The repairs will cost about 4 million euros, according to a report the authority "
        "published last week, and will be paid for from the port's maintenance budget."
    ),
)


def article_html(title: str, lead: str = "") -> bytes:
    """A small news page: a title, a heading and three paragraphs of English prose."""
    paragraphs = "".join(f"<p>{p}</p>" for p in ((lead,) if lead else ()) + PARAGRAPHS)
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright 2024 Harbour Gazette</footer></body></html>"
    ).encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]], gzip: bool, cut: int = 0) -> bytes:
    """A WARC of HTML responses (one request record too); `cut` bytes dropped from the end."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, body in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        request = b"GET / HTTP/1.1\r\n\r\n"
        # A known length keeps warcio from buffering the payload in a temporary file.
        writer.write_record(
            writer.create_warc_record(
                url, "request", payload=io.BytesIO(request), length=len(request)
            )
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
        )
    data = buffer.getvalue()
    data = data[: len(data) - cut] if cut else data
    path.write_bytes(data)
    return data


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A path for a new store."""
    return str(tmp_path / "store" / "corpus.db")
