"""Numbers in a claim: value, how approximate, unit, rate, and what they count.

Numbers are found in the text (digits, "1.2 million", "$2.5bn", "ten thousand",
"5.8-million-pound"); what a number counts is read from the parse (the noun it modifies).
Years, days of the month, clock times and ordinals are not quantities: they are entities.

Approximators, as read here (the span of a quantity includes its approximator):
    over / more than / above / in excess of / upwards of           -> "over"
    under / less than / fewer than / below / nearly / almost / just under
                                                                    -> "under"
      ("nearly 40" is a little short of 40, so "under"; never "about")
    about / around / roughly / some / approximately / an estimated  -> "about"
    up to -> "up_to";  at least / no fewer than -> "at_least";  at most / no more than -> "at_most"
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Approx, Quantity
from .sources import lexicon

_SMALL = (  # in order: the index is the value
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    + ["eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
    + ["eighteen", "nineteen"]
)
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_SMALL)}
_WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
_WORD_VALUES.update({"dozen": 12, "hundred": 100})
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}

_WORD = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
_NUMBER = re.compile(
    r"(?<![\w.,:$£€¥/-])(?P<cur>[$£€¥])?"
    r"(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<word>(?:{_WORD})(?:-(?:{_WORD}))?))"
    r"(?:(?:[ -](?P<scale>thousand|million|billion|trillion)\b)|(?P<short>bn|mn|tn|m|k)\b)?"
    r"(?P<pct>\s?%|\s(?:percent|per cent)\b)?"
    r"(?![\w:]|\.\d)",
    re.IGNORECASE,
)
_APPROX: tuple[tuple[str, Approx], ...] = (
    (
        r"a little under|just under|just short of|less than|fewer than|nearly|almost|under|below",
        "under",
    ),
    (r"more than|in excess of|upwards of|over|above", "over"),
    (r"approximately|an estimated|around|roughly|about|some|circa", "about"),
    (r"up to", "up_to"),
    (r"at least|no fewer than|no less than", "at_least"),
    (r"at most|no more than", "at_most"),
)
_APPROX_RE = [
    (re.compile(rf"(?:^|(?<=\W))(?:{words})\s+$", re.IGNORECASE), a) for words, a in _APPROX
]
_UNITS = {
    "dollar": "dollar",
    "pound": "pound",
    "euro": "euro",
    "crown": "crown",
    "yen": "yen",
    "yuan": "yuan",
    "rupee": "rupee",
    "franc": "franc",
    "krona": "krona",
    "krone": "krone",
    "peso": "peso",
    "rouble": "rouble",
    "ruble": "rouble",
    "shekel": "shekel",
    "rand": "rand",
    "tonne": "tonne",
    "ton": "ton",
    "kilogram": "kilogram",
    "kg": "kilogram",
    "gram": "gram",
    "litre": "litre",
    "liter": "litre",
    "gallon": "gallon",
    "barrel": "barrel",
    "metre": "metre",
    "meter": "metre",
    "kilometre": "kilometre",
    "kilometer": "kilometre",
    "km": "kilometre",
    "mile": "mile",
    "foot": "foot",
    "feet": "foot",
    "acre": "acre",
    "hectare": "hectare",
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "point": "point",
    "degree": "degree",
    "percentage point": "percentage point",
}
_UNIT_RE = re.compile(
    r"(?:[ -]|\s)(?P<unit>percentage points?|"
    + "|".join(
        sorted(
            {k + "s?" if not k.endswith(("s", "feet", "yen", "km", "kg")) else k for k in _UNITS},
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.IGNORECASE,
)
_PER_WORDS = lexicon(
    "second minute hour day night week fortnight month quarter year decade tonne ton kilo kilogram "
    "litre gallon barrel head person capita household passenger share mile kilometre"
)
_PER_RE = re.compile(
    rf"^\s+(?:a|an|per|each|every)\s+(?P<per>{'|'.join(_PER_WORDS)})\b", re.IGNORECASE
)
_MONTHS = lexicon(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_FRACTIONS = {"third", "thirds", "quarter", "quarters", "half", "halves", "fifth", "fifths"}
_NOUNS = {"NOUN", "PROPN"}
_RUN = {"NOUN", "PROPN", "ADJ"}


def find_quantities(text: str, offset: int, tokens: list[Any]) -> tuple[Quantity, ...]:
    """Every number in `text` (which sits at `offset` in the article), with its parts.

    `tokens` are the claim's spaCy tokens; they supply what each number counts."""
    by_char = {t.idx: i for i, t in enumerate(tokens)}
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        value = _value(m)
        if value is None or _skip(m, text, tokens, by_char, offset):
            continue
        start, end = m.start(), m.end()
        approx: Approx = "exact"
        before = text[max(0, start - 20) : start]
        for pattern, label in _APPROX_RE:
            found = pattern.search(before)
            if found and not _preposition(
                tokens, by_char, offset + start - (len(before) - found.start())
            ):
                approx, start = label, start - (len(before) - found.start())
                break
        unit = _unit(m)
        rest = end
        if unit is None:
            unit_match = _UNIT_RE.match(text, end)
            if (
                unit_match
                and not _counted_after(text, unit_match.end())
                and not _modifier(unit_match, tokens, by_char, offset)
            ):
                unit = _unit_name(unit_match.group("unit"))
                rest = unit_match.end()
        counts, rest = _counts(text, offset, tokens, by_char, m, rest, unit is not None)
        per_match = _PER_RE.match(text[rest:])
        per = per_match.group("per").lower() if per_match else None
        out.append(
            Quantity(
                text[start:end], value, approx, counts, offset + start, offset + end, unit, per
            )
        )
    return tuple(out)


