"""Reading a headline: the source it credits, its words, numbers, entities, hedges, negation.

Works from the spaCy Doc of the title when the pipeline has one, and from the bare string
otherwise (every offset indexes `Article.title`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ._wording import (
    HEDGE,
    NEGATION,
    SCALE_WORDS,
    STOPWORDS,
    Found,
    find_all,
    number_value,
    numbers,
    words,
)
from .language import entities_in
from .quantities import is_unit

_NAME = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|the|and|on|[A-Z][\w.&'’-]*)){0,7}"
_SAY = r"(?:says?|said|claims?|reports?|warns?|finds?|estimates?|suggests?)"
# "...: ISW", "... - Reuters", "... | AP"
_TRAILING = re.compile(rf"(?:\s*[:|]\s*|\s+[-–—]\s+)(?P<src>{_NAME})\s*$")
# "..., officials say" / "..., Reuters reports"
_TRAILING_SAYS = re.compile(rf",\s*(?P<src>{_NAME}|[a-z]+(?:\s+[a-z]+)?)\s+{_SAY}\s*$")
# "ISW says ..." / "Reuters: ..." (the bare-colon form only for an all-capitals name)
_LEADING = re.compile(rf"^(?P<src>{_NAME})\s+{_SAY}\b\s*(?:that\s+)?|^(?P<acro>[A-Z]{{2,6}}):\s+")
# "... according to the city council" (up to a comma or the end)
_ACCORDING = re.compile(r"(?:,\s*)?\b(?:according to|citing|per)\s+(?P<src>[^,;:]+?)\s*(?=[,;:]|$)")

# Headlines tell the future without "will": "Clinic to close", "Rail link expected to open".
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|(?:set|expected|due|poised|planned|scheduled|likely) to|plans? to)\s",
    re.IGNORECASE,
)

_NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
}


@dataclass(frozen=True)
class HeadNumber:
    """A number in the headline and the words it counts ("100,000" -> "North Korean soldiers")."""

    found: Found
    value: float
    counts: str | None
    phrase_end: int


@dataclass(frozen=True)
class HeadWord:
    """A content word of the headline, with its forms and how much it weighs in a match."""

    found: Found
    forms: tuple[str, ...]
    weight: float
    is_verb: bool = False


@dataclass(frozen=True)
class HeadlineParts:
    """What the headline says, split into the pieces the comparison needs."""

    title: str
    source: Found | None
    core: Found
    words: tuple[HeadWord, ...]
    numbers: tuple[HeadNumber, ...]
    entities: tuple[Found, ...]
    hedges: tuple[Found, ...]
    negations: tuple[Found, ...]
    verb: Found | None
    future: bool = False  # "X to close", "X expected to open", "X will ...": told as a prediction


def find_source(title: str) -> tuple[Found | None, Found]:
    """The source a headline credits (if any) and the rest of the headline (its core)."""
    for pattern in (_TRAILING_SAYS, _TRAILING, _ACCORDING):
        match = pattern.search(title)
        if match and match.start() > 0:
            src = match.group("src")
            s = match.start("src")
            core = title[: match.start()].rstrip()
            return Found(src, s, s + len(src)), Found(core, 0, len(core))
    match = _LEADING.search(title)
    if match:
        group = "src" if match.group("src") else "acro"
        src, s = match.group(group), match.start(group)
        rest = title[match.end() :]
        return Found(src, s, s + len(src)), Found(rest, match.end(), len(title))
    return None, Found(title, 0, len(title))


def read_headline(title: str, doc: Any | None) -> HeadlineParts:
    """Split a headline into source, content words, numbers, entities, hedges and negation."""
    source, core = find_source(title)
    lo, hi = core.start, core.end
    hedges = tuple(f for f in _shift(find_all(HEDGE, core.text), lo))
    if title.rstrip().endswith("?"):
        q = len(title.rstrip()) - 1
        hedges += (Found("?", q, q + 1),)
    negations = tuple(_shift(find_all(NEGATION, core.text), lo))
    if doc is None:
        return _read_plain(title, source, core, hedges, negations)
    head_words: list[HeadWord] = []
    verb: Found | None = None
    for tok in doc:
        s, e = tok.idx, tok.idx + len(tok.text)
        if s < lo or e > hi or tok.is_punct or tok.is_space:
            continue
        if tok.pos_ in {"VERB", "AUX"} and verb is None and tok.dep_ in {"ROOT", "ccomp"}:
            verb = Found(tok.text, s, e)
        if tok.like_num or tok.is_stop or tok.lower_ in STOPWORDS or len(tok.text) < 2:
            continue
        named = tok.ent_type_ in _NAME_LABELS or tok.pos_ == "PROPN"
        head_words.append(
            HeadWord(
                Found(tok.text, s, e),
                (tok.text, tok.lemma_),
                2.0 if named else 1.0,
                tok.pos_ == "VERB",
            )
        )
    if verb is None:
        verb = next(
            (Found(w.found.text, w.found.start, w.found.end) for w in head_words if w.is_verb), None
        )
    nums: list[HeadNumber] = []
    scaled: set[int] = set()  # "million" of "1.2 million", read with its number
    for tok in doc:
        if not tok.like_num or tok.idx < lo or tok.idx >= hi or tok.i in scaled:
            continue
        if tok.ent_type_ and tok.ent_type_ not in _NUMERIC_LABELS:
            continue
        last = tok
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in SCALE_WORDS and tok.text[0].isdigit():
            last = nxt
            scaled.add(nxt.i)
        text = title[tok.idx : last.idx + len(last.text)]
        value = number_value(text)
        if value is None:
            continue
        counts, end = _counted(doc, last)
        nums.append(HeadNumber(Found(text, tok.idx, tok.idx + len(text)), value, counts, end))
    ents = tuple(
        Found(ent.text, ent.start_char, ent.end_char)
        for ent in entities_in(doc)
        if ent.label_ in _NAME_LABELS and ent.start_char >= lo and ent.end_char <= hi
    )
    future = bool(_FUTURE.search(core.text)) or _headlinese_future(doc, lo, hi)
    return HeadlineParts(
        title, source, core, tuple(head_words), tuple(nums), ents, hedges, negations, verb, future
    )


def _headlinese_future(doc: Any, lo: int, hi: int) -> bool:
    """ "Clinic to close at weekends": a subject, then "to" and a verb, with no verb before."""
    for tok in doc:
        if not lo <= tok.idx < hi:
            continue
        if tok.pos_ in {"VERB", "AUX"}:
            return False
        if tok.lower_ == "to" and tok.dep_ == "aux" and tok.head.pos_ == "VERB":
            return bool(tok.i > 0)
    return False


def _counted(doc: Any, tok: Any) -> tuple[str | None, int]:
    """The noun a number counts, with its modifiers, and where that phrase ends."""
    head = tok.head
    if (
        tok.dep_ in {"nummod", "quantmod", "compound"}
        and head.i > tok.i
        and head.pos_ in {"NOUN", "PROPN"}
    ):
        first = tok.i + 1
        while first < head.i and doc[first].like_num:
            first += 1
        span = doc[first : head.i + 1]
        of = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if is_unit(head.text) and of is not None and of.lower_ == "of":
            # "1.2 million tonnes of grain" counts grain, as the body's quantities do
            counted = [t for t in of.subtree if t.i > of.i]
            if counted:
                return doc[counted[0].i : counted[-1].i + 1].text, counted[-1].idx + len(
                    counted[-1].text
                )
        return span.text, span.end_char
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"}:
        return nxt.text, nxt.idx + len(nxt.text)
    return None, tok.idx + len(tok.text)


def _read_plain(
    title: str,
    source: Found | None,
    core: Found,
    hedges: tuple[Found, ...],
    negations: tuple[Found, ...],
) -> HeadlineParts:
    """The same pieces without a parse: capitalised words count as names."""
    head_words: list[HeadWord] = []
    ents: list[Found] = []
    for w in _shift(words(core.text), core.start):
        if w.text[0].isdigit() or w.text.lower() in STOPWORDS or len(w.text) < 2:
            continue
        named = w.text[0].isupper() and w.start > core.start
        head_words.append(HeadWord(w, (w.text,), 2.0 if named else 1.0))
        if named:
            ents.append(w)
    nums: list[HeadNumber] = []
    for found, value in numbers(core.text):
        f = Found(found.text, found.start + core.start, found.end + core.start)
        after = re.match(r"\s+([A-Za-z][\w-]*)", title[f.end :])
        counts = after.group(1) if after else None
        end = f.end + after.end() if after else f.end
        nums.append(HeadNumber(f, value, counts, end))
    future = bool(_FUTURE.search(core.text))
    return HeadlineParts(
        title,
        source,
        core,
        tuple(head_words),
        tuple(nums),
        tuple(ents),
        hedges,
        negations,
        None,
        future,
    )


def _shift(found: Any, offset: int) -> list[Found]:
    """Found pieces moved by `offset` characters."""
    return [Found(f.text, f.start + offset, f.end + offset) for f in found]
