"""Arbitrary user text made into a safe FTS5 query.

FTS5 gives meaning to quotes, parentheses, `*`, `-`, `:`, `^` and the words AND, OR, NOT and
NEAR, so a claim typed or pasted by a user would often be a syntax error. Each word is
taken out of the text and quoted, common function words are dropped, and the words are
joined by OR: BM25 then ranks passages that share more (and rarer) words higher.
"""

from __future__ import annotations

import re

MAX_TERMS = 32  # a long paragraph as a query: keep the first distinct words, stay fast

_WORD = re.compile(r"\w+", re.UNICODE)
_STOPWORD_TEXT = (
    "a an the and or but if of at by for with about against between into through during "
    "before after above below to from up down in out on off over under again further then "
    "once here there when where why how all any both each few more most other some such no "
    "nor not only own same so than too very s t can will just don should now is are was were "
    "be been being have has had having do does did it its it's this that these those i me my "
    "we our you your he him his she her they them their what which who whom as would could "
    "also said says"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def terms(text: str) -> list[str]:
    """The distinct searchable words of `text`, in order, function words left out."""
    words = [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w.strip("_")]
    content = [w for w in words if w not in _STOPWORDS]
    # A query of function words only ("who said it") still searches for them.
    return list(dict.fromkeys(content or words))[:MAX_TERMS]


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression for `text`, or None when it has no searchable word."""
    words = terms(text)
    if not words:
        return None
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
