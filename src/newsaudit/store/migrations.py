"""Ordered, named schema migrations, and the table that records which ones ran.

A migration is applied once, inside one transaction together with its row in
`schema_migrations`, so a database is always at a version some release knew. The
version of a database is its number of applied migrations; a database with more
migrations than this release knows came from a newer newsaudit and is refused untouched.
Add new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Migration:
    """One step of the schema: a name and the statements that make it."""

    name: str
    statements: tuple[str, ...]


MIGRATIONS_TABLE = "schema_migrations"

_CREATE_MIGRATIONS_TABLE = f"""
CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "documents and passages",
        (
            """CREATE TABLE documents (
                id INTEGER PRIMARY KEY,
                url TEXT,
                source TEXT,
                domain TEXT,
                title TEXT NOT NULL DEFAULT '',
                published TEXT,
                text TEXT NOT NULL,
                content_hash TEXT NOT NULL UNIQUE,
                origin TEXT NOT NULL,
                added_at TEXT NOT NULL
            )""",
            "CREATE INDEX documents_domain ON documents (domain)",
            "CREATE INDEX documents_source ON documents (source)",
            "CREATE INDEX documents_published ON documents (published)",
            # `title` is the document's title, repeated so that the full-text index can
            # use this table as its content table (and Datasette can search it).
            """CREATE TABLE passages (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                title TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX passages_document ON passages (document_id)",
        ),
    ),
    Migration(
        "passage full-text index",
        (
            """CREATE VIRTUAL TABLE passages_fts USING fts5 (
                text, title, content="passages", content_rowid="id",
                tokenize='porter unicode61 remove_diacritics 2'
            )""",
            # External-content FTS5 tables are kept in step by triggers; `content="passages"`
            # written with double quotes is how Datasette finds the index of a table.
            """CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
                INSERT INTO passages_fts (rowid, text, title)
                VALUES (new.id, new.text, new.title);
            END""",
            """CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
                INSERT INTO passages_fts (passages_fts, rowid, text, title)
                VALUES ('delete', old.id, old.text, old.title);
            END""",
            """CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
                INSERT INTO passages_fts (passages_fts, rowid, text, title)
                VALUES ('delete', old.id, old.text, old.title);
                INSERT INTO passages_fts (rowid, text, title)
                VALUES (new.id, new.text, new.title);
            END""",
        ),
    ),
    Migration(
        "passage vectors",
        (
            """CREATE TABLE passage_vectors (
                passage_id INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
                model TEXT NOT NULL,
                dim INTEGER NOT NULL,
                vector BLOB NOT NULL,
                PRIMARY KEY (passage_id, model)
            )""",
            "CREATE INDEX passage_vectors_model ON passage_vectors (model)",
        ),
    ),
    Migration(
        "audits and their claims",
        (
            """CREATE TABLE audits (
                id INTEGER PRIMARY KEY,
                created_at TEXT NOT NULL,
                source TEXT NOT NULL,
                url TEXT,
                title TEXT NOT NULL DEFAULT '',
                content_hash TEXT NOT NULL,
                schema TEXT NOT NULL,
                report TEXT NOT NULL
            )""",
            "CREATE INDEX audits_content_hash ON audits (content_hash)",
            """CREATE TABLE audit_claims (
                audit_id INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
                claim_id TEXT NOT NULL,
                text TEXT NOT NULL,
                kind TEXT NOT NULL,
                attribution_source TEXT,
                attribution_type TEXT,
                verdict TEXT,
                PRIMARY KEY (audit_id, claim_id)
            )""",
        ),
    ),
    Migration(
        "batch runs and items",
        (
            """CREATE TABLE batch_runs (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                engine TEXT NOT NULL,
                workers INTEGER NOT NULL,
                inputs TEXT NOT NULL,
                done INTEGER NOT NULL DEFAULT 0,
                failed INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0
            )""",
            # One row an input item, keyed by the hash of its bytes: what makes a batch
            # resumable. `writing` rows are items a killed run left half-written.
            """CREATE TABLE batch_items (
                key TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                url TEXT,
                status TEXT NOT NULL CHECK (status IN ('writing', 'done', 'failed')),
                audit_id INTEGER REFERENCES audits (id) ON DELETE SET NULL,
                audit_floor INTEGER NOT NULL DEFAULT 0,
                error TEXT,
                seconds REAL NOT NULL DEFAULT 0,
                run_id INTEGER REFERENCES batch_runs (id) ON DELETE SET NULL,
                finished_at TEXT
            )""",
            "CREATE INDEX batch_items_status ON batch_items (status)",
            "CREATE INDEX batch_items_audit ON batch_items (audit_id)",
        ),
    ),
    Migration(
        "stories and domain aggregates",
        (
            """CREATE TABLE story_clusters (
                id INTEGER PRIMARY KEY,
                label TEXT NOT NULL,
                earliest_audit_id INTEGER REFERENCES audits (id) ON DELETE CASCADE,
                size INTEGER NOT NULL,
                summary TEXT NOT NULL,
                built_at TEXT NOT NULL
            )""",
            """CREATE TABLE story_members (
                cluster_id INTEGER NOT NULL REFERENCES story_clusters (id) ON DELETE CASCADE,
                audit_id INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
                domain TEXT,
                role TEXT NOT NULL CHECK (role IN ('earliest', 'copy', 'member')),
                copied_from INTEGER,
                similarity REAL,
                PRIMARY KEY (cluster_id, audit_id)
            )""",
            "CREATE INDEX story_members_audit ON story_members (audit_id)",
            # Shares over a domain's audited articles, read by the outlet signals.
            """CREATE TABLE domain_aggregates (
                domain TEXT PRIMARY KEY,
                articles INTEGER NOT NULL,
                template_share REAL NOT NULL,
                copied_share REAL NOT NULL,
                unsourced_share REAL NOT NULL,
                headline_mismatch_share REAL NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        "inverted lists of passage vectors",
        (
            # The learnt part of a large corpus's dense index, so that a new process does
            # not cluster a million vectors again: one row of k-means centroids per model.
            """CREATE TABLE vector_centroids (
                model TEXT PRIMARY KEY,
                lists INTEGER NOT NULL,
                dim INTEGER NOT NULL,
                centroids BLOB NOT NULL,
                trained_on INTEGER NOT NULL,
                created_at TEXT NOT NULL
            )""",
            # A vector's list goes with the vector: removing the passage, storing a new
            # vector for it (INSERT OR REPLACE deletes the old row) or retraining the
            # centroids deletes the assignment, so none is ever left dangling or stale.
            """CREATE TABLE passage_lists (
                passage_id INTEGER NOT NULL,
                model TEXT NOT NULL REFERENCES vector_centroids (model) ON DELETE CASCADE,
                list INTEGER NOT NULL,
                PRIMARY KEY (passage_id, model),
                FOREIGN KEY (passage_id, model)
                    REFERENCES passage_vectors (passage_id, model) ON DELETE CASCADE
            ) WITHOUT ROWID""",
        ),
    ),
)

LATEST = len(MIGRATIONS)


def has_migrations_table(conn: sqlite3.Connection) -> bool:
    """Whether the database records migrations (is, or was made, a newsaudit store)."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    return row is not None


def current_version(conn: sqlite3.Connection) -> int:
    """The highest migration recorded (0 for a fresh database)."""
    if not has_migrations_table(conn):
        return 0
    row = conn.execute(f"SELECT COALESCE(MAX(version), 0) FROM {MIGRATIONS_TABLE}").fetchone()
    return int(row[0])


def pending(conn: sqlite3.Connection) -> list[tuple[int, Migration]]:
    """The migrations not applied yet, in order, with their version numbers."""
    done = current_version(conn)
    return [(v, m) for v, m in enumerate(MIGRATIONS, start=1) if v > done]


def apply(conn: sqlite3.Connection, version: int, migration: Migration) -> None:
    """Run one migration and record it; the caller holds the transaction."""
    conn.execute(_CREATE_MIGRATIONS_TABLE)
    for statement in migration.statements:
        conn.execute(statement)
    conn.execute(
        f"INSERT INTO {MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)",
        (version, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
    )
