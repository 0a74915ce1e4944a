"""Who a source is: names normalised, and the words that mark a source as vague or a document.

Normalising a source: defined acronyms are resolved, a leading determiner, a trailing
possessive, a parenthesised acronym and a person's title are removed. Earlier sources are
remembered so that "Marsh", "she" or "the authority" can be read as the source they
refer back to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Acronym, SourceKind
from .acronyms import resolve


def lexicon(*parts: str) -> frozenset[str]:
    """A word list written as space-separated words."""
    return frozenset(" ".join(parts).split())


# Verbs that report what a source says, finds or believes.
CUE_LEMMAS = lexicon(
    "say tell report state announce suggest estimate find warn claim add explain note argue "
    "confirm reveal insist predict write conclude show indicate acknowledge admit deny caution "
    "believe think allege assert stress disclose forecast reckon maintain contend testify "
    "tweet post brief"
)
# Words that mark attribution in the wider sense PolNeAR annotates: stances, wishes and
# beliefs beside the reporting verbs ("X urged", "X promised", "X hopes").
ATTRIBUTION_CUE_WORDS = CUE_LEMMAS | lexicon(
    "accord call criticize criticise accuse blame praise urge want hope expect fear worry "
    "recall describe ask reply respond question agree disagree promise vow pledge threaten "
    "demand insist mention point acknowledge know feel see consider hear learn plan decide "
    "attack defend dismiss slam blast mock joke quip boast complain charge suggest propose "
    "signal hint declare proclaim recommend"
)
# Nouns for written sources: a source named only by one of these is a document.
DOCUMENT_NOUNS = lexicon(
    "study report survey analysis paper assessment review poll estimate estimates data figures "
    "statement document memo letter audit investigation inquiry research update briefing "
    "release filing research"
)
# Nouns for people or bodies that are left unnamed when they stand alone.
GENERIC_NOUNS = lexicon(
    "official officials source sources expert experts analyst analysts critic critics observer "
    "observers insider insiders person people diplomat diplomats report reports engineer "
    "engineers scientist scientists researcher researchers economist economists witness "
    "witnesses resident residents someone aide aides staff employee employees worker workers "
    "investor investors trader traders commentator commentators media rumours rumors "
    "many some others"
)
# Nouns for bodies that can speak: "the authority said" refers back to a named body.
BODY_NOUNS = lexicon(
    "authority council board office ministry department company government police agency court "
    "union league chamber committee commission bank firm airline group institute institution "
    "university party trust association organisation organization federation army military "
    "service spokesperson spokesman spokeswoman administration cabinet parliament assembly "
    "regulator watchdog bureau centre center foundation charity hospital school college club "
    "team operator carrier network newspaper forum kremlin pentagon"
)
TITLES = lexicon(
    "mr mrs ms miss dr prof professor sir dame lord lady mayor president minister senator "
    "councillor councilor governor judge general colonel captain chancellor secretary "
    "librarian treasurer spokesman spokeswoman spokesperson chief director rev reverend "
    "st saint deputy acting farmer teacher nurse doctor officer constable sergeant inspector "
    "detective coach manager chairman chairwoman chair headteacher principal pastor father "
    "bishop rabbi imam master coroner superintendent commander admiral lieutenant major "
    "representative rep congressman congresswoman mp mep ambassador prince princess king queen "
    "justice sen gov gen col capt lt sgt supt insp cllr economist analyst archbishop"
)
_PERSON_LABELS = {"PERSON"}
_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PAREN = re.compile(r"\s*\([^()]*\)\s*")
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)


def normalise(name: str, acronyms: tuple[Acronym, ...]) -> str:
    """A source name as a reader would file it: "the ISW's" -> "Institute for the Study of War"."""
    name = _PAREN.sub(" ", name).strip(" ,.;:\"'“”")
    name = _DETERMINER.sub("", name)
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    name = " ".join(name.split())
    return resolve(name, acronyms)


def strip_title(name: str) -> str:
    """A person's name without leading titles ("Dr Helena Marsh" -> "Helena Marsh")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def kind_of_label(label: str) -> SourceKind:
    """The source kind for a spaCy entity label."""
    if label in _PERSON_LABELS:
        return "person"
    if label in _ORG_LABELS:
        return "organisation"
    return "unknown"


@dataclass
class SourceMemory:
    """Sources and people already met in the article, in text order."""

    people: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    last_person_source: str | None = None
    last_body_source: str | None = None

    def meet(self, name: str, kind: SourceKind, as_source: bool) -> None:
        """Remember a person or body (and whether it was cited as a source)."""
        target = self.people if kind == "person" else self.bodies
        if name in target:
            target.remove(name)
        target.append(name)
        if as_source and kind == "person":
            self.last_person_source = name
        elif as_source:
            self.last_body_source = name

    def full_person(self, name: str) -> str:
        """The fullest earlier name a short one refers to ("Marsh" -> "Helena Marsh")."""
        parts = name.split()
        for known in [*reversed(self.people), *reversed(self.bodies)]:
            known_parts = known.split()
            if len(known_parts) > len(parts) and known_parts[-len(parts) :] == parts:
                return known
        return name

    def body_for(self, noun: str) -> str | None:
        """The latest body whose name ends with `noun` ("the authority" -> "X Water Authority")."""
        noun = noun.lower()
        for known in reversed(self.bodies):
            words = known.lower().replace("’", "'").split()
            if words and (words[-1] == noun or words[-1].rstrip("'s") == noun.rstrip("s")):
                return known
        return None

    def pronoun(self, word: str) -> tuple[str, SourceKind] | None:
        """The source a pronoun refers to: he/she the latest person, it the latest body."""
        word = word.lower()
        if word in {"he", "she", "him", "her", "his"}:
            person = self.last_person_source if not self.people else self.people[-1]
            return (person, "person") if person else None
        if word in {"it", "its"}:
            body = self.bodies[-1] if self.bodies else self.last_body_source
            return (body, "organisation") if body else None
        return None
