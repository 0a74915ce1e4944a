"""Can the outlet be trusted? Page and domain signals and the reliability they add up to.

PLACEHOLDER: the outlet work replaces it.
"""

from __future__ import annotations

from ..model import Article, Claim, Outlet


def assess_outlet(article: Article, claims: tuple[Claim, ...]) -> Outlet:
    """Signals about the outlet and page, and an overall reliability."""
    return Outlet(domain=article.site, reliability="unknown", signals=())
