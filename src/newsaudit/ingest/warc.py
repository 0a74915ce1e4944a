"""WARC archives (plain or gzipped): each HTML or text response becomes a document.

Records are read with warcio, digests checked. A record that is cut short, fails its digest
or cannot be turned into an article is reported with its number and the others are read;
after a record too damaged to find the next one, reading stops and what came before stays.
A gzipped archive whose last member ends early is reported too (warcio stops silently).
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from ..errors import IngestError
from ..settings import Settings
from ..store import NewDocument
from .dates import iso_date
from .failures import Failure
from .source import RawInput, to_article

_GZIP_MAGIC = b"\x1f\x8b"
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
TRUNCATED = "the record is cut short (truncated)"


def read_warc(path: Path, settings: Settings) -> Iterator[NewDocument | Failure]:
    """The documents in a WARC file, and a Failure for each record that could not be read."""
    gzipped = _check_header(path)
    number = 0
    cut_short = False  # the last record was reported as truncated already
    # warcio writes warnings about damaged records to stderr; they are reported as
    # Failures instead. Only warcio's own calls are redirected, never the caller's output.
    sink = io.StringIO()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    with handle:
        records = iter(ArchiveIterator(handle, check_digests=True))
        while True:
            record = None
            try:
                with contextlib.redirect_stderr(sink):
                    record = next(records, None)
                    if record is None:
                        break
                    number += 1
                    where = f"{path} record {number}"
                    payload = _payload(record, where, settings)
            # warcio meets a damaged record with whatever its parser hits (AttributeError,
            # ValueError, zlib.error, ArchiveLoadFailed...); none of it is our code.
            except Exception as exc:  # noqa: BLE001
                reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:120]
                yield Failure(
                    f"{path} record {number + 1}" if record is None else where,
                    f"damaged WARC record ({reason}); the records before it were read",
                )
                return
            item = _document(payload, settings) if isinstance(payload, _Payload) else payload
            if item is not None:
                cut_short = isinstance(item, Failure) and item.reason == TRUNCATED
                yield item
    if gzipped and not cut_short and not gzip_complete(path):
        yield Failure(
            f"{path} record {number + 1}",
            "the archive ends in the middle of a record (truncated); the records before it "
            "were read",
        )


@dataclass(frozen=True)
class _Payload:
    where: str
    url: str | None
    content_type: str | None
    data: bytes


def _payload(record: Any, where: str, settings: Settings) -> _Payload | Failure | None:
    """The body of an HTML or text response, checked whole; None for other records."""
    if record.rec_type != "response":
        return None  # request, metadata, warcinfo records hold no article
    url = record.rec_headers.get_header("WARC-Target-URI")
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind and not kind.startswith(_TEXT_TYPES):
        return None  # images, scripts, style sheets: not articles, nothing to report
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None  # redirects and errors carry no article
    data = record.content_stream().read(settings.max_input_bytes + 1)
    where = f"{where} ({url})" if url else where
    if len(data) > settings.max_input_bytes:
        return Failure(where, f"over the {settings.max_input_bytes:,}-byte limit")
    rest = getattr(record.raw_stream, "limit", 0)
    if isinstance(rest, int) and rest > 0:
        return Failure(where, TRUNCATED)
    record.raw_stream.read()  # the digest is only checked once the record is read to its end
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return Failure(where, "the record fails its digest check (corrupt)")
    return _Payload(where, url, content_type, data)


def _document(payload: _Payload, settings: Settings) -> NewDocument | Failure:
    where = payload.where
    try:
        article = to_article(
            RawInput(payload.data, where, payload.url, payload.content_type), settings
        )
    except IngestError as exc:
        return Failure(where, str(exc).removeprefix(where + ": "))
    return NewDocument(
        text=article.text,
        origin=where,
        title=article.title,
        url=payload.url or article.url,
        domain=article.site if payload.url is None else None,
        published=iso_date(article.date),
    )


def _check_header(path: Path) -> bool:
    """True for a gzipped WARC; an IngestError for anything that is not a WARC file."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head.startswith(_GZIP_MAGIC):
                handle.seek(0)
                try:
                    head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(handle.read(4096))
                except zlib.error:
                    head = b""
                gzipped = True
            else:
                gzipped = False
    except OSError as exc:
        raise IngestError(
            f"{path}: cannot be read ({exc.strerror or exc}); check the path"
        ) from None
    if not head.startswith(b"WARC/"):
        raise IngestError(f"{path}: not a WARC file (it does not start with a WARC record)")
    return gzipped


def gzip_complete(path: Path) -> bool:
    """Whether every gzip member of the file ends properly (warcio stops silently if not)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    fed = False
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                while chunk:
                    fed = True
                    decompressor.decompress(chunk, 1 << 22)
                    chunk = decompressor.unconsumed_tail
                    if decompressor.eof:
                        chunk = decompressor.unused_data + chunk
                        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
                        fed = False
    except (OSError, zlib.error):
        return False
    return decompressor.eof or not fed
