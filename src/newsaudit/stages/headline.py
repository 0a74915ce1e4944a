"""Does the headline match the body? A verdict, an FNC-1 stance and the reasons.

PLACEHOLDER: the headline work replaces it.
"""

from __future__ import annotations

from ..model import Acronym, Article, Claim, HeadlineCheck
from .language import Doc


def check_headline(
    article: Article,
    claims: tuple[Claim, ...],
    headline_doc: Doc | None,
    acronyms: tuple[Acronym, ...],
) -> HeadlineCheck:
    """Compare the article title with the claims of its body."""
    return HeadlineCheck(verdict="supported", stance="agree", reasons=())
