"""A cheap check that the cleaned text is English, from the words it is made of.

Running prose in English is roughly 30-50% function words ("the", "of", "and"). A text is
refused when it is mostly in a non-Latin script, when it has almost none of these words,
or when function words of other Latin-script languages (French, German, Spanish,
Italian, Portuguese, Dutch, Indonesian) outnumber the English ones. Texts too short to judge pass.
"""

from __future__ import annotations

import re

from ..errors import IngestError

_ENGLISH = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "said",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
    ]
)
# Frequent function words of other languages that are not also English words.
_FOREIGN = frozenset(
    [
        "de",
        "la",
        "le",
        "les",
        "des",
        "et",
        "est",
        "une",
        "du",
        "en",
        "que",
        "qui",
        "pour",
        "dans",
        "pas",
        "sur",
        "au",
        "aux",
        "ce",
        "cette",
        "sont",
        "avec",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "ein",
        "eine",
        "den",
        "dem",
        "von",
        "mit",
        "zu",
        "sich",
        "auf",
        "auch",
        "wird",
        "werden",
        "sind",
        "el",
        "los",
        "las",
        "y",
        "es",
        "por",
        "con",
        "para",
        "una",
        "lo",
        "se",
        "al",
        "como",
        "pero",
        "su",
        "sus",
        "fue",
        "muy",
        "il",
        "che",
        "di",
        "gli",
        "della",
        "dei",
        "delle",
        "sono",
        "ma",
        "da",
        "nel",
        "nella",
        "degli",
        "anche",
        "è",
        "um",
        "uma",
        "não",
        "com",
        "mais",
        "os",
        "ao",
        "pelo",
        "pela",
        "foi",
        "são",
        "às",
        "het",
        "een",
        "van",
        "ik",
        "je",
        "dat",
        "niet",
        "op",
        "zijn",
        "ook",
        "maar",
        "bij",
        "yang",
        "dan",
        "ini",
        "itu",
        "dengan",
        "untuk",
        "dari",
        "tidak",
        "akan",
        "pada",
        "ada",
        "adalah",
        "juga",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SAMPLE = 20_000
_MIN_WORDS = 20
_MIN_LETTERS = 40
_MIN_RATIO = 0.03
_CLEAR_RATIO = 0.25


def english_ratio(text: str) -> tuple[float, int]:
    """(share of words that are English function words, number of words) in `text`."""
    words = _WORD.findall(text[:_SAMPLE].lower())
    if not words:
        return 0.0, 0
    return sum(1 for word in words if word in _ENGLISH) / len(words), len(words)


def require_english(text: str, name: str) -> None:
    """Raise IngestError when `text` is long enough to judge and is not English."""
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if letters >= _MIN_LETTERS and len(_LATIN.findall(sample)) < letters / 2:
        raise _not_english(name, "it is mostly in a non-Latin script")
    words = _WORD.findall(sample.lower())
    if len(words) < _MIN_WORDS:
        return
    english = sum(1 for word in words if word in _ENGLISH) / len(words)
    foreign = sum(1 for word in words if word in _FOREIGN) / len(words)
    if english < _MIN_RATIO:
        raise _not_english(name, f"only {english:.0%} of its words are common English words")
    if english < _CLEAR_RATIO and foreign > english:
        raise _not_english(name, "it has more common words of another language than of English")


def _not_english(name: str, why: str) -> IngestError:
    return IngestError(
        f"{name}: the text does not look like English ({why}); newsaudit audits English text only"
    )
