"""The seed article: its claims, who they are credited to and how firmly they are stated."""

from __future__ import annotations

import pytest

from newsaudit.model import Claim, Report

ISW = "Institute for the Study of War"


def _claim(report: Report, words: str) -> Claim:
    """The one claim whose text contains `words`."""
    found = [c for c in report.claims if words in c.text]
    assert len(found) == 1, f"{words!r}: {[c.text for c in found]}"
    return found[0]


def test_offsets_ids_and_only_paragraphs(seed_report: Report) -> None:
    text = seed_report.article.text
    assert [c.id for c in seed_report.claims] == [
        f"C{i}" for i in range(1, len(seed_report.claims) + 1)
    ]
    for claim in seed_report.claims:
        assert text[claim.start : claim.end] == claim.text
        assert not claim.text.endswith("?")
    for heading in seed_report.article.headings:
        assert not any(c.start < heading.end and heading.start < c.end for c in seed_report.claims)


def test_the_seven_claims_in_text_order(seed_report: Report) -> None:
    words = [
        "may have paid North Korea",
        "in discussions with North Korea",
        "has suffered heavy casualties",
        "over 1 million active troops",
        "will likely prove to be a game-changer",
        "North Korea delayed the second deployment",
        "This delay has been attributed to",
    ]
    starts = [_claim(seed_report, w).start for w in words]
    assert starts == sorted(starts)


def test_c1_payment_is_hedged_and_vague(seed_report: Report) -> None:
    c1 = _claim(seed_report, "may have paid")
    assert c1.kind == "hedged"
    assert "may have" in [h.text for h in c1.hedges]
    assert c1.attribution.type == "vague"
    assert c1.attribution.mention == "Recent reports"
    assert c1.attribution.source is None


def test_c2_troops_under_discussion_credited_to_isw(seed_report: Report) -> None:
    c2 = _claim(seed_report, "in discussions with North Korea")
    assert c2.kind == "asserted"
    assert (c2.attribution.type, c2.attribution.source) == ("named", ISW)
    assert c2.attribution.mention is not None
    assert "a study by the Institute for the Study of War (ISW)" in c2.attribution.mention
    (q,) = c2.quantities
    assert (q.text, q.value, q.approx, q.counts) == (
        "100,000",
        100_000,
        "exact",
        "North Korean troops",
    )


@pytest.mark.parametrize(
    "words", ["has suffered heavy casualties", "This delay has been attributed to"]
)
def test_unattributed_assertions(seed_report: Report, words: str) -> None:
    claim = _claim(seed_report, words)
    assert (claim.kind, claim.attribution.type) == ("asserted", "none")


def test_c4_over_a_million_active_troops(seed_report: Report) -> None:
    c4 = _claim(seed_report, "over 1 million active troops")
    assert (c4.kind, c4.attribution.type) == ("asserted", "none")
    (q,) = c4.quantities
    assert (q.value, q.approx, q.counts) == (1_000_000, "over", "active troops")


def test_c5_hedged_prediction_by_isw(seed_report: Report) -> None:
    c5 = _claim(seed_report, "will likely prove")
    assert c5.kind == "prediction"
    assert "likely" in [h.text for h in c5.hedges]
    assert (c5.attribution.type, c5.attribution.source, c5.attribution.mention) == (
        "named",
        ISW,
        "ISW",
    )


def test_c6_delay_according_to_the_isw_report(seed_report: Report) -> None:
    c6 = _claim(seed_report, "North Korea delayed the second deployment")
    assert c6.kind == "asserted"
    assert (c6.attribution.type, c6.attribution.source) == ("named", ISW)
    assert c6.attribution.mention == "the ISW report"


@pytest.mark.parametrize(
    "words",
    [
        "could have significant consequences",
        "is seen as a sign of desperation",
        "could have serious consequences",
    ],
)
def test_speculation_and_opinion_are_not_asserted(seed_report: Report, words: str) -> None:
    assert _claim(seed_report, words).kind != "asserted"


def test_isw_acronym(seed_report: Report) -> None:
    assert [(a.short, a.long) for a in seed_report.acronyms] == [("ISW", ISW)]


def test_checkworthy_ranks_the_sourced_facts_high(seed_report: Report) -> None:
    c2 = _claim(seed_report, "in discussions with North Korea")
    opinion = _claim(seed_report, "is seen as a sign of desperation")
    assert c2.checkworthy >= 0.5 > opinion.checkworthy
