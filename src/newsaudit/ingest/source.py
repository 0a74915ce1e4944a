"""Where the bytes come from (file, standard input, URL) and how they become an Article.

PLACEHOLDER: minimal version so the pipeline runs end to end; the ingest work replaces it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import IngestError
from ..model import Article, Block
from ..settings import Settings


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
        return RawInput(sys.stdin.buffer.read(), "<stdin>", None, None)
    path = Path(source)
    if not path.is_file():
        raise IngestError(f"{source}: no such file")
    return RawInput(path.read_bytes(), str(path), None, None)


def to_article(raw: RawInput, settings: Settings) -> Article:
    """Decode and clean the input into an Article."""
    text = raw.data.decode("utf-8")
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    title = paras[0] if paras else ""
    body = "\n\n".join(paras[1:])
    blocks = []
    pos = 0
    for p in paras[1:]:
        blocks.append(Block("paragraph", pos, pos + len(p)))
        pos += len(p) + 2
    return Article(body, title, None, None, None, raw.url, "text", tuple(blocks))
