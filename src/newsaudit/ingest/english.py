"""A cheap check that the cleaned text is English: the share of common English function words.

Running prose in English is roughly 40-50% function words; other languages written in
Latin script score well under 10% against this list, and non-Latin scripts score near 0.
Texts too short to judge are let through.
"""

from __future__ import annotations

import re

from ..errors import IngestError

_STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours out over own said same she should so some such than that the their
    theirs them then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIN_WORDS = 20
_MIN_RATIO = 0.15


def english_ratio(text: str) -> tuple[float, int]:
    """(share of words that are English function words, number of words) in `text`."""
    words = _WORD.findall(text[:20_000].lower())
    if not words:
        return 0.0, 0
    hits = sum(1 for word in words if word in _STOPWORDS)
    return hits / len(words), len(words)


def require_english(text: str, name: str) -> None:
    """Raise IngestError when `text` is long enough to judge and is not English."""
    ratio, count = english_ratio(text)
    if count >= _MIN_WORDS and ratio < _MIN_RATIO:
        raise IngestError(
            f"{name}: the text does not look like English ({ratio:.0%} common English words); "
            "newsaudit audits English text only"
        )
