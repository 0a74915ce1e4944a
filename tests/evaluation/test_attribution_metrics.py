"""Span matching and scores on hand-computed examples: exact against overlap, one to one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.evaluation.attribution_eval import (
    count_exact,
    count_overlap,
    evaluate,
    scores,
    trimmed,
)
from newsaudit.evaluation.polnear import Span, read_split
from newsaudit.stages.attribution_spans import SpanRelation

TINY = Path(__file__).resolve().parent.parent / "fixtures" / "polnear" / "tiny"
TEXT = "“We will win,” Senator Jo Park said on Monday, and aides agreed."


def _at(word: str) -> Span:
    start = TEXT.index(word)
    return Span(((start, start + len(word)),))


def test_exact_ignores_edge_punctuation_only() -> None:
    gold = [_at("“We will win,”")]
    assert trimmed(gold[0], TEXT) == ((1, 12),)
    assert count_exact(gold, [_at("We will win")], TEXT) == 1
    assert count_exact(gold, [_at("We will")], TEXT) == 0
    assert count_overlap(gold, [_at("We will")]) == 1


def test_overlap_is_one_to_one() -> None:
    gold = [_at("Senator Jo Park")]
    # two pieces of one gold source earn one hit, not two
    assert count_overlap(gold, [_at("Senator"), _at("Jo Park")]) == 1
    assert count_overlap(gold, [_at("aides")]) == 0
    assert count_exact([_at("Jo"), _at("Jo")], [_at("Jo")], TEXT) == 1


def test_discontinuous_spans_overlap_by_any_fragment() -> None:
    split = Span(((0, 3), (20, 30)))
    assert split.overlaps(Span(((25, 40),)))
    assert not split.overlaps(Span(((3, 20),)))


def test_scores_from_counts() -> None:
    result = scores(gold=10, predicted=8, matched=6)
    assert result.precision == pytest.approx(0.75)
    assert result.recall == pytest.approx(0.6)
    assert result.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert scores(0, 0, 0).f1 == 0.0


def test_evaluate_sums_over_articles_on_the_tiny_split() -> None:
    articles = read_split(TINY)
    text = articles[0].text

    def where(words: str) -> tuple[int, int]:
        start = text.index(words)
        return (start, start + len(words))

    def extract(_: str) -> list[SpanRelation]:
        return [
            # source exact; content cut short: an overlap hit, not an exact one
            SpanRelation(where("Mayor Ana Ruiz"), where("said"), where("the bridge would")),
            # source too long: overlap only; content exact once the quotes are trimmed
            SpanRelation(where("she told"), None, where("We are on schedule")),
            # a source the gold does not have
            SpanRelation(where("The council"), None, None),
        ]

    result = evaluate(articles, extract)
    assert (result.source_exact.matched, result.source_overlap.matched) == (1, 2)
    assert (result.source_exact.gold, result.source_exact.predicted) == (2, 3)
    assert (result.content_exact.matched, result.content_overlap.matched) == (1, 2)
    assert result.content_overlap.recall == pytest.approx(2 / 3)
    assert result.source_overlap.precision == pytest.approx(2 / 3)
    assert result.relations == 3 and result.articles == 1
