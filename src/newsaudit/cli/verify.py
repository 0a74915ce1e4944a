"""`newsaudit train verify` and `newsaudit eval verify`: the claim–evidence entailment model."""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path
from typing import cast

import click

from ..errors import UsageError
from ..verify.data import DATA_FILES, Format, Item, read_items
from ..verify.evaluate import DATASET_LABELS, evaluate_items
from ..verify.metrics import Scores

_FILE = click.Path(path_type=Path, dir_okay=False)
_DIR = click.Path(path_type=Path, file_okay=False)
_EVAL_FORMATS = ("climate-fever", "covidfact")


def _table(scores: Scores, speed: float, labels: tuple[str, ...]) -> str:
    width = max(len(label) for label in labels) + 2
    lines = [
        f"items            {scores.items}",
        f"accuracy         {scores.accuracy:.4f}",
        f"macro-F1         {scores.macro_f1:.4f}",
        f"items/second     {speed:.1f}",
        "",
        "gold \\ predicted".ljust(width) + "".join(f"{p:>{width}}" for p in labels) + "      F1",
    ]
    for gold in labels:
        row = "".join(f"{scores.confusion[gold][p]:>{width}}" for p in labels)
        lines.append(f"{gold:<{width}}{row}  {scores.per_class_f1[gold]:.4f}")
    return "\n".join(lines)


@click.command("verify")
@click.option("--data", "data", type=_FILE, required=True, help="Labelled JSONL file.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_EVAL_FORMATS),
    required=True,
    help="climate-fever: claim–evidence pairs (3 labels); covidfact: claims with evidence.",
)
@click.option(
    "--model",
    "model_path",
    type=_FILE,
    help="Entailment model file; default: the one shipped with newsaudit.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_verify(data: Path, fmt: str, model_path: Path | None, as_json: bool) -> None:
    """Score the entailment model on a Climate-FEVER or COVID-Fact file."""
    from ..verify.model import load_entailer

    form = cast(Format, fmt)
    items = read_items(data, form)
    entailer = load_entailer(model_path)
    started = time.perf_counter()
    scores = evaluate_items(entailer, items, form)
    speed = len(items) / max(time.perf_counter() - started, 1e-9)
    if as_json:
        payload = asdict(scores)
        payload["items_per_second"] = round(speed, 2)
        payload["format"] = fmt
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(_table(scores, speed, DATASET_LABELS[form]))


def _say(message: str) -> None:
    click.echo(message, err=True)


@click.command("verify")
@click.option(
    "--data",
    "data_dir",
    type=_DIR,
    required=True,
    help="Folder holding climate-fever/ and covidfact/ (the shared data layout).",
)
@click.option("--out", "out", type=_FILE, required=True, help="Where to write the model (.npz).")
@click.option("--seed", type=int, default=13, show_default=True, help="Random seed.")
@click.option(
    "--dev",
    is_flag=True,
    help="Hold out the development split (a seeded quarter of each set's claim groups) "
    "and print the scores on it after training.",
)
@click.option(
    "--threads",
    type=int,
    default=1,
    show_default=True,
    help="Threads for tree boosting (more than the idle cores slows LightGBM down).",
)
@click.option(
    "--cache",
    type=_FILE,
    help="Keep sentence vectors in this .npz, so a rerun does not embed the texts again.",
)
def train_verify(
    data_dir: Path, out: Path, seed: int, dev: bool, threads: int, cache: Path | None
) -> None:
    """Train the entailment model from Climate-FEVER and COVID-Fact (deterministic per seed)."""
    from ..embed import load_embedder
    from ..verify.evaluate import split_for_training
    from ..verify.model import Entailer
    from ..verify.modelfile import save_model
    from ..verify.train import TrainConfig, train_entailer
    from ..verify.vectorcache import VectorCache

    if threads < 1:
        raise UsageError("--threads must be at least 1")
    config = TrainConfig(seed=seed, threads=threads)
    items: dict[Format, list[Item]] = {}
    for fmt in config.formats:
        path = data_dir / DATA_FILES[fmt]
        if not path.is_file():
            raise UsageError(f"{path} not found; --data must hold {DATA_FILES[fmt]}")
        items[fmt] = read_items(path, fmt)
    train, held = split_for_training(items, seed, dev)
    embedder = load_embedder()
    started = time.perf_counter()
    vectors = VectorCache(embedder.embed, embedder.name, embedder.dim, cache)
    model = train_entailer(train, config, vectors, embedder.name, embedder.dim, _say)
    save_model(out, model)
    size = out.stat().st_size / 1e6
    _say(f"wrote {out} ({size:.1f} MB) in {time.perf_counter() - started:.0f} s")
    if held:
        entailer = Entailer(model.booster, model.meta, vectors)
        for fmt, dev_items in held.items():
            scores = evaluate_items(entailer, dev_items, fmt)
            click.echo(
                f"dev {fmt}: {scores.items} items, accuracy {scores.accuracy:.4f}, "
                f"macro-F1 {scores.macro_f1:.4f}"
            )
