"""Report -> a readable terminal view with rich: metadata, claims table, headline, outlet.

Article text is always wrapped in `rich.text.Text`, never parsed as console markup, so
brackets in an article cannot restyle or hide parts of the report.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Article, Claim, HeadlineCheck, Outlet, Report, Verdict
from ._labels import (
    RELIABILITY_WORDS,
    attribution_label,
    evidence_lines,
    evidence_source_label,
    hedges_label,
    quantity_label,
    verdict_label,
)

_KIND_STYLE = {"asserted": "bold", "hedged": "yellow", "prediction": "cyan", "opinion": "magenta"}
_VERDICT_STYLE = {
    "supported": "green",
    "not_supported": "bold yellow",
    "contradicted": "bold red",
    "unrelated": "red",
}
# From this many columns on, attribution, hedges and quantities get columns of their own.
WIDE = 140
_RELIABILITY_STYLE = {"low": "bold red", "mixed": "yellow", "high": "green", "unknown": "dim"}


def _article_panel(article: Article) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    rows = [
        ("Site", article.site),
        ("URL", article.url),
        ("Author", article.author),
        ("Date", article.date),
        ("Format", f"{article.source_format}, {article.language}, {len(article.text):,} chars"),
    ]
    for name, value in rows:
        grid.add_row(name, Text(value) if value else Text("—", style="dim"))
    if article.furniture:
        removed = ", ".join(repr(f.text[:40]) for f in article.furniture[:4])
        more = f" (+{len(article.furniture) - 4} more)" if len(article.furniture) > 4 else ""
        grid.add_row("Removed", Text(f"{len(article.furniture)} page items: {removed}{more}"))
    title = Text(article.title or "(untitled)", style="bold")
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED)


def _details(claim: Claim) -> Text:
    """The claim text with its attribution, hedges and quantities on dim lines below."""
    text = Text(claim.text)
    text.append(f"\n  attribution: {attribution_label(claim.attribution)}", style="dim")
    if claim.hedges:
        text.append(f"\n  hedges: {hedges_label(claim)}", style="dim")
    if claim.quantities:
        quantities = "; ".join(quantity_label(q) for q in claim.quantities)
        text.append(f"\n  quantities: {quantities}", style="dim")
    return text


def _claims_table(claims: tuple[Claim, ...], width: int) -> RenderableType:
    if not claims:
        return Text("No check-worthy claims were found.", style="dim")
    wide = width >= WIDE
    table = Table(title=f"Claims ({len(claims)})", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("check", justify="right", no_wrap=True)
    if wide:
        table.add_column("attribution", ratio=2)
        table.add_column("hedges", ratio=1)
        table.add_column("quantities", ratio=2)
    table.add_column("claim" if wide else "claim, attribution, hedges, quantities", ratio=5)
    for claim in claims:
        cells: list[RenderableType] = [
            claim.id,
            Text(claim.kind, style=_KIND_STYLE.get(claim.kind, "")),
            f"{claim.checkworthy:.2f}",
        ]
        if wide:
            cells += [
                Text(attribution_label(claim.attribution)),
                Text(hedges_label(claim)),
                Text("\n".join(quantity_label(q) for q in claim.quantities)),
                Text(claim.text),
            ]
        else:
            cells.append(_details(claim))
        table.add_row(*cells)
    return table


def _headline_panel(title: str, headline: HeadlineCheck) -> Panel:
    parts: list[RenderableType] = [
        Text(title, style="italic"),
        Text(verdict_label(headline), style=_VERDICT_STYLE.get(headline.verdict, "")),
    ]
    if headline.matched_claims:
        parts.append(Text(f"matching claims: {', '.join(headline.matched_claims)}", style="dim"))
    for reason in headline.reasons:
        line = Text("")
        line.append(reason.code, style="bold")
        line.append(f": {reason.detail}")
        parts.append(Padding(line, (0, 0, 0, 2)))
        for span in reason.spans:
            quote = f"{span.where}: “{' '.join(span.text.split())}”"
            parts.append(Padding(Text(quote, style="dim"), (0, 0, 0, 4)))
    return Panel(Group(*parts), title="Headline", title_align="left", box=box.ROUNDED)


def _outlet_panel(outlet: Outlet) -> Panel:
    words = RELIABILITY_WORDS.get(outlet.reliability, outlet.reliability)
    head = Text(f"{outlet.domain or 'unknown domain'}: ")
    head.append(words, style=_RELIABILITY_STYLE.get(outlet.reliability, ""))
    parts: list[RenderableType] = [head]
    if outlet.summary:
        parts.append(Text(outlet.summary))
    for signal in outlet.signals:
        line = Text("")
        line.append(signal.code, style="bold")
        line.append(f": {signal.detail}")
        parts.append(Padding(line, (0, 0, 0, 2)))
        for evidence in evidence_lines(signal.evidence):
            parts.append(Padding(Text(evidence, style="dim"), (0, 0, 0, 4)))
    return Panel(Group(*parts), title="Outlet", title_align="left", box=box.ROUNDED)


_CLAIM_VERDICT_STYLE = {
    "supported": "green",
    "contradicted": "bold red",
    "conflicting": "bold yellow",
    "not_found": "dim",
}


def _evidence_panel(verdicts: tuple[Verdict, ...]) -> Panel:
    parts: list[RenderableType] = []
    for verdict in verdicts:
        line = Text(f"{verdict.claim_id} ")
        line.append(verdict.label, style=_CLAIM_VERDICT_STYLE.get(verdict.label, ""))
        line.append(f": {verdict.detail}")
        parts.append(line)
        if verdict.attribution is not None:
            check = verdict.attribution
            parts.append(
                Padding(Text(f"attribution to {check.source}: {check.label}"), (0, 0, 0, 2))
            )
        for e in verdict.evidence:
            quote = Text(f"{e.stance} ({e.probability:.2f}) “{' '.join(e.quote.split())}”")
            parts.append(Padding(quote, (0, 0, 0, 2)))
            parts.append(Padding(Text(evidence_source_label(e), style="dim"), (0, 0, 0, 4)))
            if e.numbers:
                parts.append(Padding(Text(f"numbers: {e.numbers}", style="dim"), (0, 0, 0, 4)))
    return Panel(Group(*parts), title="Evidence", title_align="left", box=box.ROUNDED)


def report_renderables(report: Report, width: int = 100) -> list[RenderableType]:
    """The report as rich renderables, top to bottom, laid out for `width` columns."""
    parts: list[RenderableType] = [
        _article_panel(report.article),
        _claims_table(report.claims, width),
        _headline_panel(report.article.title, report.headline),
        _outlet_panel(report.outlet),
    ]
    if report.verdicts:
        parts.append(_evidence_panel(report.verdicts))
    if report.acronyms:
        acronyms = ", ".join(f"{a.short} = {a.long}" for a in report.acronyms)
        parts.append(Text(f"Acronyms: {acronyms}", style="dim"))
    return parts


def render_terminal(report: Report, console: Console) -> None:
    """Write the report to a rich console (colours only when the console supports them)."""
    for part in report_renderables(report, console.width):
        console.print(part)


def render_plain(report: Report, width: int = 100) -> str:
    """The terminal view as plain text without colours (for files and pipes)."""
    console = Console(width=width, record=True, no_color=True, file=io.StringIO())
    render_terminal(report, console)
    return console.export_text()
