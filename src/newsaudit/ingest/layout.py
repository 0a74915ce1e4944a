"""What a cleaner hands back, and how its kept blocks become `Article.text` with exact offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model import Block, BlockKind, Furniture, Link

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"})


@dataclass
class Cleaned:
    """The result of cleaning one page, before it is frozen into an Article."""

    title: str = ""
    pieces: list[tuple[BlockKind, str]] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    author: str | None = None
    date: str | None = None
    site: str | None = None
    title_repeats: int = 0

    def drop(self, text: str, reason: str) -> None:
        """Record `text` as page furniture removed for `reason`."""
        self.furniture.append(Furniture(text=text, reason=reason))


def tidy(text: str) -> str:
    """One line of text with runs of spaces collapsed and the ends stripped."""
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """A comparison key: case, quotes, dashes and spacing folded away."""
    return tidy(text.translate(_QUOTES)).casefold().rstrip(" .…")


def host_of(url: str | None) -> str | None:
    """The lower-cased host name of a URL, or None."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.lower() if host else None


def assemble(pieces: list[tuple[BlockKind, str]]) -> tuple[str, tuple[Block, ...]]:
    """Join the kept pieces with blank lines; each block's offsets index the joined text."""
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, text in pieces:
        if parts:
            pos += 2
        parts.append(text)
        blocks.append(Block(kind=kind, start=pos, end=pos + len(text)))
        pos += len(text)
    return "\n\n".join(parts), tuple(blocks)
