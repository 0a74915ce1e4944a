"""What a store holds: counts of documents, passages, vectors and audits, top domains."""

from __future__ import annotations

import sqlite3

from .records import Count, StoreStats


def collect(conn: sqlite3.Connection, path: str, version: int, top: int) -> StoreStats:
    """The store's counts, and its `top` domains, sources and vector models."""

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    def counts(sql: str) -> tuple[Count, ...]:
        return tuple(Count(str(v), int(n)) for v, n in conn.execute(sql, (top,)))

    return StoreStats(
        path=path,
        schema_version=version,
        documents=one("SELECT COUNT(*) FROM documents"),
        passages=one("SELECT COUNT(*) FROM passages"),
        vectors=counts(
            "SELECT model, COUNT(*) FROM passage_vectors GROUP BY model ORDER BY 2 DESC LIMIT ?"
        ),
        audits=one("SELECT COUNT(*) FROM audits"),
        domains=counts(
            "SELECT domain, COUNT(*) FROM documents WHERE domain IS NOT NULL "
            "GROUP BY domain ORDER BY 2 DESC, 1 LIMIT ?"
        ),
        sources=counts(
            "SELECT source, COUNT(*) FROM documents WHERE source IS NOT NULL "
            "GROUP BY source ORDER BY 2 DESC, 1 LIMIT ?"
        ),
        text_chars=one("SELECT COALESCE(SUM(length(text)), 0) FROM documents"),
        size_bytes=one("PRAGMA page_count") * one("PRAGMA page_size"),
    )
