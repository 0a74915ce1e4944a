"""Stories across outlets: the same event told by several sites, its numbers, its copies.

from newsaudit.stories import build_from_store, domain_profile, outlet_signals

with Store.open("crawl.db") as store:
    result = build_from_store(store)          # clusters, shared numbers, copies, profiles
    profile = domain_profile(store, "example.com")
    signals = outlet_signals(profile) if profile else ()
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Store
from .cluster import StoryOptions, build_stories
from .domains import domain_profiles, notes, outlet_signals
from .load import article_from_report, load_articles
from .persist import domain_profile, save
from .records import (
    DomainProfile,
    Member,
    OutletValue,
    QuantityFact,
    SharedQuantity,
    Story,
    StoryArticle,
)


@dataclass(frozen=True)
class StoriesResult:
    """One build: the stories found, and every domain's profile."""

    articles: int
    stories: tuple[Story, ...]
    profiles: tuple[DomainProfile, ...]


def build_from_store(store: Store, options: StoryOptions | None = None) -> StoriesResult:
    """Read every stored audit, find the stories and profiles, store and return them."""
    articles = load_articles(store)
    stories = build_stories(articles, options)
    profiles = domain_profiles(articles, stories)
    save(store, stories, profiles)
    return StoriesResult(len(articles), tuple(stories), tuple(profiles))


__all__ = [
    "DomainProfile",
    "Member",
    "OutletValue",
    "QuantityFact",
    "SharedQuantity",
    "StoriesResult",
    "Story",
    "StoryArticle",
    "StoryOptions",
    "article_from_report",
    "build_from_store",
    "build_stories",
    "domain_profile",
    "domain_profiles",
    "load_articles",
    "notes",
    "outlet_signals",
]
