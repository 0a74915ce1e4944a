"""Check-worthiness as ranking: score each file's sentences, rank them, measure as CheckThat!.

1. read the files (checkworthy_data.py): a debate per TSV, a list per ClaimBuster CSV
2. parse every sentence once (spaCy, as the audit does)
3. score each sentence with the chosen scorer: ``rules`` (the hand-set rule score),
   ``model`` (the learned model's probability) or ``audit`` (their blend, as claims get it)
4. rank each file by score (ties in file order) and average over files: MAP (the official
   measure), R-precision, P@10, reciprocal rank
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import ModelError
from ..learn.checkworthy import LinearScorer
from ..model import NO_ATTRIBUTION, ClaimKind, Entity
from ..stages.checkworthy import blend, rule_score
from ..stages.hedging import claim_kind, find_hedges
from ..stages.quantities import find_quantities
from .checkworthy_data import RankedFile
from .metrics import average_precision, precision_at, r_precision, ranked_labels, reciprocal_rank

Scorer = Literal["audit", "model", "rules"]
SCORERS: tuple[Scorer, ...] = ("audit", "model", "rules")


@dataclass(frozen=True)
class FileScores:
    """The ranking measures of one file."""

    name: str
    sentences: int
    positives: int
    average_precision: float
    r_precision: float
    p_at_10: float
    reciprocal_rank: float


@dataclass(frozen=True)
class RankingResult:
    """Means over files of the ranking measures, with the per-file figures."""

    scorer: Scorer
    files: tuple[FileScores, ...]
    map: float
    r_precision: float
    p_at_10: float
    mrr: float
    items_per_second: float


def rules_of(tokens: Sequence[Any], doc: Any) -> tuple[float, ClaimKind]:
    """The rule score and kind of a sentence parsed on its own (no attribution looked for)."""
    words = list(tokens)
    hedges = find_hedges(words)
    quantities = find_quantities(doc.text, 0, words)
    entities = tuple(Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents)
    kind = claim_kind(words, hedges, bool(quantities))
    return rule_score(words, kind, NO_ATTRIBUTION, quantities, entities), kind


def sentence_scorer(scorer: Scorer, model: LinearScorer | None) -> Callable[[Any], float]:
    """A function from a parsed sentence (a spaCy Doc) to its score."""
    if scorer != "rules" and model is None:
        raise ModelError(
            f"the {scorer!r} scorer needs a check-worthiness model; train one with "
            "`newsaudit train checkworthy` or pass --scorer rules"
        )
    if scorer == "rules":
        return lambda doc: rules_of(list(doc), doc)[0]
    assert model is not None
    if scorer == "model":
        return lambda doc: model.decision(list(doc))
    return lambda doc: _audit_score(doc, model)


def _audit_score(doc: Any, model: LinearScorer) -> float:
    rules, kind = rules_of(list(doc), doc)
    return blend(rules, model.percentile(list(doc)), kind)


def score_file(name: str, labels: Sequence[int], scores: Sequence[float]) -> FileScores:
    """Rank one file's sentences by score and measure the ranking."""
    ranked = ranked_labels(scores, labels)
    return FileScores(
        name=name,
        sentences=len(labels),
        positives=sum(labels),
        average_precision=average_precision(ranked),
        r_precision=r_precision(ranked),
        p_at_10=precision_at(ranked, 10),
        reciprocal_rank=reciprocal_rank(ranked),
    )


def summarise(scorer: Scorer, files: Sequence[FileScores], seconds: float) -> RankingResult:
    """Means over files (files without a positive still count, with AP 0, as in CheckThat!)."""
    count = max(len(files), 1)
    return RankingResult(
        scorer=scorer,
        files=tuple(files),
        map=sum(f.average_precision for f in files) / count,
        r_precision=sum(f.r_precision for f in files) / count,
        p_at_10=sum(f.p_at_10 for f in files) / count,
        mrr=sum(f.reciprocal_rank for f in files) / count,
        items_per_second=sum(f.sentences for f in files) / max(seconds, 1e-9),
    )


def rank_files(
    files: Sequence[RankedFile], nlp: Any, scorers: Sequence[Scorer], model: LinearScorer | None
) -> list[RankingResult]:
    """Parse each file once and measure every scorer's ranking; timings include the parse."""
    functions = {s: sentence_scorer(s, model) for s in scorers}
    per_file: dict[Scorer, list[FileScores]] = {s: [] for s in scorers}
    seconds: dict[Scorer, float] = {s: 0.0 for s in scorers}
    for f in files:
        started = time.perf_counter()
        docs = list(nlp.pipe([s.text for s in f.sentences], batch_size=256))
        parse = time.perf_counter() - started
        labels = [s.label for s in f.sentences]
        for s in scorers:
            started = time.perf_counter()
            scores = [functions[s](doc) for doc in docs]
            seconds[s] += parse + time.perf_counter() - started
            per_file[s].append(score_file(f.name, labels, scores))
    return [summarise(s, per_file[s], seconds[s]) for s in scorers]
