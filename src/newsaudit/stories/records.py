"""The records of the stories view: articles as the clustering reads them, and its findings.

Articles are read back from stored audit reports (the ``newsaudit.report/2`` JSON), so
stories can be built over any store, whichever engine audited it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["earliest", "copy", "member"]


@dataclass(frozen=True)
class QuantityFact:
    """A number an article gives, what kind of thing it counts, and who it credits."""

    kind: str
    value: float
    text: str
    approx: str
    unit: str | None
    credited: str | None
    claim: str


@dataclass(frozen=True)
class StoryArticle:
    """One audited article, reduced to what clustering and aggregates need."""

    audit_id: int
    domain: str | None
    url: str | None
    title: str
    date: str | None
    text: str
    claim_texts: tuple[str, ...]
    entities: tuple[str, ...]
    quantities: tuple[QuantityFact, ...]
    checkworthy_claims: int
    unsourced_claims: int
    template_text: bool
    headline_mismatch: bool

    @property
    def label(self) -> str:
        """How the article is named in reports: its domain (or audit id) and title."""
        return f"{self.domain or f'audit {self.audit_id}'}: {self.title}"


@dataclass(frozen=True)
class OutletValue:
    """The value one article gives for a shared quantity."""

    audit_id: int
    domain: str | None
    value: float
    text: str
    credited: str | None
    claim: str


@dataclass(frozen=True)
class SharedQuantity:
    """A kind of quantity several articles of a story give, and how far they disagree."""

    kind: str
    values: tuple[OutletValue, ...]
    low: float
    high: float

    @property
    def spread(self) -> float:
        """(high - low) / low: 0 when every outlet gives the same number."""
        return (self.high - self.low) / self.low if self.low else 0.0

    @property
    def agree(self) -> bool:
        """Whether every outlet gives the same value."""
        return self.low == self.high


@dataclass(frozen=True)
class Member:
    """An article in a story: its role, and what it copies (role "copy")."""

    audit_id: int
    domain: str | None
    title: str
    date: str | None
    role: Role
    copied_from: int | None = None
    similarity: float = 0.0


@dataclass(frozen=True)
class Story:
    """Articles about one event across outlets, with the numbers they give."""

    label: str
    members: tuple[Member, ...]
    quantities: tuple[SharedQuantity, ...]

    @property
    def earliest(self) -> Member:
        """The first article of the story (by date, then by audit id)."""
        return next(m for m in self.members if m.role == "earliest")

    @property
    def copies(self) -> tuple[Member, ...]:
        """The articles that reuse another one near verbatim."""
        return tuple(m for m in self.members if m.role == "copy")

    @property
    def domains(self) -> tuple[str, ...]:
        """The distinct domains of the story, in member order."""
        return tuple(dict.fromkeys(m.domain for m in self.members if m.domain))


@dataclass(frozen=True)
class DomainProfile:
    """A domain's audited articles in aggregate: shares in 0..1 of its articles or claims."""

    domain: str
    articles: int
    template_share: float
    copied_share: float
    unsourced_share: float
    headline_mismatch_share: float
