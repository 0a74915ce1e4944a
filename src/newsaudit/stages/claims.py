"""What does the article claim? Sentences with kind, check-worthiness and their parts.

PLACEHOLDER: the claims work replaces it.
"""

from __future__ import annotations

from ..model import NO_ATTRIBUTION, Acronym, Article, Claim
from ..settings import Settings
from .language import Doc


def extract_claims(
    article: Article, doc: Doc, acronyms: tuple[Acronym, ...], settings: Settings
) -> tuple[Claim, ...]:
    """The claims of the article body, in text order, with ids C1, C2, ..."""
    claims = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        claims.append(
            Claim(f"C{len(claims) + 1}", text, start, start + len(text), "asserted", 0.5, NO_ATTRIBUTION)
        )
    return tuple(claims)
