"""Experiment: find the swapped word of a COVID-Fact counter-claim (tried, not shipped).

COVID-Fact makes its counter-claims by swapping one word of a true claim ("inhibit" →
"induce", "SARS-CoV-2" → "chs-cov-2"). This experiment learns, token by token, which word
of a claim was swapped, then judges a claim by its most suspicious word:

1. Training labels come from minimal pairs of the train split: a counter-claim and the
   claim it was made from share their evidence and differ in one stretch of words; those
   words are the positives, every other word of both claims a negative.
2. A LightGBM model scores each claim word from 22 features: whether the evidence has the
   word, its stem, a near spelling, its neighbours, a different word between the same
   neighbours, an antonym; how often the word occurs in the train split's evidence (a
   swapped-in word is often rare there); its length, position and part of the claim.
3. A second LightGBM model judges the claim from its highest word scores (taken from
   models that did not see the claim's group) and the entailment model's lexical features.

    .venv/bin/python scripts/experiments/swap_detector.py ../shared/data/covidfact/covidfact-dev.jsonl

With `--align`, each word also gets how well MiniLM's token states match it in the
evidence (`Aligner`). It prints the word model's ROC AUC on the dev split's minimal pairs and the claim accuracy
at the best threshold beside the majority class. Results are in docs/benchmarks.md
("Claim–evidence entailment", what was tried).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import itertools
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from newsaudit.verify.data import Item, dev_split, read_covidfact
from newsaudit.verify.features import (
    ANTONYMS,
    STOPWORDS,
    WORD_PATTERN,
    _similarity,
    _trigrams,
    lexical_features,
    tokens,
)
from newsaudit.verify.model import import_lightgbm

PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 20,
    "feature_fraction": 0.8,
    "verbose": -1,
    "num_threads": 1,
    "seed": 13,
}


def evidence_of(item: Item) -> str:
    return " ".join(item.evidence)


class Aligner:
    """How well each claim word is matched in the evidence, read from MiniLM's token states.

    For each word piece of the claim, the best cosine to any piece of the evidence (each
    text encoded on its own, as BERTScore does); a word gets its worst piece's value.
    """

    def __init__(self) -> None:
        from newsaudit.embed import load_embedder

        self.embedder = load_embedder()
        self._states: dict[str, tuple[np.ndarray, list[tuple[int, int]]]] = {}

    def _encode(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
        found = self._states.get(text)
        if found is None:
            encoding = self.embedder._tokenizer.encode(text)
            ids = np.array([encoding.ids])
            mask = np.ones(ids.shape, dtype=np.float32)
            x = self.embedder._token_states(ids, mask)[0][1:-1]  # [CLS] and [SEP] left out
            x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
            found = self._states[text] = (x, encoding.offsets[1:-1])
        return found

    def words(self, claim: str, evidence: str) -> list[float]:
        x, offsets = self._encode(claim)
        y, _ = self._encode(evidence)
        best = (x @ y.T).max(axis=1) if len(x) and len(y) else np.zeros(len(x))
        out = []
        for m in WORD_PATTERN.finditer(claim):
            pieces = [
                float(best[i])
                for i, (a, b) in enumerate(offsets)
                if b > a >= m.start() and b <= m.end()
            ]
            out.append(min(pieces, default=1.0))
        return out


def word_rows(
    claim: str, evidence: str, counts: Counter[str], aligner: Aligner | None = None
) -> tuple[list[str], np.ndarray]:
    """The claim's lower-cased words and one feature row for each."""
    raw = WORD_PATTERN.findall(claim)
    c = [t.lower() for t in raw]
    e = tokens(evidence)
    e_set, stems = set(e), {t[:5] for t in e}
    bigrams = set(itertools.pairwise(e))
    slots: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i in range(1, len(e) - 1):
        slots[(e[i - 1], e[i + 1])].add(e[i])
    after: dict[str, set[str]] = defaultdict(set)
    before: dict[str, set[str]] = defaultdict(set)
    for a, b in itertools.pairwise(e):
        after[a].add(b)
        before[b].add(a)
    grams = [_trigrams(t) for t in e_set if t not in STOPWORDS]
    content = [t for t in c if t not in STOPWORDS]
    absent_share = sum(t not in e_set for t in content) / max(len(content), 1)

    def frequency(word: str) -> float:
        return math.log1p(counts.get(word, 0))

    rows = []
    for i, t in enumerate(c):
        parts = [p for p in re.split(r"[-.,']", t) if p]
        left = c[i - 1] if i > 0 else None
        right = c[i + 1] if i + 1 < len(c) else None
        near = (
            1.0 if t in e_set else max((_similarity(_trigrams(t), g) for g in grams), default=0.0)
        )
        slot = slots.get((left, right), set()) if left and right else set()
        rows.append(
            [
                t in e_set,
                t[:5] in stems,
                near,
                t in STOPWORDS,
                t[:1].isdigit(),
                i > 0 and raw[i][:1].isupper(),
                frequency(t),
                min((frequency(p) for p in parts), default=0.0),
                sum(p not in e_set for p in parts),
                len(t),
                i / len(c),
                (left in e_set) if left else -1,
                (right in e_set) if right else -1,
                ((left, t) in bigrams) if left else -1,
                ((t, right) in bigrams) if right else -1,
                (bool(slot) and t not in slot) if left and right else -1,
                (bool(after.get(left)) and t not in after[left]) if left else -1,
                (bool(before.get(right)) and t not in before[right]) if right else -1,
                bool(ANTONYMS.get(t, frozenset()) & e_set),
                e.count(t),
                absent_share,
                len(content),
            ]
        )
    x = np.array(rows, dtype=np.float32).reshape(len(c), 22)
    if aligner is not None:
        x = np.hstack([x, np.array(aligner.words(claim, evidence), dtype=np.float32)[:, None]])
    return c, x


