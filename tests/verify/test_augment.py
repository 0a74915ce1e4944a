"""Number-swapped counter-claims for training."""

from __future__ import annotations

import random

from newsaudit.verify.augment import augment, number_swap


def test_a_shared_number_is_changed_to_one_the_evidence_lacks() -> None:
    evidence = "The institute said about 12,000 troops had moved by March 2022."
    for seed in range(20):
        swapped = number_swap("About 12,000 troops had moved.", evidence, random.Random(seed))
        assert swapped is not None and swapped.startswith("About ") and "12,000" not in swapped
        number = swapped.split()[1]
        assert number.replace(",", "").isdigit() and number not in evidence


def test_years_and_unshared_numbers_are_left_alone() -> None:
    rng = random.Random(0)
    assert number_swap("Troops moved in 2022.", "It happened in 2022.", rng) is None
    assert number_swap("About 5 ships sank.", "Several ships sank.", rng) is None


def test_only_supported_pairs_get_a_refuting_twin_and_the_seed_fixes_them() -> None:
    pairs = [("Prices rose 3.5 percent.", "Prices rose 3.5 percent in May."), ("x 4", "y 4")]
    out = augment(pairs, ["supports", "neutral"], ["a", "b"], seed=3)
    assert out[1:] == (["refutes"], ["a+swap"])
    assert out[0][0][1] == pairs[0][1] and "3.5" not in out[0][0][0]
    assert augment(pairs, ["supports", "neutral"], ["a", "b"], seed=3) == out
