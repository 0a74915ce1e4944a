"""The Markdown export and the rich terminal view."""

from __future__ import annotations

import dataclasses
import io

from rich.console import Console

from newsaudit import Report
from newsaudit.render.markdown import render_markdown
from newsaudit.render.terminal import render_plain, render_terminal


def test_markdown_has_sections_and_claims_table(seed_report: Report) -> None:
    text = render_markdown(seed_report)
    assert text.startswith("# Audit: Putin paid 100,000 North Korean soldiers")
    for heading in ("## Claims", "## Headline", "## Outlet"):
        assert f"\n{heading}" in text
    assert "| id | kind | checkworthy | attribution | hedges | quantities | text |" in text
    for claim in seed_report.claims:
        assert f"| {claim.id} | {claim.kind} |" in text
    for signal in seed_report.outlet.signals:
        assert f"**{signal.code}**" in text
    for reason in seed_report.headline.reasons:
        assert f"**{reason.code}**" in text


def test_markdown_escapes_table_cells(seed_report: Report) -> None:
    claim = dataclasses.replace(seed_report.claims[0], text="a | b")
    report = dataclasses.replace(seed_report, claims=(claim,))
    assert "| a \\| b |" in render_markdown(report)


def test_terminal_shows_every_part(seed_report: Report) -> None:
    text = render_plain(seed_report, width=160)
    assert "newjobvacancy.in" in text
    assert "Claims (" in text
    assert "Headline" in text and "Outlet" in text
    for column in ("attribution", "hedges", "quantities"):
        assert column in text
    for signal in seed_report.outlet.signals:
        assert signal.code in text


def test_terminal_narrow_layout_keeps_every_claim(seed_report: Report) -> None:
    text = render_plain(seed_report, width=80)
    assert all(f" {c.id} " in text for c in seed_report.claims)


def test_article_text_is_not_console_markup(seed_report: Report) -> None:
    article = dataclasses.replace(seed_report.article, title="[red]Breaking[/red] [bold]")
    report = dataclasses.replace(seed_report, article=article)
    buffer = io.StringIO()
    render_terminal(report, Console(file=buffer, width=120, force_terminal=False))
    assert "[red]Breaking[/red]" in buffer.getvalue()
