"""Accuracy, per-class and macro F1 against figures computed by hand."""

from __future__ import annotations

import pytest

from newsaudit.verify.metrics import score


def test_hand_computed_scores() -> None:
    gold = ["a", "a", "a", "b", "b", "c"]
    pred = ["a", "a", "b", "b", "c", "c"]
    s = score(gold, pred, ("a", "b", "c"))
    # a: TP 2, FP 0, FN 1 → 4/5; b: TP 1, FP 1, FN 1 → 1/2; c: TP 1, FP 1, FN 0 → 2/3
    assert s.accuracy == pytest.approx(4 / 6)
    assert s.per_class_f1 == pytest.approx({"a": 0.8, "b": 0.5, "c": 2 / 3})
    assert s.macro_f1 == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert s.confusion["a"] == {"a": 2, "b": 1, "c": 0}
    assert s.items == 6


def test_absent_class_scores_zero_and_counts_in_the_average() -> None:
    s = score(["a", "a"], ["a", "a"], ("a", "b"))
    assert s.per_class_f1 == {"a": 1.0, "b": 0.0}
    assert s.macro_f1 == 0.5
