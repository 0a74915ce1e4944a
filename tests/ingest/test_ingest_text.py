"""Plain-text cleaning: the seed article and small team-written texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.ingest import RawInput, read_source, to_article
from newsaudit.model import Article
from newsaudit.settings import Settings

SETTINGS = Settings()
HEADLINE = "Putin paid 100,000 North Korean soldiers to help delay second deployment: ISW"
SEED_HEADINGS = (
    "Russia’s military tensions",
    "Why 100,000 North Korean troops?",
    "Russia’s reliance on North Korea’s support",
    "What does this mean for Ukraine?",
)


def article_of(text: str, url: str | None = None) -> Article:
    return to_article(RawInput(text.encode("utf-8"), "<test>", url, None), SETTINGS)


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    return to_article(read_source(str(seed_path), SETTINGS), SETTINGS)


def test_seed_title_and_site(seed: Article) -> None:
    assert seed.title == HEADLINE
    assert seed.site == "newjobvacancy.in"
    assert seed.url is None
    assert seed.source_format == "text"
    assert (seed.author, seed.date) == (None, None)


def test_seed_furniture_removed_with_reasons(seed: Article) -> None:
    found = {(f.text, f.reason) for f in seed.furniture}
    assert ("×", "lone symbol") in found
    assert ("newjobvacancy.in (29)", "site counter") in found
    assert (HEADLINE, "repeated headline") in found
    assert (f"newjobvacancy.in-30 {HEADLINE}", "image caption") in found
    assert ("Share this content:", "share widget") in found
    assert ("Post Comment", "comment widget") in found
    assert seed.title_repeats == 1
    for piece in ("×", "newjobvacancy.in", "Share this content", "Post Comment", HEADLINE):
        assert piece not in seed.text


def test_seed_headings_are_heading_blocks(seed: Article) -> None:
    assert tuple(span.text for span in seed.headings) == SEED_HEADINGS
    paragraphs = [seed.text[b.start : b.end] for b in seed.blocks if b.kind == "paragraph"]
    assert not set(paragraphs) & set(SEED_HEADINGS)
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith("Recent reports have revealed")
    assert paragraphs[-1].endswith("hold out against Russian advances.")


def test_seed_offsets_are_exact(seed: Article) -> None:
    pieces = [seed.text[b.start : b.end] for b in seed.blocks]
    assert "\n\n".join(pieces) == seed.text
    assert all(piece == piece.strip() and piece for piece in pieces)


def test_first_substantial_line_is_the_title_and_byline_dateline_are_taken() -> None:
    article = article_of(
        "Council backs new cycle lanes on the ring road\n\n"
        "By Jane Doe\n\n"
        "Published 3 March 2025\n\n"
        "The city council voted on Tuesday to build protected cycle lanes along the ring road, "
        "a plan that campaigners have pushed for since the last election.\n\n"
        "Advertisement\n\n"
        "The work is expected to start in the autumn and take two years to finish.\n\n"
        "Read more\n"
    )
    assert article.title == "Council backs new cycle lanes on the ring road"
    assert (article.author, article.date) == ("Jane Doe", "2025-03-03")
    reasons = {f.reason for f in article.furniture}
    assert {"byline", "dateline", "advertisement", "read-more link"} <= reasons
    assert "Jane Doe" not in article.text and "Published" not in article.text
    assert article.title_repeats == 0
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]


def test_combined_byline_and_iso_date() -> None:
    article = article_of(
        "Storm closes the coastal railway for a week\n"
        "By Sam Ortiz | 2024-11-02\n"
        "Engineers say the storm washed away a section of the embankment near the harbour, "
        "and that repairs will take at least a week while the line stays closed.\n"
    )
    assert article.author == "Sam Ortiz"
    assert article.date == "2024-11-02"
    assert article.text.startswith("Engineers say")


def test_hard_wrapped_paragraphs_are_joined() -> None:
    article = article_of(
        "Library extends its opening hours\n\n"
        "The town library will open until nine in the evening from next month, the\n"
        "council said, after a survey found that many residents could not visit it\n"
        "during the working day.\n"
    )
    assert len(article.blocks) == 1
    assert "next month, the council said, after a survey" in article.text


def test_single_paragraph_has_no_title() -> None:
    text = "According to the agency, prices rose by 3 percent in the year to March."
    article = article_of(text)
    assert article.title == ""
    assert article.text == text


def test_generic_furniture_lines_are_dropped() -> None:
    lines = [
        "Share",
        "Tweet",
        "Subscribe to our newsletter",
        "Related posts",
        "Leave a Reply",
        "We use cookies to give you the best experience on our website.",
        "Accept all",
        "Tags: transport, council",
        "© 2025 example-news.com. All rights reserved.",
    ]
    body = (
        "The bridge will reopen to traffic on Friday after three months of repairs, officials said."
    )
    article = article_of("Bridge reopens on Friday\n\n" + body + "\n\n" + "\n\n".join(lines))
    assert article.text == body
    assert len(article.furniture) == len(lines)
    assert article.site == "example-news.com"


def test_url_host_is_the_site() -> None:
    article = article_of(
        "Bridge reopens on Friday\n\nThe bridge will reopen on Friday, officials said.",
        url="https://News.Example.org/a/1",
    )
    assert article.site == "news.example.org"


def test_kicker_and_dateline_above_the_title() -> None:
    article = article_of(
        "World\n\n"
        "2025-01-15\n\n"
        "Ferry operators cancel winter crossings\n\n"
        "By Ana Lima\n\n"
        "Two ferry operators said on Wednesday that they would cancel all winter crossings to the "
        "islands because of fuel costs, leaving residents with a single weekly supply boat.\n"
    )
    assert article.title == "Ferry operators cancel winter crossings"
    assert (article.author, article.date) == ("Ana Lima", "2025-01-15")
    assert {(f.text, f.reason) for f in article.furniture} == {
        ("World", "above headline"),
        ("2025-01-15", "dateline"),
        ("By Ana Lima", "byline"),
    }
    assert article.text.startswith("Two ferry operators")


def test_question_heading_and_lines_that_are_not_headings() -> None:
    article = article_of(
        "Schools to get new heat pumps\n\n"
        "The education department will fit heat pumps in forty schools this year, it said.\n\n"
        "Why heat pumps?\n\n"
        "Officials said the pumps would halve heating bills within a decade, according to a "
        "report by the department's own engineers.\n\n"
        "The plan, however:\n\n"
        "It still needs the approval of the finance committee, which meets in May.\n"
    )
    assert [h.text for h in article.headings] == ["Why heat pumps?"]
