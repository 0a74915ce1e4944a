"""Report -> HTML: the article with its claims marked, the headline, outlet and evidence panels.

`report_view` turns a Report into plain view records (the article cut into pieces, each
claim with its labels); the Jinja templates in `templates/` draw them. The same body
template serves the web app's report page and the self-contained file of `render_html`.

Everything taken from the article is untrusted: the environment autoescapes every value,
no template marks article content safe, and links are drawn only for http(s) URLs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from ..model import Claim, Evidence, HeadlineReason, Report, Verdict
from ._labels import RELIABILITY_WORDS, attribution_label, quantity_label, verdict_label
from ._spans import Piece, cut

# Where an evidence quote links to: a page of the stored document, or None for no link.
EvidenceHref = Callable[[Evidence], str | None]

KIND_WORDS = {
    "asserted": "asserted as fact",
    "hedged": "hedged",
    "prediction": "prediction",
    "opinion": "opinion or speculation",
}


@dataclass(frozen=True)
class ClaimView:
    """One claim with its labels in words."""

    claim: Claim
    anchor: str
    attribution: str
    hedges: tuple[str, ...]
    quantities: tuple[str, ...]
    verdict: Verdict | None

    @property
    def summary(self) -> str:
        """One line for a hover title: id, kind, attribution, hedges, quantities."""
        parts = [f"{self.claim.id}: {KIND_WORDS[self.claim.kind]}"]
        parts.append(f"attribution {self.attribution}")
        if self.hedges:
            parts.append("hedges " + ", ".join(self.hedges))
        if self.quantities:
            parts.append("quantities " + "; ".join(self.quantities))
        if self.verdict is not None:
            parts.append(f"corpus: {self.verdict.label}")
        return " · ".join(parts)


@dataclass(frozen=True)
class Inner:
    """A stretch inside a claim: plain, or a hedge, quantity or attribution mention."""

    text: str
    role: str | None


@dataclass(frozen=True)
class Segment:
    """A stretch of a block: plain text, or a claim with its inner marks."""

    text: str
    claim: ClaimView | None
    inner: tuple[Inner, ...]


@dataclass(frozen=True)
class BlockView:
    """A paragraph or heading of the article, cut into segments."""

    kind: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ReasonView:
    """A headline reason with its spans; body spans name the claim they sit in."""

    reason: HeadlineReason
    spans: tuple[tuple[str, str, str | None], ...]  # (where, text, claim anchor)


@dataclass(frozen=True)
class ReportView:
    """Everything the templates draw, taken from one Report."""

    report: Report
    blocks: tuple[BlockView, ...]
    claims: tuple[ClaimView, ...]
    title: tuple[Piece[str], ...]
    reasons: tuple[ReasonView, ...]
    verdict_words: str
    reliability_words: str
    verdicts: tuple[tuple[Verdict, ClaimView | None], ...]


def web_url(url: str | None) -> str | None:
    """`url` when it is an http(s) URL with a host, else None (no javascript:, data:...)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in {"http", "https"} and parts.netloc else None


def external_evidence_href(evidence: Evidence) -> str | None:
    """Link an evidence quote to its document's own web address (for a standalone file)."""
    return web_url(evidence.url)


def _claim_view(claim: Claim, verdicts: dict[str, Verdict]) -> ClaimView:
    return ClaimView(
        claim=claim,
        anchor=f"claim-{claim.id}",
        attribution=attribution_label(claim.attribution),
        hedges=tuple(h.text for h in claim.hedges),
        quantities=tuple(quantity_label(q) for q in claim.quantities),
        verdict=verdicts.get(claim.id),
    )


def _inner(text: str, view: ClaimView) -> tuple[Inner, ...]:
    claim = view.claim
    spans: list[tuple[int, int, str]] = [(h.start, h.end, "hedge") for h in claim.hedges]
    spans += [(q.start, q.end, "quantity") for q in claim.quantities]
    a = claim.attribution
    if a.start is not None and a.end is not None:
        spans.append((a.start, a.end, "attribution"))
    return tuple(Inner(p.text, p.mark) for p in cut(text, claim.start, claim.end, spans))


def _blocks(report: Report, views: dict[str, ClaimView]) -> tuple[BlockView, ...]:
    text = report.article.text
    regions = [(b.kind, b.start, b.end) for b in report.article.blocks]
    if not regions:
        regions = [("paragraph", 0, len(text))]
    claim_spans = [(c.start, c.end, c.id) for c in report.claims]
    blocks: list[BlockView] = []
    for kind, start, end in regions:
        segments: list[Segment] = []
        for piece in cut(text, start, end, claim_spans):
            if piece.mark is None:
                segments.append(Segment(piece.text, None, ()))
                continue
            view = views[piece.mark]
            whole = piece.text == text[view.claim.start : view.claim.end]
            inner = _inner(text, view) if whole else (Inner(piece.text, None),)
            segments.append(Segment(piece.text, view, inner))
        blocks.append(BlockView(kind, tuple(segments)))
    return tuple(blocks)


def _claim_at(report: Report, start: int, end: int) -> str | None:
    for claim in report.claims:
        if claim.start <= start and end <= claim.end:
            return f"claim-{claim.id}"
    return None


def _title(report: Report) -> tuple[Piece[str], ...]:
    title = report.article.title
    spans = [
        (s.start, s.end, reason.code)
        for reason in report.headline.reasons
        for s in reason.spans
        if s.where == "headline" and title[s.start : s.end] == s.text
    ]
    return tuple(cut(title, 0, len(title), spans))


def report_view(report: Report) -> ReportView:
    """The report as view records for the templates."""
    verdicts = {v.claim_id: v for v in report.verdicts}
    claims = tuple(_claim_view(c, verdicts) for c in report.claims)
    by_id = {v.claim.id: v for v in claims}
    reasons = tuple(
        ReasonView(
            reason=r,
            spans=tuple(
                (s.where, s.text, _claim_at(report, s.start, s.end) if s.where == "body" else None)
                for s in r.spans
            ),
        )
        for r in report.headline.reasons
    )
    return ReportView(
        report=report,
        blocks=_blocks(report, by_id),
        claims=claims,
        title=_title(report),
        reasons=reasons,
        verdict_words=verdict_label(report.headline),
        reliability_words=RELIABILITY_WORDS.get(
            report.outlet.reliability, report.outlet.reliability
        ),
        verdicts=tuple((v, by_id.get(v.claim_id)) for v in report.verdicts),
    )


def _finalize(value: object) -> object:
    # None prints as nothing rather than the word "None".
    return "" if value is None else value


@functools.lru_cache(maxsize=1)
def report_templates() -> jinja2.BaseLoader:
    """The loader of the report templates shipped in this package (for the web app too)."""
    return jinja2.PackageLoader("newsaudit.render", "templates")


def make_environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """A Jinja environment that escapes every value and fails on undefined names."""
    env = jinja2.Environment(
        loader=loader or report_templates(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["web_url"] = web_url
    env.globals["kind_words"] = KIND_WORDS
    return env


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return make_environment()


def report_css() -> str:
    """The report's style sheet (shipped with the package)."""
    return (
        resources.files("newsaudit.render").joinpath("templates", "report.css").read_text("utf-8")
    )


def render_html(report: Report, evidence_href: EvidenceHref = external_evidence_href) -> str:
    """The report as one self-contained HTML file: inline CSS, no scripts, no remote assets."""
    template = _environment().get_template("report_file.html.j2")
    return template.render(
        view=report_view(report),
        evidence_href=evidence_href,
        # The packaged style sheet is ours, not the article's: safe to include verbatim.
        css=Markup(report_css()),
    )
