"""The seed article: the headline is not supported by its body, and the page rates low."""

from __future__ import annotations

from newsaudit.model import HeadlineReason, Report, Span


def _claim_with(report: Report, words: str) -> str:
    """The id of the claim whose text contains `words`."""
    return next(c.id for c in report.claims if words in c.text)


def _reason(report: Report, code: str) -> HeadlineReason:
    return next(r for r in report.headline.reasons if r.code == code)


def _texts(spans: tuple[Span, ...], where: str) -> list[str]:
    return [s.text for s in spans if s.where == where]


def test_headline_not_supported_for_three_reasons(seed_report: Report) -> None:
    check = seed_report.headline
    assert (check.verdict, check.stance) == ("not_supported", "discuss")
    assert sorted(r.code for r in check.reasons) == [
        "attribution_moved",
        "hedge_dropped",
        "quantity_moved",
    ]
    assert check.matched_claims[0] == _claim_with(seed_report, "may have paid")
    assert check.headline_source == "Institute for the Study of War"


def test_headline_spans_point_into_title_and_text(seed_report: Report) -> None:
    art = seed_report.article
    for reason in seed_report.headline.reasons:
        assert any(s.where == "headline" for s in reason.spans)
        assert any(s.where == "body" for s in reason.spans)
        for s in reason.spans:
            assert (art.title if s.where == "headline" else art.text)[s.start : s.end] == s.text


def test_hedge_dropped(seed_report: Report) -> None:
    spans = _reason(seed_report, "hedge_dropped").spans
    assert _texts(spans, "headline") == ["paid"]
    assert "may have" in " ".join(_texts(spans, "body"))


def test_quantity_moved_to_the_troops_under_discussion(seed_report: Report) -> None:
    spans = _reason(seed_report, "quantity_moved").spans
    assert _texts(spans, "headline")[0].startswith("100,000")
    discussed = seed_report.claim(_claim_with(seed_report, "in discussions"))
    body = [s for s in spans if s.where == "body"]
    assert body and body[0].text == "100,000"
    assert discussed.start <= body[0].start < discussed.end


def test_attribution_moved_from_recent_reports(seed_report: Report) -> None:
    reason = _reason(seed_report, "attribution_moved")
    assert _texts(reason.spans, "headline") == ["ISW"]
    assert any("reports" in t.lower() for t in _texts(reason.spans, "body"))


def test_outlet_is_low_with_its_reasons(seed_report: Report) -> None:
    outlet = seed_report.outlet
    codes = {s.code for s in outlet.signals}
    assert outlet.reliability == "low"
    assert {
        "domain_topic_mismatch",
        "no_author",
        "no_date",
        "no_source_link",
        "scraper_residue",
        "repeated_headline",
        "template_text",
    } <= codes
    assert not {"has_author", "has_date", "links_sources"} & codes
    assert outlet.summary.startswith("Low reliability")


def test_outlet_evidence(seed_report: Report) -> None:
    signals = {s.code: s for s in seed_report.outlet.signals}
    mismatch = " ".join(signals["domain_topic_mismatch"].evidence)
    assert "job" in mismatch and "vacancy" in mismatch
    assert "war" in signals["domain_topic_mismatch"].detail
    assert any(
        "Institute for the Study of War" in e or "ISW" in e
        for e in signals["no_source_link"].evidence
    )
    residue = " ".join(signals["scraper_residue"].evidence)
    assert "Share this content:" in residue and "Post Comment" in residue
    template = " ".join(signals["template_text"].evidence)
    for quoted in (
        "Why 100,000 North Korean troops?",
        "What does this mean for Ukraine?",
        "game-changer",
        "significant consequences",
        "shift in the balance of power",
    ):
        assert quoted in template
