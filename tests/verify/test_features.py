"""Lexical mismatch features on pairs written for the purpose."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.verify.features import LEXICAL_NAMES, lexical_features


def features(claim: str, evidence: str) -> dict[str, float]:
    return dict(zip(LEXICAL_NAMES, lexical_features(claim, evidence)))


EVIDENCE = "The institute said about 12,000 troops had been moved to the border in March."


def test_number_swap_is_an_absent_number_and_a_mismatch() -> None:
    swapped = features("About 100,000 troops had been moved to the border.", EVIDENCE)
    same = features("About 12,000 troops had been moved to the border.", EVIDENCE)
    assert swapped["absent_numbers"] == 1 and swapped["number_mismatch"] == 1
    assert same["absent_numbers"] == 0 and same["number_mismatch"] == 0
    assert swapped["absent_share"] > same["absent_share"]


def test_swapped_word_between_matching_neighbours_is_a_substitution() -> None:
    evidence = "Simple probiotics might help inhibit covid-19 infection in mice."
    swapped = features("Simple probiotics might help cause covid-19 infection", evidence)
    original = features("Simple probiotics might help inhibit covid-19 infection", evidence)
    assert swapped["substitutions"] == 1
    assert original["substitutions"] == 0
    assert original["longest_run_share"] == 1.0 > swapped["longest_run_share"]


def test_misspelt_name_is_a_near_miss() -> None:
    evidence = "Neutralizing antibody activity against SARS-CoV-2 was measured."
    near = features("Measuring chs-cov-2 neutralizing antibody activity", evidence)
    assert near["absent_nearest_similarity"] >= 0.4
    assert near["absent_near_miss"] >= 1


def test_antonym_and_negation_cues() -> None:
    antonym = features("Sea levels decreased last century.", "Sea levels increased last century.")
    assert antonym["antonym_hits"] == 1
    negated = features("Vaccines do not cause autism.", "Vaccines cause autism, the post said.")
    assert negated["claim_negations"] == 1 and negated["negation_mismatch"] == 1


def test_empty_texts_give_finite_features() -> None:
    row = lexical_features("", "")
    assert len(row) == len(LEXICAL_NAMES)
    assert all(math.isfinite(value) for value in row)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=120), st.text(max_size=200))
def test_any_text_gives_finite_features(claim: str, evidence: str) -> None:
    row = lexical_features(claim, evidence)
    assert len(row) == len(LEXICAL_NAMES)
    assert all(math.isfinite(value) for value in row)
