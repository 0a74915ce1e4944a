"""Headline against body, on articles and claims written by hand for each rule."""

from __future__ import annotations

from typing import Any

import pytest

from newsaudit.model import (
    NO_ATTRIBUTION,
    Acronym,
    Article,
    Attribution,
    Block,
    Claim,
    HeadlineCheck,
    Hedge,
    Quantity,
)
from newsaudit.settings import Settings
from newsaudit.stages._headline_parts import find_source
from newsaudit.stages.headline import StanceScorer, check_headline, combine
from newsaudit.stages.language import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Any:
    """The configured spaCy pipeline (headlines only are parsed here)."""
    return load_pipeline(Settings().spacy_model)


def article(title: str, *paragraphs: str) -> Article:
    """An article whose text is the paragraphs joined by blank lines."""
    text = "\n\n".join(paragraphs)
    blocks, pos = [], 0
    for p in paragraphs:
        blocks.append(Block("paragraph", pos, pos + len(p)))
        pos += len(p) + 2
    return Article(text, title, "harbourtimes.example", None, None, None, "text", tuple(blocks))


def claim(
    art: Article,
    cid: str,
    sentence: str,
    kind: str = "asserted",
    att: tuple[str, str, str | None] | None = None,
    hedges: tuple[str, ...] = (),
    quantities: tuple[tuple[str, float, str | None], ...] = (),
) -> Claim:
    """A claim located in the article text, with offsets computed from the sentence."""
    s = art.text.index(sentence)

    def at(piece: str) -> int:
        return s + sentence.index(piece)

    attribution = NO_ATTRIBUTION
    if att is not None:
        typ, mention, source = att
        attribution = Attribution(
            typ,
            mention,
            source,
            "organisation",
            None,  # type: ignore[arg-type]
            at(mention),
            at(mention) + len(mention),
        )
    return Claim(
        cid,
        sentence,
        s,
        s + len(sentence),
        kind,
        0.8,
        attribution,  # type: ignore[arg-type]
        tuple(Quantity(t, v, "exact", c, at(t), at(t) + len(t)) for t, v, c in quantities),
        (),
        tuple(Hedge(h, at(h), at(h) + len(h)) for h in hedges),
    )


def run(
    nlp: Any,
    art: Article,
    claims: tuple[Claim, ...],
    acronyms: tuple[Acronym, ...] = (),
    scorer: StanceScorer | None = None,
) -> HeadlineCheck:
    """Check the headline and assert every span points at its text."""
    check = check_headline(art, claims, nlp(art.title) if art.title else None, acronyms, scorer)
    for reason in check.reasons:
        for span in reason.spans:
            source = art.title if span.where == "headline" else art.text
            assert source[span.start : span.end] == span.text and span.text
    return check


def codes(check: HeadlineCheck) -> list[str]:
    return [r.code for r in check.reasons]


# A paraphrase of a body: the hedged claim, a number from another claim, a credit moved.
S1 = "Local reports say the mayor may have paid the contractors to abandon the ferry project."
S2 = (
    "According to the Port Authority (PA), the city plans to hire 500 workers for the ferry "
    "terminal next year."
)
S3 = "The PA also said the ferry project was abandoned in May."


@pytest.fixture()
def moved(nlp: Any) -> HeadlineCheck:
    art = article("Mayor paid 500 contractors to abandon ferry project: PA", S1, S2 + " " + S3)
    claims = (
        claim(art, "C1", S1, "hedged", ("vague", "Local reports", None), ("may have",)),
        claim(
            art,
            "C2",
            S2,
            att=("named", "Port Authority", "Port Authority"),
            quantities=(("500", 500, "workers"),),
        ),
        claim(art, "C3", S3, att=("named", "PA", "Port Authority")),
    )
    acronyms = (Acronym("PA", "Port Authority", art.text.index("Port Authority")),)
    return run(nlp, art, claims, acronyms)


def test_moved_headline_is_not_supported_with_three_reasons(moved: HeadlineCheck) -> None:
    assert (moved.verdict, moved.stance) == ("not_supported", "discuss")
    assert codes(moved) == ["hedge_dropped", "quantity_moved", "attribution_moved"]
    assert moved.matched_claims[0] == "C1"
    assert moved.headline_source == "Port Authority"


def test_moved_headline_spans(moved: HeadlineCheck) -> None:
    spans = {r.code: r.spans for r in moved.reasons}
    hedge = spans["hedge_dropped"]
    assert [s.text for s in hedge if s.where == "headline"] == ["paid"]
    assert "may have" in [s.text for s in hedge if s.where == "body"]
    qty = spans["quantity_moved"]
    assert qty[0].where == "headline" and qty[0].text.startswith("500")
    assert [s.text for s in qty if s.where == "body"] == ["500"]
    att = spans["attribution_moved"]
    assert att[0].text == "PA" and att[0].where == "headline"
    assert "Local reports" in [s.text for s in att if s.where == "body"]
    detail = next(r.detail for r in moved.reasons if r.code == "attribution_moved")
    assert "C2" in detail and "C3" in detail


