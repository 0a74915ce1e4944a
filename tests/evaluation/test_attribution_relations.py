"""Attribution relations as spans: the rules and the shipped tagger on sentences written here."""

from __future__ import annotations

import pytest

from newsaudit.settings import Settings
from newsaudit.stages.attribution_spans import SpanRelation, relations_in_text
from newsaudit.stages.attribution_tagger import shipped_model_path
from newsaudit.stages.language import LanguageModel

TEXT = (
    "Mayor Ana Ruiz said the harbour bridge would reopen in May.\n\n"
    "The repairs cost more than planned, according to the city council.\n\n"
    "The weather was mild on Tuesday.\n"
)


@pytest.fixture(scope="module")
def language() -> LanguageModel:
    return LanguageModel(Settings().spacy_model)


def _text(where: tuple[int, int] | None) -> str:
    assert where is not None
    return TEXT[where[0] : where[1]]


def _check(relations: tuple[SpanRelation, ...]) -> None:
    sources = [_text(r.source) for r in relations if r.source is not None]
    assert "Mayor Ana Ruiz" in sources
    assert any("council" in s for s in sources)
    # nothing is credited in the sentence without a source
    weather = TEXT.index("The weather")
    assert all(r.source is None or r.source[0] < weather for r in relations)
    ruiz = next(r for r in relations if r.source and _text(r.source) == "Mayor Ana Ruiz")
    assert "bridge would reopen" in _text(ruiz.content)


def test_rules_give_spans_with_offsets_into_the_text(language: LanguageModel) -> None:
    relations = relations_in_text(TEXT, language, method="rules")
    _check(relations)
    ruiz = next(r for r in relations if r.source and _text(r.source) == "Mayor Ana Ruiz")
    assert _text(ruiz.cue) == "said"


def test_the_shipped_tagger_finds_the_same_relations(language: LanguageModel) -> None:
    if not shipped_model_path().is_file():
        pytest.skip("no shipped attribution model")
    _check(relations_in_text(TEXT, language, method="tagger"))


def test_the_audit_extractor_falls_back_to_the_tagger(language: LanguageModel) -> None:
    text = "The national government has promised $25 million in emergency aid.\n"
    assert relations_in_text(text, language, "rules") == ()
    (relation,) = relations_in_text(text, language, "audit")
    assert relation.source is not None
    assert text[relation.source[0] : relation.source[1]] == "The national government"
