"""`newsaudit eval extraction` and `newsaudit eval checkworthy`: stages on public benchmarks."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from ..errors import ModelError
from ..evaluation.checkworthy_data import find_files
from ..evaluation.checkworthy_eval import SCORERS, RankingResult, Scorer, rank_files
from ..evaluation.extraction import SYSTEM_HELP, SYSTEMS, ExtractionResult, read_pages, run_system
from ..settings import Settings
from ..stages.checkworthy import load_scorer
from ..stages.language import LanguageModel
from .evaluate import eval_group

_DIR = click.Path(path_type=Path, file_okay=False)


def _extraction_table(results: list[ExtractionResult]) -> str:
    first = results[0]
    lines = [
        f"benchmark   {first.format} ({first.pages} pages)",
        "",
        (
            f"{'system':<12}{'precision':>10}{'recall':>9}{'F1':>8}{'exact':>8}{'refused':>9}"
            f"{'pages/s':>9}"
        ),
    ]
    for r in results:
        lines.append(
            f"{r.system:<12}{r.precision:>10.3f}{r.recall:>9.3f}{r.f1:>8.3f}{r.accuracy:>8.3f}"
            f"{r.refused:>9}{r.items_per_second:>9.1f}"
        )
    return "\n".join(lines)


@eval_group.command("extraction")
@click.option(
    "--data",
    "data_dir",
    type=_DIR,
    required=True,
    help="Folder of the article-extraction benchmark (ground-truth.json, html/) "
    "or of trafilatura's evaluation set (evaldata.json, html/).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N pages (by id).")
@click.option(
    "--system",
    "systems",
    type=click.Choice(SYSTEMS),
    multiple=True,
    help="Systems to run (repeatable); default: all. "
    + "; ".join(f"{k}: {v}" for k, v in SYSTEM_HELP.items()),
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_extraction(
    data_dir: Path, limit: int | None, systems: tuple[str, ...], as_json: bool
) -> None:
    """Score our HTML ingest (and plain trafilatura) on a page-extraction benchmark."""
    kind, pages = read_pages(data_dir, limit)
    settings = Settings()
    chosen = [s for s in SYSTEMS if s in systems] if systems else list(SYSTEMS)
    results = [run_system(s, kind, pages, settings) for s in chosen]
    if as_json:
        ours = results[0]
        payload = {
            "benchmark": kind,
            "pages": ours.pages,
            "system": ours.system,
            "precision": round(ours.precision, 4),
            "recall": round(ours.recall, 4),
            "f1": round(ours.f1, 4),
            "accuracy": round(ours.accuracy, 4),
            "refused": ours.refused,
            "items_per_second": round(ours.items_per_second, 2),
            "systems": [_rounded(asdict(r)) for r in results],
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(_extraction_table(results))


def _rounded(row: dict[str, object]) -> dict[str, object]:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}


def _ranking_table(results: list[RankingResult], files: int, sentences: int) -> str:
    lines = [
        f"files            {files} ({sentences} sentences)",
        "",
        f"{'scorer':<10}{'MAP':>8}{'R-prec':>8}{'P@10':>8}{'MRR':>8}{'sent/s':>9}",
    ]
    for r in results:
        lines.append(
            f"{r.scorer:<10}{r.map:>8.4f}{r.r_precision:>8.4f}{r.p_at_10:>8.4f}{r.mrr:>8.4f}"
            f"{r.items_per_second:>9.0f}"
        )
    return "\n".join(lines)


def _ranking_json(result: RankingResult) -> dict[str, object]:
    return {
        "scorer": result.scorer,
        "map": round(result.map, 4),
        "r_precision": round(result.r_precision, 4),
        "p_at_10": round(result.p_at_10, 4),
        "mrr": round(result.mrr, 4),
        "items_per_second": round(result.items_per_second, 1),
    }


@eval_group.command("checkworthy")
@click.option(
    "--data",
    "data_dir",
    type=_DIR,
    required=True,
    help="Folder of CheckThat!-format debate TSVs or ClaimBuster-format CSVs (searched below).",
)
@click.option(
    "--scorer",
    "scorers",
    type=click.Choice(SCORERS),
    multiple=True,
    help="Scores to rank by (repeatable); default: all. audit: model blended with the "
    "rules, as claims get it; model: the learned model alone; rules: the rule score alone.",
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Check-worthiness model file; default: the one shipped with newsaudit.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_checkworthy(
    data_dir: Path, scorers: tuple[Scorer, ...], model_path: Path | None, as_json: bool
) -> None:
    """Rank each file's sentences by check-worthiness; MAP, R-precision and P@10 over files."""
    files = find_files(data_dir)
    chosen = [s for s in SCORERS if s in scorers] if scorers else list(SCORERS)
    model = load_scorer(model_path) if model_path is not None else load_scorer()
    if model_path is not None and model is None:
        raise ModelError(f"check-worthiness model {model_path} not found; check the path")
    if model is None and not scorers:
        chosen = ["rules"]
    settings = Settings()
    nlp = LanguageModel(settings.spacy_model).nlp
    results = rank_files(files, nlp, chosen, model)
    sentences = sum(len(f.sentences) for f in files)
    if as_json:
        payload: dict[str, object] = {
            "files": len(files),
            "sentences": sentences,
            "positives": sum(f.positives for f in files),
            **_ranking_json(results[0]),
            "scorers": [_ranking_json(r) for r in results],
            "per_file": [asdict(f) for f in results[0].files],
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        click.echo(_ranking_table(results, len(files), sentences))
