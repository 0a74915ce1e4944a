"""Large-corpus search keeps the rarer query words, counted by the index's own stems."""

from __future__ import annotations

import pytest

from newsaudit.store import Store
from newsaudit.store import db as store_db
from newsaudit.store.fts import TermFrequencies
from newsaudit.store.records import NewDocument


@pytest.fixture()
def store() -> Store:
    opened = Store.open(":memory:")
    for i in range(30):
        extra = " The harbour pilots struck." if i == 7 else ""
        text = f"Ferries sailed from the port on day {i}.{extra}"
        opened.add_document(NewDocument(text=text, origin=f"day {i}"))
    return opened


def test_common_words_are_left_out(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TermFrequencies, "COMMON_FLOOR", 5)
    frequencies = TermFrequencies(store.conn)
    # "sailing" and "sailed" share the stem "sail"; "pilots" is in one passage only.
    kept = frequencies.selective(["ferries", "sailing", "pilots", "zeppelin"], passages=30)
    assert kept == ["pilots"]


def test_only_common_words_keeps_the_two_rarest(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TermFrequencies, "COMMON_FLOOR", 5)
    kept = TermFrequencies(store.conn).selective(["ferries", "port"], passages=30)
    assert sorted(kept) == ["ferries", "port"]
    assert TermFrequencies(store.conn).selective(["zeppelin"], passages=30) == []


def test_search_in_a_large_corpus_finds_the_rare_word(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "SELECTIVE_FROM", 10)
    monkeypatch.setattr(TermFrequencies, "COMMON_FLOOR", 5)
    hits = store.search("ferries sailed with harbour pilots", k=3)
    assert hits and "pilots" in hits[0].text
    assert store.search("zeppelin airship", k=3) == []
