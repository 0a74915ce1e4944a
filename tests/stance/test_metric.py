"""The FNC-1 score, confusion matrix and F1 against hand-computed values."""

from __future__ import annotations

import pytest

from newsaudit.learn.metric import fnc_pair_score, score_predictions


def test_pair_scores_follow_the_official_rule() -> None:
    assert fnc_pair_score("agree", "agree") == 1.0
    assert fnc_pair_score("agree", "discuss") == 0.25  # related right, label wrong
    assert fnc_pair_score("agree", "unrelated") == 0.0
    assert fnc_pair_score("unrelated", "unrelated") == 0.25
    assert fnc_pair_score("unrelated", "disagree") == 0.0


def test_hand_computed_example() -> None:
    gold = ["agree", "disagree", "discuss", "unrelated", "unrelated", "discuss"]
    pred = ["agree", "discuss", "discuss", "unrelated", "agree", "unrelated"]
    s = score_predictions(gold, pred)
    # 1 + 0.25 + 1 + 0.25 + 0 + 0 = 2.5 out of 1 + 1 + 1 + 0.25 + 0.25 + 1 = 4.5
    assert s.fnc_score == pytest.approx(2.5)
    assert s.fnc_max == pytest.approx(4.5)
    assert s.relative_score == pytest.approx(100 * 2.5 / 4.5)
    assert s.confusion["disagree"]["discuss"] == 1
    assert s.confusion["unrelated"]["agree"] == 1
    # agree: tp 1, fp 1, fn 0 -> 2/3; disagree: 0; discuss: tp 1, fp 1, fn 1 -> 1/2;
    # unrelated: tp 1, fp 1, fn 1 -> 1/2
    assert s.per_class_f1 == pytest.approx(
        {"agree": 2 / 3, "disagree": 0.0, "discuss": 0.5, "unrelated": 0.5}
    )
    assert s.macro_f1 == pytest.approx((2 / 3 + 0.5 + 0.5) / 4)
    assert s.accuracy == pytest.approx(3 / 6)


def test_perfect_predictions_score_the_maximum() -> None:
    gold = ["agree", "unrelated", "discuss"]
    s = score_predictions(gold, gold)
    assert s.relative_score == pytest.approx(100.0)
    assert s.macro_f1 == pytest.approx(0.75)  # disagree absent: F1 0 by convention


def test_length_mismatch_is_refused() -> None:
    with pytest.raises(ValueError):
        score_predictions(["agree"], [])
