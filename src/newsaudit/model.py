"""The frozen records every stage passes on.

Offsets (`start`, `end`) are character offsets into `Article.text` unless a record says
otherwise (headline spans carry `where="headline"` and index into `Article.title`).
Labels are `Literal` types so that a typo is a type error, not a silent new label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = "newsaudit.report/2"

SourceFormat = Literal["text", "html"]
BlockKind = Literal["paragraph", "heading"]
ClaimKind = Literal["asserted", "hedged", "prediction", "opinion"]
AttributionType = Literal["named", "vague", "none"]
SourceKind = Literal["person", "organisation", "document", "unknown"]
# What one passage does to a claim, as the entailment model and the number check read it.
EvidenceStance = Literal["supports", "refutes", "neutral"]
# A claim against the corpus; one-to-one with AVeriTeC's Supported / Refuted /
# Conflicting Evidence/Cherrypicking / Not Enough Evidence.
VerdictLabel = Literal["supported", "contradicted", "conflicting", "not_found"]
# Does the source a claim is credited to say it? Judged from that source's own documents.
AttributionCheckLabel = Literal["confirmed", "not_in_source", "source_not_in_corpus"]
Approx = Literal["exact", "over", "under", "about", "up_to", "at_least", "at_most"]
HeadlineVerdict = Literal["supported", "not_supported", "contradicted", "unrelated"]
Stance = Literal["agree", "disagree", "discuss", "unrelated"]
HeadlineReasonCode = Literal[
    "hedge_dropped",
    "quantity_moved",
    "attribution_moved",
    "entity_missing",
    "negation_flipped",
    "direction_flipped",
    "body_disagrees",
    "body_discusses",
    "no_matching_claim",
]
Reliability = Literal["low", "mixed", "high", "unknown"]
SignalCode = Literal[
    "domain_topic_mismatch",
    "no_author",
    "no_date",
    "no_source_link",
    "scraper_residue",
    "repeated_headline",
    "template_text",
    "unsourced_claims",
    "has_author",
    "has_date",
    "links_sources",
    "well_sourced",
]
Where = Literal["headline", "body"]


@dataclass(frozen=True)
class Span:
    """A piece of text and where it sits: `text == source[start:end]`."""

    start: int
    end: int
    text: str
    where: Where = "body"


@dataclass(frozen=True)
class Block:
    """A paragraph or a section heading of the cleaned article text."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Furniture:
    """Something the cleaner removed from the page, and why (kept as evidence)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Link:
    """A hyperlink found in the article body (HTML input only)."""

    url: str
    text: str


@dataclass(frozen=True)
class Article:
    """The article as read: metadata, cleaned text, its blocks, and what was removed."""

    text: str
    title: str
    site: str | None
    author: str | None
    date: str | None
    url: str | None
    source_format: SourceFormat
    blocks: tuple[Block, ...]
    furniture: tuple[Furniture, ...] = ()
    links: tuple[Link, ...] = ()
    title_repeats: int = 0
    language: str = "en"

    @property
    def headings(self) -> tuple[Span, ...]:
        """The section headings as spans of the text."""
        return tuple(
            Span(b.start, b.end, self.text[b.start : b.end])
            for b in self.blocks
            if b.kind == "heading"
        )


@dataclass(frozen=True)
class Entity:
    """A named entity in a claim (spaCy label: PERSON, ORG, GPE, NORP, DATE, ...)."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    """A number in a claim and what it counts ("100,000" -> "North Korean troops")."""

    text: str
    value: float
    approx: Approx
    counts: str | None
    start: int
    end: int
    unit: str | None = None
    per: str | None = None


@dataclass(frozen=True)
class Hedge:
    """A word or phrase that weakens a claim ("may have", "likely", "reportedly")."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    """Who a claim is credited to, as written (`mention`) and normalised (`source`)."""

    type: AttributionType
    mention: str | None = None
    source: str | None = None
    source_kind: SourceKind = "unknown"
    cue: str | None = None
    start: int | None = None
    end: int | None = None


NO_ATTRIBUTION = Attribution(type="none")


@dataclass(frozen=True)
class Claim:
    """A check-worthy sentence or clause with everything the audit found in it."""

    id: str
    text: str
    start: int
    end: int
    kind: ClaimKind
    checkworthy: float
    attribution: Attribution
    quantities: tuple[Quantity, ...] = ()
    entities: tuple[Entity, ...] = ()
    hedges: tuple[Hedge, ...] = ()


@dataclass(frozen=True)
class HeadlineReason:
    """One way the headline departs from the body, with the spans that show it."""

    code: HeadlineReasonCode
    detail: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class HeadlineCheck:
    """The headline against the body: a verdict, its FNC-1 stance, and the reasons."""

    verdict: HeadlineVerdict
    stance: Stance
    reasons: tuple[HeadlineReason, ...]
    matched_claims: tuple[str, ...] = ()
    headline_source: str | None = None


@dataclass(frozen=True)
class OutletSignal:
    """Something about the outlet or the page that bears on trust, with its evidence."""

    code: SignalCode
    detail: str
    evidence: tuple[str, ...] = ()
    weight: float = 0.0


@dataclass(frozen=True)
class Outlet:
    """The outlet and page assessment: signals and the reliability they add up to."""

    domain: str | None
    reliability: Reliability
    signals: tuple[OutletSignal, ...]
    summary: str = ""


@dataclass(frozen=True)
class Acronym:
    """An acronym defined in the text: "Institute for the Study of War (ISW)"."""

    short: str
    long: str
    start: int


@dataclass(frozen=True)
class Evidence:
    """A passage of a stored document that bears on a claim, quoted verbatim.

    `quote == document text[start:end]` of document `document_id`: the offsets index the
    stored document, never the article.
    """

    document_id: int
    passage_id: int
    url: str | None
    title: str
    source: str | None
    domain: str | None
    published: str | None
    quote: str
    start: int
    end: int
    stance: EvidenceStance
    probability: float
    retrieval_score: float
    from_cited_source: bool = False
    numbers: str | None = None


@dataclass(frozen=True)
class AttributionCheck:
    """Whether the source a claim is credited to says it, by that source's own documents."""

    source: str
    label: AttributionCheckLabel
    detail: str
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """A claim checked against the local corpus, with the passages that decide it."""

    claim_id: str
    label: VerdictLabel
    detail: str
    evidence: tuple[Evidence, ...]
    attribution: AttributionCheck | None = None


@dataclass(frozen=True)
class Report:
    """The whole audit of one article."""

    article: Article
    claims: tuple[Claim, ...]
    headline: HeadlineCheck
    outlet: Outlet
    acronyms: tuple[Acronym, ...] = field(default=())
    verdicts: tuple[Verdict, ...] = field(default=())
    schema: str = SCHEMA_VERSION

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (KeyError if there is none)."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)
