"""Topics of a domain name and of an article, from a small packaged lexicon.

A domain name is split into known words ("newjobvacancy" -> new | job | vacancy); an
article's topics come from counting topic keywords in its title and text.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources

# Words that often glue a site name together but say nothing about its subject.
_FILLER = frozenset(
    [
        "new",
        "the",
        "my",
        "our",
        "your",
        "top",
        "best",
        "online",
        "hub",
        "world",
        "today",
        "live",
        "info",
        "now",
        "india",
        "indian",
        "global",
        "city",
        "net",
        "web",
        "site",
        "zone",
        "point",
        "blog",
        "official",
        "update",
        "updates",
        "latest",
        "hindi",
        "tamil",
        "bharat",
        "desi",
        "us",
        "uk",
        "free",
        "all",
        "one",
        "in",
        "of",
        "and",
        "for",
        "to",
        "24",
        "247",
        "365",
        "pro",
        "plus",
        "tv",
        "hq",
        "go",
        "get",
        "hot",
        "fast",
        "easy",
        "smart",
        "real",
        "true",
        "star",
        "sun",
        "light",
        "fresh",
        "alert",
        "alerts",
        "guru",
        "portal",
        "adda",
        "wala",
        "express",
        "info",
    ]
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"})
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Topic:
    """One topic of the lexicon: its site-name words, article words, and the topics it fits."""

    name: str
    domain: frozenset[str]
    article: frozenset[str]
    fits: frozenset[str]


@functools.lru_cache(maxsize=1)
def lexicon() -> tuple[Topic, ...]:
    """The packaged topic lexicon (data/topics.json), loaded once."""
    raw = json.loads(resources.files("newsaudit").joinpath("data/topics.json").read_text("utf-8"))
    return tuple(
        Topic(name, frozenset(v["domain"]), frozenset(v["article"]), frozenset(v["fits"]))
        for name, v in raw.items()
        if not name.startswith("_")
    )


def domain_labels(domain: str) -> list[str]:
    """The name parts of a domain without "www", the top-level and second-level suffixes."""
    labels = [p for p in domain.lower().strip(".").split(".") if p]
    if len(labels) > 1:
        labels = labels[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return [p for p in labels if p not in {"www", "m", "amp"}]


def segment(label: str, known: frozenset[str]) -> list[tuple[int, str]]:
    """Split a glued label into known words (most letters covered, fewest pieces first),
    each with its offset; letters no known word covers are left out."""
    n = len(label)
    empty: list[tuple[int, str]] = []
    # best[i] = (letters covered, -pieces, pieces) for label[:i]
    best: list[tuple[int, int, list[tuple[int, str]]]] = [(0, 0, empty)] * (n + 1)
    for i in range(1, n + 1):
        cand = best[i - 1]  # leave letter i-1 uncovered
        for j in range(max(0, i - 20), i):
            piece = label[j:i]
            if piece in known:
                score = (best[j][0] + len(piece), best[j][1] - 1, best[j][2] + [(j, piece)])
                if score[:2] > cand[:2]:
                    cand = score
        best[i] = cand
    return best[n][2]


def _stands_alone(pieces: list[tuple[int, str]], k: int, length: int) -> bool:
    """A short word counts only where known words surround it or it fills the label:
    "bet" in "alphabet" or "exam" in "example" is chance, "job" in "quickjobvacancy" is not."""
    start, piece = pieces[k]
    if len(piece) >= 5:
        return True
    covered = sum(len(p) for _, p in pieces)
    prev = pieces[k - 1] if k > 0 else (-9, "")
    nxt = pieces[k + 1] if k + 1 < len(pieces) else (-9, "")
    before = len(prev[1]) >= 3 and prev[0] + len(prev[1]) == start
    after = len(nxt[1]) >= 3 and nxt[0] == start + len(piece)
    return covered == length or before or after


def domain_topics(domain: str) -> dict[str, list[str]]:
    """Topics a domain's own words suggest, each with the words that suggest it."""
    topics = lexicon()
    known = frozenset().union(*(t.domain for t in topics)) | _FILLER
    found: dict[str, list[str]] = {}
    for label in domain_labels(domain):
        for part in re.split(r"[-_\d]+", label):
            pieces = segment(part, known)
            for k, (_, piece) in enumerate(pieces):
                if not _stands_alone(pieces, k, len(part)):
                    continue
                for topic in topics:
                    if piece in topic.domain and piece not in found.get(topic.name, []):
                        found.setdefault(topic.name, []).append(piece)
    return found


def article_topics(text: str, min_hits: int = 3) -> list[tuple[str, list[str]]]:
    """The article's leading topics, each with its most frequent keywords, strongest first."""
    counts = Counter(_WORD.findall(text.lower()))
    scored: list[tuple[int, str, list[str]]] = []
    for topic in lexicon():
        hits = {w: counts[w] for w in topic.article if counts[w]}
        total = sum(hits.values())
        if total >= min_hits:
            top = sorted(hits, key=lambda w: (-hits[w], w))[:4]
            scored.append((total, topic.name, top))
    if not scored:
        return []
    scored.sort(key=lambda s: (-s[0], s[1]))
    lead = scored[0][0]
    return [(name, top) for total, name, top in scored if total * 2 >= lead]


def fits(domain_topic: str, article_topic: str) -> bool:
    """Whether a site of `domain_topic` can plausibly publish on `article_topic`."""
    topic = next((t for t in lexicon() if t.name == domain_topic), None)
    return topic is None or "*" in topic.fits or article_topic in topic.fits
