"""Outlet and page signals, on pages written by hand for each rule."""

from __future__ import annotations

import pytest

from newsaudit.model import (
    NO_ATTRIBUTION,
    Article,
    Attribution,
    Block,
    Claim,
    Furniture,
    Link,
    Outlet,
)
from newsaudit.stages.outlet import assess_outlet
from newsaudit.stages.template_text import question_headings, stock_phrases_in
from newsaudit.stages.topics import article_topics, domain_topics

WAR = (
    "The army moved troops to the front after the missile strike. Military officials said the "
    "deployment would continue. Soldiers reported heavy artillery fire as the war entered its "
    "third year."
)
RECIPE = (
    "Mix the flour with two tablespoons of sugar. Bake the dough in a hot oven for twenty "
    "minutes. This recipe needs only five ingredients."
)


def page(
    text: str,
    site: str | None = "dailyharbour.example",
    title: str = "A headline",
    author: str | None = None,
    date: str | None = None,
    links: tuple[Link, ...] = (),
    furniture: tuple[Furniture, ...] = (),
    repeats: int = 0,
    headings: tuple[str, ...] = (),
) -> Article:
    """An article: the headings first (one block each), then the text as one paragraph."""
    pieces = [*((h, "heading") for h in headings), (text, "paragraph")]
    body = "\n\n".join(p for p, _ in pieces)
    blocks, pos = [], 0
    for p, kind in pieces:
        blocks.append(Block(kind, pos, pos + len(p)))  # type: ignore[arg-type]
        pos += len(p) + 2
    return Article(
        body, title, site, author, date, None, "html", tuple(blocks), furniture, links, repeats
    )


def claims(*attributions: tuple[str, str | None]) -> tuple[Claim, ...]:
    """Check-worthy asserted claims with the given (type, source) attributions."""
    out = []
    for i, (typ, source) in enumerate(attributions, 1):
        att = NO_ATTRIBUTION if typ == "none" else Attribution(typ, source, source)  # type: ignore[arg-type]
        out.append(Claim(f"C{i}", "x", 0, 1, "asserted", 0.9, att))
    return tuple(out)


def signal_codes(outlet: Outlet) -> set[str]:
    return {s.code for s in outlet.signals}


def test_job_site_publishing_war_news() -> None:
    outlet = assess_outlet(page(WAR, site="quickjobvacancy.example"), ())
    mismatch = next(s for s in outlet.signals if s.code == "domain_topic_mismatch")
    assert "job" in mismatch.evidence[0] and "vacancy" in mismatch.evidence[0]
    assert "war" in mismatch.detail
    assert mismatch.weight < 0


@pytest.mark.parametrize(
    "site", ["dailyharbour.example", "harbourtimes.example", "homecookingrecipes.example"]
)
def test_fitting_or_neutral_domains(site: str) -> None:
    text = RECIPE if "recipe" in site else WAR
    assert "domain_topic_mismatch" not in signal_codes(assess_outlet(page(text, site=site), ()))


@pytest.mark.parametrize(
    ("domain", "topics"),
    [
        ("freshjobalerts.in", {"jobs"}),
        ("best-keto-pills.net", {"health"}),
        ("alphabet.com", set()),
        ("www.example.co.uk", set()),
        ("cryptobet.io", {"crypto", "casino"}),
    ],
)
def test_domain_topics(domain: str, topics: set[str]) -> None:
    assert set(domain_topics(domain)) == topics


def test_article_topics() -> None:
    assert article_topics(WAR)[0][0] == "war"
    assert article_topics(RECIPE)[0][0] == "recipes"
    assert article_topics("The weather was fine.") == []


def test_byline_and_date() -> None:
    bare = signal_codes(assess_outlet(page(WAR), ()))
    assert {"no_author", "no_date"} <= bare
    full = signal_codes(assess_outlet(page(WAR, author="A. Writer", date="2024-05-01"), ()))
    assert {"has_author", "has_date"} <= full and not {"no_author", "no_date"} & full


