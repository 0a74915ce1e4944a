"""Articles -> stories: link articles that share text or tell the same event, then read
each group.

1. link      near-duplicate text (MinHash/LSH, `near_dup`) and claim-level similarity
             (TF-IDF over claims and names, `similar`); linked articles join one story
2. order     the earliest article (by date, then audit id) leads the story
3. copies    an article whose text is mostly another, earlier one's (containment at or
             above COPY) copies it; it is credited to the earliest such source
4. numbers   the quantities two or more members give, with each outlet's value, whom it
             credits, and the spread
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .near_dup import overlaps
from .quantities import shared_quantities
from .records import Member, Role, Story, StoryArticle
from .similar import SAME_EVENT, similar_pairs

COPY = 0.7  # containment at or above which the later article reuses the earlier one
MIN_SIZE = 2


@dataclass(frozen=True)
class StoryOptions:
    """The thresholds of clustering (defaults measured on the team-written fixtures)."""

    same_event: float = SAME_EVENT
    copy: float = COPY
    min_size: int = MIN_SIZE


class _Groups:
    """Union-find over article indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, node: int) -> int:
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _order(article: StoryArticle) -> tuple[str, int]:
    # Undated articles sort after dated ones: they cannot be shown to be first.
    return (article.date or "9999", article.audit_id)


def build_stories(
    articles: Sequence[StoryArticle], options: StoryOptions | None = None
) -> list[Story]:
    """The stories among `articles`, largest first."""
    options = options or StoryOptions()
    groups = _Groups(len(articles))
    copies: dict[int, tuple[int, float]] = {}  # copier -> (source, containment)
    for overlap in overlaps(articles, at_least=min(options.copy, 0.5)):
        groups.join(overlap.first, overlap.second)
        if overlap.containment < options.copy:
            continue
        first, second = articles[overlap.first], articles[overlap.second]
        source, copier = (
            (overlap.first, overlap.second)
            if _order(first) <= _order(second)
            else (overlap.second, overlap.first)
        )
        known = copies.get(copier)
        if known is None or _order(articles[source]) < _order(articles[known[0]]):
            copies[copier] = (source, overlap.containment)
    for one, other, _ in similar_pairs(articles, at_least=options.same_event):
        groups.join(one, other)

    members: dict[int, list[int]] = {}
    for index in range(len(articles)):
        members.setdefault(groups.find(index), []).append(index)
    stories = [
        _story(articles, indices, copies)
        for indices in members.values()
        if len(indices) >= options.min_size
    ]
    return sorted(stories, key=lambda s: (-len(s.members), s.earliest.audit_id))


def _story(
    articles: Sequence[StoryArticle], indices: list[int], copies: dict[int, tuple[int, float]]
) -> Story:
    ordered = sorted(indices, key=lambda i: _order(articles[i]))
    inside = set(indices)
    result = []
    for position, index in enumerate(ordered):
        article = articles[index]
        copied = copies.get(index)
        role: Role
        if position == 0:
            role, source, similarity = "earliest", None, 0.0
        elif copied is not None and copied[0] in inside:
            role, source, similarity = "copy", articles[copied[0]].audit_id, copied[1]
        else:
            role, source, similarity = "member", None, 0.0
        result.append(
            Member(
                article.audit_id, article.domain, article.title, article.date, role, source,
                round(similarity, 3),
            )
        )  # fmt: skip
    lead = articles[ordered[0]]
    quantities = shared_quantities([articles[i] for i in ordered])
    return Story(lead.title, tuple(result), quantities)
