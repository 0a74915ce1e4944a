"""`newsaudit train …`: train the learned models newsaudit ships (today: `stance`)."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..errors import UsageError
from ..learn.data import read_ids, read_stance_data, resolve_files
from ..learn.modelfile import save_model
from ..learn.train import TrainConfig, train_stance_model

_FILE = click.Path(path_type=Path, dir_okay=False)
_DIR = click.Path(path_type=Path, file_okay=False)


@click.group("train")
def train_group() -> None:
    """Train a model from labelled data (offline, on CPU)."""


@train_group.command("stance")
@click.option(
    "--data", "data_dir", type=_DIR, help="Folder with train_bodies.csv and train_stances.csv."
)
@click.option("--bodies", type=_FILE, help="FNC-1-format bodies CSV (Body ID, articleBody).")
@click.option("--stances", type=_FILE, help="FNC-1-format stances CSV (Headline, Body ID, Stance).")
@click.option("--extra-bodies", type=_FILE, help="More training bodies (e.g. ARC), same format.")
@click.option("--extra-stances", type=_FILE, help="Stances for --extra-bodies.")
@click.option(
    "--hold-out",
    "hold_out",
    type=_FILE,
    help="Body IDs (one a line) to leave out of training, e.g. a dev split.",
)
@click.option("--out", "out", type=_FILE, required=True, help="Where to write the model (.npz).")
@click.option(
    "--seed",
    type=int,
    default=TrainConfig.seed,
    show_default=True,
    help="Random seed; the same seed and data give the same model.",
)
@click.option(
    "--rounds", type=int, default=TrainConfig.rounds, show_default=True, help="Boosting rounds."
)
@click.option(
    "--threads",
    type=int,
    default=TrainConfig.threads,
    show_default=True,
    help="CPU threads for tree boosting.",
)
def train_stance(
    data_dir: Path | None,
    bodies: Path | None,
    stances: Path | None,
    extra_bodies: Path | None,
    extra_stances: Path | None,
    hold_out: Path | None,
    out: Path,
    seed: int,
    rounds: int,
    threads: int,
) -> None:
    """Train the headline–body stance model from FNC-1-format CSV files."""
    if (extra_bodies is None) != (extra_stances is None):
        raise UsageError("--extra-bodies and --extra-stances go together")
    bodies_path, stances_path = resolve_files(data_dir, bodies, stances)
    data = read_stance_data(bodies_path, stances_path)
    if hold_out is not None:
        held = set(read_ids(hold_out))
        data = data.subset(k for k in data.bodies if k not in held)
    if extra_bodies is not None and extra_stances is not None:
        data = data.merged(read_stance_data(extra_bodies, extra_stances), prefix="extra:")
    click.echo(f"training on {len(data.pairs)} pairs over {len(data.bodies)} bodies", err=True)
    started = time.perf_counter()
    config = TrainConfig(seed=seed, rounds=rounds, threads=threads)
    model = train_stance_model(data, config, progress=lambda m: click.echo(m, err=True))
    save_model(out, model)
    size = out.stat().st_size / 1e6
    click.echo(
        f"wrote {out} ({size:.1f} MB) in {time.perf_counter() - started:.0f} s "
        f"({model.meta['train_cpu_seconds']:.0f} s CPU)",
        err=True,
    )


from .verify import train_verify  # noqa: E402

train_group.add_command(train_verify)