def test_cited_source_without_a_link() -> None:
    outlet = assess_outlet(page(WAR), claims(("named", "Harbour Institute")))
    signal = next(s for s in outlet.signals if s.code == "no_source_link")
    assert signal.evidence == ("Harbour Institute",)


def test_cited_source_found_in_text_without_claims() -> None:
    text = "According to the Harbour Institute, the port handled more ships this year."
    assert "no_source_link" in signal_codes(assess_outlet(page(text), ()))


def test_linked_source() -> None:
    links = (Link("https://harbourinstitute.example/report", "Harbour Institute report"),)
    outlet = assess_outlet(page(WAR, links=links), claims(("named", "Harbour Institute")))
    assert "links_sources" in signal_codes(outlet)
    assert "no_source_link" not in signal_codes(outlet)


def test_residue_and_repeated_headline() -> None:
    furniture = (Furniture("Share this:", "share widget"), Furniture("Leave a reply", "comments"))
    outlet = assess_outlet(page(WAR, furniture=furniture, repeats=2), ())
    residue = next(s for s in outlet.signals if s.code == "scraper_residue")
    assert any("Share this:" in e for e in residue.evidence)
    assert "repeated_headline" in signal_codes(outlet)


def test_template_text_quotes_headings_and_phrases() -> None:
    text = WAR + " Analysts call it a game changer, but only time will tell."
    art = page(text, headings=("How did we get here?", "The port", "Is this the end?"))
    assert question_headings(art) == ["How did we get here?", "Is this the end?"]
    assert stock_phrases_in(text) == ["game changer", "only time will tell"]
    signal = next(s for s in assess_outlet(art, ()).signals if s.code == "template_text")
    assert '"game changer"' in signal.evidence and '"Is this the end?"' in signal.evidence


def test_one_stock_phrase_is_not_a_template() -> None:
    art = page(WAR + " Only time will tell.")
    assert "template_text" not in signal_codes(assess_outlet(art, ()))


def test_unsourced_and_well_sourced_claims() -> None:
    bare = assess_outlet(page(WAR), claims(*[("none", None)] * 4))
    assert "unsourced_claims" in signal_codes(bare)
    named = assess_outlet(
        page(WAR), claims(("named", "Coast Guard"), ("named", "Port Authority"), ("none", None))
    )
    assert "well_sourced" in signal_codes(named)


def test_template_page_on_a_misfit_domain_is_low() -> None:
    art = page(
        WAR + " It may prove a game-changer and a sign of desperation.",
        site="bestrecipeskitchen.example",
        headings=("Why now?", "What comes next?"),
        furniture=(Furniture("Post Comment", "comment widget"),),
        repeats=1,
    )
    outlet = assess_outlet(art, claims(("named", "Harbour Institute"), ("none", None)))
    assert outlet.reliability == "low"
    assert {
        "domain_topic_mismatch",
        "no_author",
        "no_date",
        "no_source_link",
        "scraper_residue",
        "repeated_headline",
        "template_text",
    } <= signal_codes(outlet)
    assert outlet.summary.startswith("Low reliability") and outlet.summary.endswith(".")


def test_well_made_page_is_high() -> None:
    links = (Link("https://coastguard.example/statement", "Coast Guard statement"),)
    art = page(WAR, author="A. Writer", date="2024-05-01", links=links)
    outlet = assess_outlet(
        art, claims(("named", "Coast Guard"), ("named", "Port Authority"), ("named", "Coast Guard"))
    )
    assert outlet.reliability == "high"
    assert {"has_author", "has_date", "links_sources", "well_sourced"} <= signal_codes(outlet)


def test_little_known_is_mixed() -> None:
    outlet = assess_outlet(page(WAR, author="A. Writer", date="2024-05-01"), ())
    assert outlet.reliability == "mixed"


def test_nothing_known_is_unknown() -> None:
    outlet = assess_outlet(page("The weather was fine.", site=None), ())
    assert outlet.reliability == "unknown" and outlet.domain is None
    assert "\n" not in outlet.summary
