"""Acronyms defined in the text ("Institute for the Study of War (ISW)").

PLACEHOLDER: the claims work replaces it.
"""

from __future__ import annotations

from ..model import Acronym
from .language import Doc


def find_acronyms(doc: Doc) -> tuple[Acronym, ...]:
    """Every acronym the text defines, in order of definition."""
    return ()
