"""Can the outlet be trusted? Page and domain signals and the reliability they add up to.

Each signal carries its evidence and a weight (negative counts against the page); the
reliability is read from the weights, and the summary names the signals behind it.
"""

from __future__ import annotations

import re

from ..model import Article, Claim, Outlet, OutletSignal, Reliability
from ._wording import fold_name, initials, same_source
from .template_text import question_headings, stock_phrases_in
from .topics import article_topics, domain_topics, fits

CHECKWORTHY = 0.5  # claims at or above this check-worthiness count for sourcing signals
LOW_AT = -0.6  # a total weight at or below this reads as low reliability
HIGH_AT = 0.5  # a total weight at or above this, with no strong negative, reads as high
_STRONG = -0.2  # a signal this negative or worse rules out "high"

_CITED = re.compile(
    r"\b(?:[Aa]ccording to|(?:study|report|survey|analysis|statement|assessment) (?:by|from))\s+"
    r"(?:an?\s+|the\s+)?(?:(?:study|report|survey|analysis) by\s+(?:the\s+)?)?"
    r"(?P<src>[A-Z][\w&'’.-]*(?:\s+(?:of|for|the|and|on|[A-Z][\w&'’.-]*)){0,7})"
)
_CITING_WORDS = ("report", "study", "survey", "statement", "data", "analysis", "source", "said")
_LABELS = {
    "domain_topic_mismatch": "a site name that does not fit the topic",
    "no_author": "no author",
    "no_date": "no date",
    "no_source_link": "cited sources not linked",
    "scraper_residue": "scraper residue",
    "repeated_headline": "a repeated headline",
    "template_text": "template-like text",
    "unsourced_claims": "mostly unsourced claims",
    "has_author": "a named author",
    "has_date": "a date",
    "links_sources": "links to its sources",
    "well_sourced": "named sources for most claims",
}


def assess_outlet(
    article: Article,
    claims: tuple[Claim, ...],
    domain_signals: tuple[OutletSignal, ...] = (),
) -> Outlet:
    """Signals about the outlet and page, and an overall reliability.

    `domain_signals` are what earlier audits of the same domain showed in aggregate
    (`newsaudit stories`): they weigh in like the page's own.
    """
    domain = article.site or _host(article.url)
    signals = [
        s
        for s in (
            _topic_mismatch(article, domain),
            _byline(article),
            _dateline(article),
            _source_links(article, claims, domain),
            _residue(article),
            _repeats(article),
            _template(article),
            *_sourcing(claims),
            *domain_signals,
        )
        if s is not None
    ]
    reliability = _reliability(article, claims, domain, signals)
    return Outlet(domain, reliability, tuple(signals), _summary(reliability, signals))


def _topic_mismatch(article: Article, domain: str | None) -> OutletSignal | None:
    """The site's own name suggests a subject unlike the article's."""
    if not domain:
        return None
    site = domain_topics(domain)
    if not site or "news" in site:
        return None
    found = article_topics(f"{article.title}\n{article.text}")
    if not found:
        return None
    lead, keywords = found[0]
    if any(fits(name, topic) for name in site for topic, _ in found):
        return None
    site_words = sorted({w for ws in site.values() for w in ws})
    detail = (
        f"the domain {domain} is named for {' / '.join(sorted(site))} "
        f"({', '.join(site_words)}), but the article is about {lead}"
    )
    evidence = (f"domain words: {', '.join(site_words)}", f"article words: {', '.join(keywords)}")
    return OutletSignal("domain_topic_mismatch", detail, evidence, -0.35)


def _byline(article: Article) -> OutletSignal:
    """Whether the page names an author."""
    if article.author and article.author.strip():
        return OutletSignal(
            "has_author", f"written by {article.author.strip()}", (article.author.strip(),), 0.15
        )
    return OutletSignal("no_author", "the page names no author", (), -0.15)


def _dateline(article: Article) -> OutletSignal:
    """Whether the page gives a publication date."""
    if article.date and article.date.strip():
        return OutletSignal(
            "has_date", f"dated {article.date.strip()}", (article.date.strip(),), 0.1
        )
    return OutletSignal("no_date", "the page gives no publication date", (), -0.15)


def cited_sources(article: Article, claims: tuple[Claim, ...]) -> list[str]:
    """Named sources the text credits: from claim attributions, else from citing phrases."""
    names: list[str] = []
    for claim in claims:
        att = claim.attribution
        name = att.source or att.mention
        if att.type == "named" and name and not any(same_source(name, n) for n in names):
            names.append(name)
    if not names:
        for match in _CITED.finditer(article.text):
            name = match.group("src").rstrip(".")
            if not any(same_source(name, n) for n in names):
                names.append(name)
    return names


