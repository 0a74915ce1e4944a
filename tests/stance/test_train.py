"""Training on a slice of FNC-1 beats the majority class on held-back bodies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.learn.data import StanceData, read_stance_data
from newsaudit.learn.metric import score_predictions
from newsaudit.learn.modelfile import load_model, save_model
from newsaudit.learn.train import TrainConfig, train_stance_model
from newsaudit.stages.stance import StanceModel

from .conftest import RunCli

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def fnc(shared_data: Path) -> StanceData:
    """The FNC-1 training files."""
    folder = shared_data / "fnc-1"
    return read_stance_data(folder / "train_bodies.csv", folder / "train_stances.csv")


def _split(data: StanceData) -> tuple[StanceData, StanceData]:
    ids = sorted(data.bodies, key=int)
    return data.subset(ids[:150]), data.subset(ids[150:220])


@pytest.fixture(scope="module")
def small_model(fnc: StanceData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained in seconds on 150 bodies."""
    train, _ = _split(fnc)
    out = tmp_path_factory.mktemp("stance") / "small.npz"
    save_model(out, train_stance_model(train, TrainConfig(rounds=60, topics=20)))
    return out


def test_small_model_beats_majority_class(fnc: StanceData, small_model: Path) -> None:
    _, held = _split(fnc)
    model = StanceModel(load_model(small_model))
    gold = [p.stance for p in held.pairs]
    predicted = model.predict([(p.headline, held.bodies[p.body_id]) for p in held.pairs])
    ours = score_predictions(gold, predicted)
    majority = score_predictions(gold, ["unrelated"] * len(gold))
    assert ours.relative_score > majority.relative_score + 10
    assert ours.macro_f1 > majority.macro_f1 + 0.2


def test_stance_gives_probabilities(fnc: StanceData, small_model: Path) -> None:
    model = StanceModel(load_model(small_model))
    pair = fnc.pairs[0]
    probs = model.stance(pair.headline, fnc.bodies[pair.body_id])
    assert set(probs) == {"agree", "disagree", "discuss", "unrelated"}
    assert sum(probs.values()) == pytest.approx(1.0)
    batch = model.stance_batch([(pair.headline, fnc.bodies[pair.body_id])] * 2)
    assert batch[0] == pytest.approx(probs) and batch[1] == pytest.approx(probs)


def test_training_is_deterministic(fnc: StanceData) -> None:
    train, _ = _split(fnc)
    tiny = train.subset(sorted(train.bodies, key=int)[:40])
    config = TrainConfig(rounds=20, topics=10, seed=5)
    first, second = (train_stance_model(tiny, config) for _ in range(2))
    assert first.booster == second.booster
    assert first.vocab == second.vocab


def test_cli_train_and_eval_json(
    fnc: StanceData, tmp_path: Path, run_cli: RunCli, shared_data: Path
) -> None:
    folder = shared_data / "fnc-1"
    ids = sorted(fnc.bodies, key=int)
    keep = tmp_path / "keep.txt"
    keep.write_text("\n".join(ids[:30]), encoding="utf-8")
    held = tmp_path / "held.txt"
    held.write_text("\n".join(ids[30:]), encoding="utf-8")
    model = tmp_path / "m.npz"
    code, _, err = run_cli(
        "train",
        "stance",
        "--data",
        str(folder),
        "--hold-out",
        str(held),
        "--out",
        str(model),
        "--rounds",
        "10",
        "--seed",
        "3",
    )
    assert code == 0, err
    code, out, err = run_cli(
        "eval",
        "stance",
        "--bodies",
        str(folder / "train_bodies.csv"),
        "--stances",
        str(folder / "train_stances.csv"),
        "--only",
        str(keep),
        "--model",
        str(model),
        "--json",
    )
    assert code == 0, err
    scores = json.loads(out)
    for key in (
        "fnc_score",
        "fnc_max",
        "relative_score",
        "macro_f1",
        "per_class_f1",
        "confusion",
        "pairs_per_second",
    ):
        assert key in scores
    assert 0 <= scores["relative_score"] <= 100
    assert scores["pairs_per_second"] > 0
