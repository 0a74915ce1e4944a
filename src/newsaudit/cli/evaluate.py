"""`newsaudit eval …`: score a model on labelled data. One subcommand per task.

Add a task with ``@eval_group.command("name")`` in this module or
``eval_group.add_command(...)`` from another one.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path

import click

from ..learn.data import LABELS, DataError, read_ids, read_stance_data
from ..learn.metric import StanceScores, score_predictions
from ..stages.stance import load_stance_model

_FILE = click.Path(path_type=Path, dir_okay=False)


@click.group("eval")
def eval_group() -> None:
    """Evaluate a model on labelled data."""


def _table(scores: StanceScores, pairs_per_second: float) -> str:
    short = {"agree": "agr", "disagree": "dis", "discuss": "dsc", "unrelated": "unr"}
    lines = [
        f"pairs            {scores.pairs}",
        (
            f"FNC score        {scores.fnc_score:.2f} / {scores.fnc_max:.2f}"
            f" = {scores.relative_score:.2f} %"
        ),
        f"macro-F1         {scores.macro_f1:.4f}",
        f"accuracy         {scores.accuracy:.4f}",
        f"pairs/second     {pairs_per_second:.0f}",
        "",
        "gold \\ predicted " + "".join(f"{short[p]:>8}" for p in LABELS) + "      F1",
    ]
    for gold in LABELS:
        row = "".join(f"{scores.confusion[gold][p]:>8}" for p in LABELS)
        lines.append(f"{gold:<17}{row}  {scores.per_class_f1[gold]:.4f}")
    return "\n".join(lines)


@eval_group.command("stance")
@click.option("--bodies", type=_FILE, required=True, help="FNC-1-format bodies CSV.")
@click.option("--stances", type=_FILE, required=True, help="Labelled FNC-1-format stances CSV.")
@click.option(
    "--model",
    "model_path",
    type=_FILE,
    help="Stance model file; default: the one shipped with newsaudit.",
)
@click.option(
    "--only",
    "only_ids",
    type=_FILE,
    help="Score only pairs whose Body ID is listed in this file (one a line).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_stance(
    bodies: Path, stances: Path, model_path: Path | None, only_ids: Path | None, as_json: bool
) -> None:
    """Score the stance model on labelled headline–body pairs (official FNC-1 metric)."""
    data = read_stance_data(bodies, stances)
    if only_ids is not None:
        data = data.subset(read_ids(only_ids))
        if not data.pairs:
            raise DataError(f"{only_ids}: none of these Body IDs has a pair in {stances}")
    model = load_stance_model(path=model_path)
    pairs = [(p.headline, data.bodies[p.body_id]) for p in data.pairs]
    started = time.perf_counter()
    predicted = model.predict(pairs)
    elapsed = max(time.perf_counter() - started, 1e-9)
    scores = score_predictions([p.stance for p in data.pairs], predicted)
    speed = len(pairs) / elapsed
    if as_json:
        payload = asdict(scores)
        payload["pairs_per_second"] = round(speed, 1)
        payload["relative_score"] = round(scores.relative_score, 4)
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(_table(scores, speed))


from .verify import eval_verify  # noqa: E402

eval_group.add_command(eval_verify)
