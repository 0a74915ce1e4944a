"""Numbers in claims: value, approximation, unit, rate and what is counted."""

from __future__ import annotations

import pytest

from newsaudit import Auditor
from newsaudit.model import Quantity
from newsaudit.stages.quantities import find_quantities


def _quantities(auditor: Auditor, text: str) -> list[Quantity]:
    doc = auditor.language.parse(text)
    found = list(find_quantities(text, 0, list(doc)))
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def _one(auditor: Auditor, text: str) -> Quantity:
    found = _quantities(auditor, text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "approx", "counts"),
    [
        ("The ferry carried 100,000 foot passengers in June.", 100_000, "exact", "foot passengers"),
        (
            "The league has over 1 million registered players.",
            1_000_000,
            "over",
            "registered players",
        ),
        ("Volunteers planted ten thousand oak saplings.", 10_000, "exact", "oak saplings"),
        ("The mill employs more than 300 weavers.", 300, "over", "weavers"),
        ("Nearly 40 riders finished the stage.", 40, "under", "riders"),
        ("Around 2,500 fans waited outside.", 2_500, "about", "fans"),
        ("Some 60 boats were damaged.", 60, "about", "boats"),
        ("The shelter can house at least 80 dogs.", 80, "at_least", "dogs"),
        ("The lift holds at most 12 people.", 12, "at_most", "people"),
        ("The orchard produced 1.2 million apples.", 1_200_000, "exact", "apples"),
    ],
)
def test_value_approx_and_counts(
    auditor: Auditor, text: str, value: float, approx: str, counts: str
) -> None:
    q = _one(auditor, text)
    assert (q.value, q.approx, q.counts) == (value, approx, counts)


def test_rate_per_period(auditor: Auditor) -> None:
    q = _one(auditor, "The plant can bottle up to 15,000 litres of juice a month.")
    assert (q.value, q.approx, q.unit, q.counts, q.per) == (
        15_000,
        "up_to",
        "litre",
        "juice",
        "month",
    )


def test_percent_and_money(auditor: Auditor) -> None:
    pct, money = _quantities(auditor, "Turnout rose 12 percent after the $2.5bn stadium opened.")
    assert (pct.value, pct.unit) == (12, "%")
    assert (money.value, money.unit, money.text) == (2_500_000_000, "USD", "$2.5bn")
    assert _one(auditor, "Prices fell by 3.5% in May.").unit == "%"


def test_hyphenated_money_and_currency_words(auditor: Auditor) -> None:
    q = _one(auditor, "Councillors approved a 7.4-million-pound swimming pool.")
    assert (q.value, q.unit, q.counts) == (7_400_000, "pound", "swimming pool")
    q = _one(auditor, "Each stall pays 40 crowns a day.")
    assert (q.value, q.unit, q.per) == (40, "crown", "day")


def test_about_as_a_preposition_is_not_an_approximation(auditor: Auditor) -> None:
    q = _one(auditor, "The rumour about 500 missing ballots spread quickly.")
    assert (q.value, q.approx, q.text) == (500, "exact", "500")


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opened in 1998 and closed in 2021.",
        "The vote is on 14 March.",
        "Doors open at 9 a.m. on Friday.",
        "She finished 3rd in the final.",
        "It is one of the oldest inns in the county.",
        "Two thirds of the fields flooded.",
    ],
)
def test_years_dates_times_ordinals_are_not_quantities(auditor: Auditor, text: str) -> None:
    assert _quantities(auditor, text) == []


def test_durations_carry_their_unit(auditor: Auditor) -> None:
    q = _one(auditor, "The crossing takes 45 minutes by boat.")
    assert (q.value, q.unit) == (45, "minute")
