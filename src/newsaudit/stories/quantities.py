"""What a number counts, across outlets: kinds of quantity, and the ones a story shares.

Outlets word the same figure differently ("12 people were killed", "the death toll rose to
14"), so a quantity is filed under a kind read from its claim: money by its currency, a
count of people by the nearest event word (killed, injured, missing, evacuated, arrested),
troops by their noun, anything else by the noun it counts. Durations and ages are not
story figures and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .records import OutletValue, QuantityFact, SharedQuantity, StoryArticle

CURRENCIES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "CHF", "AUD", "CAD"})
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "percent"})
# Event words, by the kind of count they make; the nearest one to the number decides.
_EVENT_WORDS: Mapping[str, tuple[str, ...]] = {
    "casualties": ("killed", "dead", "died", "deaths", "death", "fatalities", "lives", "bodies"),
    "injured": ("injured", "wounded", "hurt", "hospitalised", "hospitalized", "injuries"),
    "missing": ("missing", "unaccounted"),
    "displaced": ("evacuated", "displaced", "homeless", "fled", "evacuation", "shelters"),
    "arrested": ("arrested", "detained", "arrests", "charged"),
}
_TROOPS = frozenset({"troops", "soldiers", "personnel", "fighters", "servicemen", "forces"})
_PEOPLE = frozenset(
    {"people", "persons", "residents", "civilians", "villagers", "victims", "children",
     "adults", "men", "women", "passengers", "workers", "families", "households", "inhabitants"}
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")


def kind_of(quantity: Mapping[str, Any], claim_text: str, claim_start: int) -> str | None:
    """The kind of a quantity (report JSON) within its claim, or None if not a story figure."""
    unit = quantity.get("unit")
    if isinstance(unit, str) and unit.upper() in CURRENCIES:
        return "money"
    if isinstance(unit, str) and unit.lower() in _TIME_UNITS:
        return None
    counts = quantity.get("counts")
    noun = counts.split()[-1].lower() if isinstance(counts, str) and counts.split() else None
    if noun in _TROOPS:
        return "troops"
    if noun is not None and noun not in _PEOPLE:
        return noun  # "villages", "books", "fans": the counted noun is the kind
    start = int(quantity.get("start", claim_start)) - claim_start
    event = _nearest_event(claim_text, max(0, start))
    if event is not None:
        return event
    return "people" if noun is not None else None


def _nearest_event(text: str, at: int) -> str | None:
    best: tuple[int, str] | None = None
    for match in _WORD.finditer(text):
        word = match.group().lower()
        for kind, words in _EVENT_WORDS.items():
            if word in words:
                distance = abs(match.start() - at)
                if best is None or distance < best[0]:
                    best = (distance, kind)
    return best[1] if best else None


def shared_quantities(articles: Sequence[StoryArticle]) -> tuple[SharedQuantity, ...]:
    """Kinds of quantity given by at least two articles, with each article's value."""
    by_kind: dict[str, list[OutletValue]] = {}
    for article in articles:
        for fact in _first_per_kind(article.quantities):
            by_kind.setdefault(fact.kind, []).append(
                OutletValue(
                    article.audit_id, article.domain, fact.value, fact.text, fact.credited,
                    fact.claim,
                )
            )  # fmt: skip
    shared = []
    for kind, values in by_kind.items():
        if len(values) < 2:
            continue
        numbers = [v.value for v in values]
        shared.append(SharedQuantity(kind, tuple(values), min(numbers), max(numbers)))
    # Disagreements first, the widest at the top: they are what a reader needs to see.
    return tuple(sorted(shared, key=lambda q: (-q.spread, q.kind)))


def _first_per_kind(facts: Iterable[QuantityFact]) -> list[QuantityFact]:
    """An article's headline figure of each kind: the first it gives (the lede's)."""
    seen: dict[str, QuantityFact] = {}
    for fact in facts:
        seen.setdefault(fact.kind, fact)
    return list(seen.values())
