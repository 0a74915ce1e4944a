"""Opening a store: migrations, newer schemas, files that are not newsaudit databases, locks."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.errors import StoreError
from newsaudit.settings import Settings
from newsaudit.store import NewDocument, Store, db_path, default_db_path
from newsaudit.store.migrations import LATEST, MIGRATIONS, MIGRATIONS_TABLE, apply


def test_a_fresh_database_gets_every_migration_in_order(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "news.db"  # the directory is created
    with Store.open(path) as store:
        assert store.schema_version == LATEST == len(MIGRATIONS)
    conn = sqlite3.connect(path)
    rows = conn.execute(f"SELECT version, name FROM {MIGRATIONS_TABLE} ORDER BY version").fetchall()
    assert rows == [(i, m.name) for i, m in enumerate(MIGRATIONS, start=1)]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_reopening_keeps_the_data_and_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        store.add_document(NewDocument(text="Troops were seen at the port.", origin="a"))
    with Store.open(path) as store:
        assert store.stats().documents == 1
        assert store.schema_version == LATEST
        assert store.search("port troops")


def test_a_database_from_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            f"INSERT INTO {MIGRATIONS_TABLE} VALUES (?, 'from the future', '2099-01-01')",
            (LATEST + 1,),
        )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer newsaudit"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_store_from_before_the_inverted_lists_keeps_its_vectors_and_gains_the_tables(
    tmp_path: Path,
) -> None:
    path = tmp_path / "news.db"
    lists_at = [m.name for m in MIGRATIONS].index("inverted lists of passage vectors") + 1
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for version, migration in enumerate(MIGRATIONS[: lists_at - 1], start=1):
        apply(conn, version, migration)
    conn.close()
    with Store.open(path) as store:  # migrated to the latest
        doc, _ = store.add_document(NewDocument(text="Troops were seen at the port.", origin="a"))
        pid = store.passages(doc)[0].id
        store.put_vectors([pid], np.ones((1, 4), np.float32) / 2, "m")
        assert store.schema_version == LATEST and store.vector_centroids("m") is None
        store.put_vector_centroids(
            "m", np.eye(4, dtype=np.float32), 1, np.array([pid]), np.array([3])
        )
    with Store.open(path) as store:
        ids, matrix = store.vectors("m")
        assert ids.tolist() == [pid] and matrix.tolist() == [[0.5] * 4]
        centroids = store.vector_centroids("m")
        assert centroids is not None and np.array_equal(centroids.centroids, np.eye(4))
        assert store.vector_lists("m", ids).tolist() == [3]
        store.remove_document(doc)
        assert store.conn.execute("SELECT count(*) FROM passage_lists").fetchone()[0] == 0


@settings(max_examples=25, deadline=None)
@given(st.binary(min_size=1, max_size=4096))
def test_a_file_of_random_bytes_is_refused_and_left_as_it_is(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notes.db"
        path.write_bytes(data)
        with pytest.raises(StoreError, match="is not a newsaudit database"):
            Store.open(path)
        assert path.read_bytes() == data
        assert sorted(os.listdir(folder)) == ["notes.db"]


def test_a_corrupt_sqlite_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        store.add_document(NewDocument(text="Troops were seen at the port.", origin="a"))
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(4096 - 100)  # the header survives, the first page does not
    path.write_bytes(bytes(data))
    for name in ("news.db-wal", "news.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    with pytest.raises(StoreError, match="is not a newsaudit database"):
        Store.open(path)
    assert path.read_bytes() == bytes(data)


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a newsaudit database: it holds other tables"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)


def test_a_locked_database_gives_a_clear_error_after_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with (
            Store.open(path, timeout=0.05) as store,
            pytest.raises(StoreError, match="locked by another process"),
        ):
            store.add_document(NewDocument(text="Troops were seen at the port.", origin="a"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(path) as store:
        assert store.stats().documents == 0


def test_the_path_comes_from_the_option_then_the_setting_then_the_data_directory() -> None:
    env = {"XDG_DATA_HOME": "/data"}
    assert default_db_path(env) == Path("/data/newsaudit/newsaudit.db")
    assert db_path(Settings(), None, env) == Path("/data/newsaudit/newsaudit.db")
    assert db_path(Settings(db="mine.db"), None, env) == Path("mine.db")
    assert db_path(Settings(db="mine.db"), "given.db", env) == Path("given.db")
    assert default_db_path({}).parts[-4:] == (".local", "share", "newsaudit", "newsaudit.db")
