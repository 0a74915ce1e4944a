"""`newsaudit train checkworthy`: fit the check-worthiness model from CheckThat! and ClaimBuster."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..evaluation.checkworthy_data import RankedFile, find_files
from ..evaluation.checkworthy_eval import RankingResult
from ..learn.checkworthy import save_checkworthy_model
from ..learn.checkworthy_train import TrainConfig, cross_validate, examples_of, fit, parse_files
from ..settings import Settings
from ..stages.language import LanguageModel
from .train import train_group

_CORPORA = ("checkthat2019", "claimbuster")


def training_files(data: Path) -> list[RankedFile]:
    """The CheckThat! and ClaimBuster folders under `data`, or `data` itself as one of them."""
    folders = [data / name for name in _CORPORA if (data / name).is_dir()]
    if not folders:
        return find_files(data)
    return [f for folder in folders for f in find_files(folder, root=data)]


def _dev_line(result: RankingResult) -> str:
    return (
        f"dev ({len(result.files)} debates, by file) {result.scorer:<6} "
        f"MAP {result.map:.4f}  R-prec {result.r_precision:.4f}  P@10 {result.p_at_10:.4f}"
    )


@train_group.command("checkworthy")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder holding checkthat2019/ and claimbuster/, or one folder of TSVs/CSVs.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Where to write the model (.npz).",
)
@click.option(
    "--seed",
    type=int,
    default=TrainConfig.seed,
    show_default=True,
    help="Seed of the dev folds; the same seed and data give the same model.",
)
@click.option(
    "--folds",
    type=click.IntRange(min=0),
    default=TrainConfig.folds,
    show_default=True,
    help="Debate folds for the dev figures (0: skip them).",
)
@click.option("--l2", type=float, default=TrainConfig.l2, show_default=True, help="Weight penalty.")
@click.option(
    "--claimbuster-weight",
    type=float,
    default=TrainConfig.claimbuster_weight,
    show_default=True,
    help="Weight of a ClaimBuster sentence beside a debate sentence (0: leave them out).",
)
def train_checkworthy(
    data_dir: Path, out: Path, seed: int, folds: int, l2: float, claimbuster_weight: float
) -> None:
    """Train the check-worthiness model; print dev figures from folds of debates."""
    files = training_files(data_dir)
    if claimbuster_weight <= 0:
        files = [f for f in files if f.corpus != "claimbuster"]
    config = TrainConfig(seed=seed, folds=folds, l2=l2, claimbuster_weight=claimbuster_weight)
    started = time.perf_counter()
    nlp = LanguageModel(Settings().spacy_model).nlp
    parsed = parse_files(files, nlp)
    click.echo(f"parsed {sum(len(f.sentences) for f in files)} sentences", err=True)
    if folds > 1:
        for result in cross_validate(files, parsed, config).values():
            click.echo(_dev_line(result), err=True)
    model = fit(examples_of(files, parsed.features, config), config)
    save_checkworthy_model(out, model)
    click.echo(
        f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(model.vocab)} features) "
        f"in {time.perf_counter() - started:.0f} s",
        err=True,
    )
