"""How firmly a claim is stated: hedges and the claim kind."""

from __future__ import annotations

import pytest

from newsaudit import Auditor
from newsaudit.model import Hedge
from newsaudit.stages.hedging import claim_kind, find_hedges


def _read(auditor: Auditor, text: str) -> tuple[str, list[str]]:
    tokens = list(auditor.language.parse(text))
    hedges: tuple[Hedge, ...] = find_hedges(tokens)
    for h in hedges:
        assert text[h.start : h.end] == h.text
    has_number = any(t.like_num for t in tokens)
    return claim_kind(tokens, hedges, has_number), [h.text for h in hedges]


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("The owner may have sold the painting abroad.", ["may have"]),
        ("The strike might spread to the docks.", ["might"]),
        ("The minister reportedly offered to resign.", ["reportedly"]),
        ("The fire was allegedly started deliberately.", ["allegedly"]),
        ("The fault appears to lie in the signalling.", ["appears to"]),
        ("The carvings probably date from the Bronze Age.", ["probably"]),
    ],
)
def test_hedged(auditor: Auditor, text: str, hedges: list[str]) -> None:
    assert _read(auditor, text) == ("hedged", hedges)


@pytest.mark.parametrize(
    "text",
    [
        "The new terminal will open in March.",
        "The museum is expected to reopen next year.",
        "The firm is set to cut 200 jobs.",
        "The inspector said the line would reopen on Monday.",
        "Repair results are expected by Friday.",
    ],
)
def test_prediction(auditor: Auditor, text: str) -> None:
    assert _read(auditor, text)[0] == "prediction"


def test_hedged_prediction_lists_its_hedge(auditor: Auditor) -> None:
    kind, hedges = _read(auditor, "The merger will likely prove costly for small farms.")
    assert kind == "prediction"
    assert "likely" in hedges


@pytest.mark.parametrize(
    "text",
    [
        "The council should scrap the scheme.",
        "The reform is seen as a sign of weakness.",
        "I think the market has lost its charm.",
        "The new square is a vanity project.",
        "There are better options.",
        "The closure could have significant consequences for the town.",
        "The decision reflects a shift in the region's priorities.",
    ],
)
def test_opinion(auditor: Auditor, text: str) -> None:
    assert _read(auditor, text)[0] == "opinion"


@pytest.mark.parametrize(
    "text",
    [
        "The ferry sank in 40 metres of water on Tuesday.",
        "The council could not afford to repair the pier.",
        "About 300 people attended the meeting.",
        "The library, which will close next month, lent 9,000 books last year.",
    ],
)
def test_asserted(auditor: Auditor, text: str) -> None:
    kind, hedges = _read(auditor, text)
    assert (kind, hedges) == ("asserted", [])
