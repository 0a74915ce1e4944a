"""Stories and domain profiles in the store: rebuilt as a whole, read one domain at a time.

A rebuild replaces every story and every profile in one transaction, so a reader never
sees half of one build and half of another.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime

from ..errors import StoreError
from ..store import Store
from .records import DomainProfile, Story


@contextmanager
def _sql(store: Store) -> Iterator[sqlite3.Connection]:
    try:
        yield store.conn
    except sqlite3.Error as exc:
        text = " ".join(str(exc).split())
        raise StoreError(f"{store.path}: cannot read or write stories ({text})") from None


def save(store: Store, stories: Sequence[Story], profiles: Sequence[DomainProfile]) -> None:
    """Replace the stored stories and domain profiles with these."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with _sql(store) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM story_members")
            conn.execute("DELETE FROM story_clusters")
            conn.execute("DELETE FROM domain_aggregates")
            for story in stories:
                cursor = conn.execute(
                    "INSERT INTO story_clusters (label, earliest_audit_id, size, summary, "
                    "built_at) VALUES (?, ?, ?, ?, ?)",
                    (
                        story.label,
                        story.earliest.audit_id,
                        len(story.members),
                        json.dumps([asdict(q) for q in story.quantities]),
                        now,
                    ),
                )
                conn.executemany(
                    "INSERT INTO story_members (cluster_id, audit_id, domain, role, "
                    "copied_from, similarity) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (cursor.lastrowid, m.audit_id, m.domain, m.role, m.copied_from,
                         m.similarity)
                        for m in story.members
                    ],
                )  # fmt: skip
            conn.executemany(
                "INSERT INTO domain_aggregates (domain, articles, template_share, copied_share, "
                "unsourced_share, headline_mismatch_share, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (p.domain, p.articles, p.template_share, p.copied_share, p.unsourced_share,
                     p.headline_mismatch_share, now)
                    for p in profiles
                ],
            )  # fmt: skip
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def domain_profile(store: Store, domain: str) -> DomainProfile | None:
    """The stored profile of `domain` (a "www." prefix is ignored), or None if it has none."""
    name = domain.strip().lower().removeprefix("www.")
    with _sql(store) as conn:
        row = conn.execute(
            "SELECT domain, articles, template_share, copied_share, unsourced_share, "
            "headline_mismatch_share FROM domain_aggregates WHERE domain = ?",
            (name,),
        ).fetchone()
    return None if row is None else DomainProfile(*row)


def stored_story_count(store: Store) -> int:
    """How many stories the last build stored."""
    with _sql(store) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM story_clusters").fetchone()[0])
