"""Corpus inputs -> documents: files, directories, JSONL, WARC, feeds and URLs.

iter_documents(targets)   each target read by its kind; yields NewDocument or Failure
    a directory           every file under it (hidden ones skipped), recursively
    .jsonl / .ndjson      one document a line (jsonl.py)
    .warc / .warc.gz      one document per HTML response (warc.py)
    .rss / .atom, or XML  that is a feed: one document per entry (feed.py)
    an http(s) URL        fetched (SSRF guard); a feed if it is one, else an article
    anything else         a text or HTML article (the same reader as `newsaudit audit`)

A target that cannot be read at all becomes one Failure, and the next target is read.
The source organisation is filled in by `attribute`: an explicit one, the input's own,
or the registry's by domain. `add_to_store` puts it all in the store and counts what
was added, what was already there and what failed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import IngestError
from ..registry import Registry
from ..settings import Settings
from ..store import NewDocument, Store, normal_domain
from .dates import iso_date
from .failures import Failure
from .feed import looks_like_feed, read_feed
from .jsonl import read_jsonl
from .source import Fetcher, RawInput, read_file, read_source, to_article
from .warc import read_warc

Item = NewDocument | Failure

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.gzip")
FEED_SUFFIXES = (".rss", ".atom")
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml")
KNOWN_SUFFIXES = JSONL_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES + ARTICLE_SUFFIXES
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def iter_documents(
    targets: Iterable[str],
    settings: Settings,
    fetcher: Fetcher | None = None,
    fetch_links: bool = False,
) -> Iterator[Item]:
    """Every document in the targets, in order, and a Failure for each part not read."""
    for target in targets:
        try:
            if _URL.match(target):
                yield from _url(target, settings, fetcher, fetch_links)
            elif Path(target).is_dir():
                yield from _directory(Path(target), settings, fetcher, fetch_links)
            else:
                yield from _file(Path(target), settings, fetcher, fetch_links)
        except IngestError as exc:
            yield Failure(target, str(exc).removeprefix(target + ": "))


def attribute(doc: NewDocument, registry: Registry, source: str | None = None) -> NewDocument:
    """The document with its source organisation: `source`, its own, or by its domain."""
    if source:
        return dataclasses.replace(doc, source=source)
    if doc.source:
        org = registry.lookup(doc.source)
        return dataclasses.replace(doc, source=org.name) if org else doc
    domain = doc.domain or doc.url
    org = registry.by_domain(domain) if domain else None
    return dataclasses.replace(doc, source=org.name) if org else doc


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return next((s for s in KNOWN_SUFFIXES if name.endswith(s)), path.suffix.lower())


def _directory(
    folder: Path, settings: Settings, fetcher: Fetcher | None, fetch_links: bool
) -> Iterator[Item]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative) or not path.is_file():
            continue
        if _suffix(path) not in KNOWN_SUFFIXES:
            yield Failure(str(path), "not a text, HTML, JSONL, WARC or feed file; skipped")
            continue
        try:
            yield from _file(path, settings, fetcher, fetch_links)
        except IngestError as exc:
            yield Failure(str(path), str(exc).removeprefix(f"{path}: "))


def _file(
    path: Path, settings: Settings, fetcher: Fetcher | None, fetch_links: bool
) -> Iterator[Item]:
    if not path.exists():
        raise IngestError(f"{path}: no such file or directory; check the path")
    suffix = _suffix(path)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, settings)
    elif suffix in WARC_SUFFIXES:
        yield from read_warc(path, settings)
    else:
        raw = read_file(path, settings)
        if suffix in FEED_SUFFIXES or looks_like_feed(raw.data):
            yield from read_feed(raw, settings, fetch_links, fetcher)
        else:
            yield document_from_raw(raw, settings, str(path))


def _url(
    url: str, settings: Settings, fetcher: Fetcher | None, fetch_links: bool
) -> Iterator[Item]:
    raw = read_source(url, settings, fetcher)
    if looks_like_feed(raw.data, raw.content_type):
        yield from read_feed(raw, settings, fetch_links, fetcher)
    else:
        yield document_from_raw(raw, settings, url)


def document_from_raw(raw: RawInput, settings: Settings, origin: str) -> NewDocument:
    """A page read as an article, as a corpus document (domain and date normalised)."""
    article = to_article(raw, settings)
    site = article.site or ""
    return NewDocument(
        text=article.text,
        origin=origin,
        title=article.title,
        url=article.url,
        domain=normal_domain(site) if "." in site and " " not in site else None,
        published=iso_date(article.date),
    )


@dataclass(frozen=True)
class AddSummary:
    """What adding a batch of inputs to the store did."""

    added: tuple[int, ...]
    duplicates: tuple[int, ...]
    failures: tuple[Failure, ...]


Outcome = Literal["added", "duplicate", "failed"]


def add_to_store(
    store: Store,
    items: Iterable[Item],
    registry: Registry,
    source: str | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> AddSummary:
    """Add the documents to the store (deduplicated), collecting the failures on the way."""
    failures: list[Failure] = []
    added: list[int] = []
    duplicates: list[int] = []

    def documents() -> Iterator[NewDocument]:
        for item in items:
            if isinstance(item, Failure):
                failures.append(item)
                if progress is not None:
                    progress("failed")
            else:
                yield attribute(item, registry, source)

    def stored(doc: NewDocument, doc_id: int, new: bool) -> None:
        (added if new else duplicates).append(doc_id)
        if progress is not None:
            progress("added" if new else "duplicate")

    store.add_documents(documents(), progress=stored)
    return AddSummary(tuple(added), tuple(duplicates), tuple(failures))
