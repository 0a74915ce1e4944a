"""Near-duplicate articles: MinHash signatures of word shingles, candidates from LSH.

Each article's text becomes the set of its 5-word shingles; MinHash (datasketch) estimates
the Jaccard similarity of two sets from 128 hashes, and LSH finds the pairs likely to be
above the threshold without comparing every pair. The candidates are then measured
exactly: Jaccard for "same text", and containment (the share of the shorter text's
shingles found in the longer) for reuse, which survives a copier adding boilerplate or
cutting the last paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import NewsauditError
from .records import StoryArticle

SHINGLE = 5  # words a shingle: long enough that shared shingles mean shared sentences
PERMUTATIONS = 128
LSH_THRESHOLD = 0.3  # candidate Jaccard: low, so that partial copies are still compared
NEAR_DUPLICATE = 0.5  # containment at or above which two articles tell one text
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Overlap:
    """Two articles (indices into the list given) and how much text they share."""

    first: int
    second: int
    jaccard: float
    containment: float


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """The set of `size`-word shingles of a text (lower-cased words; short texts: one)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def overlaps(articles: Sequence[StoryArticle], at_least: float = NEAR_DUPLICATE) -> list[Overlap]:
    """Pairs of articles whose containment is at least `at_least`, by LSH then exactly."""
    try:
        from datasketch import MinHash, MinHashLSH  # imported where used: a heavy import
    except ImportError:
        raise NewsauditError(
            "stories need datasketch, which is not installed: pip install datasketch==2.0.0 "
            "(or reinstall newsaudit)"
        ) from None

    sets = [shingles(a.text) for a in articles]
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    signatures = []
    for index, shingle_set in enumerate(sets):
        signature = MinHash(num_perm=PERMUTATIONS, seed=1)
        signature.update_batch([s.encode("utf-8") for s in shingle_set])
        signatures.append(signature)
        if shingle_set:
            lsh.insert(index, signature)
    found: list[Overlap] = []
    for index, signature in enumerate(signatures):
        if not sets[index]:
            continue
        for other in lsh.query(signature):
            if other <= index:
                continue  # each pair once, never an article with itself
            overlap = measure(sets[index], sets[other])
            if overlap[1] >= at_least:
                found.append(Overlap(index, int(other), *overlap))
    return sorted(found, key=lambda o: (o.first, o.second))


def measure(first: frozenset[str], second: frozenset[str]) -> tuple[float, float]:
    """Exact (Jaccard, containment) of two shingle sets."""
    if not first or not second:
        return 0.0, 0.0
    shared = len(first & second)
    return shared / len(first | second), shared / min(len(first), len(second))
