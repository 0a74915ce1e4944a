"""Pieces of SQL shared by the store's queries: domain and date filters, row mapping."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from ..errors import StoreError
from .records import PassageHit, StoredPassage

_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ][0-9:.+\-Z]*)?$")

PASSAGE_COLUMNS = (
    'p.id, p.document_id, p.text, p.start, p."end", d.title, d.url, d.source, d.domain, d.published'
)


def normal_domain(value: str | None) -> str | None:
    """A host name lower-cased, without port, trailing dot or a leading "www."."""
    if not value:
        return None
    text = value.strip().lower()
    try:
        host = urlsplit(text if "://" in text else "//" + text).hostname or ""
    except ValueError:
        return None
    host = host.rstrip(".").removeprefix("www.")
    return host or None


def domain_of_url(url: str | None) -> str | None:
    """The normalised host of an http(s) URL, or None."""
    if not url or "://" not in url:
        return None
    return normal_domain(url)


def check_date(value: str | None) -> str | None:
    """An ISO 8601 date (or date-time) string, or None; anything else is refused."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise StoreError(f"published date {value!r} is not ISO 8601; give it as YYYY-MM-DD")
    return value


MAX_COVERED = 500  # stored domains an IN list takes; SQLite caps a statement's parameters


def filters(
    domains: Sequence[str] | None,
    published_before: str | None,
    stored: Sequence[str] | None = None,
) -> tuple[list[str], list[Any]]:
    """WHERE conditions (on documents `d`) for domains (subdomains too) and an upper date.

    Given `stored`, the distinct domains the store holds, the domains asked for become the
    stored ones they cover, tested with `IN`: an index lookup instead of a scan for
    `LIKE '%.x'`.
    """
    where: list[str] = []
    args: list[Any] = []
    names = [n for n in (normal_domain(x) for x in domains or ()) if n]
    if domains is not None and domains and not names:
        where.append("0")  # only empty domain names were asked for: nothing matches
    covered: list[str] | None = None
    if names and stored is not None:
        low = [n.lower() for n in names]
        covered = [
            d for d in stored if any(d.lower() == n or d.lower().endswith("." + n) for n in low)
        ]
    if covered is not None and len(covered) <= MAX_COVERED:
        where.append(f"d.domain IN ({', '.join('?' * len(covered))})" if covered else "0")
        args.extend(covered)
    elif names:  # no list of stored domains, or one too long for an IN: the scan
        parts = []
        for name in names:
            parts.append("(d.domain = ? OR d.domain LIKE ? ESCAPE '\\')")
            escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args.extend([name, "%." + escaped])
        where.append("(" + " OR ".join(parts) + ")")
    if published_before:
        # Undated documents are kept: they cannot be shown to come after the date.
        where.append("(d.published IS NULL OR substr(d.published, 1, 10) <= ?)")
        args.append(published_before[:10])
    return where, args


def passage_from_row(row: sqlite3.Row | tuple[Any, ...]) -> StoredPassage:
    """A StoredPassage from a row of PASSAGE_COLUMNS."""
    return StoredPassage(
        id=int(row[0]),
        document_id=int(row[1]),
        text=str(row[2]),
        start=int(row[3]),
        end=int(row[4]),
        title=str(row[5] or ""),
        url=row[6],
        source=row[7],
        domain=row[8],
        published=row[9],
    )


def hit_from_row(row: sqlite3.Row | tuple[Any, ...]) -> PassageHit:
    """A PassageHit from PASSAGE_COLUMNS followed by the BM25 rank (lower is better)."""
    return PassageHit.of(passage_from_row(row), -float(row[10]))
