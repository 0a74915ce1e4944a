"""Plain-text cleaning: scraper residue out, title, byline, dateline and headings found.

    1. units       split on blank lines; hard-wrapped paragraphs are joined, one-paragraph-
                   per-line scrapes are split into lines
    2. furniture   each short unit is checked against the furniture rules; the site is taken
                   from counters, captions and copyright lines that name it
    3. title       the headline line: a headline-like line that repeats near the top, or
                   else the first substantial line before the body
    4. metadata    a byline or dateline near the top fills author/date and is removed
    5. repeats     the headline repeated (as a line or as an image caption) is removed
    6. headings    a short line without a final period, followed by body text

Everything is regular expressions and string tests: this runs on every article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import BlockKind
from .furniture import CAPTION, byline, dateline, furniture_reason, site_named_in
from .layout import Cleaned, fold, tidy

_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n+")
_HEADLINE_END = re.compile(r"[.,;:]$")
_BODY_END = re.compile(r"""[.!?…]["'”’)]*$""")
_HEADING_END = re.compile(r"""[.,;:!]["'”’)]*$""")
_TOP = 8  # units from the top in which a title, byline or dateline is looked for
_MAX_TITLE_WORDS = 30
_MAX_HEADING_WORDS = 12


@dataclass
class _Unit:
    text: str
    reason: str | None = None


def clean_text(text: str) -> Cleaned:
    """Clean a plain-text article: title, blocks, metadata and the furniture removed."""
    out = Cleaned()
    units = [_Unit(u, furniture_reason(u)) for u in _split_units(text)]
    out.site = _site(units)
    title_at = _find_title(units)
    _take_metadata(units, out, title_at)
    if title_at is not None:
        out.title = units[title_at].text
        for unit in units[:title_at]:
            if unit.reason is None and not _body_like(unit.text):
                unit.reason = "above headline"
    _drop_repeats(units, out, title_at)
    body = [unit for i, unit in enumerate(units) if i != title_at or unit.reason is not None]
    kept: list[str] = []
    for unit in body:
        if unit.reason is not None:
            out.drop(unit.text, unit.reason)
        else:
            kept.append(unit.text)
    out.pieces = _kinds(kept)
    return out


def _split_units(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    units: list[str] = []
    for chunk in _BLANK_LINES.split(text):
        lines = [tidy(line) for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _hard_wrapped(lines):
            units.append(" ".join(lines))
        else:
            units.extend(lines)
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    # A wrapped paragraph has lines of similar width (under ~100 chars) that do not each end
    # a sentence; a scrape with one paragraph (or widget) per line does not.
    if len(lines) < 2:
        return False
    widest = max(len(line) for line in lines)
    if widest > 100 or widest < 30:
        return False
    return all(len(line) >= 0.5 * widest for line in lines[:-1])


def _words(text: str) -> int:
    return text.count(" ") + 1


def _body_like(text: str) -> bool:
    return _words(text) > _MAX_HEADING_WORDS or bool(_BODY_END.search(text))


def _headline_like(text: str) -> bool:
    words = _words(text)
    return 2 <= words <= _MAX_TITLE_WORDS and len(text) <= 300 and not _HEADLINE_END.search(text)


def _site(units: list[_Unit]) -> str | None:
    # Only furniture lines (counters, captions, copyright) name the page's own site.
    named: list[str] = []
    for unit in units:
        site = site_named_in(unit.text) if unit.reason or CAPTION.match(unit.text) else None
        if site:
            named.append(site)
    return Counter(named).most_common(1)[0][0] if named else None


def _find_title(units: list[_Unit]) -> int | None:
    """Index of the headline unit, or None when the text starts straight with the body."""
    candidates = [
        i
        for i, unit in enumerate(units[:_TOP])
        if unit.reason is None
        and _headline_like(unit.text)
        and byline(unit.text) is None
        and dateline(unit.text) is None
    ]
    counts = Counter(fold(unit.text) for unit in units)
    for i in candidates:
        if counts[fold(units[i].text)] > 1:
            return i
    for i, unit in enumerate(units[:_TOP]):
        if unit.reason is not None or byline(unit.text) or dateline(unit.text):
            continue
        if _words(unit.text) < 2 and not _body_like(unit.text):
            continue  # a one-word kicker or section label above the headline
        # The first substantial line is the title only if body text follows it.
        has_body = any(u.reason is None for u in units[i + 1 :])
        return i if i in candidates and has_body else None
    return None


def _take_metadata(units: list[_Unit], out: Cleaned, title_at: int | None) -> None:
    """A byline or dateline near the top (above or below the title) fills author and date."""
    end = _TOP if title_at is None else title_at + 1 + _TOP
    for i, unit in enumerate(units[:end]):
        if i == title_at or unit.reason is not None or len(unit.text) > 160:
            continue
        found = byline(unit.text)
        if found is not None and out.author is None:
            out.author = found[0]
            out.date = out.date or found[1]
            unit.reason = "byline"
            continue
        date = dateline(unit.text)
        if date is not None and out.date is None:
            out.date = date
            unit.reason = "dateline"


def _drop_repeats(units: list[_Unit], out: Cleaned, title_at: int | None) -> None:
    title_key = fold(units[title_at].text) if title_at is not None else None
    seen: set[str] = set()
    for i, unit in enumerate(units):
        if i == title_at or unit.reason is not None:
            continue
        key = fold(unit.text)
        caption = CAPTION.match(unit.text)
        if key == title_key:
            unit.reason = "repeated headline"
            out.title_repeats += 1
        elif caption and (
            title_key is None
            or _same_headline(fold(caption.group("rest")), title_key)
            or not _body_like(caption.group("rest"))
        ):
            unit.reason = "image caption"
        elif key in seen:
            unit.reason = "duplicate paragraph"
        seen.add(key)


def _same_headline(rest: str, title: str) -> bool:
    # Captions are often the headline cut short ("Putin paid …"), or the headline plus more.
    if len(rest) < 8:
        return False
    return title.startswith(rest) or rest.startswith(title)


def _kinds(kept: list[str]) -> list[tuple[BlockKind, str]]:
    pieces: list[tuple[BlockKind, str]] = []
    for i, text in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else None
        heading = following is not None and _heading_like(text) and _body_like(following)
        pieces.append(("heading" if heading else "paragraph", text))
    return pieces


def _heading_like(text: str) -> bool:
    if _words(text) > _MAX_HEADING_WORDS or len(text) > 120 or _HEADING_END.search(text):
        return False
    first = next((c for c in text if c.isalnum()), "")
    return first.isupper() or first.isdigit()
