"""Signs of template copy: question-style subheadings and stock phrases."""

from __future__ import annotations

import functools
import re
from importlib import resources

from ..model import Article

_QUESTION_START = re.compile(
    r"^(?:why|what|how|who|when|where|which|is|are|can|could|will|would|should|does|do|did)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1)
def stock_phrases() -> tuple[str, ...]:
    """The packaged stock-phrase list (data/stock_phrases.txt), loaded once."""
    text = resources.files("newsaudit").joinpath("data/stock_phrases.txt").read_text("utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def _phrase_pattern() -> re.Pattern[str]:
    """One pattern for every stock phrase, whole words only, spaces and hyphens alike."""
    alts = sorted(
        (
            re.escape(p).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+").replace("'", "['’]")
            for p in stock_phrases()
        ),
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


def question_headings(article: Article) -> list[str]:
    """Section headings written as questions ("What does this mean for ...?")."""
    return [
        h.text.strip()
        for h in article.headings
        if h.text.strip().endswith("?") or _QUESTION_START.match(h.text.strip())
    ]


def stock_phrases_in(text: str) -> list[str]:
    """Stock phrases used in `text`, as written there, each once, in text order."""
    seen: dict[str, str] = {}
    for match in _phrase_pattern().finditer(text):
        key = re.sub(r"[\s-]+", " ", match.group().lower())
        seen.setdefault(key, match.group())
    return list(seen.values())
