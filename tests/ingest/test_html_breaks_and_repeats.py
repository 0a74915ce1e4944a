"""HTML cleaning details measured on the extraction benchmark: line breaks and repeated lines."""

from __future__ import annotations

from newsaudit.ingest import RawInput, to_article
from newsaudit.settings import Settings

INTRO = (
    "The band announced a summer tour on Monday, with dates across the country and a new "
    "album due in the autumn, the group's first in more than a decade of touring."
)


def _page(body: str) -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Tour dates announced</title></head><body>"
        f"<article><h1>Tour dates announced</h1><p>{INTRO}</p>{body}"
        f"<p>{INTRO.replace('Monday', 'Tuesday')}</p></article></body></html>"
    ).encode()


def _text(body: str) -> str:
    return to_article(RawInput(_page(body), "page.html", None, None), Settings()).text


def test_a_line_break_separates_words() -> None:
    text = _text("<p>Tampa, FL<br>June 12<br>Atlanta, GA<br/>June 14</p>")
    assert "FL June 12" in text
    assert "GA June 14" in text
    assert "FLJune" not in text


def test_short_repeated_lines_are_content() -> None:
    rows = "".join(
        f"<h3>Meal {n}</h3><p>Eat every 2-3 hours</p><p>Portion: 1 green, 1 red</p>"
        for n in (1, 2, 3)
    )
    text = _text(rows)
    assert text.count("Eat every 2-3 hours") == 3
    assert text.count("Portion: 1 green, 1 red") == 3


def test_a_repeated_paragraph_is_dropped_once_seen() -> None:
    quote = (
        "We have waited a long time for this moment and we cannot wait to see everyone "
        "again on the road this summer, the singer said."
    )
    text = _text(f"<p>{quote}</p><p>Tickets go on sale on Friday.</p><p>{quote}</p>")
    assert text.count("cannot wait to see everyone") == 1
