"""The shipped check-worthiness model and how the audit score is made from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.errors import ModelError
from newsaudit.learn.checkworthy import load_checkworthy_model
from newsaudit.settings import Settings
from newsaudit.stages.checkworthy import MODEL_PATH, blend, load_scorer
from newsaudit.stages.language import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> object:
    return load_pipeline(Settings().spacy_model)


def test_the_shipped_model_is_small_and_loads() -> None:
    assert MODEL_PATH.stat().st_size <= 5 * 1024 * 1024
    model = load_checkworthy_model(MODEL_PATH)
    assert len(model.vocab) == len(model.weights) > 1000
    assert list(model.quantiles) == sorted(model.quantiles)
    assert load_scorer() is load_scorer()  # loaded once


def test_numbers_and_names_outrank_small_talk(nlp: object) -> None:
    scorer = load_scorer()
    assert scorer is not None
    fact = list(nlp("Unemployment fell to 4.1 percent in March, the lowest since 2001."))  # type: ignore[operator]
    chat = list(nlp("Thank you so much, it is great to be here tonight."))  # type: ignore[operator]
    assert 0.0 <= scorer.percentile(chat) < scorer.percentile(fact) <= 1.0


def test_blend_stays_in_range_and_caps_opinion() -> None:
    assert blend(1.0, 1.0, "asserted") == 1.0
    assert blend(0.0, 0.0, "hedged") == 0.0
    assert blend(0.2, 0.9, "opinion") == 0.2  # the model cannot raise an opinion
    assert blend(0.2, 0.9, "asserted") > 0.5


def test_no_model_file_means_rules_alone(tmp_path: Path) -> None:
    assert load_scorer(tmp_path / "absent.npz") is None


def test_a_broken_model_file_is_a_model_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="retrain it"):
        load_checkworthy_model(broken)
