"""Train the attribution tagger on a PolNeAR split: gold spans become token tags, then a CRF.

A token takes the role of the gold span its first character falls in (B- where a new span
starts, I- inside one, O elsewhere); the sequences and features are the tagger's own
(`stages.attribution_tagger`), so training and tagging cannot drift apart. CRFsuite trains
with L-BFGS and an L1 penalty, which keeps the model file small; one thread, seeded data
order, so the same data and settings give the same model.
"""

from __future__ import annotations

import lzma
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError
from ..evaluation.polnear import ROLES, PolnearArticle
from ..stages.attribution_tagger import ROLE_TAGS, features, paragraphs

Sequence_ = tuple[list[list[str]], list[str]]


@dataclass(frozen=True)
class TaggerConfig:
    """How the CRF is trained."""

    c1: float = 1.0
    c2: float = 0.01
    iterations: int = 200
    min_freq: int = 2


def gold_tags(article: PolnearArticle, run: Sequence[Any]) -> list[str]:
    """The BIO tag of each token of one paragraph, from the article's gold spans."""
    role_at: dict[int, tuple[str, int]] = {}
    number = 0
    for role in ROLES:
        for span in article.spans[role]:
            number += 1
            for start, end in span.fragments:
                for char in range(start, end):
                    role_at[char] = (ROLE_TAGS[role], number)
    tags, previous = [], -1
    for token in run:
        found = role_at.get(token.idx)
        if found is None:
            tags.append("O")
            previous = -1
            continue
        tag, span_id = found
        tags.append(("I-" if span_id == previous else "B-") + tag)
        previous = span_id
    return tags


def sequences(
    articles: Sequence[PolnearArticle], parse: Callable[[list[str]], Iterator[Any]]
) -> Iterator[Sequence_]:
    """(features, gold tags) of every paragraph of every article."""
    for article, doc in zip(articles, parse([a.text for a in articles]), strict=True):
        for run in paragraphs(doc):
            yield features(run), gold_tags(article, run)


def train_tagger(
    data: Iterator[Sequence_],
    out: Path,
    config: TaggerConfig,
    progress: Callable[[str], None] = lambda _: None,
) -> int:
    """Train the CRF on (features, tags) sequences, write it to `out` (xz if it ends .xz)."""
    import pycrfsuite  # type: ignore[import-untyped]  # no stubs published

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(
        {
            "c1": config.c1,
            "c2": config.c2,
            "max_iterations": config.iterations,
            "feature.minfreq": config.min_freq,
            "feature.possible_transitions": True,
        }
    )
    count = 0
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
        count += 1
        if count % 2000 == 0:
            progress(f"featurised {count} paragraphs")
    if not count:
        raise ModelError("no training paragraphs; pass a PolNeAR split with articles")
    progress(f"training the CRF on {count} paragraphs")
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix != ".xz":
        trainer.train(str(out))
        return count
    # "model.crfsuite.xz": train to the plain file beside it, then compress it in place
    plain = out.with_suffix("")
    trainer.train(str(plain))
    out.write_bytes(lzma.compress(plain.read_bytes(), preset=9))
    plain.unlink()
    return count
