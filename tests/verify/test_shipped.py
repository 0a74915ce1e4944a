"""The entailment model shipped with newsaudit, on pairs written for these tests."""

from __future__ import annotations

import pytest

from newsaudit.settings import Settings
from newsaudit.verify import LABELS, Entailer, load_entailer


@pytest.fixture(scope="module")
def entailer() -> Entailer:
    return load_entailer()


def argmax(probabilities: dict[str, float]) -> str:
    return max(probabilities, key=lambda label: probabilities[label])


def test_loaded_once_and_from_settings() -> None:
    assert load_entailer() is load_entailer(Settings())


def test_judge_gives_a_distribution_per_pair(entailer: Entailer) -> None:
    out = entailer.judge([("Claim one.", "Evidence one."), ("Claim two.", "Evidence two.")])
    assert len(out) == 2
    for row in out:
        assert set(row) == set(LABELS)
        assert sum(row.values()) == pytest.approx(1.0)
    assert entailer.judge([]) == []


def test_supporting_paraphrase(entailer: Entailer) -> None:
    [row] = entailer.judge(
        [
            (
                "The city council approved the new harbour budget on Tuesday.",
                "On Tuesday the city council voted to approve the new harbour budget.",
            )
        ]
    )
    assert argmax(row) == "supports"


def test_number_swap_refutes(entailer: Entailer) -> None:
    evidence = "The institute said Russia had moved about 12,000 troops to the border in March."
    swapped, same = entailer.judge(
        [
            ("Russia moved about 100,000 troops to the border in March.", evidence),
            ("Russia moved about 12,000 troops to the border in March.", evidence),
        ]
    )
    assert argmax(swapped) == "refutes"
    assert argmax(same) == "supports"
    assert swapped["refutes"] > same["refutes"]


def test_negation_refutes(entailer: Entailer) -> None:
    [row] = entailer.judge(
        [
            (
                "The vaccine does not protect older adults against severe illness.",
                "The trial found that the vaccine protects older adults against severe illness.",
            )
        ]
    )
    assert argmax(row) == "refutes"


def test_unrelated_evidence_is_neutral(entailer: Entailer) -> None:
    [row] = entailer.judge(
        [
            (
                "Russia moved about 100,000 troops to the border in March.",
                "The bakery on Mill Street sells sourdough bread on Sundays.",
            )
        ]
    )
    assert argmax(row) == "neutral"


def test_claim_verdicts_read_all_sentences(entailer: Entailer) -> None:
    evidence = [
        "Researchers tested the drug in 400 patients.",
        "The drug reduced hospital admissions by a third.",
    ]
    verdicts = entailer.claim_verdicts(
        [
            ("The drug reduced hospital admissions by a third", evidence),
            ("The drug increased hospital admissions by a third", evidence),
        ]
    )
    assert verdicts == ["supports", "refutes"]
