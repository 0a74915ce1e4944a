"""The parts of stories on hand-made input: shingles, quantity kinds, profiles, reports."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsaudit.store import Store
from newsaudit.stories import build_from_store
from newsaudit.stories.domains import outlet_signals
from newsaudit.stories.near_dup import measure, shingles
from newsaudit.stories.quantities import kind_of
from newsaudit.stories.records import DomainProfile
from newsaudit.stories.render import render_html, render_json, render_markdown

# A base dependency; skipped (visibly) only where an install predates it.
pytest.importorskip(
    "datasketch", reason="datasketch is not installed (pip install datasketch==2.0.0)"
)

ORIGINAL = (
    "The harbour board said the new ferry terminal will open in June after two years of "
    "work. The terminal cost 40 million euros and can handle six ferries an hour, the "
    "board said, and ticket prices will not rise this year."
)


def test_a_copy_with_boilerplate_contains_the_original_an_unrelated_text_does_not() -> None:
    copy = ORIGINAL + " Subscribe to our newsletter for more stories like this one today."
    other = "Bellmoor Town won the regional cup on Saturday, beating Elmstead Rovers 3-1."
    jaccard, containment = measure(shingles(ORIGINAL), shingles(copy))
    assert containment == 1.0 and 0.5 < jaccard < 1.0
    assert measure(shingles(ORIGINAL), shingles(other)) == (0.0, 0.0)
    assert shingles("two words") == frozenset({"two words"})
    assert measure(shingles(""), shingles(ORIGINAL)) == (0.0, 0.0)


def _quantity(text: str, number: str, **fields: Any) -> dict[str, Any]:
    return {"start": text.index(number), "text": number, **fields}


def test_quantity_kinds_follow_the_nearest_event_word_or_the_counted_noun() -> None:
    killed = "At least 12 people were killed when three villages flooded."
    assert kind_of(_quantity(killed, "12", counts="people"), killed, 0) == "casualties"
    assert kind_of(_quantity(killed, "three", counts="villages"), killed, 0) == "villages"
    toll = "The number of people who died has risen to 14, officials said."
    assert kind_of(_quantity(toll, "14", counts=None), toll, 0) == "casualties"
    moved = "Some 3,000 residents were evacuated overnight."
    assert kind_of(_quantity(moved, "3,000", counts="residents"), moved, 0) == "displaced"
    troops = "About 100,000 troops could be sent."
    assert kind_of(_quantity(troops, "100,000", counts="North Korean troops"), troops, 0) == (
        "troops"
    )
    money = "The government pledged $25 million."
    assert kind_of(_quantity(money, "$25 million", unit="USD"), money, 0) == "money"
    age = "The dam is 60 years old."
    assert kind_of(_quantity(age, "60", unit="year"), age, 0) is None


def test_domain_signals_need_enough_pages_and_high_shares() -> None:
    farm = DomainProfile("farm.example", 40, 0.8, 0.5, 0.75, 0.1)
    assert [s.code for s in outlet_signals(farm)] == ["template_text", "unsourced_claims"]
    assert all(s.weight < 0 and "farm.example" in s.detail for s in outlet_signals(farm))
    assert outlet_signals(DomainProfile("farm.example", 2, 1.0, 1.0, 1.0, 1.0)) == ()
    assert outlet_signals(DomainProfile("good.example", 40, 0.0, 0.0, 0.1, 0.0)) == ()


def test_reports_show_the_numbers_and_escape_what_they_quote(store: Store) -> None:
    result = build_from_store(store)
    args = (result.articles, result.stories, result.profiles)
    data = json.loads(render_json(*args))
    assert data["schema"] == "newsaudit.stories/1"
    assert data["stories"][0]["size"] == 4
    assert {d["domain"] for d in data["domains"]} >= {"dailynewswirehub.example"}
    markdown = render_markdown(*args)
    assert "12 to 17 (spread 42%)" in markdown
    assert "credited to Saltby General Hospital" in markdown
    assert "copy of audit" in markdown
    page = render_html(*args)
    assert page.startswith("<!doctype html>") and "<script" not in page
    assert "Harlow Dam disaster: 17 killed as aid package is raised to $30 million" in page
