"""Claim-level similarity: do two articles report the same event in their own words?

Each article becomes a TF-IDF vector over its title, its claims and the names in them
(people, places, organisations, each also kept whole as one term). Two articles about the
same event share its rare words, the names and places above all, whatever their wording;
the cosine of their vectors measures it. IDF is computed over the articles being
clustered, so a word every article uses ("said") counts for little. Rows are compared in
blocks, so memory stays at one block by all articles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from .records import StoryArticle

SAME_EVENT = 0.25  # cosine at or above which two articles are taken to tell one event
BLOCK = 512  # rows compared at a time
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOPWORD_TEXT = (
    "a an the and or but if of at by for with about against between into through during "
    "before after above below to from up down in out on off over under again further then "
    "once here there when where why how all any both each few more most other some such no "
    "nor not only own same so than too very can will just should now is are was were be been "
    "being have has had having do does did it its this that these those i me my we our you "
    "your he him his she her they them their what which who whom as would could also said "
    "says told according one two three new last first year years people time"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def terms(article: StoryArticle) -> list[str]:
    """The article's terms: content words of its title and claims, and its names whole."""
    text = " ".join((article.title, *article.claim_texts))
    words = [w.lower() for w in _WORD.findall(text)]
    names = ["name:" + " ".join(e.lower().split()) for e in article.entities if e.strip()]
    return [w for w in words if len(w) > 2 and w not in _STOPWORDS] + names


def tfidf(articles: Sequence[StoryArticle]) -> Any:
    """Unit-length TF-IDF rows (sublinear term frequency, smoothed IDF), one per article."""
    bags = [Counter(terms(a)) for a in articles]
    vocabulary: dict[str, int] = {}
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
        for term in bag:
            vocabulary.setdefault(term, len(vocabulary))
    n = len(articles)
    rows, cols, values = [], [], []
    for row, bag in enumerate(bags):
        for term, count in bag.items():
            idf = math.log((1 + n) / (1 + document_frequency[term])) + 1.0
            rows.append(row)
            cols.append(vocabulary[term])
            values.append((1.0 + math.log(count)) * idf)
    matrix = sparse.csr_matrix(
        (np.array(values, dtype=np.float64), (rows, cols)), shape=(n, max(len(vocabulary), 1))
    )
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scaled = sparse.diags(1.0 / norms) @ matrix
    return scaled.tocsr()


def similar_pairs(
    articles: Sequence[StoryArticle], at_least: float = SAME_EVENT
) -> list[tuple[int, int, float]]:
    """Pairs (i < j) of articles whose claim-level cosine is at least `at_least`."""
    if len(articles) < 2:
        return []
    matrix = tfidf(articles)
    transposed = matrix.T.tocsc()
    pairs: list[tuple[int, int, float]] = []
    for start in range(0, matrix.shape[0], BLOCK):
        block = (matrix[start : start + BLOCK] @ transposed).toarray()
        for offset, other in zip(*np.nonzero(block >= at_least), strict=True):
            row = start + int(offset)
            if row < int(other):
                pairs.append((row, int(other), float(block[offset, other])))
    return pairs
