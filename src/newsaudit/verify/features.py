"""Features of a (claim, evidence) pair: sentence-embedding geometry and lexical mismatch.

Counter-claims are often the true claim with one salient word swapped (a number, a name,
a verb turned to its opposite), so the strongest lexical signals are the claim's words
the evidence lacks — especially a lacking word that sits between two words the evidence
does have in the same order (a substitution), a number the evidence states differently,
and a word whose antonym the evidence uses. The embeddings carry topic and paraphrase.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

# A word or number, with inner hyphens, dots, commas and apostrophes kept ("sars-cov-2").
WORD_PATTERN = re.compile(r"[A-Za-z0-9]+(?:[-.,'][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"^\d[\d,.]*$")

_STOPWORDS = """a an the of to in on at for by with from as and or but if than then that this these
    those is are was were be been being it its it's he she they we you i his her their our
    your my me him them us what which who whom whose when where why how all any both each
    few more most other some such only own same so too very can will just should would could
    may might must shall do does did has have had having about into through during before
    after above below up down out off over under again further once here there s t"""
STOPWORDS = frozenset(_STOPWORDS.split())
_NEGATIONS = """not no never none nothing nobody neither nor cannot without n't lack lacks
    lacking false fake hoax myth unproven untrue denied denies deny"""
NEGATIONS = frozenset(_NEGATIONS.split())
# Pairs of opposites counter-claims swap; both directions are looked up.
_ANTONYMS = """increase:decrease increases:decreases increased:decreased rise:fall rises:falls
    rising:falling rose:fell more:less more:fewer higher:lower high:low larger:smaller
    large:small bigger:smaller big:small up:down gain:loss gains:losses positive:negative
    effective:ineffective safe:unsafe safe:dangerous likely:unlikely able:unable strong:weak
    stronger:weaker reduce:increase reduces:increases reduced:increased lowers:raises
    lower:raise prevent:cause prevents:causes inhibit:promote helps:hurts help:hurt
    warming:cooling warmer:cooler hot:cold before:after early:late earlier:later first:last
    win:lose won:lost accept:reject accepted:rejected approve:reject approved:rejected
    allow:ban allowed:banned open:closed survive:die alive:dead true:false always:never
    all:none many:few most:least best:worst better:worse good:bad slow:fast slower:faster
    expand:shrink growth:decline grow:shrink agree:disagree support:oppose supports:opposes
    benefit:harm benefits:harms present:absent include:exclude with:without male:female
    men:women children:adults old:young older:younger"""
ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in (pair.split(":") for pair in _ANTONYMS.split()):
    ANTONYMS[_a] = ANTONYMS.get(_a, frozenset()) | {_b}
    ANTONYMS[_b] = ANTONYMS.get(_b, frozenset()) | {_a}

LEXICAL_NAMES = (
    "claim_tokens",
    "evidence_tokens",
    "content_tokens",
    "absent_share",
    "absent_count",
    "absent_stem_share",
    "absent_capitalised",
    "claim_numbers",
    "absent_numbers",
    "evidence_numbers",
    "number_mismatch",
    "substitutions",
    "left_substitutions",
    "absent_nearest_similarity",
    "absent_near_miss",
    "bigram_share",
    "trigram_share",
    "claim_negations",
    "evidence_negations",
    "negation_mismatch",
    "antonym_hits",
    "longest_run_share",
)


def tokens(text: str) -> list[str]:
    """Word and number tokens, lower-cased (numbers keep their separators)."""
    return [t.lower() for t in WORD_PATTERN.findall(text)]


def _number(token: str) -> str | None:
    if not _NUMBER.match(token):
        return None
    return token.replace(",", "").rstrip(".")


def _trigrams(word: str) -> set[str]:
    padded = f"#{word}#"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _longest_run(claim: list[str], evidence: list[str]) -> int:
    """Longest run of claim tokens found contiguously in the evidence (dynamic programming)."""
    best = 0
    previous = [0] * (len(evidence) + 1)
    for c in claim:
        current = [0] * (len(evidence) + 1)
        for j, e in enumerate(evidence, start=1):
            if c == e:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def lexical_features(claim: str, evidence: str) -> list[float]:
    """The `LEXICAL_NAMES` features of one pair."""
    raw_claim = WORD_PATTERN.findall(claim)
    c = [t.lower() for t in raw_claim]
    e = tokens(evidence)
    e_set = set(e)
    e_stems = {t[:5] for t in e}
    content = [t for t in c if t not in STOPWORDS]
    absent = [t for t in content if t not in e_set]
    # Capitalised words after the first position: names a counter-claim may swap.
    capitalised = {w.lower() for w in raw_claim[1:] if w[:1].isupper()}
    c_numbers = {n for t in c if (n := _number(t))}
    e_numbers = {n for t in e if (n := _number(t))}
    absent_numbers = c_numbers - e_numbers
    contexts = {(e[i - 1], e[i + 1]): e[i] for i in range(1, len(e) - 1)}
    lefts: dict[str, set[str]] = {}
    for i in range(len(e) - 1):
        lefts.setdefault(e[i], set()).add(e[i + 1])
    substitutions = sum(
        1
        for i in range(1, len(c) - 1)
        if c[i] not in e_set and contexts.get((c[i - 1], c[i + 1]), c[i]) != c[i]
    )
    left_subs = sum(
        1
        for i in range(1, len(c))
        if c[i] in absent and c[i - 1] in lefts and c[i - 1] not in STOPWORDS
    )
    e_grams = [_trigrams(t) for t in e_set if t not in STOPWORDS]
    nearest = [max((_similarity(_trigrams(t), g) for g in e_grams), default=0.0) for t in absent]
    c_bigrams = list(itertools.pairwise(c))
    e_bigrams = set(itertools.pairwise(e))
    c_trigrams = list(zip(c, c[1:], c[2:]))
    e_trigrams = set(zip(e, e[1:], e[2:]))
    c_neg = sum(1 for t in c if t in NEGATIONS or t.endswith("n't"))
    e_neg = sum(1 for t in e if t in NEGATIONS or t.endswith("n't"))
    antonyms = sum(1 for t in c if t not in e_set and ANTONYMS.get(t, frozenset()) & e_set)
    n_content = max(len(content), 1)
    return [
        float(len(c)),
        float(len(e)),
        float(len(content)),
        len(absent) / n_content,
        float(len(absent)),
        sum(1 for t in content if t[:5] not in e_stems) / n_content,
        float(len(capitalised & set(absent))),
        float(len(c_numbers)),
        float(len(absent_numbers)),
        float(len(e_numbers)),
        float(bool(absent_numbers) and bool(e_numbers)),
        float(substitutions),
        float(left_subs),
        max(nearest, default=0.0),
        float(sum(1 for s in nearest if s >= 0.4)),
        sum(1 for b in c_bigrams if b in e_bigrams) / max(len(c_bigrams), 1),
        sum(1 for t in c_trigrams if t in e_trigrams) / max(len(c_trigrams), 1),
        float(c_neg),
        float(e_neg),
        float((c_neg > 0) != (e_neg > 0)),
        float(antonyms),
        _longest_run(c, e) / max(len(c), 1),
    ]


def pair_matrix(
    pairs: Sequence[tuple[str, str]],
    claim_vectors: NDArray[np.float32],
    evidence_vectors: NDArray[np.float32],
    parts: Sequence[str],
) -> NDArray[np.float32]:
    """Feature rows: the chosen embedding `parts` of (u, v), cosine, then lexical features."""
    u, v = claim_vectors, evidence_vectors
    blocks: list[NDArray[np.float32]] = []
    for part in parts:
        if part == "u":
            blocks.append(u)
        elif part == "v":
            blocks.append(v)
        elif part == "diff":
            blocks.append(np.abs(u - v))
        elif part == "prod":
            blocks.append(u * v)
        else:
            raise ValueError(f"unknown embedding feature part {part!r}")
    cosine = np.sum(u * v, axis=1, keepdims=True)
    lexical = np.array([lexical_features(c, e) for c, e in pairs], dtype=np.float32)
    lexical = lexical.reshape(len(pairs), len(LEXICAL_NAMES))
    return np.hstack([*blocks, cosine, lexical]).astype(np.float32)


def feature_names(parts: Sequence[str], dim: int) -> list[str]:
    """Column names of `pair_matrix` for these parts and embedding size."""
    names = [f"{part}_{i}" for part in parts for i in range(dim)]
    return [*names, "cosine", *LEXICAL_NAMES]
