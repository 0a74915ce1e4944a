"""The records the store takes and gives back: documents, passages, hits, audits, stats.

Offsets (`start`, `end`) are character offsets into the stored document's text:
``document.text[passage.start:passage.end] == passage.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NewDocument:
    """A document about to be added: its text and what is known about where it is from."""

    text: str
    origin: str
    title: str = ""
    url: str | None = None
    source: str | None = None
    domain: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class StoredDocument:
    """A document as stored, with its id, content hash and passage count."""

    id: int
    text: str
    origin: str
    title: str
    url: str | None
    source: str | None
    domain: str | None
    published: str | None
    content_hash: str
    added_at: str
    passages: int


@dataclass(frozen=True)
class DocumentSummary:
    """One line of a document listing (no text)."""

    id: int
    title: str
    url: str | None
    source: str | None
    domain: str | None
    published: str | None
    added_at: str
    chars: int


@dataclass(frozen=True)
class StoredPassage:
    """A passage with its place in its document and the document's metadata."""

    id: int
    document_id: int
    text: str
    start: int
    end: int
    title: str
    url: str | None
    source: str | None
    domain: str | None
    published: str | None


@dataclass(frozen=True)
class PassageHit:
    """A passage found by keyword search; `score` is BM25, higher is better."""

    passage_id: int
    document_id: int
    score: float
    text: str
    start: int
    end: int
    title: str
    url: str | None
    source: str | None
    domain: str | None
    published: str | None

    @classmethod
    def of(cls, p: StoredPassage, score: float) -> PassageHit:
        """A stored passage found with `score`."""
        return cls(
            p.id, p.document_id, score, p.text, p.start, p.end, p.title, p.url, p.source,
            p.domain, p.published,
        )  # fmt: skip


@dataclass(frozen=True)
class AuditSummary:
    """One stored audit, as listed."""

    id: int
    created_at: str
    source: str
    url: str | None
    title: str
    schema: str
    claims: int


@dataclass(frozen=True)
class Count:
    """How many documents share one value (a domain, a source organisation)."""

    value: str
    documents: int


@dataclass(frozen=True)
class StoreStats:
    """What the store holds."""

    path: str
    schema_version: int
    documents: int
    passages: int
    vectors: tuple[Count, ...]
    audits: int
    domains: tuple[Count, ...]
    sources: tuple[Count, ...]
    text_chars: int
    size_bytes: int
