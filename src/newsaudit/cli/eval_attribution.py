"""`newsaudit eval attribution`: score the attribution stage on a PolNeAR-format split."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import cast

import click

from ..errors import UsageError
from ..evaluation.attribution_eval import AttributionScores, evaluate
from ..evaluation.polnear import read_split
from ..settings import load_settings
from ..stages.attribution_spans import Method, relation_finder
from ..stages.language import LanguageModel
from .evaluate import eval_group

_ROWS = (
    ("source", "exact", "source_exact"),
    ("source", "overlap", "source_overlap"),
    ("content", "exact", "content_exact"),
    ("content", "overlap", "content_overlap"),
)


def _table(result: AttributionScores) -> str:
    lines = [
        f"articles {result.articles}   gold relations {result.relations}",
        "",
        f"{'span':<9}{'match':<9}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'found':>7}{'hits':>7}",
    ]
    for role, rule, key in _ROWS:
        s = getattr(result, key)
        lines.append(
            f"{role:<9}{rule:<9}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
            f"{s.gold:>7}{s.predicted:>7}{s.matched:>7}"
        )
    lines += ["", f"relations/second {result.relations_per_second:.1f}"]
    return "\n".join(lines)


def _payload(result: AttributionScores, method: str) -> dict[str, object]:
    top = result.source_overlap
    return {
        "precision": round(top.precision, 4),
        "recall": round(top.recall, 4),
        "f1": round(top.f1, 4),
        "items_per_second": round(result.relations_per_second, 1),
        "method": method,
        "articles": result.articles,
        "relations": result.relations,
        "spans": {
            role: {rule: asdict(getattr(result, key)) for r, rule, key in _ROWS if r == role}
            for role in ("source", "content")
        },
    }


@eval_group.command("attribution")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="A PolNeAR-format split folder (text/*.txt and attributions/*.ann).",
)
@click.option(
    "--method",
    type=click.Choice(["audit", "tagger", "rules"]),
    default="audit",
    show_default=True,
    help="What the audit credits (rules, then the learned tagger), or either one alone.",
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Tagger model file; default: the one shipped with newsaudit.",
)
@click.option("--limit", type=int, help="Score only the first N articles (by name).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_attribution(
    data_dir: Path, method: str, model_path: Path | None, limit: int | None, as_json: bool
) -> None:
    """Score attribution source and content spans (exact and overlap P/R/F1) on PolNeAR."""
    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    if model_path is not None and method == "rules":
        raise UsageError("--model goes with --method audit or tagger")
    articles = read_split(data_dir, limit)
    language = LanguageModel(load_settings().spacy_model)
    find = relation_finder(cast(Method, method), model_path)
    result = evaluate(articles, lambda text: find(language.parse(text)))
    if as_json:
        click.echo(json.dumps(_payload(result, method), indent=2))
    else:
        click.echo(_table(result))
