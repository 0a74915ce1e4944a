"""Score attribution relations against PolNeAR: source and content spans, exact and overlap.

A predicted span matches a gold span of the same role
    exactly      when both cover the same characters once spaces and punctuation at their
                 edges are trimmed (a closing quote or full stop is not a different span);
    by overlap   when they share at least one character.
Matching is one to one: a gold span is credited to at most one predicted span, so splitting
one source into two pieces earns one hit, not two. Precision is matches over predicted
spans, recall matches over gold spans, both summed over every article of the split.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..stages.attribution_spans import SpanRelation
from .polnear import PolnearArticle, Span

_EDGE = set(" \t\r\n.,;:!?\"'“”‘’()[]—–-")
Extractor = Callable[[str], Sequence[SpanRelation]]


@dataclass(frozen=True)
class SpanScores:
    """Precision, recall and F1 of one role under one matching rule, with the counts."""

    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    matched: int


@dataclass(frozen=True)
class AttributionScores:
    """The four span scores of one evaluation run and how fast it ran."""

    source_exact: SpanScores
    source_overlap: SpanScores
    content_exact: SpanScores
    content_overlap: SpanScores
    articles: int
    relations: int
    seconds: float

    @property
    def relations_per_second(self) -> float:
        """Gold relations covered per second of extraction (parsing included)."""
        return self.relations / max(self.seconds, 1e-9)


def scores(gold: int, predicted: int, matched: int) -> SpanScores:
    """Precision, recall and F1 from counts (0.0 where a ratio has nothing to divide)."""
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScores(precision, recall, f1, gold, predicted, matched)


def trimmed(span: Span, text: str) -> tuple[tuple[int, int], ...]:
    """The span's fragments with spaces and punctuation at each edge trimmed away."""
    out = []
    for start, end in span.fragments:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if start < end:
            out.append((start, end))
    return tuple(out)


def count_exact(gold: Sequence[Span], predicted: Sequence[Span], text: str) -> int:
    """How many predicted spans equal a distinct gold span (edges trimmed)."""
    left = Counter(trimmed(s, text) for s in gold)
    right = Counter(trimmed(s, text) for s in predicted)
    return sum((left & right).values())


def count_overlap(gold: Sequence[Span], predicted: Sequence[Span]) -> int:
    """How many predicted spans share characters with a distinct gold span (one to one)."""
    used: set[int] = set()
    matched = 0
    for guess in sorted(predicted, key=lambda s: s.fragments):
        for index, truth in enumerate(gold):
            if index not in used and guess.overlaps(truth):
                used.add(index)
                matched += 1
                break
    return matched


def predicted_spans(relations: Sequence[SpanRelation]) -> dict[str, tuple[Span, ...]]:
    """The distinct source and content spans of predicted relations, as `Span`s."""
    found: dict[str, set[tuple[int, int]]] = {"source": set(), "content": set()}
    for relation in relations:
        if relation.source is not None:
            found["source"].add(relation.source)
        if relation.content is not None:
            found["content"].add(relation.content)
    return {role: tuple(Span((pair,)) for pair in sorted(pairs)) for role, pairs in found.items()}


def evaluate(articles: Sequence[PolnearArticle], extract: Extractor) -> AttributionScores:
    """Run `extract` over each article's text and score its spans against the gold ones."""
    counts = {key: [0, 0, 0] for key in ("se", "so", "ce", "co")}
    seconds = 0.0
    for article in articles:
        started = time.perf_counter()
        relations = extract(article.text)
        seconds += time.perf_counter() - started
        guessed = predicted_spans(relations)
        for role, short in (("source", "s"), ("content", "c")):
            gold, guess = article.spans[role], guessed[role]
            for rule, matched in (
                ("e", count_exact(gold, guess, article.text)),
                ("o", count_overlap(gold, guess)),
            ):
                row = counts[short + rule]
                row[0] += len(gold)
                row[1] += len(guess)
                row[2] += matched
    return AttributionScores(
        source_exact=scores(*counts["se"]),
        source_overlap=scores(*counts["so"]),
        content_exact=scores(*counts["ce"]),
        content_overlap=scores(*counts["co"]),
        articles=len(articles),
        relations=sum(len(a.relations) for a in articles),
        seconds=seconds,
    )
