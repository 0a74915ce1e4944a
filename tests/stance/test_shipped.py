"""The stance model shipped with the package: present, small, loadable, fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsaudit.learn.data import read_ids, read_stance_data
from newsaudit.learn.metric import score_predictions
from newsaudit.stages.stance import default_model_path, load_stance_model

BODY = (
    "Officials on Tuesday denied reports that the bridge had collapsed. "
    "A spokesman said the claims were a hoax spread on social media. "
    "Photos circulating online were doctored, according to the city."
)


def test_shipped_model_is_small_and_loads() -> None:
    path = default_model_path()
    assert path.is_file()
    assert path.stat().st_size <= 30 * 1024 * 1024
    model = load_stance_model()
    assert load_stance_model() is model  # loaded once
    probs = model.stance("Bridge collapses in city centre", BODY)
    assert set(probs) == {"agree", "disagree", "discuss", "unrelated"}
    assert sum(probs.values()) == pytest.approx(1.0)
    assert probs["unrelated"] < 0.5
    far = model.stance("Celebrity chef opens new restaurant in Paris", BODY)
    assert far["unrelated"] > 0.5


@pytest.mark.slow
@pytest.mark.data
def test_shipped_model_speed_and_dev_floor(shared_data: Path) -> None:
    """Trained on all of FNC-1 train (dev included), so dev is a sanity floor, not a score."""
    folder = shared_data / "fnc-1"
    data = read_stance_data(folder / "train_bodies.csv", folder / "train_stances.csv")
    dev = data.subset(read_ids(folder / "splits" / "hold_out_ids.txt"))
    model = load_stance_model(path=default_model_path())
    pairs = [(p.headline, dev.bodies[p.body_id]) for p in dev.pairs]
    started = time.perf_counter()
    predicted = model.predict(pairs)
    speed = len(pairs) / (time.perf_counter() - started)
    assert speed >= 200
    assert score_predictions([p.stance for p in dev.pairs], predicted).relative_score > 85
