"""RSS and Atom feeds: each entry becomes a document from its content or summary, or, when
asked, from the page its link points to (fetched through the guarded fetcher).

Something that is not a feed (not XML, or XML that is neither RSS nor Atom) is an
IngestError; an entry without text, or whose link cannot be fetched, is a Failure.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import feedparser  # type: ignore[import-untyped]

from ..errors import IngestError
from ..settings import Settings
from ..store import NewDocument
from .dates import iso_date
from .failures import Failure
from .source import Fetcher, RawInput, read_source, to_article

_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\s*\n\s*(?:\n\s*)*")


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """Whether the bytes are an RSS or Atom document (by type, else by the first element)."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind in {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}:
        return True
    return _FEED_START.search(data[:2048]) is not None


def read_feed(
    raw: RawInput,
    settings: Settings,
    fetch_links: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[NewDocument | Failure]:
    """The entries of a feed as documents, and a Failure for each that could not be read."""
    parsed = feedparser.parse(raw.data, response_headers=_headers(raw))
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(problem).split())[:100]})" if problem else ""
        raise IngestError(
            f"{raw.name}: not an RSS or Atom feed{detail}; give the feed's own file or URL"
        )
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        where = f"{raw.name} entry {number}" + (f" ({link})" if link else "")
        if fetch_links and link:
            yield _fetched(entry, link, where, settings, fetcher)
        else:
            yield _from_entry(entry, link, where)


def _headers(raw: RawInput) -> dict[str, str]:
    return {"content-type": raw.content_type} if raw.content_type else {}


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return iso_date(value)
    return None


def _from_entry(entry: Any, link: str | None, where: str) -> NewDocument | Failure:
    contents = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    body = max(contents, key=len) if contents else entry.get("summary") or ""
    text = html_to_text(body)
    if not text:
        return Failure(where, "the entry has no content or summary; try --fetch-links")
    return NewDocument(
        text=text,
        origin=where,
        title=html_to_text(entry.get("title") or ""),
        url=link,
        published=_published(entry),
    )


def _fetched(
    entry: Any, link: str, where: str, settings: Settings, fetcher: Fetcher | None
) -> NewDocument | Failure:
    try:
        article = to_article(read_source(link, settings, fetcher), settings)
    except IngestError as exc:
        return Failure(where, str(exc).removeprefix(link + ": "))
    return NewDocument(
        text=article.text,
        origin=where,
        title=article.title or html_to_text(entry.get("title") or ""),
        url=link,
        published=_published(entry) or iso_date(article.date),
    )


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed's summary or content), paragraphs on their own lines."""
    text = _BLOCK_END.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    text = _SPACES.sub(" ", text)
    return _BLANK_LINES.sub("\n\n", text).strip()
