"""Cheap word-level helpers shared by the headline and outlet stages.

Everything here works on plain strings with regular expressions, so that comparing a
headline with many body claims never needs the body to be parsed a second time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
_NUMBER = re.compile(
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>million|billion|trillion|thousand|bn|m|k)\b)?",
    re.IGNORECASE,
)
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
# Scale words written out after a number ("1.2 million"); "m", "k" and "bn" only attach.
SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})

# Verbs of change in one direction or the other: "Unemployment rises" against "fell".
RISE_WORDS = frozenset(
    [
        "rise",
        "rises",
        "rising",
        "rose",
        "risen",
        "increase",
        "increases",
        "increased",
        "increasing",
        "climb",
        "climbs",
        "climbed",
        "climbing",
        "grow",
        "grows",
        "grew",
        "grown",
        "growing",
        "jump",
        "jumps",
        "jumped",
        "jumping",
        "soar",
        "soars",
        "soared",
        "soaring",
        "surge",
        "surges",
        "surged",
        "surging",
    ]
)
FALL_WORDS = frozenset(
    [
        "fall",
        "falls",
        "fell",
        "fallen",
        "falling",
        "drop",
        "drops",
        "dropped",
        "dropping",
        "decline",
        "declines",
        "declined",
        "declining",
        "decrease",
        "decreases",
        "decreased",
        "decreasing",
        "shrink",
        "shrinks",
        "shrank",
        "shrunk",
        "shrinking",
        "slump",
        "slumps",
        "slumped",
        "plunge",
        "plunges",
        "plunged",
        "plunging",
        "sink",
        "sinks",
        "sank",
        "sunk",
        "tumble",
        "tumbles",
        "tumbled",
        "dip",
        "dips",
        "dipped",
    ]
)

# Words that weaken a statement; the body may say "may have paid" where a headline says "paid".
HEDGE = re.compile(
    r"\b(?:may(?: have| be)?|might(?: have| be)?|could(?: have| be)?|would|reportedly|"
    r"allegedly|apparently|possibly|probably|perhaps|likely|unlikely|seems? to|appears? to|"
    r"(?:is|are|was|were) (?:said|believed|thought|expected|understood) to|suggests?|"
    r"unconfirmed|rumou?red)\b",
    re.IGNORECASE,
)
# Words that deny what follows them.
NEGATION = re.compile(
    r"\b(?:not|never|no|none|neither|nor|nothing|denie[sd]|deny(?:ing)?|rejecte?[sd]?|"
    r"refute[sd]?|dismisse[sd]|false(?:ly)?|untrue|debunked)\b|n[’']t\b",
    re.IGNORECASE,
)

# Content-free words skipped when headline words are compared with body words.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "over",
        "under",
        "as",
        "about",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "shall",
        "should",
        "must",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "they",
        "their",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "not",
        "no",
        "so",
        "than",
        "then",
        "there",
        "here",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "more",
        "most",
        "other",
        "such",
        "only",
        "own",
        "same",
        "too",
        "very",
        "just",
        "also",
        "after",
        "before",
        "up",
        "down",
        "out",
        "off",
        "again",
        "new",
        "says",
        "said",
        "say",
        "according",
    ]
)

# Small groups of words that name the same kind of thing in news copy.
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"soldier", "troop", "force", "fighter", "serviceman", "personnel", "army"}),
    frozenset({"people", "person", "resident", "citizen", "civilian", "individual"}),
    frozenset({"dead", "death", "killed", "fatality", "died", "die"}),
    frozenset({"job", "post", "position", "vacancy", "role"}),
    frozenset({"pay", "paid", "payment", "fund", "funded"}),
    frozenset({"student", "pupil", "learner"}),
    frozenset({"home", "house", "household", "dwelling"}),
)


@dataclass(frozen=True)
class Found:
    """A piece of a string found by a pattern, with offsets into that string."""

    text: str
    start: int
    end: int


def words(text: str) -> Iterator[Found]:
    """Every word or number of `text`, with its offsets."""
    for match in _WORD.finditer(text):
        yield Found(match.group(), match.start(), match.end())


@functools.lru_cache(maxsize=1 << 16)  # called for every word pair a headline is matched on
def stem(word: str) -> str:
    """A rough stem: lower case, plural and tense endings taken off."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: -len(suffix)] + repl
    return w


@functools.lru_cache(maxsize=1 << 17)
def same_word(a: str, b: str) -> bool:
    """Whether two words are one word in different forms (Korea/Korean, delay/delayed)."""
    x, y = stem(a), stem(b)
    if x == y:
        return True
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def related_word(a: str, b: str) -> bool:
    """Same word, or two words from one synonym group (soldiers/troops)."""
    if same_word(a, b):
        return True
    x, y = stem(a), stem(b)
    return any(x in group and y in group for group in SYNONYMS)


def number_value(text: str) -> float | None:
    """The value of a written number ("100,000" -> 100000.0, "1.5 million" -> 1500000.0)."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    try:
        value = float(match.group("num").replace(",", ""))
    except ValueError:
        return None
    scale = match.group("scale")
    return value * _SCALES[scale.lower()] if scale else value


def numbers(text: str) -> Iterator[tuple[Found, float]]:
    """Every number written in digits in `text`, with its value (scale words included)."""
    for match in _NUMBER.finditer(text):
        value = number_value(match.group())
        if value is not None:
            yield Found(match.group(), match.start(), match.end()), value


def find_all(pattern: re.Pattern[str], text: str) -> list[Found]:
    """Every match of `pattern` in `text`."""
    return [Found(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]


def content_words(text: str) -> list[Found]:
    """The words of `text` that carry content (no stopwords, no one-letter words)."""
    return [w for w in words(text) if len(w.text) > 1 and w.text.lower() not in STOPWORDS]


def fold_name(name: str) -> str:
    """A comparison key for a source name: case, a leading article and punctuation dropped."""
    key = re.sub(r"[^\w\s&]", " ", name.replace("’", "'")).casefold()
    key = re.sub(r"\s+", " ", key).strip()
    return key.removeprefix("the ")


def initials(name: str) -> str:
    """The upper-case initials of the capitalised words of a name ("Institute for the Study
    of War" -> "ISW")."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def same_source(a: str, b: str, pairs: Iterable[tuple[str, str]] = ()) -> bool:
    """Whether two source names name one source (exact, contained, or acronym/long form)."""
    x, y = fold_name(a), fold_name(b)
    if not x or not y:
        return False
    if x == y or re.search(rf"\b{re.escape(x)}\b", y) or re.search(rf"\b{re.escape(y)}\b", x):
        return True
    for short, long in pairs:
        s, lg = fold_name(short), fold_name(long)
        if {x, y} <= {s, lg} or (
            x in (s, lg) and re.search(rf"\b({re.escape(s)}|{re.escape(lg)})\b", y)
        ):
            return True
        if y in (s, lg) and re.search(rf"\b({re.escape(s)}|{re.escape(lg)})\b", x):
            return True
    return (
        a.strip().isupper()
        and initials(b) == a.strip()
        or (b.strip().isupper() and initials(a) == b.strip())
    )
