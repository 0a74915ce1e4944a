"""Claims: which sentences, their offsets, ids, kinds, parts and check-worthiness."""

from __future__ import annotations

from newsaudit import Auditor
from newsaudit.model import Article, Block, Claim
from newsaudit.settings import Settings
from newsaudit.stages.acronyms import find_acronyms
from newsaudit.stages.claims import extract_claims


def _article(*blocks: tuple[str, str]) -> Article:
    """An article from (kind, text) blocks separated by blank lines."""
    text, spans = "", []
    for kind, part in blocks:
        if text:
            text += "\n\n"
        spans.append(Block(kind, len(text), len(text) + len(part)))  # type: ignore[arg-type]
        text += part
    return Article(text, "A title", None, None, None, None, "text", tuple(spans))


def _claims(
    auditor: Auditor, *blocks: tuple[str, str], settings: Settings | None = None
) -> tuple[Claim, ...]:
    article = _article(*blocks)
    doc = auditor.language.parse(article.text)
    claims = extract_claims(article, doc, find_acronyms(doc), settings or Settings())
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.text
        for part in (*claim.quantities, *claim.entities, *claim.hedges):
            assert article.text[part.start : part.end] == part.text
            assert claim.start <= part.start < part.end <= claim.end
    return claims


PARAGRAPH = (
    "The Hollins Canal Trust said on Monday that 14 lock gates had failed inspection. "
    "Boaters may face delays. "
    "Will the summer season be lost? "
    "The trust should have acted sooner."
)


def test_sentences_of_paragraphs_with_ids_in_order(auditor: Auditor) -> None:
    claims = _claims(auditor, ("heading", "Trouble on the canal"), ("paragraph", PARAGRAPH))
    assert [c.id for c in claims] == ["C1", "C2", "C3"]
    assert [c.kind for c in claims] == ["asserted", "hedged", "opinion"]
    assert all("Trouble" not in c.text for c in claims)


def test_questions_are_not_claims(auditor: Auditor) -> None:
    claims = _claims(auditor, ("paragraph", PARAGRAPH))
    assert not any(c.text.endswith("?") for c in claims)


def test_parts_of_a_claim(auditor: Auditor) -> None:
    first = _claims(auditor, ("paragraph", PARAGRAPH))[0]
    assert first.attribution.type == "named"
    assert first.attribution.source == "Hollins Canal Trust"
    assert [(q.value, q.counts) for q in first.quantities] == [(14, "lock gates")]
    assert {"ORG", "DATE"} <= {e.label for e in first.entities}


def test_checkworthy_orders_facts_above_opinion(auditor: Auditor) -> None:
    fact, hedge, opinion = _claims(auditor, ("paragraph", PARAGRAPH))
    assert all(0.0 <= c.checkworthy <= 1.0 for c in (fact, hedge, opinion))
    assert fact.checkworthy >= 0.5 > hedge.checkworthy >= opinion.checkworthy


def test_min_checkworthy_drops_and_renumbers(auditor: Auditor) -> None:
    claims = _claims(auditor, ("paragraph", PARAGRAPH), settings=Settings(min_checkworthy=0.5))
    assert [c.id for c in claims] == ["C1"]


def test_semicolon_clauses_and_their_credit(auditor: Auditor) -> None:
    text = "The pier reopened in May, the council said; the café next to it stayed shut all summer."
    first, second = _claims(auditor, ("paragraph", text))
    assert first.text.endswith("the council said")
    assert first.attribution.type == "named"
    assert second.text.startswith("the café")
    assert second.attribution.type == "none"


def test_an_open_quotation_carries_its_speaker(auditor: Auditor) -> None:
    text = (
        '"The roof leaked for years," said warden Ada Kimani. "Nobody listened. Then it fell in."'
    )
    claims = _claims(auditor, ("paragraph", text))
    assert claims[0].attribution.source == "Ada Kimani"


def test_credit_stays_in_its_paragraph(auditor: Auditor) -> None:
    claims = _claims(
        auditor,
        ("paragraph", "Officials said 30 flats were empty."),
        ("paragraph", "The block was built in 1968."),
    )
    assert [c.attribution.type for c in claims] == ["vague", "none"]
