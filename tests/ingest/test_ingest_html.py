"""HTML through trafilatura: a team-written page with navigation, ads, comments and a payload."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsaudit.ingest import RawInput, read_source, to_article
from newsaudit.model import Article
from newsaudit.settings import Settings

SETTINGS = Settings()
PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "ingest" / "harbour_report.html"

MUST_CONTAIN = (
    "Eastfield's harbour could handle twice as much cargo within five years",
    "The full harbour feasibility report runs to 212 pages.",
    "the most important decision this town will take in a generation",
    "shellfish beds that have supported local families",
    "A public consultation opens next week",
    "printed copies will be available every weekday afternoon.",
)
MUST_NOT_CONTAIN = (
    "PAYLOAD",
    "Weather forecast for the coast",
    "We use cookies",
    "Accept all",
    "Advertisement",
    "Sunny Sheds",
    "Related posts",
    "Ferry timetable",
    "COMMENT-TEXT",
    "Leave a Reply",
    "Post Comment",
    "Subscribe",
    "All rights reserved",
    "Privacy policy",
    "Tweet",
    "Marta Okonkwo",
    "document.cookie",
)


@pytest.fixture(scope="module")
def page() -> Article:
    return to_article(read_source(str(PAGE), SETTINGS), SETTINGS)


def test_metadata(page: Article) -> None:
    assert page.source_format == "html"
    assert page.title == "Harbour dredging plan would double cargo capacity, council says"
    assert page.author == "Marta Okonkwo"
    assert page.date == "2025-03-04"
    assert page.site is not None and page.site.endswith("eastfield-courier.example")


@pytest.mark.parametrize("snippet", MUST_CONTAIN)
def test_body_is_kept(page: Article, snippet: str) -> None:
    assert snippet in page.text


@pytest.mark.parametrize("snippet", MUST_NOT_CONTAIN)
def test_furniture_and_payload_are_dropped(page: Article, snippet: str) -> None:
    assert snippet not in page.text
    assert all(snippet not in link.text and snippet not in link.url for link in page.links)


def test_headings_and_offsets(page: Article) -> None:
    assert [h.text for h in page.headings] == ["Costs and objections", "What happens next?"]
    assert "\n\n".join(page.text[b.start : b.end] for b in page.blocks) == page.text
    assert page.title not in page.text
    assert page.title_repeats == 0


def test_cited_report_link_found_and_javascript_link_dropped(page: Article) -> None:
    urls = [link.url for link in page.links]
    assert "https://council.eastfield.example/reports/harbour-feasibility-2025.pdf" in urls
    assert all(url.startswith(("http://", "https://")) for url in urls)
    assert not any("javascript" in url.lower() for url in urls)


def test_html_detected_by_content_not_name(tmp_path: Path) -> None:
    saved = tmp_path / "article.txt"
    saved.write_bytes(PAGE.read_bytes())
    article = to_article(read_source(str(saved), SETTINGS), SETTINGS)
    assert article.source_format == "html"
    assert article.title == "Harbour dredging plan would double cargo capacity, council says"


def test_relative_links_resolved_against_url_and_site_from_host() -> None:
    html = (
        "<html><head><title>Water rates to rise in April</title></head><body><article>"
        "<h1>Water rates to rise in April</h1>"
        "<p>The regional water company will raise its rates by four percent in April, according "
        "to its <a href='/docs/tariff-2025.html'>published tariff</a> for the coming year.</p>"
        "<p>It said the money would pay for new pipes in the northern districts, where leaks "
        "have been reported for several years by residents and by the local council.</p>"
        "<p><a href='data:text/html;base64,PHNjcmlwdD4='>Open the calculator</a> to see what "
        "it means for a typical household bill over the next twelve months in your area.</p>"
        "</article></body></html>"
    )
    raw = RawInput(html.encode(), "<test>", "https://www.water-news.example/story", "text/html")
    article = to_article(raw, SETTINGS)
    assert article.site == "www.water-news.example"
    assert [link.url for link in article.links] == [
        "https://www.water-news.example/docs/tariff-2025.html"
    ]


def test_declared_charset_decodes_latin1_page() -> None:
    html = (
        "<html><head><meta charset='iso-8859-1'><title>Caf\xe9 owners protest new rules</title>"
        "</head><body><article><h1>Caf\xe9 owners protest new rules</h1><p>Owners of the "
        "caf\xe9s in the old town said on Monday that the new licensing rules would force "
        "several of them to close before the summer season begins in the city.</p>"
        "</article></body></html>"
    ).encode("latin-1")
    article = to_article(RawInput(html, "<test>", None, None), SETTINGS)
    assert "caf\xe9s in the old town" in article.text


def test_hostile_markup_never_reaches_text_or_links() -> None:
    html = (
        "<html><head><title>Market hall to reopen after repairs</title>"
        "<style>p::before { content: 'STYLE-X' }</style></head>"
        "<body onload=\"alert('ONLOAD-X')\"><article><h1>Market hall to reopen after repairs</h1>"
        "<p>The covered market hall will reopen on Saturday "
        "<script>alert('SCRIPT-X')</script>after "
        "eight months of repairs to its roof, the traders' association said in a statement.</p>"
        "<noscript>NOSCRIPT-X enable javascript</noscript>"
        "<p>Stallholders said <a href='  JaVaScRiPt:alert(1)'>the new layout</a> would give "
        "shoppers more room, and <a href='java&#x09;script:alert(2)'>a second entrance</a> "
        "will open on the river side of the building <svg onload=\"alert('SVG-X')\"></svg>"
        "<a href='data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='>next year</a>.</p>"
        '<iframe srcdoc="<p>IFRAME-X</p>"></iframe><img src=x onerror="alert(\'IMG-X\')">'
        "<p>The <a href='https://traders.example/statement'>full statement</a> lists the new "
        "opening hours, which run from seven in the morning until six in the evening.</p>"
        "</article></body></html>"
    )
    article = to_article(RawInput(html.encode(), "<hostile>", None, None), SETTINGS)
    assert "covered market hall will reopen on Saturday" in article.text
    everything = (article.text + " ".join(f"{k.url} {k.text}" for k in article.links)).lower()
    markers = ("style-x", "onload-x", "script-x", "noscript-x", "svg-x", "iframe-x", "img-x")
    for marker in (*markers, "alert(", "javascript", "data:"):
        assert marker not in everything
    assert [link.url for link in article.links] == ["https://traders.example/statement"]
