"""Numbers of a claim against the numbers of a passage: 100,000 troops is not 12,000 troops.

An entailment model reads "Russia is to receive 12,000 troops" as close to "Russia is to
receive 100,000 troops"; a fact-checker does not. Here a claim's quantity is compared with
the numbers a sentence gives for the same counted thing (the counted noun, or a synonym,
near the number), and the comparison respects the claim's approximation ("over 1 million"
is met by 1.2 million, "about 800,000" by 790,000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..model import Claim, Quantity
from ._wording import content_words, numbers, related_word

NumberAgreement = Literal["match", "mismatch"]

_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
_WORD_NUMBER = re.compile(
    r"\b(?P<num>" + "|".join(_WORD_NUMBERS) + r")(?:\s+(?P<scale>thousand|million|billion))?\b",
    re.IGNORECASE,
)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_ABOUT = 0.1  # "about 800,000" is met by anything within 10 %
_REACH = 60  # characters after a number within which the counted thing must be named
_WINDOW_WORDS = 6  # ... and at most this many words
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


@dataclass(frozen=True)
class NumberCheck:
    """How a passage's numbers agree with a claim's quantity, in words for people."""

    agreement: NumberAgreement
    detail: str


def check_numbers(claim: Claim, sentence: str) -> NumberCheck | None:
    """Compare each counted quantity of the claim with the sentence; None when none apply."""
    found = _sentence_numbers(sentence)
    matches: list[str] = []
    for quantity in claim.quantities:
        if not quantity.counts:
            continue
        counted = [w.text for w in content_words(quantity.counts)]
        same_thing = [(text, value) for text, value, after in found if _counts(after, counted)]
        if not same_thing:
            continue
        agreeing = [text for text, value in same_thing if _agrees(quantity, value)]
        if agreeing:
            matches.append(f"{quantity.text} {quantity.counts}: the passage says {agreeing[0]}")
            continue
        text = same_thing[0][0]
        return NumberCheck(
            "mismatch",
            f"the claim gives {quantity.text} {quantity.counts}; the passage gives {text}",
        )
    if matches:
        return NumberCheck("match", "; ".join(matches))
    return None


def states_quantities(claim: Claim, sentence: str) -> bool:
    """Whether the sentence gives every counted number of the claim (in a form it allows).

    A passage cannot support "100,000 troops were sent" without the number: one that only
    says troops were sent leaves the figure, the part most worth checking, unconfirmed.
    """
    values = [value for _, value, _ in _sentence_numbers(sentence)]
    return all(any(_agrees(q, v) for v in values) for q in claim.quantities if q.counts is not None)


def _sentence_numbers(sentence: str) -> list[tuple[str, float, str]]:
    """Each number of the sentence, its value, and the words right after it."""
    out = [
        (f.text, value, sentence[f.end : f.end + _REACH])
        for f, value in numbers(sentence)
        if not _YEAR.match(f.text)
    ]
    for m in _WORD_NUMBER.finditer(sentence):
        value = float(_WORD_NUMBERS[m.group("num").lower()])
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        out.append((m.group(), value, sentence[m.end() : m.end() + _REACH]))
    return out


def _counts(after: str, counted: list[str]) -> bool:
    """Whether the words after a number name the counted thing: its head noun (or a
    synonym) and every word that qualifies it ("North Korean troops" is not "active troops")."""
    window = [p for w in content_words(after)[:_WINDOW_WORDS] for p in w.text.split("-") if p]
    needed = [p for word in counted for p in word.split("-") if p]
    return bool(needed) and all(any(related_word(w, n) for w in window) for n in needed)


def _agrees(quantity: Quantity, value: float) -> bool:
    """Whether `value` satisfies the claim's quantity with its approximation."""
    target = quantity.value
    if quantity.approx in {"over", "at_least"}:
        return value >= target
    if quantity.approx in {"under", "at_most", "up_to"}:
        return value <= target
    if quantity.approx == "about":
        return abs(value - target) <= _ABOUT * max(abs(target), 1.0)
    return abs(value - target) <= 0.005 * max(abs(target), 1.0)
