"""Acronyms defined in the text: "Long Name (ABC)" and "ABC (Long Name)".

A definition counts when the initials of the long form's capitalised words spell the
acronym (small words such as "of", "for", "the" are skipped; a hyphenated word may give
one letter per part). A leading "the" is not part of the long form.
"""

from __future__ import annotations

import re

from ..model import Acronym
from .language import Doc

_SHORT = r"[A-Z][A-Za-z&]{0,2}[A-Z][A-Z&]{0,6}s?"
_LONG_THEN_SHORT = re.compile(rf"\((?P<short>{_SHORT})\)")
_SHORT_THEN_LONG = re.compile(rf"\b(?P<short>{_SHORT}) \((?P<long>[A-Z][^()\n]{{3,80}})\)")
_SMALL = {
    "of",
    "for",
    "the",
    "and",
    "on",
    "in",
    "to",
    "de",
    "du",
    "des",
    "la",
    "le",
    "&",
    "at",
    "a",
}
_WORD = re.compile(r"[A-Za-z][\w'’.-]*|&")
_MAX_WORDS = 12


def find_acronyms(doc: Doc) -> tuple[Acronym, ...]:
    """Every acronym the text defines, in order of definition."""
    text: str = doc.text
    found: dict[str, Acronym] = {}
    for m in _LONG_THEN_SHORT.finditer(text):
        short = m.group("short")
        long = _long_before(text[max(0, m.start() - 200) : m.start()], short)
        if long and short not in found:
            found[short] = Acronym(short, long, m.start("short"))
    for m in _SHORT_THEN_LONG.finditer(text):
        short, long = m.group("short"), strip_the(m.group("long").strip())
        if short not in found and _spells(_initials(long.split()), short):
            found[short] = Acronym(short, long, m.start("short"))
    return tuple(sorted(found.values(), key=lambda a: a.start))


def strip_the(name: str) -> str:
    """A name without a leading "the"."""
    return re.sub(r"^(?:the|The)\s+", "", name)


def resolve(name: str, acronyms: tuple[Acronym, ...]) -> str:
    """The long form when `name` is a defined acronym, else `name` unchanged."""
    for acronym in acronyms:
        if name == acronym.short:
            return acronym.long
    return name


def _long_before(before: str, short: str) -> str | None:
    """The shortest run of words ending just before "(" whose initials spell `short`."""
    tail = before.rstrip()
    if not tail or tail[-1] in ".,;:!?\n":
        return None
    words = list(_WORD.finditer(tail))
    for n in range(1, min(len(words), _MAX_WORDS) + 1):
        chosen = words[-n:]
        if chosen[0].group().lower() in _SMALL:
            continue
        if "\n" in tail[chosen[0].start() :]:
            break
        if _spells(_initials([w.group() for w in chosen]), short):
            return strip_the(tail[chosen[0].start() :])
    return None


def _initials(words: list[str]) -> list[str]:
    """Initials of the capitalised words; a hyphenated word offers each part's initial."""
    out = []
    for word in words:
        if word.lower() in _SMALL or not word[0].isupper():
            continue
        parts = [p for p in word.split("-") if p]
        out.append("".join(p[0] for p in parts if p[0].isupper()) or word[0])
    return out


def _spells(initials: list[str], short: str) -> bool:
    """Whether the initials spell the acronym (ignoring case, a plural "s" and "&")."""
    letters = (
        short.rstrip("s").replace("&", "").upper()
        if short.endswith("s") and short[:-1].isupper()
        else short.replace("&", "").upper()
    )
    if not initials:
        return False
    whole = "".join(i[0] for i in initials).upper()
    split = "".join(initials).upper()
    return letters in {whole, split}
