"""Keyword search: BM25 over passages, filters by domain and date, any text a safe query."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.store import NewDocument, Store, match_expression

HOSTILE = (
    '"unbalanced quote',
    "(troops",
    "troops)",
    "NEAR(troops port, 2)",
    "troops NEAR port",
    "troop*",
    "*",
    "-troops",
    "troops -port",
    "title:troops",
    "^troops",
    "AND OR NOT",
    "troops AND",
    "'; DROP TABLE documents; --",
    "{troops port}",
    "",
    "   ",
    "!!!",
    "\x00troops",
    "trööps – “port”",
)


def test_hostile_punctuation_never_raises(filled: Store) -> None:
    for query in HOSTILE:
        hits = filled.search(query, k=5)
        assert isinstance(hits, list)
    assert filled.stats().documents == 4  # and nothing was dropped


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_valid_query(query: str) -> None:
    with Store.open(":memory:") as store:
        assert store.search(query) == []
        expression = match_expression(query)
        if expression is not None:  # the expression itself is valid FTS5
            store.conn.execute(
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?", (expression,)
            ).fetchall()


def test_the_best_passage_comes_first_with_its_offsets(filled: Store) -> None:
    hits = filled.search("How many troops could be sent, according to the institute?", k=3)
    assert hits[0].title == "Assessment: troops"
    assert "100,000 troops" in hits[0].text
    assert hits == sorted(hits, key=lambda h: -h.score)
    for hit in hits:
        document = filled.document(hit.document_id)
        assert document.text[hit.start : hit.end] == hit.text


def test_words_are_stemmed(filled: Store) -> None:
    assert any("cracks" in h.text for h in filled.search("crack"))


def test_domains_filter_includes_subdomains(filled: Store) -> None:
    hits = filled.search("troops", k=10, domains=["understandingwar.org"])
    assert {h.domain for h in hits} == {"understandingwar.org"}
    assert len(hits) == 2
    assert filled.search("ferry", domains=["harbour.example"])
    assert filled.search("ferry", domains=["arbour.example"]) == []


def test_published_before_keeps_earlier_and_undated_documents(filled: Store) -> None:
    hits = filled.search("troops", k=10, published_before="2024-11-30")
    assert {h.title for h in hits} == {"Assessment: troops", "Troops at the port"}
    assert filled.has_documents(["understandingwar.org"], "2024-11-02")
    assert not filled.has_documents(["understandingwar.org"], "2024-11-01")
    assert not filled.has_documents(["nowhere.example"], None)


def test_k_limits_the_hits(filled: Store) -> None:
    assert len(filled.search("troops", k=1)) == 1
    assert filled.search("troops", k=0) == []


def test_a_query_of_function_words_still_searches(filled: Store) -> None:
    assert match_expression("who said it") == '"who" OR "said" OR "it"'
    assert match_expression('the "pylons') == '"pylons"'
    assert [h.title for h in filled.search("who said it")] == ["Ferry crossings rise"]


def test_filtered_and_unfiltered_search_rank_alike(filled: Store) -> None:
    for query in ("troops", "assessment troops port", "ferry pier engineers"):
        plain = filled.search(query, k=10)
        admitting_all = filled.search(query, k=10, published_before="9999-12-31")
        assert [h.passage_id for h in plain] == [h.passage_id for h in admitting_all]
        assert [round(h.score, 9) for h in plain] == [round(h.score, 9) for h in admitting_all]


def test_a_domain_another_connection_adds_is_found_by_an_open_store(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with Store.open(path) as reader:
        assert not reader.has_documents(["gazette.example"], None)  # caches the domains seen
        with Store.open(path) as writer:
            writer.add_document(
                NewDocument(
                    text="Ferries ran late.", origin="a", url="https://news.gazette.example/a"
                )
            )
        assert reader.has_documents(["gazette.example"], None)
        assert reader.has_documents(["GAZETTE.example"], None)
        assert list(reader.passage_ids(["news.gazette.example"]))
        assert not reader.has_documents(["azette.example"], None)


def test_a_domain_with_more_subdomains_than_an_in_list_takes_still_matches_them_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsaudit.store import _sql

    monkeypatch.setattr(_sql, "MAX_COVERED", 2)
    with Store.open(tmp_path / "many.db") as store:
        for n in range(4):
            store.add_document(
                NewDocument(text=f"Notice {n}.", origin=f"n{n}", url=f"https://s{n}.gov.example/")
            )
        assert len(store.passage_ids(["gov.example"])) == 4
        assert len(store.passage_ids(["s1.gov.example"])) == 1
