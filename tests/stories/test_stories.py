"""One fictional event told by four outlets: the story, its numbers and the copier are found."""

from __future__ import annotations

from typing import Any

import pytest

from newsaudit.store import Store
from newsaudit.stories import build_from_store, domain_profile

from .conftest import audit_ids

# A base dependency; skipped (visibly) only where an install predates it.
pytest.importorskip(
    "datasketch", reason="datasketch is not installed (pip install datasketch==2.0.0)"
)


def test_the_story_its_earliest_article_and_its_copier_are_found(
    store: Store, expect: dict[str, Any]
) -> None:
    ids = audit_ids(store)
    result = build_from_store(store)
    assert result.articles == len(ids)
    assert len(result.stories) == 1
    story = result.stories[0]
    assert {m.audit_id for m in story.members} == {ids[name] for name in expect["story"]}
    outside = {ids[name] for name in expect["not_in_a_story"]}
    assert not outside & {m.audit_id for s in result.stories for m in s.members}
    assert story.earliest.audit_id == ids[expect["earliest"]]
    copies = {m.audit_id: m.copied_from for m in story.copies}
    assert copies == {ids[c]: ids[s] for c, s in expect["copies"].items()}


def test_each_outlet_value_credit_and_the_spread_are_found(
    store: Store, expect: dict[str, Any]
) -> None:
    story = build_from_store(store).stories[0]
    found = {q.kind: q for q in story.quantities}
    for kind, by_domain in expect["quantities"].items():
        quantity = found[kind]
        given = {v.domain: [v.value, v.credited] for v in quantity.values}
        assert given == by_domain, kind
        values = [value for value, _ in by_domain.values()]
        assert (quantity.low, quantity.high) == (min(values), max(values))
        assert quantity.spread == (max(values) - min(values)) / min(values)
    # The widest disagreement is listed first.
    assert story.quantities[0].kind == "casualties"


def test_the_build_is_stored_with_per_domain_aggregates(store: Store) -> None:
    build_from_store(store)
    assert store.conn.execute("SELECT COUNT(*) FROM story_clusters").fetchone()[0] == 1
    roles = dict(store.conn.execute("SELECT domain, role FROM story_members").fetchall())
    assert roles["dailynewswirehub.example"] == "copy"
    assert roles["westmarch-courier.example"] == "earliest"
    copier = domain_profile(store, "www.dailynewswirehub.example")
    assert copier is not None and copier.articles == 1 and copier.copied_share == 1.0
    original = domain_profile(store, "westmarch-courier.example")
    assert original is not None and original.copied_share == 0.0
    assert domain_profile(store, "unknown.example") is None
    # A rebuild replaces the last one instead of adding to it.
    build_from_store(store)
    assert store.conn.execute("SELECT COUNT(*) FROM story_members").fetchone()[0] == 4
