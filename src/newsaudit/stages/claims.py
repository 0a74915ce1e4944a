"""What does the article claim, who says so, and how firmly?

1. take the sentences of paragraph blocks (never headings), leaving out questions and
   verbless fragments; split a sentence at ";" into clauses that each have a verb
2. credit each sentence to its source (attribution.py: rules over the parse, then the
   sources the learned tagger marked); a sentence carries a credit on only while a
   quotation opened before it is still open
3. for each clause: hedges and kind (hedging.py), quantities (quantities.py), entities
4. score check-worthiness (checkworthy.py), drop claims under `min_checkworthy`, number
   the rest C1, C2, ... in text order
Every claim's `start`/`end` index into `article.text`: `article.text[start:end] == text`.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..model import NO_ATTRIBUTION, Acronym, Article, Attribution, Claim, Entity
from ..settings import Settings
from .attribution import Attributor, continues_quote
from .attribution_spans import SpanRelation
from .checkworthy import score
from .hedging import claim_kind, find_hedges
from .language import Doc, entities_in
from .quantities import find_quantities

_VERB_POS = {"VERB", "AUX"}


def extract_claims(
    article: Article,
    doc: Doc,
    acronyms: tuple[Acronym, ...],
    settings: Settings,
    tagged: tuple[SpanRelation, ...] = (),
) -> tuple[Claim, ...]:
    """The claims of the article body, in text order, with ids C1, C2, ...

    `tagged` holds the attribution tagger's relations in `doc`, the fallback for sentences
    no attribution rule credits.
    """
    paragraphs = _paragraphs(article)
    starts = [p[0] for p in paragraphs]
    attributor = Attributor(acronyms, tagged)
    drafts: list[Claim] = []
    previous: tuple[int, Attribution] | None = None  # (paragraph index, attribution)
    for sent in doc.sents:
        where = bisect.bisect_right(starts, sent.start_char) - 1
        if where < 0 or sent.start_char >= paragraphs[where][1]:
            continue
        attribution = attributor.attribute(sent)
        para_start = paragraphs[where][0]
        before = article.text[para_start : sent.start_char]
        if (
            attribution.type == "none"
            and previous
            and previous[0] == where
            and continues_quote(before)
        ):
            attribution = previous[1]
        previous = (where, attribution)
        if _is_question(sent) or not any(t.pos_ in _VERB_POS for t in sent):
            continue
        for clause in _clauses(sent):
            drafts.append(_claim(article, doc, clause, attribution))
    kept = [c for c in drafts if c.checkworthy >= settings.min_checkworthy]
    return tuple(
        Claim(
            f"C{i}",
            c.text,
            c.start,
            c.end,
            c.kind,
            c.checkworthy,
            c.attribution,
            c.quantities,
            c.entities,
            c.hedges,
        )
        for i, c in enumerate(kept, start=1)
    )


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every paragraph block; the whole text when there are no blocks."""
    if not article.blocks:
        return [(0, len(article.text))]
    return sorted((b.start, b.end) for b in article.blocks if b.kind == "paragraph")


def _is_question(sent: Any) -> bool:
    text: str = sent.text.rstrip().rstrip("\"'”’)")
    return text.endswith("?")


def _clauses(sent: Any) -> list[list[Any]]:
    """The sentence's tokens split at semicolons, each part with a verb of its own."""
    parts: list[list[Any]] = [[]]
    for tok in sent:
        if tok.text == ";" and parts[-1]:
            parts.append([])
        else:
            parts[-1].append(tok)
    merged: list[list[Any]] = []
    for part in parts:
        content = [t for t in part if not t.is_space]
        if not content:
            continue
        if merged and not any(t.pos_ in _VERB_POS for t in content):
            merged[-1].extend(content)
        else:
            merged.append(content)
    return merged


def _claim(article: Article, doc: Doc, tokens: list[Any], attribution: Attribution) -> Claim:
    """One draft claim (id filled in later) from a clause's tokens."""
    while len(tokens) > 1 and tokens[-1].text == ";":
        tokens = tokens[:-1]
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    text = article.text[start:end]
    if attribution.start is not None and not start <= attribution.start < end:
        attribution = NO_ATTRIBUTION  # the credit belongs to another clause of the sentence
    hedges = find_hedges(tokens)
    quantities = find_quantities(text, start, tokens)
    entities = tuple(
        Entity(e.text, e.label_, e.start_char, e.end_char)
        for e in entities_in(doc.char_span(start, end, alignment_mode="expand"))
    )
    kind = claim_kind(tokens, hedges, bool(quantities))
    checkworthy = score(tokens, kind, attribution, quantities, entities)
    return Claim("", text, start, end, kind, checkworthy, attribution, quantities, entities, hedges)