def labelled_words(
    items: Sequence[Item], counts: Counter[str], aligner: Aligner | None
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Word rows of every claim whose label is known word by word, with their groups."""
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[item.group].append(item)
    rows, labels, group_of = [], [], []
    for group, members in groups.items():
        originals = [m for m in members if m.label == "supports"]
        for item in members:
            words, x = word_rows(item.claim, evidence_of(item), counts, aligner)
            swapped = np.zeros(len(words))
            if item.label == "refutes":
                span = _swapped_span(item, originals)
                if span is None:
                    continue
                swapped[span[0] : span[1]] = 1
            rows.append(x)
            labels.append(swapped)
            group_of += [group] * len(words)
    return np.vstack(rows), np.concatenate(labels), group_of


def _swapped_span(item: Item, originals: Sequence[Item]) -> tuple[int, int] | None:
    """Which of the counter-claim's words replace words of the claim it was made from."""
    words = tokens(item.claim)
    for original in originals:
        if original.evidence != item.evidence:
            continue
        source = tokens(original.claim)
        matcher = difflib.SequenceMatcher(a=source, b=words, autojunk=False)
        edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        if len(edits) == 1 and edits[0][4] > edits[0][3]:
            return edits[0][3], edits[0][4]
    return None


def fold_of(group: str, folds: int = 5) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) % folds


def claim_row(
    item: Item, word_model: Any, counts: Counter[str], aligner: Aligner | None
) -> list[float]:
    _, x = word_rows(item.claim, evidence_of(item), counts, aligner)
    scores = np.sort(word_model.predict(x))[::-1]
    top = [float(scores[0]), float(scores[1]) if len(scores) > 1 else 0.0]
    return [*top, float(scores.sum()), float((scores > 0.5).sum())] + lexical_features(
        item.claim, evidence_of(item)
    )


def auc(gold: np.ndarray, score: np.ndarray) -> float:
    order = np.argsort(score)
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    positives = gold.sum()
    negatives = len(gold) - positives
    return float(
        (ranks[gold == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("covidfact", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--align", action="store_true", help="add each word's MiniLM alignment to the evidence"
    )
    args = parser.parse_args()
    aligner = Aligner() if args.align else None
    lgb = import_lightgbm()
    train, dev = dev_split(read_covidfact(args.covidfact), args.seed)
    counts: Counter[str] = Counter()
    for text in {evidence_of(i) for i in train}:
        counts.update(tokens(text))
    x, y, groups = labelled_words(train, counts, aligner)
    folds = np.array([fold_of(g) for g in groups])
    word_model = lgb.train(PARAMS, lgb.Dataset(x, y), 300)
    held_out = [lgb.train(PARAMS, lgb.Dataset(x[folds != k], y[folds != k]), 300) for k in range(5)]
    dev_x, dev_y, _ = labelled_words(dev, counts, aligner)
    print(f"word model: ROC AUC {auc(dev_y, word_model.predict(dev_x)):.3f} on dev words")

    train_x = np.array([claim_row(i, held_out[fold_of(i.group)], counts, aligner) for i in train])
    train_y = np.array([i.label == "refutes" for i in train])
    test_x = np.array([claim_row(i, word_model, counts, aligner) for i in dev])
    test_y = np.array([i.label == "refutes" for i in dev])
    claim_model = lgb.train({**PARAMS, "num_leaves": 15}, lgb.Dataset(train_x, train_y), 200)
    p = claim_model.predict(test_x)
    accuracy, threshold = max(
        (float(((p > t) == test_y).mean()), float(t)) for t in np.arange(0.2, 0.8, 0.05)
    )
    print(
        f"claims: accuracy {float(((p > 0.5) == test_y).mean()):.3f} at 0.5, "
        f"{accuracy:.3f} at {threshold:.2f}; majority class {test_y.mean():.3f} ({len(dev)} claims)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
