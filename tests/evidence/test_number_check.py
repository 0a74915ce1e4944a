"""Numbers of a claim against a passage: the same counted thing with another value refutes."""

from __future__ import annotations

from newsaudit.model import NO_ATTRIBUTION, Approx, Claim, Quantity
from newsaudit.stages.number_check import check_numbers


def claim_with(value: float, counts: str, approx: Approx = "exact", text: str = "") -> Claim:
    quantity = Quantity(f"{value:,.0f}", value, approx, counts, 0, 1)
    return Claim("C1", text or "a claim", 0, 1, "asserted", 0.9, NO_ATTRIBUTION, (quantity,))


def test_other_value_for_the_same_troops_is_a_mismatch() -> None:
    claim = claim_with(100_000, "North Korean troops")
    check = check_numbers(
        claim, "Pyongyang has sent about 12,000 North Korean soldiers to the Kursk region."
    )
    assert check is not None and check.agreement == "mismatch"
    assert "12,000" in check.detail and "100,000" in check.detail


def test_same_value_written_another_way_matches() -> None:
    claim = claim_with(1_200_000, "tonnes of grain")
    check = check_numbers(claim, "The port moved 1.2 million tonnes of grain last month.")
    assert check is not None and check.agreement == "match"


def test_over_is_met_by_a_larger_number() -> None:
    claim = claim_with(1_000_000, "active troops", approx="over")
    check = check_numbers(claim, "North Korea keeps some 1.2 million active troops under arms.")
    assert check is not None and check.agreement == "match"
    below = check_numbers(claim, "North Korea keeps some 900,000 active troops under arms.")
    assert below is not None and below.agreement == "mismatch"


def test_number_of_another_thing_is_no_evidence() -> None:
    claim = claim_with(100_000, "North Korean troops")
    assert check_numbers(claim, "The report runs to 12,000 words and cites 40 sources.") is None


def test_years_and_word_numbers() -> None:
    claim = claim_with(11, "bulk carriers")
    assert (
        check_numbers(claim, "In 2024 the port saw 11 bulk carriers at once.").agreement == "match"
    )  # type: ignore[union-attr]
    words = check_numbers(claim, "There were eleven bulk carriers alongside.")
    assert words is not None and words.agreement == "match"
    other = check_numbers(claim, "There were twenty bulk carriers alongside.")
    assert other is not None and other.agreement == "mismatch"


def test_a_number_of_differently_qualified_troops_is_no_evidence() -> None:
    deployed = claim_with(100_000, "North Korean troops")
    assert check_numbers(deployed, "The army has 1.2 million active-duty troops in all.") is None
    active = claim_with(1_000_000, "active troops", approx="over")
    assert check_numbers(active, "Russia is to get about 12,000 North Korean troops.") is None
    check = check_numbers(deployed, "Russia is to receive about 12,000 soldiers from North Korea.")
    assert check is not None and check.agreement == "mismatch"


def test_a_sentence_states_the_claims_numbers() -> None:
    from newsaudit.stages.number_check import states_quantities

    claim = claim_with(100_000, "North Korean troops")
    assert states_quantities(claim, "Talks cover as many as 100,000 North Korean soldiers.")
    assert not states_quantities(claim, "The army has 1.2 million active-duty troops.")
    assert not states_quantities(claim, "North Korean troops were sent to Russia.")
    uncounted = Claim("C1", "Prices rose.", 0, 1, "asserted", 0.9, NO_ATTRIBUTION, ())
    assert states_quantities(uncounted, "Prices rose sharply.")
