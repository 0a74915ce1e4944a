"""The export renderers: self-contained HTML, CSV of claims, ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsaudit import Auditor, Report
from newsaudit.render.claimreview import claim_reviews, render_claimreview
from newsaudit.render.csv import COLUMNS, defuse, render_csv
from newsaudit.render.html import render_html, web_url

from .conftest import HOSTILE, SHORT_ARTICLE, with_verdicts


class Tags(HTMLParser):
    """Collects start tags with their attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def hostile_report(auditor: Auditor) -> Report:
    return auditor.audit(str(HOSTILE))


@pytest.fixture(scope="module")
def short_report(auditor: Auditor) -> Report:
    return with_verdicts(auditor.audit_text(SHORT_ARTICLE, url="https://news.example.com/ferry"))


def test_html_export_escapes_article_markup_and_has_no_script(hostile_report: Report) -> None:
    html = render_html(hostile_report)
    tags = parse(html)
    names = [name for name, _ in tags.tags]
    assert "script" not in names and "iframe" not in names and "svg" not in names
    assert "img" not in names  # the title's <img onerror> is text, not an element
    for _, attrs in tags.tags:
        assert not any(key.startswith("on") for key in attrs), attrs
        for key in ("href", "src", "action"):
            value = attrs.get(key) or ""
            assert not value.strip().lower().startswith(("javascript:", "data:")), attrs
    # The article's markup survives as visible text, escaped in the source.
    text = "".join(tags.text)
    assert '<script>alert("escaped text")</script>' in text
    assert "&lt;script&gt;" in html
    assert 'onerror=alert("title")' in text


def test_html_export_is_self_contained(short_report: Report) -> None:
    html = render_html(short_report)
    tags = parse(html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    for name, attrs in tags.tags:
        assert name != "link", "style sheets are inline"
        assert "src" not in attrs, (name, attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "https://")), href
    # Every claim is marked in the text and has its details element.
    claim_ids = {c.id for c in short_report.claims}
    marked = {a["data-claim"] for n, a in tags.tags if n == "a" and "data-claim" in a}
    details = {a["id"] for n, a in tags.tags if n == "details"}
    assert marked == claim_ids
    assert details == {f"claim-{i}" for i in claim_ids}
    # Evidence links go to the source's own address in a standalone file.
    assert "https://example.org/source-1" in html


def test_web_url_only_allows_http_and_https() -> None:
    assert web_url("https://example.org/a") == "https://example.org/a"
    assert web_url(" http://example.org ") == "http://example.org"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//x.org", ""):
        assert web_url(bad) is None, bad
    assert web_url(None) is None


def test_csv_has_one_row_per_claim_with_verdicts(short_report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render_csv(short_report))))
    assert tuple(rows[0].keys()) == COLUMNS
    assert [r["claim_id"] for r in rows] == [c.id for c in short_report.claims]
    for row, claim in zip(rows, short_report.claims, strict=True):
        assert row["text"] == claim.text
        assert row["kind"] == claim.kind
        assert int(row["start"]) == claim.start
    by_id = {v.claim_id: v for v in short_report.verdicts}
    for row in rows:
        verdict = by_id.get(row["claim_id"])
        assert row["corpus_verdict"] == (verdict.label if verdict else "")
        assert int(row["evidence_count"]) == (len(verdict.evidence) if verdict else 0)


@pytest.mark.parametrize("cell", ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_defuses_spreadsheet_formulas(cell: str) -> None:
    assert defuse(cell) == "'" + cell
    assert defuse("plain " + cell) == "plain " + cell


def test_csv_of_hostile_article_parses_back(hostile_report: Report) -> None:
    rows = list(csv.reader(io.StringIO(render_csv(hostile_report))))
    assert len(rows) == len(hostile_report.claims) + 1
    assert all(len(r) == len(COLUMNS) for r in rows)


# Google's ClaimReview guidance: required and recommended properties.
REQUIRED = ("claimReviewed", "reviewRating", "url", "author")
RECOMMENDED = ("datePublished", "itemReviewed")
RATING_REQUIRED = ("alternateName",)
RATING_RECOMMENDED = ("ratingValue", "bestRating", "worstRating")
CLAIM_RECOMMENDED = ("author", "datePublished", "appearance")


def test_claimreview_fields(short_report: Report) -> None:
    reviews = claim_reviews(
        short_report, review_url="http://127.0.0.1:8000/audits/7", published=dt.date(2024, 5, 6)
    )
    rated = [v for v in short_report.verdicts if v.label != "not_found"]
    assert [r["claimReviewed"] for r in reviews] == [
        short_report.claim(v.claim_id).text for v in rated
    ]
    for review, verdict in zip(reviews, rated, strict=True):
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        for key in REQUIRED + RECOMMENDED:
            assert review.get(key), key
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        for key in RATING_REQUIRED + RATING_RECOMMENDED:
            assert key in rating, key
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert (rating["ratingValue"] == rating["bestRating"]) == (verdict.label == "supported")
        assert "machine-generated" in rating["alternateName"]
        assert review["creativeWorkStatus"] == "machine-generated"
        assert "not reviewed by a person" in review["description"]
        assert review["author"]["@type"] == "Organization"
        assert "newsaudit" in review["author"]["name"]
        assert review["url"] == f"http://127.0.0.1:8000/audits/7#claim-{verdict.claim_id}"
        assert review["datePublished"] == "2024-05-06"
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"]["url"] == "https://news.example.com/ferry"
        claim = short_report.claim(verdict.claim_id)
        if claim.attribution.type == "named":
            assert item["author"]["name"] in (claim.attribution.source, claim.attribution.mention)
        else:
            assert "author" not in item


def test_claimreview_is_json_ld_list(short_report: Report) -> None:
    data = json.loads(render_claimreview(short_report))
    assert isinstance(data, list) and len(data) == 2
    assert "url" not in data[0]  # no page to point at from a file
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data[0]["datePublished"])


def test_claimreview_without_verdicts_is_empty(hostile_report: Report) -> None:
    assert claim_reviews(hostile_report) == []


def test_stored_reports_load_back_as_records(short_report: Report, hostile_report: Report) -> None:
    from newsaudit.errors import StoreError
    from newsaudit.render.json import report_to_dict
    from newsaudit.web._reports import report_from_dict

    for report in (short_report, hostile_report):
        assert report_from_dict(report_to_dict(report)) == report
    damaged = report_to_dict(short_report)
    del damaged["claims"][0]["attribution"]
    with pytest.raises(StoreError):
        report_from_dict(damaged)
    with pytest.raises(StoreError):
        report_from_dict(dict(report_to_dict(short_report), schema="newsaudit.report/1"))


@pytest.mark.parametrize("fmt", ["html", "csv", "claimreview"])
def test_cli_exports(fmt: str, example_path: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsaudit.cli.main import main

    out = tmp_path / f"report.{fmt}"
    with CliRunner().isolation():
        try:
            main(["audit", "--format", fmt, "-o", str(out), str(example_path)])
        except SystemExit as exc:
            assert exc.code in (0, None)
    text = out.read_text("utf-8")
    if fmt == "html":
        assert text.startswith("<!doctype html>") and 'class="claim kind-' in text
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and tuple(rows[0]) == COLUMNS
    else:
        assert json.loads(text) == []  # no corpus, nothing rated
