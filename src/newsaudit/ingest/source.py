"""Where the bytes come from (file, standard input, URL) and how they become an Article.

read_source   a path, "-" or an http(s) URL -> RawInput, size-capped before reading all
to_article    RawInput -> Article:
              1. refuse empty, oversized and binary input
              2. HTML or plain text? (by content)
              3. decode: UTF-8, or the charset the page or the server declares
              4. clean: trafilatura + furniture rules (HTML), or the plain-text cleaner
              5. refuse what is left if it is empty or not English
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from ..errors import IngestError
from ..model import Article
from ..settings import Settings
from .decode import declared_charset, decode, looks_like_html, refuse_binary
from .english import require_english
from .html import clean_html
from .layout import assemble, host_of
from .text import clean_text

_SCHEME = re.compile(r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*)://")


@dataclass(frozen=True)
class RawInput:
    """Bytes as read, with where they came from."""

    data: bytes
    name: str
    url: str | None
    content_type: str | None


class Fetcher(Protocol):
    """Fetches one URL; tests pass a fake."""

    def fetch(self, url: str, settings: Settings) -> RawInput:
        """Return the body of `url` or raise FetchError."""
        ...


def read_source(source: str, settings: Settings, fetcher: Fetcher | None = None) -> RawInput:
    """Read a path, "-" (standard input) or an http(s) URL."""
    if source == "-":
        return read_stream(sys.stdin.buffer, "<stdin>", settings)
    scheme = _SCHEME.match(source)
    if scheme is not None:
        if scheme.group("scheme").lower() not in {"http", "https"}:
            raise IngestError(f"{source}: only http:// and https:// URLs can be fetched")
        if fetcher is None:
            from .url import HttpFetcher  # httpx is imported only when a URL is given

            fetcher = HttpFetcher()
        return fetcher.fetch(source, settings)
    return read_file(Path(source), settings)


def read_file(path: Path, settings: Settings) -> RawInput:
    """Read a file, refusing directories and files over `max_input_bytes` before reading."""
    name = str(path)
    try:
        if path.is_dir():
            raise IngestError(f"{name}: is a directory; give the path of one article file")
        size = path.stat().st_size
        _check_size(size, name, settings)
        with path.open("rb") as handle:
            return read_stream(handle, name, settings)
    except FileNotFoundError:
        raise IngestError(f"{name}: no such file; check the path") from None
    except PermissionError:
        raise IngestError(f"{name}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise IngestError(f"{name}: cannot be read ({exc.strerror or exc})") from None


def read_stream(stream: BinaryIO, name: str, settings: Settings) -> RawInput:
    """Read at most `max_input_bytes` (+1, to tell that there was more) from a stream."""
    data = stream.read(settings.max_input_bytes + 1)
    _check_size(len(data), name, settings)
    return RawInput(data=data, name=name, url=None, content_type=None)


def _check_size(size: int, name: str, settings: Settings) -> None:
    if size > settings.max_input_bytes:
        raise IngestError(
            f"{name}: input is over the {settings.max_input_bytes:,}-byte limit; "
            "raise max_input_bytes or give a smaller file"
        )


def to_article(raw: RawInput, settings: Settings) -> Article:
    """Decode and clean the input into an Article."""
    name = raw.name
    _check_size(len(raw.data), name, settings)
    if not raw.data.strip():
        raise IngestError(f"{name}: empty input; give a file with the article's text")
    refuse_binary(raw.data, name)
    is_html = looks_like_html(raw.data)
    text = decode(raw.data, name, declared_charset(raw.data, raw.content_type, is_html))
    if not is_html and looks_like_html(text[:4096].encode("utf-8", "replace")):
        is_html = True  # UTF-16 with a BOM is only recognisable once decoded
    cleaned = clean_html(text, raw.url, name) if is_html else clean_text(text)
    if not cleaned.pieces:
        raise IngestError(
            f"{name}: no article text left after removing page furniture; "
            "give the page or text of a news article"
        )
    body, blocks = assemble(cleaned.pieces)
    require_english(body, name)
    return Article(
        text=body,
        title=cleaned.title,
        site=host_of(raw.url) or cleaned.site,
        author=cleaned.author,
        date=cleaned.date,
        url=raw.url,
        source_format="html" if is_html else "text",
        blocks=blocks,
        furniture=tuple(cleaned.furniture),
        links=tuple(cleaned.links),
        title_repeats=cleaned.title_repeats,
    )
