"""A stored audit in each export format: the bytes, their media type and a file name."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from ..render.claimreview import render_claimreview
from ..render.csv import render_csv
from ..render.html import render_html
from ..render.markdown import render_markdown
from ._reports import report_from_dict

ExportFormat = Literal["json", "md", "html", "csv", "claimreview"]
FORMATS: tuple[ExportFormat, ...] = ("json", "md", "html", "csv", "claimreview")

# The exported HTML file carries its own inline style sheet and no script at all.
EXPORT_HTML_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Export:
    """One export: text, media type, and the file name offered for download."""

    text: str
    media_type: str
    filename: str


def _stem(report_json: dict[str, Any], audit_id: int) -> str:
    title = str(report_json.get("article", {}).get("title") or "")
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48].strip("-")
    return f"newsaudit-{audit_id}" + (f"-{slug}" if slug else "")


def export(
    report_json: dict[str, Any], audit_id: int, fmt: ExportFormat, review_url: str | None
) -> Export:
    """The stored audit `report_json` in format `fmt`."""
    stem = _stem(report_json, audit_id)
    if fmt == "json":
        text = json.dumps(report_json, indent=2, ensure_ascii=False) + "\n"
        return Export(text, "application/json", f"{stem}.json")
    report = report_from_dict(report_json)
    if fmt == "md":
        return Export(render_markdown(report), "text/markdown; charset=utf-8", f"{stem}.md")
    if fmt == "html":
        return Export(render_html(report), "text/html; charset=utf-8", f"{stem}.html")
    if fmt == "csv":
        return Export(render_csv(report), "text/csv; charset=utf-8", f"{stem}.csv")
    text = render_claimreview(report, review_url=review_url) + "\n"
    return Export(text, "application/ld+json", f"{stem}.claimreview.jsonld")
