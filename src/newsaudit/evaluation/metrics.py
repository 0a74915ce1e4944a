"""The benchmarks' own measures, written from their descriptions.

Extraction (article-extraction-benchmark): word 4-gram shingles of gold and output are
compared as multisets per page; precision and recall are means over pages, F1 is the
harmonic mean of the two means. Extraction (trafilatura's set): must-contain and
must-not-contain snippets are counted over all pages. Check-worthiness (CLEF CheckThat!):
average precision per ranked file, R-precision and P@k, means over files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
SHINGLE = 4
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class PageCounts:
    """Shingle counts of one page: shared (tp), only in the output (fp), only in gold (fn)."""

    tp: int
    fp: int
    fn: int
    exact: bool


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 (and the share of pages extracted exactly, when defined)."""

    precision: float
    recall: float
    f1: float
    accuracy: float


def harmonic(precision: float, recall: float) -> float:
    """F1: the harmonic mean of precision and recall (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total > 0 else 0.0


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of word `size`-grams of a text (one shingle when it is shorter)."""
    words = _WORD.findall(text)
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def page_counts(gold: str, output: str) -> PageCounts:
    """Compare one page's output with its gold text, shingle by shingle."""
    expected, found = shingles(gold), shingles(output)
    tp = sum((expected & found).values())
    return PageCounts(
        tp=tp,
        fp=sum(found.values()) - tp,
        fn=sum(expected.values()) - tp,
        exact=_WORD.findall(gold) == _WORD.findall(output),
    )


def page_precision_recall(counts: PageCounts) -> tuple[float | None, float | None]:
    """One page's precision and recall; None where undefined (nothing output / no gold)."""
    if counts.fp == 0 and counts.fn == 0:
        return 1.0, 1.0
    precision = counts.tp / (counts.tp + counts.fp) if counts.tp + counts.fp else None
    recall = counts.tp / (counts.tp + counts.fn) if counts.tp + counts.fn else None
    return precision, recall


def shingle_scores(pages: Sequence[PageCounts]) -> Scores:
    """Benchmark scores over pages: mean precision, mean recall, F1 of the means, accuracy."""
    if not pages:
        return Scores(0.0, 0.0, 0.0, 0.0)
    pairs = [page_precision_recall(p) for p in pages]
    precisions = [p for p, _ in pairs if p is not None]
    recalls = [r for _, r in pairs if r is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    accuracy = sum(p.exact for p in pages) / len(pages)
    return Scores(precision, recall, harmonic(precision, recall), accuracy)


@dataclass(frozen=True)
class SnippetCounts:
    """Snippet outcomes of one page: wanted found (tp) or missed (fn), unwanted found (fp) or not."""

    tp: int
    fn: int
    fp: int
    tn: int


def normalise_space(text: str) -> str:
    """Runs of whitespace as one space, ends stripped (how snippets are matched)."""
    return _SPACE.sub(" ", text).strip()


def snippet_counts(output: str, wanted: Iterable[str], unwanted: Iterable[str]) -> SnippetCounts:
    """Count which must-contain and must-not-contain snippets appear in one page's output."""
    text = normalise_space(output)
    found_wanted = [normalise_space(s) in text for s in wanted]
    found_unwanted = [normalise_space(s) in text for s in unwanted]
    return SnippetCounts(
        tp=sum(found_wanted),
        fn=len(found_wanted) - sum(found_wanted),
        fp=sum(found_unwanted),
        tn=len(found_unwanted) - sum(found_unwanted),
    )


def snippet_scores(pages: Sequence[SnippetCounts]) -> Scores:
    """Snippet scores summed over pages: precision, recall, F1 and accuracy."""
    tp = sum(p.tp for p in pages)
    fn = sum(p.fn for p in pages)
    fp = sum(p.fp for p in pages)
    tn = sum(p.tn for p in pages)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fn + fp + tn
    return Scores(
        precision, recall, harmonic(precision, recall), (tp + tn) / total if total else 0.0
    )


def ranked_labels(scores: Sequence[float], labels: Sequence[int]) -> list[int]:
    """Labels in order of descending score; ties keep the original (document) order."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return [labels[i] for i in order]


def average_precision(ranked: Sequence[int]) -> float:
    """Average precision of a ranked list of 0/1 labels (0 when it holds no positive)."""
    hits = 0
    total = 0.0
    for rank, label in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def precision_at(ranked: Sequence[int], k: int) -> float:
    """Share of positives among the first `k` ranks (a list shorter than k counts as k)."""
    return sum(ranked[:k]) / k if k > 0 else 0.0


def r_precision(ranked: Sequence[int]) -> float:
    """Precision at R, where R is the number of positives in the list."""
    positives = sum(ranked)
    return precision_at(ranked, positives) if positives else 0.0


def reciprocal_rank(ranked: Sequence[int]) -> float:
    """1 / the rank of the first positive (0 when there is none)."""
    return next((1.0 / rank for rank, label in enumerate(ranked, start=1) if label), 0.0)
