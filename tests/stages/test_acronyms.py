"""Acronyms defined in the text, both ways round."""

from __future__ import annotations

from newsaudit import Auditor
from newsaudit.stages.acronyms import find_acronyms, resolve


def _found(auditor: Auditor, text: str) -> dict[str, str]:
    return {a.short: a.long for a in find_acronyms(auditor.language.parse(text))}


def test_long_name_then_acronym(auditor: Auditor) -> None:
    text = "The Norbury Coastal Rescue Service (NCRS) launched two boats. NCRS said both crews were safe."
    assert _found(auditor, text) == {"NCRS": "Norbury Coastal Rescue Service"}


def test_small_words_and_a_leading_the(auditor: Auditor) -> None:
    text = "A report by the Office for Rural Transport (ORT) was published on Monday."
    assert _found(auditor, text) == {"ORT": "Office for Rural Transport"}


def test_acronym_then_long_name(auditor: Auditor) -> None:
    text = "Figures from the FSA (Fenland Seed Association) show a poor harvest."
    assert _found(auditor, text) == {"FSA": "Fenland Seed Association"}


def test_brackets_that_are_not_definitions(auditor: Auditor) -> None:
    text = "Sales rose in the north (UK) and the team scored twice (OK)."
    assert _found(auditor, text) == {}


def test_definition_position_and_resolve(auditor: Auditor) -> None:
    text = "The Wexley Harbour Board (WHB) met."
    (acronym,) = find_acronyms(auditor.language.parse(text))
    assert text[acronym.start : acronym.start + 3] == "WHB"
    assert resolve("WHB", (acronym,)) == "Wexley Harbour Board"
    assert resolve("BBC", (acronym,)) == "BBC"
