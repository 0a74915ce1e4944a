"""Per-domain aggregates over a store's audits, and the outlet signals they support.

A single page says little about its outlet; a hundred pages say a lot. For each domain:
the share of its articles flagged for template text, the share that copy another outlet's
article, the share of its check-worthy claims credited to nobody, and the share of its
headlines the body does not support. `outlet_signals` turns a profile into signals the
outlet stage can add to a later audit of a page from that domain.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import OutletSignal
from .records import DomainProfile, Story, StoryArticle

MIN_ARTICLES = 5  # fewer audited pages than this say too little about a domain
TEMPLATE_AT = 0.5  # shares at or above these make a domain-level signal
UNSOURCED_AT = 0.6
COPIED_AT = 0.3
MISMATCH_AT = 0.3


def domain_profiles(
    articles: Sequence[StoryArticle], stories: Sequence[Story]
) -> list[DomainProfile]:
    """One profile per domain with audited articles, in domain order."""
    copied = {m.audit_id for s in stories for m in s.copies}
    by_domain: dict[str, list[StoryArticle]] = defaultdict(list)
    for article in articles:
        if article.domain:
            by_domain[article.domain].append(article)
    profiles = []
    for domain in sorted(by_domain):
        group = by_domain[domain]
        n = len(group)
        claims = sum(a.checkworthy_claims for a in group)
        profiles.append(
            DomainProfile(
                domain=domain,
                articles=n,
                template_share=sum(a.template_text for a in group) / n,
                copied_share=sum(a.audit_id in copied for a in group) / n,
                unsourced_share=sum(a.unsourced_claims for a in group) / claims if claims else 0.0,
                headline_mismatch_share=sum(a.headline_mismatch for a in group) / n,
            )
        )
    return profiles


def outlet_signals(
    profile: DomainProfile, min_articles: int = MIN_ARTICLES
) -> tuple[OutletSignal, ...]:
    """Domain-level signals for a new page from `profile.domain` (none on thin evidence)."""
    if profile.articles < min_articles:
        return ()
    n = profile.articles
    found = []
    if profile.template_share >= TEMPLATE_AT:
        found.append(
            OutletSignal(
                "template_text",
                f"{profile.template_share:.0%} of {n} audited pages from {profile.domain} "
                "are template text",
                (f"template share {profile.template_share:.2f}",),
                -0.3,
            )
        )
    if profile.unsourced_share >= UNSOURCED_AT:
        found.append(
            OutletSignal(
                "unsourced_claims",
                f"{profile.unsourced_share:.0%} of check-worthy claims on {n} audited pages "
                f"from {profile.domain} credit no source",
                (f"unsourced share {profile.unsourced_share:.2f}",),
                -0.3,
            )
        )
    # Copied content and headline mismatches have no SignalCode yet; `notes` words them
    # for the stories report until the outlet stage has codes for them.
    return tuple(found)


def notes(profile: DomainProfile) -> list[str]:
    """Plain-language notes on a profile's copy and headline shares worth a reader's eye."""
    notes = []
    if profile.copied_share >= COPIED_AT:
        notes.append(f"{profile.copied_share:.0%} of its articles copy another outlet's text")
    if profile.headline_mismatch_share >= MISMATCH_AT:
        notes.append(
            f"{profile.headline_mismatch_share:.0%} of its headlines are not supported by the body"
        )
    return notes
