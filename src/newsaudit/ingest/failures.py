"""A part of a corpus input that could not be read, and why (reported, never dropped)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    """Where (a file, a line, a record, an entry, a URL) and the one-line reason."""

    origin: str
    reason: str