def _source_links(
    article: Article, claims: tuple[Claim, ...], domain: str | None
) -> OutletSignal | None:
    """The text cites named sources: does the page link to any of them?"""
    names = cited_sources(article, claims)
    if not names:
        return None
    linked = []
    for link in article.links:
        host = _host(link.url) or ""
        off_site = bool(host) and not (domain and host.endswith(domain))
        said = f"{link.text} {link.url}".lower()
        named = any(
            fold_name(n) in fold_name(said)
            or (len(initials(n)) > 1 and initials(n).lower() in said)
            for n in names
        )
        citing = off_site and any(w in link.text.lower() for w in _CITING_WORDS)
        if named or citing:
            linked.append(link.url)
    if linked:
        return OutletSignal(
            "links_sources", f"links {len(linked)} of the sources it cites", tuple(linked[:5]), 0.2
        )
    why = "the page has no links" if not article.links else "none of its links points at them"
    detail = f"the text cites {', '.join(names[:4])}, but {why}"
    return OutletSignal("no_source_link", detail, tuple(names[:5]), -0.2)


def _residue(article: Article) -> OutletSignal | None:
    """What the cleaner had to remove: widgets, counters, captions."""
    if not article.furniture:
        return None
    evidence = tuple(f"{f.text} ({f.reason})" for f in article.furniture)
    detail = f"{len(article.furniture)} pieces of page furniture were removed from the text"
    return OutletSignal("scraper_residue", detail, evidence, -0.1)


def _repeats(article: Article) -> OutletSignal | None:
    """The headline appears again inside the page text."""
    if article.title_repeats <= 0:
        return None
    times = "once" if article.title_repeats == 1 else f"{article.title_repeats} times"
    return OutletSignal(
        "repeated_headline", f"the headline is repeated {times} in the page", (article.title,), -0.1
    )


def _template(article: Article) -> OutletSignal | None:
    """Question-style subheadings and stock phrases, quoted."""
    questions = question_headings(article)
    phrases = stock_phrases_in(article.text)
    if len(questions) + len(phrases) < 2:
        return None
    parts = []
    if questions:
        parts.append(
            f"{len(questions)} question-style subheading{'s' if len(questions) > 1 else ''}"
        )
    if phrases:
        parts.append(f"{len(phrases)} stock phrase{'s' if len(phrases) > 1 else ''}")
    evidence = tuple(f'"{q}"' for q in questions) + tuple(f'"{p}"' for p in phrases)
    weight = -0.1 if len(questions) + len(phrases) < 4 else -0.2
    return OutletSignal("template_text", " and ".join(parts), evidence, weight)


def _sourcing(claims: tuple[Claim, ...]) -> list[OutletSignal]:
    """How many check-worthy asserted claims credit a named source, and how many nobody."""
    asserted = [c for c in claims if c.kind == "asserted" and c.checkworthy >= CHECKWORTHY]
    if len(asserted) < 3:
        return []
    bare = [c for c in asserted if c.attribution.type == "none"]
    named = [c for c in asserted if c.attribution.type == "named"]
    out = []
    if len(bare) >= 3 and len(bare) / len(asserted) >= 0.6:
        detail = f"{len(bare)} of {len(asserted)} check-worthy asserted claims credit no source"
        out.append(OutletSignal("unsourced_claims", detail, tuple(c.id for c in bare), -0.15))
    if len(named) >= 2 and len(named) / len(asserted) >= 0.5:
        detail = f"{len(named)} of {len(asserted)} check-worthy asserted claims name their source"
        out.append(OutletSignal("well_sourced", detail, tuple(c.id for c in named), 0.25))
    return out


def _reliability(
    article: Article, claims: tuple[Claim, ...], domain: str | None, signals: list[OutletSignal]
) -> Reliability:
    """Low, mixed or high from the summed weights; unknown when there is nothing to go on."""
    page_known = bool(domain or article.author or article.date or article.links)
    if not page_known and len(claims) < 3 and not article.furniture:
        return "unknown"
    total = sum(s.weight for s in signals)
    if total <= LOW_AT:
        return "low"
    if total >= HIGH_AT and all(s.weight > _STRONG for s in signals):
        return "high"
    return "mixed"


def _summary(reliability: Reliability, signals: list[OutletSignal]) -> str:
    """One sentence: the reliability and the signals that carry it."""
    if reliability == "unknown":
        return "Reliability unknown: the page says too little about where it comes from."
    against = [_LABELS[s.code] for s in sorted(signals, key=lambda s: s.weight) if s.weight < 0]
    good = [_LABELS[s.code] for s in sorted(signals, key=lambda s: -s.weight) if s.weight > 0]
    head = {"low": "Low reliability", "mixed": "Mixed reliability", "high": "High reliability"}
    parts = []
    if against:
        parts.append("against it: " + ", ".join(against))
    if good:
        parts.append("for it: " + ", ".join(good))
    return f"{head[reliability]} ({'; '.join(parts) or 'no signals either way'})."


def _host(url: str | None) -> str | None:
    """The lower-cased host of a URL without "www.", or None."""
    if not url:
        return None
    match = re.match(r"^[a-zA-Z][\w+.-]*://(?:[^@/]*@)?(?P<host>[^/:?#]+)", url)
    if match is None:
        return None
    host = match.group("host").lower()
    return host.removeprefix("www.")