def test_same_numbers_and_source_is_supported(nlp: Any) -> None:
    s = "The council approved 12 new bus routes on Monday, the Transport Office said."
    art = article("Council approves 12 new bus routes, Transport Office says", s)
    c = claim(
        art,
        "C1",
        s,
        att=("named", "the Transport Office", "Transport Office"),
        quantities=(("12", 12, "new bus routes"),),
    )
    check = run(nlp, art, (c,))
    assert (check.verdict, check.stance, check.reasons) == ("supported", "agree", ())
    assert check.matched_claims == ("C1",)
    assert check.headline_source == "Transport Office"


def test_no_overlap_is_unrelated(nlp: Any) -> None:
    s = "The council approved 12 new bus routes on Monday."
    art = article("Volcano erupts near mountain village", s)
    check = run(nlp, art, (claim(art, "C1", s),))
    assert (check.verdict, check.stance, check.matched_claims) == ("unrelated", "unrelated", ())


def test_body_denies_what_headline_asserts(nlp: Any) -> None:
    s = "The finance minister has not resigned over the budget row, her office said."
    art = article("Finance minister resigns over budget row", s)
    check = run(nlp, art, (claim(art, "C1", s),))
    assert (check.verdict, check.stance) == ("contradicted", "disagree")
    assert "negation_flipped" in codes(check)
    body = [x.text for r in check.reasons for x in r.spans if x.where == "body"]
    assert "not" in body


def test_headline_denies_what_body_asserts(nlp: Any) -> None:
    s = "The finance minister resigned over the budget row on Friday."
    art = article("Finance minister did not resign over budget row", s)
    check = run(nlp, art, (claim(art, "C1", s),))
    assert (check.verdict, codes(check)) == ("contradicted", ["negation_flipped"])


def test_headline_rise_against_body_fall(nlp: Any) -> None:
    s = "Ticket sales at the city museum dropped by a fifth in the winter, its director said."
    art = article("Museum ticket sales climb over winter", s)
    check = run(nlp, art, (claim(art, "C1", s),))
    assert (check.verdict, codes(check)) == ("contradicted", ["direction_flipped"])
    spans = {(x.where, x.text) for r in check.reasons for x in r.spans}
    assert spans == {("headline", "climb"), ("body", "dropped")}


def test_same_direction_is_not_flipped(nlp: Any) -> None:
    s = "Ticket sales at the city museum rose by a fifth in the winter, its director said."
    art = article("Museum ticket sales climb over winter", s)
    check = run(nlp, art, (claim(art, "C1", s),))
    assert "direction_flipped" not in codes(check)


def test_headline_number_with_scale_word(nlp: Any) -> None:
    s = "The port handled 1.2 million tonnes of grain in March, the authority said."
    art = article("Port handled 1.2 million tonnes of grain in March", s)
    c1 = claim(art, "C1", s, quantities=(("1.2 million", 1.2e6, "grain"),))
    check = run(nlp, art, (c1,))
    assert "quantity_moved" not in codes(check)


def test_headline_told_as_forecast_keeps_the_prediction(nlp: Any) -> None:
    s = "The ferry service will stop running on Sundays from May, the operator said."
    art = article("Ferry service to stop Sunday sailings", s)
    check = run(nlp, art, (claim(art, "C1", s, kind="prediction"),))
    assert "hedge_dropped" not in codes(check)


def test_entity_missing_from_body(nlp: Any) -> None:
    s = "Acme Shipping signed the harbour lease with the city council on Tuesday."
    art = article("Acme Shipping signs harbour lease with Norway", s)
    check = run(nlp, art, (claim(art, "C1", s),))
    assert codes(check) == ["entity_missing"]
    assert check.reasons[0].spans[0].text == "Norway"
    assert check.verdict == "not_supported"


def test_number_absent_from_body(nlp: Any) -> None:
    s = "Several homes flooded in Riverside on Sunday, the fire service said."
    art = article("40 homes flooded in Riverside", s)
    check = run(nlp, art, (claim(art, "C1", s),))
    assert codes(check) == ["quantity_moved"]
    assert [x.where for x in check.reasons[0].spans] == ["headline"]


@pytest.mark.parametrize(("counts", "moved"), [("cars", True), ("houses", False)])
def test_same_number_counting_something_else(nlp: Any, counts: str, moved: bool) -> None:
    s = f"Water reached 40 {counts} in Riverside on Sunday."
    art = article("Flood reaches 40 homes in Riverside", s)
    c = claim(art, "C1", s, quantities=(("40", 40, counts),))
    check = run(nlp, art, (c,))
    assert ("quantity_moved" in codes(check)) is moved


def test_hedged_headline_keeps_the_hedge(nlp: Any) -> None:
    art = article("Mayor may have paid contractors to abandon ferry project", S1)
    c = claim(art, "C1", S1, "hedged", hedges=("may have",))
    check = run(nlp, art, (c,))
    assert "hedge_dropped" not in codes(check)


def test_works_without_a_parsed_headline() -> None:
    art = article("Mayor paid contractors to abandon ferry project", S1)
    c = claim(art, "C1", S1, "hedged", hedges=("may have",))
    check = check_headline(art, (c,), None, ())
    assert codes(check) == ["hedge_dropped"]


