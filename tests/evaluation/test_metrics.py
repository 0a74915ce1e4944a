"""The benchmark measures on small examples worked out by hand."""

from __future__ import annotations

import pytest

from newsaudit.evaluation.metrics import (
    average_precision,
    page_counts,
    precision_at,
    r_precision,
    ranked_labels,
    reciprocal_rank,
    shingle_scores,
    shingles,
    snippet_counts,
    snippet_scores,
)


def test_average_precision_by_hand() -> None:
    # positives at ranks 1, 3 and 6: (1/1 + 2/3 + 3/6) / 3
    assert average_precision([1, 0, 1, 0, 0, 1]) == pytest.approx((1 + 2 / 3 + 0.5) / 3)
    assert average_precision([0, 0, 1]) == pytest.approx(1 / 3)
    assert average_precision([0, 0, 0]) == 0.0


def test_r_precision_and_precision_at_k() -> None:
    ranked = [1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0]
    assert r_precision(ranked) == pytest.approx(2 / 4)  # R = 4 positives, 2 in the top 4
    assert precision_at(ranked, 10) == pytest.approx(3 / 10)
    assert precision_at([1, 1], 10) == pytest.approx(2 / 10)  # a short list still divides by k
    assert reciprocal_rank([0, 0, 1, 1]) == pytest.approx(1 / 3)


def test_ranking_is_by_score_with_ties_in_file_order() -> None:
    assert ranked_labels([0.2, 0.9, 0.2, 0.5], [1, 0, 0, 1]) == [0, 1, 1, 0]


def test_shingles_are_word_four_grams_counted() -> None:
    grams = shingles("a b c d a b c d")
    assert grams[("a", "b", "c", "d")] == 2
    assert sum(grams.values()) == 5
    assert shingles("too short") == {("too", "short"): 1}
    assert not shingles("  ,. ")


def test_page_precision_recall_by_hand() -> None:
    gold = "one two three four five six"  # 3 shingles
    output = "one two three four five seven eight"  # 4 shingles, 2 shared
    counts = page_counts(gold, output)
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 1)
    scores = shingle_scores([counts, page_counts(gold, gold)])
    assert scores.precision == pytest.approx((2 / 4 + 1) / 2)
    assert scores.recall == pytest.approx((2 / 3 + 1) / 2)
    p, r = scores.precision, scores.recall
    assert scores.f1 == pytest.approx(2 * p * r / (p + r))
    assert scores.accuracy == pytest.approx(0.5)


def test_empty_output_counts_against_recall_only() -> None:
    scores = shingle_scores(
        [page_counts("one two three four five", ""), page_counts("a b c d", "a b c d")]
    )
    assert scores.precision == pytest.approx(1.0)  # the empty page has no precision
    assert scores.recall == pytest.approx(0.5)


def test_snippets_counted_over_pages() -> None:
    first = snippet_counts(
        "The  harbour wall\nwas repaired. Cookie settings",
        ["harbour wall was", "missing"],
        ["Cookie settings", "Subscribe"],
    )
    assert (first.tp, first.fn, first.fp, first.tn) == (1, 1, 1, 1)
    second = snippet_counts("all good here", ["all good"], ["bad"])
    scores = snippet_scores([first, second])
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.accuracy == pytest.approx(4 / 6)
