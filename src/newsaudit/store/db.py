"""The store: one SQLite file holding the corpus (documents, passages, vectors) and audits.

Opening a store, in order:
1. refuse a file that is not SQLite (its header is read, nothing is written)
2. refuse a SQLite file that is not a newsaudit store, or one from a newer schema
3. WAL journal, foreign keys on, a busy timeout for a database another process holds
4. apply pending migrations, each in its own transaction

Every write runs in one `BEGIN IMMEDIATE` transaction; any sqlite3 failure becomes a
one-line StoreError that says what to do.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import numpy as np
from numpy.typing import NDArray

from ..errors import StoreError
from . import _audits, _stats, _vectors, migrations
from ._sql import (
    PASSAGE_COLUMNS,
    check_date,
    domain_of_url,
    filters,
    hit_from_row,
    normal_domain,
    passage_from_row,
)
from .fts import TermFrequencies, expression_of, terms
from .passages import content_hash, split_passages
from .records import (
    AuditSummary,
    DocumentSummary,
    NewDocument,
    PassageHit,
    StoredDocument,
    StoredPassage,
    StoreStats,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BATCH = 200  # documents per transaction in add_documents
SELECTIVE_FROM = 100_000  # passages from which search leaves out the commonest query words
Progress = Callable[[NewDocument, int, bool], None]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A newsaudit database; open it with `Store.open(path)` (also a context manager)."""

    def __init__(self, conn: sqlite3.Connection, path: str, timeout: float) -> None:
        self.conn = conn
        self.path = path
        self.timeout = timeout
        self._frequencies: TermFrequencies | None = None
        self._passages: int | None = None
        self._domains: tuple[tuple[int, int], list[str]] | None = None

    def _passage_total(self) -> int:
        """How many passages the store holds (counted once per connection: a hint for search)."""
        if self._passages is None:
            self._passages = int(self._one("SELECT count(*) FROM passages")[0])
        return self._passages

    def _stored_domains(self) -> list[str]:
        """The distinct document domains, read again once this or another connection writes."""
        version = (int(self._one("PRAGMA data_version")[0]), self.conn.total_changes)
        if self._domains is None or self._domains[0] != version:
            rows = self._all("SELECT DISTINCT domain FROM documents WHERE domain IS NOT NULL")
            self._domains = (version, [str(r[0]) for r in rows])
        return self._domains[1]

    def _filters(
        self, domains: Sequence[str] | None, published_before: str | None
    ) -> tuple[list[str], list[Any]]:
        return filters(domains, published_before, self._stored_domains() if domains else None)

    # ---- opening and closing --------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, timeout: float = 5.0, create: bool = True) -> Store:
        """Open (creating and migrating if needed) the store at `path`, or ":memory:"."""
        name = str(path)
        if name != ":memory:":
            if not create and not Path(name).exists():
                raise StoreError(
                    f"{name}: no store here yet; add documents with `newsaudit corpus add`"
                )
            _check_file(Path(name))
        try:
            conn = sqlite3.connect(name, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{name}: cannot open the database ({exc}); check the path") from None
        store = cls(conn, name, timeout)
        try:
            with store._errors():
                store._prepare()
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self) -> None:
        tables = [
            r[0]
            for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        if tables and not migrations.has_migrations_table(self.conn):
            raise StoreError(
                f"{self.path} is not a newsaudit database: it holds other tables "
                f"({', '.join(sorted(tables)[:5])}); give a new file with --db"
            )
        version = migrations.current_version(self.conn)
        if version > migrations.LATEST:
            raise StoreError(
                f"{self.path} was written by a newer newsaudit (schema version {version}, this "
                f"one knows up to {migrations.LATEST}); upgrade newsaudit to use it"
            )
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, much faster
        if migrations.pending(self.conn):
            with self._write():  # another process may have migrated it meanwhile: ask again
                for number, migration in migrations.pending(self.conn):
                    migrations.apply(self.conn, number, migration)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The number of migrations applied to this database."""
        with self._errors():
            return migrations.current_version(self.conn)

    # ---- transactions and errors ----------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn sqlite3 failures into one-line StoreErrors."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise StoreError(
                    f"{self.path}: the database is locked by another process (waited "
                    f"{self.timeout:g}s); wait for it to finish, then try again"
                ) from None
            raise StoreError(f"{self.path}: database error: {text}") from None
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            if "not a database" in text or "malformed" in text or "corrupt" in text:
                raise StoreError(
                    f"{self.path} is not a newsaudit database: {text}; give another --db path"
                ) from None
            raise StoreError(f"{self.path}: database error: {text}") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once so that the busy timeout applies to it."""
        with self._errors():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Any:
        with self._errors():
            return self.conn.execute(sql, args).fetchone()

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        with self._errors():
            return self.conn.execute(sql, args).fetchall()

    # ---- documents ------------------------------------------------------------------

    def add_document(self, doc: NewDocument) -> tuple[int, bool]:
        """Add a document and its passages; (id, False) when its text is already stored."""
        with self._write():
            return self._insert(doc)

    def add_documents(
        self, docs: Iterable[NewDocument], progress: Progress | None = None, batch: int = BATCH
    ) -> list[tuple[int, bool]]:
        """Add many documents, `batch` to a transaction; `progress` hears of each one."""
        results: list[tuple[int, bool]] = []
        chunk: list[NewDocument] = []

        def flush() -> None:
            with self._write():
                done = [self._insert(doc) for doc in chunk]
            results.extend(done)
            if progress is not None:
                for doc, (doc_id, added) in zip(chunk, done, strict=True):
                    progress(doc, doc_id, added)
            chunk.clear()

        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= batch:
                flush()
        if chunk:
            flush()
        return results

    def _insert(self, doc: NewDocument) -> tuple[int, bool]:
        if not doc.text.strip():
            raise StoreError(f"{doc.origin}: a document needs some text; nothing was added")
        digest = content_hash(doc.text)
        row = self.conn.execute(
            "SELECT id FROM documents WHERE content_hash = ?", (digest,)
        ).fetchone()
        if row is not None:
            return int(row[0]), False
        title = doc.title.strip()
        cursor = self.conn.execute(
            "INSERT INTO documents (url, source, domain, title, published, text, content_hash, "
            "origin, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.url,
                (doc.source or "").strip() or None,
                normal_domain(doc.domain) or domain_of_url(doc.url),
                title,
                check_date(doc.published),
                doc.text,
                digest,
                doc.origin,
                _now(),
            ),
        )
        doc_id = int(cursor.lastrowid or 0)
        self.conn.executemany(
            'INSERT INTO passages (document_id, start, "end", text, title) VALUES (?, ?, ?, ?, ?)',
            [(doc_id, s, e, doc.text[s:e], title) for s, e in split_passages(doc.text)],
        )
        return doc_id, True

    def document(self, doc_id: int) -> StoredDocument:
        """The stored document `doc_id`."""
        row = self._one(
            "SELECT id, text, origin, title, url, source, domain, published, content_hash, "
            "added_at, (SELECT COUNT(*) FROM passages WHERE document_id = documents.id) "
            "FROM documents WHERE id = ?",
            (doc_id,),
        )
        if row is None:
            raise StoreError(
                f"no document {doc_id} in {self.path}; `newsaudit corpus ls` lists them"
            )
        return StoredDocument(
            id=int(row[0]),
            text=row[1],
            origin=row[2],
            title=row[3],
            url=row[4],
            source=row[5],
            domain=row[6],
            published=row[7],
            content_hash=row[8],
            added_at=row[9],
            passages=int(row[10]),
        )

    def documents(
        self,
        domain: str | None = None,
        source: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[DocumentSummary]:
        """Documents by id, optionally from one domain (and its subdomains) or source."""
        where, args = self._filters([domain] if domain else None, None)
        if source:
            where.append("d.source = ? COLLATE NOCASE")
            args.append(source.strip())
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = self._all(
            "SELECT d.id, d.title, d.url, d.source, d.domain, d.published, d.added_at, "
            f"length(d.text) FROM documents d {clause} ORDER BY d.id LIMIT ? OFFSET ?",
            [*args, max(limit, 0), max(offset, 0)],
        )
        return [DocumentSummary(*row) for row in rows]

    def remove_document(self, doc_id: int) -> None:
        """Remove a document with its passages and their vectors."""
        with self._write() as conn:
            gone = conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount
        if not gone:
            raise StoreError(
                f"no document {doc_id} in {self.path}; `newsaudit corpus ls` lists them"
            )

    def has_documents(
        self, domains: Sequence[str] | None = None, published_before: str | None = None
    ) -> bool:
        """Whether any document is from `domains` (subdomains too) up to that date."""
        where, args = self._filters(domains, published_before)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        return self._one(f"SELECT 1 FROM documents d {clause} LIMIT 1", args) is not None

    # ---- passages and search --------------------------------------------------------

    def passage(self, passage_id: int) -> StoredPassage:
        """The stored passage `passage_id`, with its document's metadata."""
        row = self._one(
            f"SELECT {PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.id = p.document_id "
            "WHERE p.id = ?",
            (passage_id,),
        )
        if row is None:
            raise StoreError(f"no passage {passage_id} in {self.path}")
        return passage_from_row(row)

    def passage_ids(
        self,
        domains: Sequence[str] | None = None,
        published_before: str | None = None,
        limit: int | None = None,
    ) -> NDArray[np.int64]:
        """Ids of the passages from `domains` (subdomains too) up to that date, at most `limit`."""
        where, args = self._filters(domains, published_before)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        tail = " LIMIT ?" if limit is not None else ""
        rows = self._all(
            f"SELECT p.id FROM passages p JOIN documents d ON d.id = p.document_id {clause}{tail}",
            [*args, limit] if limit is not None else args,
        )
        return np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))

    def allowed_passage_ids(
        self,
        ids: Sequence[int],
        domains: Sequence[str] | None = None,
        published_before: str | None = None,
    ) -> set[int]:
        """Which of `ids` are passages from `domains` up to that date, in one query."""
        where, args = self._filters(domains, published_before)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        # CROSS JOIN keeps the ids as the outer loop: each is one rowid lookup. Left to
        # itself, SQLite may walk a large domain's passages instead (0.5 s for 200 ids).
        rows = self._all(
            "SELECT p.id FROM json_each(?) AS wanted CROSS JOIN passages p ON p.id = wanted.value "
            f"JOIN documents d ON d.id = p.document_id {clause}",
            [json.dumps([int(i) for i in ids]), *args],
        )
        return {int(row[0]) for row in rows}

    def passages(self, doc_id: int) -> list[StoredPassage]:
        """The passages of one document, in order."""
        rows = self._all(
            f"SELECT {PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.id = p.document_id "
            "WHERE p.document_id = ? ORDER BY p.start",
            (doc_id,),
        )
        return [passage_from_row(row) for row in rows]

    def search(
        self,
        query: str,
        k: int = 10,
        domains: Sequence[str] | None = None,
        published_before: str | None = None,
    ) -> list[PassageHit]:
        """The `k` passages that best match `query` by BM25; any text is a safe query.

        In a large corpus only the query's rarer words are searched for (`TermFrequencies`).
        """
        words = terms(query)
        if self._passage_total() >= SELECTIVE_FROM and words:
            with self._errors():
                if self._frequencies is None:
                    self._frequencies = TermFrequencies(self.conn)
                words = self._frequencies.selective(words, self._passage_total())
        expression = expression_of(words)
        if expression is None or k <= 0:
            return []
        where, args = self._filters(domains, published_before)
        if where:
            extra = "".join(" AND " + w for w in where)
            sql = (
                f"SELECT {PASSAGE_COLUMNS}, bm25(passages_fts, 1.0, 0.5) AS score "
                "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
                "JOIN documents d ON d.id = p.document_id "
                f"WHERE passages_fts MATCH ?{extra} ORDER BY score LIMIT ?"
            )
        else:
            # Ranked inside the index first, joined after: half the time of ranking the join.
            sql = (
                "WITH top AS (SELECT rowid AS id, bm25(passages_fts, 1.0, 0.5) AS score "
                "FROM passages_fts WHERE passages_fts MATCH ? ORDER BY score LIMIT ?) "
                f"SELECT {PASSAGE_COLUMNS}, top.score FROM top JOIN passages p ON p.id = top.id "
                "JOIN documents d ON d.id = p.document_id ORDER BY top.score"
            )
        rows = self._all(sql, [expression, *args, k])
        return [hit_from_row(row) for row in rows]

    # ---- passage vectors (filled by the dense retriever) ----------------------------

    def put_vectors(
        self, passage_ids: Sequence[int] | NDArray[np.int64], matrix: NDArray[Any], model: str
    ) -> None:
        """Store one float32 vector per passage for `model` (replacing older ones)."""
        rows = _vectors.rows(passage_ids, matrix, model)
        with self._write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO passage_vectors (passage_id, model, dim, vector) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )

    def vectors(self, model: str) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """All vectors of `model`: passage ids (n,) and a float32 matrix (n, d)."""
        with self._errors():
            return _vectors.load(self.conn, model)

    def vector_centroids(self, model: str) -> _vectors.StoredCentroids | None:
        """The stored inverted-list centroids of `model`, or None."""
        with self._errors():
            return _vectors.load_centroids(self.conn, model)

    def vector_lists(self, model: str, ids: NDArray[np.int64]) -> NDArray[np.int64]:
        """The stored list number of each passage id (ascending ids), -1 where none."""
        with self._errors():
            return _vectors.load_lists(self.conn, model, np.asarray(ids, dtype=np.int64))

    def put_vector_centroids(
        self,
        model: str,
        centroids: NDArray[np.float32],
        trained_on: int,
        ids: NDArray[np.int64],
        lists: NDArray[np.int64],
    ) -> _vectors.StoredCentroids:
        """Replace `model`'s centroids and all its list numbers, in one transaction."""
        made = datetime.now(UTC).isoformat(timespec="microseconds")  # also the version stamp
        with self._write() as conn:
            _vectors.save_centroids(conn, model, centroids, trained_on, made, ids, lists)
        return _vectors.StoredCentroids(model, centroids, trained_on, made)

    def put_vector_lists(
        self,
        centroids: _vectors.StoredCentroids,
        ids: NDArray[np.int64],
        lists: NDArray[np.int64],
    ) -> bool:
        """Store list numbers of new vectors made with `centroids`, in one transaction;
        False (nothing written) when another process has trained new centroids since."""
        with self._write() as conn:
            return _vectors.save_lists(conn, centroids.model, centroids.created_at, ids, lists)

    def passages_without_vectors(self, model: str, limit: int = 512) -> list[StoredPassage]:
        """Up to `limit` passages that have no vector from `model` yet, by id."""
        rows = self._all(
            f"SELECT {PASSAGE_COLUMNS} FROM passages p JOIN documents d ON d.id = p.document_id "
            "WHERE NOT EXISTS (SELECT 1 FROM passage_vectors v "
            "WHERE v.passage_id = p.id AND v.model = ?) ORDER BY p.id LIMIT ?",
            (model, max(limit, 0)),
        )
        return [passage_from_row(row) for row in rows]

    # ---- audits ---------------------------------------------------------------------

    def save_audit(self, report_json: dict[str, Any], source: str) -> int:
        """Keep an audit report (its JSON form) and its claims; returns the audit's id."""
        audit, claims = _audits.rows(report_json, source, _now())
        with self._write() as conn:
            return _audits.insert(conn, audit, claims)

    def audits(self, limit: int = 20, query: str | None = None) -> list[AuditSummary]:
        """Stored audits, newest first; `query` keeps those whose title or a claim has it."""
        with self._errors():
            return _audits.summaries(self.conn, limit, query)

    def audit(self, audit_id: int) -> dict[str, Any]:
        """The stored report JSON of audit `audit_id`."""
        row = self._one("SELECT report FROM audits WHERE id = ?", (audit_id,))
        if row is None:
            raise StoreError(f"no audit {audit_id} in {self.path}")
        report: dict[str, Any] = json.loads(row[0])
        return report

    # ---- statistics -----------------------------------------------------------------

    def stats(self, top: int = 20) -> StoreStats:
        """Counts of documents, passages, vectors and audits; the top domains and sources."""
        with self._errors():
            return _stats.collect(self.conn, self.path, self.schema_version, top)


def _check_file(path: Path) -> None:
    """Refuse, without writing anything, a path that cannot be (or is not) a SQLite file."""
    try:
        if path.is_dir():
            raise StoreError(f"{path}: is a directory; give the path of a database file")
        if path.exists():
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
            if header and header != SQLITE_HEADER:
                raise StoreError(
                    f"{path} is not a newsaudit database: it is not an SQLite file; "
                    "give another --db path (the file was left as it is)"
                )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise StoreError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot be used as a database ({exc.strerror or exc})") from None
