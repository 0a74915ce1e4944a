"""Passage vectors (float32 blobs by model) and saved audits (report JSON and claims)."""

from __future__ import annotations

import numpy as np
import pytest

from newsaudit import Auditor
from newsaudit.errors import StoreError
from newsaudit.render.json import report_to_dict
from newsaudit.store import Store


def test_vectors_round_trip_by_model(filled: Store) -> None:
    todo = filled.passages_without_vectors("mini", limit=1000)
    assert len(todo) == filled.stats().passages
    ids = np.array([p.id for p in todo], dtype=np.int64)
    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((len(ids), 8)).astype(np.float32)
    filled.put_vectors(ids[:3], matrix[:3], "mini")
    assert [p.id for p in filled.passages_without_vectors("mini", 1000)] == list(ids[3:])
    filled.put_vectors(ids[3:], matrix[3:], "mini")
    assert filled.passages_without_vectors("mini", 1000) == []
    got_ids, got = filled.vectors("mini")
    assert got_ids.dtype == np.int64 and got.dtype == np.float32
    order = np.argsort(ids)
    assert np.array_equal(got_ids, ids[order])
    assert np.array_equal(got, matrix[order])
    empty_ids, empty = filled.vectors("another")
    assert empty_ids.shape == (0,) and empty.shape[0] == 0
    assert len(filled.passages_without_vectors("another", 2)) == 2
    assert [c.value for c in filled.stats().vectors] == ["mini"]


def test_vectors_come_back_by_id_after_some_are_replaced(filled: Store) -> None:
    ids = np.array([p.id for p in filled.passages_without_vectors("mini", 1000)], np.int64)
    rng = np.random.default_rng(1)
    matrix = rng.standard_normal((len(ids), 8)).astype(np.float32)
    filled.put_vectors(ids[::-1], matrix[::-1], "mini")  # stored last id first
    newer = rng.standard_normal((2, 8)).astype(np.float32)
    filled.put_vectors(ids[:2], newer, "mini")  # replaced rows are stored after the rest
    matrix[:2] = newer
    got_ids, got = filled.vectors("mini")
    assert np.array_equal(got_ids, np.sort(ids))
    assert np.array_equal(got, matrix[np.argsort(ids)])


def test_vectors_of_several_sizes_under_one_model_are_an_error(filled: Store) -> None:
    ids = [p.id for p in filled.passages_without_vectors("mini", 2)]
    filled.put_vectors(ids[:1], np.ones((1, 4), np.float32), "mini")
    filled.put_vectors(ids[1:], np.ones((1, 6), np.float32), "mini")
    with pytest.raises(StoreError, match=r"several sizes \(\[4, 6\]\)"):
        filled.vectors("mini")


def test_vectors_go_with_their_document(filled: Store) -> None:
    todo = filled.passages_without_vectors("mini", 1000)
    filled.put_vectors([p.id for p in todo], np.ones((len(todo), 4), np.float32), "mini")
    doc_id = todo[0].document_id
    filled.remove_document(doc_id)
    ids, _ = filled.vectors("mini")
    assert len(ids) == len(todo) - sum(1 for p in todo if p.document_id == doc_id)


def test_bad_vectors_are_refused(filled: Store) -> None:
    ids = [p.id for p in filled.passages_without_vectors("mini", 2)]
    with pytest.raises(StoreError, match="one row per passage"):
        filled.put_vectors(ids, np.ones((3, 4), np.float32), "mini")
    with pytest.raises(StoreError, match="NaN"):
        filled.put_vectors(ids, np.full((2, 4), np.nan, np.float32), "mini")
    with pytest.raises(StoreError, match="database error"):  # a passage that does not exist
        filled.put_vectors([99_999], np.ones((1, 4), np.float32), "mini")
    assert filled.vectors("mini")[0].shape == (0,)


def test_an_audit_is_saved_listed_searched_and_reopened(
    store: Store, auditor: Auditor, example_path: object
) -> None:
    report = report_to_dict(auditor.audit(str(example_path)))
    audit_id = store.save_audit(report, "harbour_ferry.txt")
    assert store.audit(audit_id) == report
    [summary] = store.audits()
    assert summary.id == audit_id
    assert summary.title == report["article"]["title"]
    assert summary.schema == report["schema"]
    assert summary.claims == len(report["claims"]) > 0
    rows = store.conn.execute(
        "SELECT claim_id, text, kind FROM audit_claims WHERE audit_id = ? ORDER BY rowid",
        (audit_id,),
    ).fetchall()
    assert rows == [(c["id"], c["text"], c["kind"]) for c in report["claims"]]
    word = report["claims"][0]["text"].split()[1]
    assert [a.id for a in store.audits(query=word)] == [audit_id]
    assert store.audits(query="no claim says this xyzzy") == []
    second = store.save_audit(report, "again")
    assert [a.id for a in store.audits()] == [second, audit_id]


def test_an_unknown_or_malformed_audit_is_an_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no audit 7"):
        store.audit(7)
    with pytest.raises(StoreError, match="schema"):
        store.save_audit({"claims": []}, "x")
