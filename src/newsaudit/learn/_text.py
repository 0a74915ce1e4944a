"""Tokens, light stems, sentences and cue-word lexicons for the stance features."""

from __future__ import annotations

import itertools
import re

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")


def _lexicon(text: str) -> frozenset[str]:
    """The whitespace-separated words of a lexicon block."""
    return frozenset(text.split())


# Function words: left out of overlap counts and of the TF-IDF vocabulary.
STOP_WORDS = _lexicon(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i
    in into is it its itself just me more most my myself now of off on once only or
    other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves s t its it's he's she's that's there's i'm
    """
)

# Cue lexicons: each is counted in the headline, the body, its lead and the sentences
# closest to the headline. Words are matched on lowercased tokens (not stems).
CUES: dict[str, frozenset[str]] = {
    "refute": _lexicon(
        """
        fake fakes faked hoax hoaxes false falsely deny denies denied denying denial
        debunk debunks debunked debunking refute refutes refuted rebut rebutted untrue
        bogus fabricated fabrication myth prank pranks satire satirical parody
        misleading incorrect wrong baseless unfounded dismiss dismisses dismissed
        retract retracts retracted retraction dispute disputes disputed contradict
        contradicts lie lies lied liar fraud scam doctored photoshopped nonsense
        ridiculous absurd erroneous inaccurate phony fictional joke spoof
        """
    ),
    "hedge": _lexicon(
        """
        reportedly allegedly alleged alleges apparently apparent purportedly purported
        supposedly rumor rumors rumour rumours rumored rumoured unconfirmed unverified
        may might could possibly possible perhaps likely unlikely unclear uncertain
        suggest suggests suggested speculation speculate speculated speculating believed
        believe believes appears appear seems seem seemingly if whether claim claims
        claimed claiming questions question doubt doubts doubtful skeptical sceptical
        investigating investigation
        """
    ),
    "report": _lexicon(
        """
        said says say saying told tells according report reports reported reporting
        source sources statement spokesman spokeswoman spokesperson tweeted wrote posted
        media outlet outlets
        """
    ),
    "negation": _lexicon(
        """
        not no never none nobody nothing neither nor cannot without isn't wasn't aren't
        weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't hasn't
        haven't hadn't
        """
    ),
    "affirm": _lexicon(
        """
        confirm confirms confirmed confirmation official officially verified verify
        indeed announced announces true truly proof proved proven revealed reveals shows
        showed evidence footage video photos photo pictures
        """
    ),
}
CUE_NAMES: tuple[str, ...] = tuple(CUES)

_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)


def words(text: str) -> list[str]:
    """Lowercased word tokens (letters, digits, an inner apostrophe)."""
    return _WORD.findall(text.lower().replace("’", "'"))


def stem(word: str) -> str:
    """A light suffix-stripping stem ("denies" and "denied" both become "den")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_stems(tokens: list[str]) -> list[str]:
    """Stems of the tokens that are not function words."""
    return [stem(t) for t in tokens if t not in STOP_WORDS]


def numbers(text: str) -> set[str]:
    """The numbers written in a text, without thousands separators."""
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def sentences(text: str, limit: int = 60) -> list[str]:
    """Sentences (and paragraphs) of a body, at most `limit`, empty ones dropped."""
    parts = (p.strip() for p in _SENTENCE_END.split(text))
    found = [p for p in parts if len(p) > 1]
    return found[:limit] or [text.strip() or "."]


def cue_counts(tokens: list[str]) -> list[int]:
    """How many tokens fall in each cue lexicon, in `CUE_NAMES` order."""
    return [sum(1 for t in tokens if t in CUES[name]) for name in CUE_NAMES]


def char_grams(text: str, n: int = 5) -> set[str]:
    """Character n-grams of the lowercased text with whitespace squeezed."""
    flat = " ".join(words(text))
    return {flat[i : i + n] for i in range(max(0, len(flat) - n + 1))}


def bigrams(stems: list[str]) -> set[tuple[str, str]]:
    """Adjacent stem pairs."""
    return set(itertools.pairwise(stems))
