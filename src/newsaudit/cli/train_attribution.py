"""`newsaudit train attribution`: train the attribution tagger on a PolNeAR training split."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..errors import UsageError
from ..evaluation.polnear import read_split
from ..learn.attribution import TaggerConfig, sequences, train_tagger
from ..settings import load_settings
from ..stages.language import LanguageModel
from .train import train_group


@train_group.command("attribution")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="A PolNeAR-format training split (text/*.txt and attributions/*.ann).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Where to write the model (a CRFsuite file; xz-compressed if it ends in .xz).",
)
@click.option("--limit", type=int, help="Train on the first N articles only (by name).")
@click.option("--c1", type=float, default=TaggerConfig.c1, show_default=True, help="L1 penalty.")
@click.option("--c2", type=float, default=TaggerConfig.c2, show_default=True, help="L2 penalty.")
@click.option(
    "--iterations",
    type=int,
    default=TaggerConfig.iterations,
    show_default=True,
    help="L-BFGS iterations.",
)
def train_attribution(
    data_dir: Path, out: Path, limit: int | None, c1: float, c2: float, iterations: int
) -> None:
    """Train the attribution tagger (a CRF over the parse) on PolNeAR-format data."""
    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    if iterations < 1 or c1 < 0 or c2 < 0:
        raise UsageError("--iterations must be positive and --c1/--c2 not negative")
    articles = read_split(data_dir, limit)
    language = LanguageModel(load_settings().spacy_model)
    click.echo(f"parsing {len(articles)} articles", err=True)
    started = time.perf_counter()
    data = sequences(articles, lambda texts: iter(language.parse_many(texts)))
    config = TaggerConfig(c1=c1, c2=c2, iterations=iterations)
    count = train_tagger(data, out, config, progress=lambda m: click.echo(m, err=True))
    size = out.stat().st_size / 1e6
    click.echo(
        f"wrote {out} ({size:.1f} MB) from {count} paragraphs "
        f"in {time.perf_counter() - started:.0f} s",
        err=True,
    )
