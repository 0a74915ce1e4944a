"""HTML cleaning: trafilatura finds the article and its metadata; our furniture rules run on top.

trafilatura's XML body is walked element by element: ``<head>`` becomes a heading block,
paragraphs, quotes, list items and table rows become paragraph blocks, and ``<ref>``
elements in kept blocks become `Article.links`. Scripts, styles and event handlers never
reach the text (trafilatura drops them); ``javascript:``/``data:`` links are dropped here.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree

from ..errors import IngestError
from ..model import BlockKind, Link
from .furniture import byline, dateline, furniture_reason
from .layout import Cleaned, fold, host_of, tidy

_LINK_SCHEMES = {"http", "https"}
_BLOCK_TAGS = {"p", "quote", "code"}
_TOP = 6  # first blocks in which a byline or dateline left in the body is looked for
# A repeated paragraph this long is page residue (a pull quote, a teaser shown twice);
# shorter repeats are structure (table cells, list labels, "Meal 1 ... Meal 2").
_DUP_MIN_WORDS = 12


def clean_html(html: str, url: str | None, name: str) -> Cleaned:
    """Extract the article from an HTML page: title, blocks, links, author, date, site."""
    try:
        doc: Any = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_formatting=True,
            include_links=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise IngestError(f"{name}: the HTML could not be parsed ({exc}); check the file") from None
    if doc is None or doc.body is None:
        raise IngestError(
            f"{name}: no article text found in this HTML page; save the article page itself"
        )
    base = url or doc.url
    out = Cleaned(
        title=tidy(doc.title or ""),
        author=tidy(doc.author) if doc.author else None,
        date=doc.date or None,
        site=host_of(url) or doc.hostname or doc.sitename or None,
    )
    pieces = [(kind, tidy(text), refs) for kind, text, refs in _walk(doc.body)]
    if not out.title:
        out.title = next((text for kind, text, _ in pieces if kind == "heading"), "")
    _keep(pieces, out, base)
    return out


def _walk(body: Any) -> list[tuple[BlockKind, str, list[Any]]]:
    """The body's blocks in order, each with the <ref> elements inside it."""
    found: list[tuple[BlockKind, str, list[Any]]] = []
    if body.text and body.text.strip():
        found.append(("paragraph", body.text, []))
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "head":
            found.append(("heading", _text(element), list(element.iter("ref"))))
        elif tag == "list":
            for item in element.iter("item"):
                found.append(("paragraph", _own_text(item), _own_refs(item)))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [tidy(_text(cell)) for cell in row.iter("cell")]
                found.append(
                    ("paragraph", " | ".join(c for c in cells if c), list(row.iter("ref")))
                )
        elif tag:
            found.append(("paragraph", _text(element), list(element.iter("ref"))))
        if element.tail and element.tail.strip():
            found.append(("paragraph", element.tail, []))
    return [(kind, text, refs) for kind, text, refs in found if text.strip()]


def _text(element: Any) -> str:
    # A line break (<lb/>, from <br>) separates words: "FL<br>June" is "FL June", not "FLJune".
    if element.tag == "lb":
        return " "
    parts = [element.text or ""]
    for child in element:
        parts.append(_text(child) if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return "".join(parts)


def _own_text(item: Any) -> str:
    # A list item's own words, without a nested list (whose items are walked separately).
    parts = [item.text or ""]
    for child in item:
        if child.tag != "list":
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _own_refs(item: Any) -> list[Any]:
    return [
        ref for ref in item.iter("ref") if ref.getparent() is item or ref.getparent().tag != "list"
    ]


def _keep(pieces: list[tuple[BlockKind, str, list[Any]]], out: Cleaned, base: str | None) -> None:
    title_key = fold(out.title) if out.title else None
    title_seen = False
    seen: set[str] = set()
    for index, (kind, text, refs) in enumerate(pieces):
        key = fold(text)
        reason = furniture_reason(text)
        if reason is None and key == title_key:
            # The page's own headline above the body is expected once; more is residue.
            reason = "repeated headline" if title_seen else "headline"
            out.title_repeats += int(title_seen)
            title_seen = True
        if reason is None and index < _TOP:
            reason = _metadata(text, out)
        if reason is None and key in seen and len(text.split()) >= _DUP_MIN_WORDS:
            reason = "duplicate paragraph"
        if reason is not None:
            out.drop(text, reason)
            continue
        seen.add(key)
        out.pieces.append((kind, text))
        out.links.extend(link for ref in refs if (link := _link(ref, base)) is not None)


def _metadata(text: str, out: Cleaned) -> str | None:
    found = byline(text)
    if found is not None:
        out.author = out.author or found[0]
        out.date = out.date or found[1]
        return "byline"
    date = dateline(text)
    if date is not None:
        out.date = out.date or date
        return "dateline"
    return None


def _link(ref: Any, base: str | None) -> Link | None:
    target = (ref.get("target") or "").strip()
    if not target:
        return None
    absolute = urljoin(base, target) if base else target
    if urlsplit(absolute).scheme.lower() not in _LINK_SCHEMES:
        return None  # javascript:, data:, mailto:, relative links with no base
    return Link(url=absolute, text=tidy(_text(ref)))
