"""Hand features of a headline–body pair: similarity (is it related?) and cue words (how?).

A `Featurizer` holds what is fitted on training text (TF-IDF vocabulary and weights, an SVD
topic basis). Bodies and headlines are analysed once and cached; a pair's features are then
cheap vector arithmetic.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]

from ._text import (
    CUE_NAMES,
    bigrams,
    char_grams,
    content_stems,
    cue_counts,
    numbers,
    sentences,
    words,
)

Vector = NDArray[np.float32]
Sparse = Any  # scipy.sparse.csr_matrix: scipy ships no type information
LEAD_SENTENCES = 3
TOP_SENTENCES = 3


@dataclass(frozen=True)
class Analysed:
    """One text (headline or body) reduced to what the pair features need."""

    stems: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    grams: frozenset[str]
    numbers: frozenset[str]
    tfidf: Sparse  # l2-normalised TF-IDF of the whole text, one row
    topic: Vector  # l2-normalised SVD projection
    sent_tfidf: Sparse  # one row per sentence (a single row for a headline)
    sent_topic: Vector
    sent_cues: NDArray[np.float32]  # cue counts per sentence
    sent_tokens: NDArray[np.float32]  # tokens per sentence
    question: bool
    words: dict[int, float]  # cue-vocabulary word -> weight (body: per 100 tokens; headline: 1)


def _normalise(rows: Vector) -> Vector:
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    out: Vector = (rows / np.maximum(norms, 1e-9)).astype(np.float32)
    return out


class Featurizer:
    """Turns (headline, body) pairs into feature rows, caching each analysed text."""

    def __init__(
        self, vocab: Sequence[str], idf: Vector, basis: Vector, words: Sequence[str] = ()
    ) -> None:
        self.words = list(words)  # common, topic-neutral words counted one by one
        self.word_index = {w: i for i, w in enumerate(self.words)}
        self.vocab = list(vocab)
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.idf = idf.astype(np.float32)
        self.basis = basis.astype(np.float32)  # vocabulary x topics
        self._cache: dict[str, Analysed] = {}

    def _sparse(self, part_stems: list[list[str]]) -> Sparse:
        """Sub-linear TF-IDF rows (one per part), l2-normalised, over the vocabulary."""
        data: list[float] = []
        cols: list[int] = []
        ptr = [0]
        for stems in part_stems:
            ids = [i for i in (self.index.get(s) for s in stems) if i is not None]
            uniq, cnt = np.unique(np.array(ids, dtype=np.int64), return_counts=True)
            weights = (1.0 + np.log(cnt)) * self.idf[uniq]
            norm = float(np.linalg.norm(weights)) or 1.0
            data.extend((weights / norm).tolist())
            cols.extend(uniq.tolist())
            ptr.append(len(cols))
        shape = (len(part_stems), len(self.vocab))
        return sparse.csr_matrix(
            (np.array(data, dtype=np.float32), np.array(cols, dtype=np.int64), ptr), shape=shape
        )

    def analyse(self, text: str, split: bool) -> Analysed:
        """Analyse a text once (cached by its content)."""
        key = ("B" if split else "H") + text
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        parts = sentences(text) if split else [text]
        part_tokens = [words(p) for p in parts]
        part_stems = [content_stems(t) for t in part_tokens]
        all_stems = [s for ss in part_stems for s in ss]
        sent_tfidf = self._sparse(part_stems)
        whole = self._sparse([all_stems]) if split else sent_tfidf
        result = Analysed(
            stems=frozenset(all_stems),
            bigrams=frozenset(b for ss in part_stems for b in bigrams(ss)),
            grams=frozenset(char_grams(text)),
            numbers=frozenset(numbers(text)),
            tfidf=whole,
            topic=_normalise(np.asarray(whole @ self.basis, dtype=np.float32)[0]),
            sent_tfidf=sent_tfidf,
            sent_topic=_normalise(np.asarray(sent_tfidf @ self.basis, dtype=np.float32)),
            sent_cues=np.array([cue_counts(t) for t in part_tokens], dtype=np.float32),
            sent_tokens=np.array([max(1, len(t)) for t in part_tokens], dtype=np.float32),
            question="?" in text,
            words=self._word_weights([t for ts in part_tokens for t in ts], per_token=split),
        )
        if len(self._cache) > 20_000:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _word_weights(self, tokens: list[str], per_token: bool) -> dict[int, float]:
        found = Counter(self.word_index[t] for t in tokens if t in self.word_index)
        if not per_token:
            return dict.fromkeys(found, 1.0)
        scale = 100.0 / max(1, len(tokens))
        return {i: n * scale for i, n in found.items()}

    def feature_names(self) -> list[str]:
        """Names of the feature columns, in order."""
        return (
            pair_feature_names()
            + [f"body_word_{w}" for w in self.words]
            + [f"headline_word_{w}" for w in self.words]
        )

    def features(self, headline: str, body: str) -> list[float]:
        """The dense feature row of one pair, in `pair_feature_names()` order."""
        h = self.analyse(headline, split=False)
        b = self.analyse(body, split=True)
        return pair_features(h, b)

    def matrix(self, pairs: Iterable[tuple[str, str]]) -> Sparse:
        """Feature rows of many pairs (sparse: pair features, body words, headline words)."""
        dense: list[list[float]] = []
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        n_words = len(self.words)
        for r, (headline, body) in enumerate(pairs):
            h = self.analyse(headline, split=False)
            b = self.analyse(body, split=True)
            dense.append(pair_features(h, b))
            for i, v in b.words.items():
                rows.append(r)
                cols.append(i)
                vals.append(v)
            for i, v in h.words.items():
                rows.append(r)
                cols.append(n_words + i)
                vals.append(v)
        n_pairs = len(dense)
        left = sparse.csr_matrix(np.array(dense, dtype=np.float32).reshape(n_pairs, -1))
        right = sparse.csr_matrix(
            (np.array(vals, dtype=np.float32), (rows, cols)), shape=(n_pairs, 2 * n_words)
        )
        return sparse.hstack([left, right], format="csr")


def _overlap(part: AbstractSet[Hashable], whole: AbstractSet[Hashable]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def pair_features(h: Analysed, b: Analysed) -> list[float]:
    """Similarity and cue features of an analysed headline against an analysed body."""
    sims = np.asarray((b.sent_tfidf @ h.tfidf.T).todense(), dtype=np.float32).ravel()
    topic_sims = b.sent_topic @ h.topic
    order = np.argsort(-sims, kind="stable")
    top = order[:TOP_SENTENCES]
    lead = slice(0, LEAD_SENTENCES)
    n_sent = len(sims)
    hc = h.sent_cues[0]
    body_tokens = float(b.sent_tokens.sum())
    top_tokens = float(b.sent_tokens[top].sum())
    lead_tokens = float(b.sent_tokens[lead].sum())
    body_cues = b.sent_cues.sum(axis=0)
    top_cues = b.sent_cues[top].sum(axis=0)
    lead_cues = b.sent_cues[lead].sum(axis=0)
    best = int(order[0])
    neg = CUE_NAMES.index("negation")
    feats: list[float] = [
        float((h.tfidf @ b.tfidf.T).sum()),
        float(sims.max()),
        float(np.sort(sims)[-TOP_SENTENCES:].mean()),
        float(sims[lead].max()),
        float(sims.mean()),
        float(h.topic @ b.topic),
        float(topic_sims.max()),
        float(topic_sims[lead].max()),
        _overlap(h.stems, b.stems),
        len(h.stems & b.stems) / max(1, len(h.stems | b.stems)),
        _overlap(h.bigrams, b.bigrams),
        _overlap(h.grams, b.grams),
        float(len(h.numbers)),
        _overlap(h.numbers, b.numbers),
        float(h.sent_tokens[0]),
        math.log1p(body_tokens),
        float(n_sent),
        best / max(1, n_sent - 1),
        float(h.question),
        float((hc[neg] + b.sent_cues[best][neg]) % 2),
    ]
    feats += [float(c) for c in hc]
    feats += [float(c) * 100.0 / body_tokens for c in body_cues]
    feats += [float(c) * 100.0 / max(1.0, top_tokens) for c in top_cues]
    feats += [float(c) * 100.0 / max(1.0, lead_tokens) for c in lead_cues]
    feats += [float(c) for c in b.sent_cues[best]]
    return feats


def pair_feature_names() -> list[str]:
    """Names of the dense pair features, in order."""
    names = [
        "cos_body",
        "cos_best_sentence",
        "cos_top_sentences",
        "cos_lead",
        "cos_mean_sentence",
        "topic_body",
        "topic_best_sentence",
        "topic_lead",
        "stem_overlap",
        "stem_jaccard",
        "bigram_overlap",
        "chargram_overlap",
        "headline_numbers",
        "number_overlap",
        "headline_tokens",
        "log_body_tokens",
        "body_sentences",
        "best_sentence_position",
        "headline_question",
        "negation_parity",
    ]
    for where in ("headline", "body_per100", "top_per100", "lead_per100", "best"):
        names += [f"{where}_{cue}" for cue in CUE_NAMES]
    return names
