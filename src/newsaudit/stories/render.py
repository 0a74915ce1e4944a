"""Stories as JSON (``newsaudit.stories/1``), Markdown, or one self-contained HTML page."""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from typing import Any

from .domains import notes
from .records import DomainProfile, SharedQuantity, Story

SCHEMA = "newsaudit.stories/1"
_KIND_NAMES = {"casualties": "people killed", "displaced": "people evacuated or displaced"}


def to_dict(
    articles: int, stories: tuple[Story, ...], profiles: tuple[DomainProfile, ...]
) -> dict[str, Any]:
    """The stories build as plain data, in a fixed key order."""
    return {
        "schema": SCHEMA,
        "articles": articles,
        "stories": [
            {
                "label": s.label,
                "size": len(s.members),
                "domains": list(s.domains),
                "earliest": s.earliest.audit_id,
                "members": [asdict(m) for m in s.members],
                "quantities": [
                    {**asdict(q), "spread": round(q.spread, 4), "agree": q.agree}
                    for q in s.quantities
                ],
            }
            for s in stories
        ],
        "domains": [{**asdict(p), "notes": notes(p)} for p in profiles],
    }


def render_json(
    articles: int, stories: tuple[Story, ...], profiles: tuple[DomainProfile, ...]
) -> str:
    """The build as indented JSON."""
    return json.dumps(to_dict(articles, stories, profiles), ensure_ascii=False, indent=2)


def number(value: float) -> str:
    """A figure as people write it: 12, 3,400, 25 million."""
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1_000_000:g} million"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def kind_name(kind: str) -> str:
    """A quantity kind in words."""
    return _KIND_NAMES.get(kind, kind)


def _spread(q: SharedQuantity) -> str:
    if q.agree:
        return f"all give {number(q.low)}"
    return f"{number(q.low)} to {number(q.high)} (spread {q.spread:.0%})"


def render_markdown(
    articles: int, stories: tuple[Story, ...], profiles: tuple[DomainProfile, ...]
) -> str:
    """The build as a Markdown document."""
    lines = [
        "# Stories across outlets",
        "",
        f"{_count(len(stories))} among {articles} audited articles.",
        "",
    ]
    for number_, story in enumerate(stories, start=1):
        lines += [f"## {number_}. {story.label}", ""]
        lines.append(
            f"{len(story.members)} articles from {', '.join(story.domains) or 'unknown domains'}."
        )
        lines.append("")
        lines += ["| role | domain | date | title |", "|---|---|---|---|"]
        for m in story.members:
            role = (
                m.role
                if m.copied_from is None
                else f"copy of audit {m.copied_from} ({m.similarity:.0%} reused)"
            )
            lines.append(f"| {role} | {m.domain or ''} | {m.date or ''} | {_cell(m.title)} |")
        lines.append("")
        for q in story.quantities:
            lines += [f"**{kind_name(q.kind)}**: {_spread(q)}", ""]
            for v in q.values:
                credit = f"credited to {v.credited}" if v.credited else "credited to nobody"
                lines.append(f"- {v.domain or f'audit {v.audit_id}'}: {v.text} ({credit})")
            lines.append("")
    lines += [
        "## Domains",
        "",
        "| domain | articles | template | copied | unsourced claims | headline mismatch |",
        "|---|---|---|---|---|---|",
    ]
    for p in profiles:
        lines.append(
            f"| {p.domain} | {p.articles} | {p.template_share:.0%} | {p.copied_share:.0%} | "
            f"{p.unsourced_share:.0%} | {p.headline_mismatch_share:.0%} |"
        )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_html(
    articles: int, stories: tuple[Story, ...], profiles: tuple[DomainProfile, ...]
) -> str:
    """The build as one HTML page (no scripts, no outside resources); every text escaped."""
    e = html.escape
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        "<title>Stories across outlets</title><style>",
        "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}",
        "table{border-collapse:collapse;margin:.5rem 0 1rem}td,th{border:1px solid #ccc;",
        "padding:.25rem .5rem;text-align:left}.copy{background:#fde8e8}.spread{color:#a33}",
        "</style></head><body><h1>Stories across outlets</h1>",
        f"<p>{_count(len(stories))} among {articles} audited articles.</p>",
    ]
    for story in stories:
        parts.append(
            f"<section><h2>{e(story.label)}</h2><table><tr><th>role</th><th>domain</th><th>date</th><th>title</th></tr>"
        )
        for m in story.members:
            role = (
                m.role
                if m.copied_from is None
                else f"copy of audit {m.copied_from} ({m.similarity:.0%} reused)"
            )
            css = ' class="copy"' if m.role == "copy" else ""
            parts.append(
                f"<tr{css}><td>{e(role)}</td><td>{e(m.domain or '')}</td><td>{e(m.date or '')}</td><td>{e(m.title)}</td></tr>"
            )
        parts.append("</table>")
        for q in story.quantities:
            css = "" if q.agree else ' class="spread"'
            parts.append(f"<h3>{e(kind_name(q.kind))}: <span{css}>{e(_spread(q))}</span></h3><ul>")
            for v in q.values:
                credit = f"credited to {v.credited}" if v.credited else "credited to nobody"
                parts.append(
                    f"<li>{e(v.domain or f'audit {v.audit_id}')}: {e(v.text)} ({e(credit)})</li>"
                )
            parts.append("</ul>")
        parts.append("</section>")
    parts.append(
        "<h2>Domains</h2><table><tr><th>domain</th><th>articles</th><th>template</th><th>copied</th><th>unsourced claims</th><th>headline mismatch</th></tr>"
    )
    for p in profiles:
        parts.append(
            f"<tr><td>{e(p.domain)}</td><td>{p.articles}</td><td>{p.template_share:.0%}</td>"
            f"<td>{p.copied_share:.0%}</td><td>{p.unsourced_share:.0%}</td><td>{p.headline_mismatch_share:.0%}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


def _count(stories: int) -> str:
    return "1 story" if stories == 1 else f"{stories} stories"