def test_no_title() -> None:
    art = article("", S1)
    check = check_headline(art, (claim(art, "C1", S1),), None, ())
    assert check.verdict == "unrelated" and codes(check) == ["no_matching_claim"]


@pytest.mark.parametrize(
    ("title", "source"),
    [
        ("Putin visits Minsk: Kremlin", "Kremlin"),
        ("Storm closes port - Reuters", "Reuters"),
        ("Storm closes port, officials say", "officials"),
        ("Coast Guard says storm closed port", "Coast Guard"),
        ("Storm closed port, according to the Coast Guard", "the Coast Guard"),
        ("AP: Storm closes port", "AP"),
        ("Ukraine war: troops advance", None),
        ("Storm closes port", None),
    ],
)
def test_find_source(title: str, source: str | None) -> None:
    found, core = find_source(title)
    assert (found.text if found else None) == source
    assert title[core.start : core.end] == core.text


class FixedScorer:
    """A stance model that always gives the same probabilities."""

    def __init__(self, label: str, p: float = 0.7) -> None:
        self.label = label
        self.p = p

    def stance(self, headline: str, body: str) -> dict[str, float]:
        rest = (1.0 - self.p) / 3
        return {
            s: (self.p if s == self.label else rest)
            for s in ("agree", "disagree", "discuss", "unrelated")
        }


@pytest.mark.parametrize(
    ("label", "p", "expected"),
    [
        ("agree", 0.7, ("supported", "agree", [])),
        ("discuss", 0.7, ("supported", "agree", [])),
        ("discuss", 0.97, ("not_supported", "discuss", ["body_discusses"])),
        ("disagree", 0.7, ("contradicted", "disagree", ["body_disagrees"])),
        ("unrelated", 0.7, ("supported", "agree", [])),
    ],
)
def test_scorer_on_a_clean_match(
    nlp: Any, label: str, p: float, expected: tuple[str, str, list[str]]
) -> None:
    s = "The council approved 12 new bus routes on Monday."
    art = article("Council approves 12 new bus routes", s)
    check = run(nlp, art, (claim(art, "C1", s),), scorer=FixedScorer(label, p))
    assert (check.verdict, check.stance, codes(check)) == expected


def test_scorer_does_not_overrule_rule_reasons(moved: HeadlineCheck) -> None:
    verdict, stance, reasons = combine(
        "not_supported", moved.reasons, FixedScorer("agree").stance("", "")
    )
    assert (verdict, stance, reasons) == ("not_supported", "discuss", moved.reasons)


def test_scorer_on_no_overlap() -> None:
    assert combine("unrelated", (), FixedScorer("unrelated").stance("", "")) == (
        "unrelated",
        "unrelated",
        (),
    )
    assert combine("unrelated", (), FixedScorer("discuss").stance("", "")) == (
        "not_supported",
        "discuss",
        (),
    )


def test_source_named_by_the_body_without_an_acronym_list(nlp: Any) -> None:
    art = article("Mayor paid contractors to abandon ferry project: PA", S1, S2 + " " + S3)
    claims = (
        claim(art, "C1", S1, "hedged", ("vague", "Local reports", None), ("may have",)),
        claim(art, "C2", S2, att=("named", "Port Authority", "Port Authority")),
    )
    assert run(nlp, art, claims).headline_source == "Port Authority"


def test_attribution_span_found_from_the_mention(nlp: Any) -> None:
    art = article("Mayor paid contractors to abandon ferry project: PA", S1, S2)
    c1 = claim(art, "C1", S1, "hedged", hedges=("may have",))
    c1 = Claim(
        c1.id,
        c1.text,
        c1.start,
        c1.end,
        c1.kind,
        c1.checkworthy,
        Attribution("vague", "Local reports"),
        hedges=c1.hedges,
    )
    check = run(nlp, art, (c1,))
    spans = next(r.spans for r in check.reasons if r.code == "attribution_moved")
    assert [s.text for s in spans if s.where == "body"] == ["Local reports"]


def test_stem_index_matches_every_word_the_plain_comparison_matches() -> None:
    from pathlib import Path

    from newsaudit.stages._wording import content_words, stem
    from newsaudit.stages.headline import _has_word, _StemIndex

    fixtures = Path(__file__).parent.parent / "fixtures" / "articles"
    text = " ".join(p.read_text("utf-8") for p in sorted(fixtures.glob("*.txt")))
    words = sorted({w.text for w in content_words(text)})
    tricky = ["settings", "set", "Korea", "Korean", "delay", "delayed", "war", "wars", "us"]
    stems = {stem(w) for w in [*words[::3], *tricky]}
    index = _StemIndex(stems)
    probes = [*words, *tricky, "Koreans", "delaying", "studies", "study", "x"]
    found = [w for w in probes if _has_word(w, stems)]
    assert [w for w in probes if index.has_word(w)] == found
    assert {"Korean", "Koreans", "delaying"} <= set(found) and len(found) < len(probes)
