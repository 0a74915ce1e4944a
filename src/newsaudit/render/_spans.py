"""Cutting a text into plain and highlighted pieces, for the HTML views of a report.

Highlights never nest across each other: where two spans overlap, the one that starts
first (the longer one on a tie) wins and the other is left unmarked, so the text of the
pieces always adds up to the original text, character for character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Piece(Generic[T]):
    """A stretch of text, and what marks it (None for plain text)."""

    text: str
    mark: T | None


def cut(text: str, start: int, end: int, spans: Sequence[tuple[int, int, T]]) -> list[Piece[T]]:
    """`text[start:end]` as pieces, marking the non-overlapping `spans` clipped to it."""
    pieces: list[Piece[T]] = []
    at = start
    ordered = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0])))
    for span_start, span_end, mark in ordered:
        lo, hi = max(span_start, at), min(span_end, end)
        if span_start < at or lo >= hi:
            continue  # overlaps a span already marked, or lies outside the region
        if lo > at:
            pieces.append(Piece(text[at:lo], None))
        pieces.append(Piece(text[lo:hi], mark))
        at = hi
    if at < end:
        pieces.append(Piece(text[at:end], None))
    return pieces