def _preposition(tokens: list[Any], by_char: dict[int, int], at: int) -> bool:
    """ "the talks about 100,000 troops": "about" heads a phrase there, it does not approximate."""
    i = by_char.get(at)
    if i is None or tokens[i].lower_ not in {"about", "around"}:
        return False
    return tokens[i].dep_ == "prep" or (i > 0 and tokens[i - 1].pos_ in {"NOUN", "PROPN"})


def _value(m: re.Match[str]) -> float | None:
    if m.group("digits"):
        base = float(m.group("digits").replace(",", ""))
    else:
        words = m.group("word").lower().split("-")
        if words == ["one"] and not (m.group("scale") or m.group("pct")):
            return None  # "one of the largest", "one" as a pronoun
        base = float(sum(_WORD_VALUES[w] for w in words))
    if m.group("scale"):
        base *= _SCALES[m.group("scale").lower()]
    elif m.group("short"):
        if not (m.group("cur") or m.group("digits")):
            return None
        base *= _SHORT_SCALES[m.group("short").lower()]
    return base


def _unit(m: re.Match[str]) -> str | None:
    if m.group("pct"):
        return "%"
    if m.group("cur"):
        return _SYMBOLS[m.group("cur")]
    return None


def is_unit(word: str) -> bool:
    """Whether a word is a unit of measure or money ("tonnes", "dollars", "weeks")."""
    word = word.lower()
    return word in _UNITS or word[:-1] in _UNITS


def _unit_name(word: str) -> str:
    word = word.lower()
    if word.startswith("percentage point"):
        return "percentage point"
    return _UNITS.get(word, _UNITS.get(word[:-1], word))


def _modifier(unit: re.Match[str], tokens: list[Any], by_char: dict[int, int], offset: int) -> bool:
    """ "100,000 foot passengers": a unit word that, unhyphenated, modifies the next noun."""
    i = by_char.get(offset + unit.start("unit"))
    return i is not None and unit.group()[0] == " " and tokens[i].dep_ == "compound"


def _counted_after(text: str, at: int) -> bool:
    """A time word used as a noun modifier ("a 24-hour strike") is not the unit."""
    return text[at - 1 : at] != "s" and text[at : at + 1] == "-"


def _skip(
    m: re.Match[str], text: str, tokens: list[Any], by_char: dict[int, int], offset: int
) -> bool:
    """Years, days of the month, clock times, fractions: not quantities."""
    after = text[m.end() :].lstrip(" -").split(" ", 1)[0].lower().strip(".,;:")
    before = text[: m.start()].rstrip().rsplit(" ", 1)[-1].lower().strip(".,;:")
    if after in _FRACTIONS or after in {"a.m", "p.m", "am", "pm", "o'clock"}:
        return True
    digits = m.group("digits")
    plain = digits is not None and not (
        m.group("scale") or m.group("short") or m.group("cur") or m.group("pct")
    )
    if plain and "," not in digits and "." not in digits and 1000 <= int(digits) <= 2199:
        i = by_char.get(offset + m.start())
        nxt = tokens[i + 1] if i is not None and i + 1 < len(tokens) else None
        return nxt is None or nxt.tag_ != "NNS"
    # "14 March." and "March 14" are dates; "in March, 31 dollars" is not
    near = {
        text[m.end() :].lstrip(" ").split(" ", 1)[0].lower().rstrip(".,;:"),
        text[: m.start()].rstrip().rsplit(" ", 1)[-1].lower(),
    }
    if plain and "." not in digits and 1 <= float(digits.replace(",", "")) <= 31 and near & _MONTHS:
        return True
    return before in {"number", "no", "route", "flight", "line"}


def _counts(
    text: str,
    offset: int,
    tokens: list[Any],
    by_char: dict[int, int],
    m: re.Match[str],
    rest: int,
    has_unit: bool,
) -> tuple[str | None, int]:
    """The noun phrase the number modifies, and where the quantity phrase ends."""
    inside = [i for c, i in by_char.items() if offset + m.start() <= c < offset + rest]
    if not inside:
        return None, rest
    j = max(inside) + 1
    while j < len(tokens) and tokens[j].text == "-":
        j += 1
    if has_unit and j + 1 < len(tokens) and tokens[j].lower_ == "of":
        j += 1
        while j < len(tokens) and (tokens[j].pos_ in {"DET", "NUM"} or tokens[j].dep_ == "poss"):
            j += 1
    first, last = j, None
    while j < len(tokens) and (
        tokens[j].pos_ in _RUN or tokens[j].text == "-" or tokens[j].dep_ in {"amod", "compound"}
    ):
        if tokens[j].pos_ in _NOUNS:
            last = j
        j += 1
    if last is None:
        return None, rest
    run = {tokens[k].i for k in range(first, last + 1)}
    # From the parse: the number (or its scale word) must modify a word of the phrase.
    if not has_unit and not any(tokens[i].head.i in run for i in inside):
        return None, rest
    end = tokens[last].idx - offset + len(tokens[last].text)
    return text[tokens[first].idx - offset : end], end
