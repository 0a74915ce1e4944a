"""WARC archives (plain or gzipped): the one loop over their records, and the corpus reader.

`warc_responses` reads a file with warcio and yields each HTML or text response, read whole
and (optionally) digest-checked, or a `Problem` for a record that is cut short, over the size
limit, fails its digest or is too damaged to parse; after such damage reading stops and what
came before stays. A gzipped archive whose last member ends early is reported too (warcio
stops silently). The corpus (`read_warc` here) and the batch (`batch/items.py`) adapt it.
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
TRUNCATED = "truncated WARC record"


@dataclass(frozen=True)
class Place:
    """Where a record sits in its file: its number among all records and among responses."""

    record: int
    response: int
    url: str | None


@dataclass(frozen=True)
class Response:
    """The body of one HTML or text response record, read whole and checked."""

    place: Place
    content_type: str | None
    data: bytes


@dataclass(frozen=True)
class Problem:
    """A record (or the file's end) that could not be read, and the one-line reason."""

    place: Place
    reason: str


def warc_responses(
    path: Path, max_bytes: int | None, check_digests: bool = True
) -> Iterator[Response | Problem]:
    """Each HTML or text response of a WARC file, or a Problem; IngestError if not a WARC."""
    gzipped = _check_header(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    number = responses = 0
    cut_short = False  # the last record was reported as truncated already
    with handle:
        records = iter(ArchiveIterator(handle, check_digests=check_digests))
        while True:
            place = Place(number + 1, responses + 1, None)
            found: Response | Problem | None = None
            try:
                # warcio writes warnings about damaged records to stderr; they become
                # Problems instead. Only warcio's own calls are redirected.
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records, None)
                    if record is None:
                        break
                    number += 1
                    if record.rec_type == "response":  # requests, metadata: no article
                        responses += 1
                        url = record.rec_headers.get_header("WARC-Target-URI")
                        place = Place(number, responses, url)
                        found = _response(record, place, max_bytes)
            # warcio meets a damaged record with whatever its parser hits (AttributeError,
            # ValueError, zlib.error, ArchiveLoadFailed...); none of it is our code.
            except Exception as exc:  # noqa: BLE001
                reason = " ".join(str(exc).split()) or type(exc).__name__
                yield Problem(
                    place, f"damaged WARC record ({reason[:120]}); the records before it were read"
                )
                return
            if found is not None:
                cut_short = isinstance(found, Problem) and found.reason.startswith(TRUNCATED)
                yield found
    if gzipped and not cut_short and not gzip_complete(path):
        yield Problem(
            Place(number + 1, responses + 1, None),
            f"{TRUNCATED} (the file ends inside it); the records before it were read",
        )


def _response(record: Any, place: Place, max_bytes: int | None) -> Response | Problem | None:
    """The body of an HTML or text response, checked whole; None for other responses."""
    http = record.http_headers
    content_type = http.get_header("Content-Type") if http is not None else None
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    status = http.get_statuscode() if http is not None else None
    if (kind and not kind.startswith(_TEXT_TYPES)) or (status and not status.startswith("2")):
        # Images, scripts, redirects, error pages: no article, but a cut one still says the
        # file ends early, so it is read to its end (as warcio would) and checked.
        _drain(record)
        return _cut_short(record, place)
    stream = record.content_stream()
    data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        return Problem(place, f"over the {max_bytes:,}-byte limit")
    problem = _cut_short(record, place)
    if problem is not None:
        return problem
    _drain(record)  # the digest is only checked once the record is read to its end
    checker = getattr(record, "digest_checker", None)
    if checker is not None and checker.passed is False:
        return Problem(place, "corrupt WARC record (it fails its digest check)")
    return Response(place, content_type, data)


def _drain(record: Any) -> None:
    while record.raw_stream.read(1 << 16):
        pass


def _cut_short(record: Any, place: Place) -> Problem | None:
    """A Problem when the record promised more bytes than the file holds."""
    rest = getattr(record.raw_stream, "limit", 0)
    if not (isinstance(rest, int) and rest > 0):
        return None
    declared = record.rec_headers.get_header("Content-Length")
    return Problem(place, f"{TRUNCATED} (Content-Length {declared}; the file ends inside it)")


def read_warc(path: Path, settings: Settings) -> Iterator[NewDocument | Failure]:
    """The documents in a WARC file, and a Failure for each record that could not be read."""
    for found in warc_responses(path, settings.max_input_bytes):
        url = found.place.url
        where = f"{path} record {found.place.record}" + (f" ({url})" if url else "")
        if isinstance(found, Problem):
            yield Failure(where, found.reason)
        else:
            yield _document(found, where, settings)


def _document(response: Response, where: str, settings: Settings) -> NewDocument | Failure:
    url = response.place.url
    try:
        article = to_article(RawInput(response.data, where, url, response.content_type), settings)
    except IngestError as exc:
        return Failure(where, str(exc).removeprefix(where + ": "))
    return NewDocument(
        text=article.text,
        origin=where,
        title=article.title,
        url=url or article.url,
        domain=article.site if url is None else None,
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
