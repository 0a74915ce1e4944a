"""Documents cut into passages of one to three sentences, with exact offsets.

Ingest has to be fast, so sentences are found by rule (an end mark followed by space and a
capital, digit or opening quote; common abbreviations skipped), not by spaCy. A blank line
always ends a passage; a sentence longer than `MAX_CHARS` is cut at white space.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_SENTENCES = 3
MAX_CHARS = 600

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Rev|No|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Co|vs|etc|approx|Fig)|\b[A-Z])\.$"
)
_SPACE = re.compile(r"\s+")

Span = tuple[int, int]


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode, case and white space normalised (the dedupe key)."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def split_passages(text: str) -> list[Span]:
    """Passage spans of `text`: ordered, non-overlapping, trimmed, never empty."""
    passages: list[Span] = []
    for p_start, p_end in _paragraphs(text):
        current: Span | None = None
        count = 0
        for s_start, s_end in _sentences(text, p_start, p_end):
            if current is not None and count < MAX_SENTENCES and s_end - current[0] <= MAX_CHARS:
                current = (current[0], s_end)
                count += 1
                continue
            if current is not None:
                passages.append(current)
            current, count = (s_start, s_end), 1
        if current is not None:
            passages.append(current)
    return passages


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _paragraphs(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        span = _trim(text, start, match.start())
        if span:
            spans.append(span)
        start = match.end()
    span = _trim(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def _sentences(text: str, start: int, end: int) -> list[Span]:
    cuts: list[int] = []
    for match in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(start, match.start() - 6), match.start() + 1):
            continue  # "Mr. Smith", "U.S. troops"
        cuts.append(match.end())
    spans: list[Span] = []
    begin = start
    for cut in [*cuts, end]:
        span = _trim(text, begin, cut)
        begin = cut
        if span:
            spans.extend(_cut_long(text, *span))
    return spans


def _cut_long(text: str, start: int, end: int) -> list[Span]:
    """A sentence over MAX_CHARS cut at the last white space that keeps each piece under it."""
    spans: list[Span] = []
    while end - start > MAX_CHARS:
        limit = start + MAX_CHARS
        cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
        if cut <= start:
            cut = limit  # one unbroken run of characters: cut it anyway
        span = _trim(text, start, cut)
        if span:
            spans.append(span)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    span = _trim(text, start, end)
    if span:
        spans.append(span)
    return spans
