"""Attribution relations as character spans: who (source), the cue, and what (content).

The audit credits whole sentences to a source (`attribution.Attributor`); a benchmark such
as PolNeAR, and any reader who wants to highlight a quote, needs the pieces of each
relation as offsets into the text. Three extractors give them:
    audit    what the audit credits, one relation per credited sentence: the rules where
             one fires, else the source the tagger marks in the sentence (with the
             tagger's cue and content)
    rules    the attribution rules alone, read back as spans: the source mention they
             found, its cue verb, and the rest of the sentence (the clause the verb
             governs, when the parse has one) as content;
    tagger   the learned sequence tagger over the parse (`attribution_tagger`) alone,
             which marks source, cue and content tokens and joins them into relations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..model import Acronym
from .attribution import Attributor
from .language import LanguageModel

Offsets = tuple[int, int]
Method = Literal["audit", "rules", "tagger"]
_TRIM = set(" \t\r\n,;:—–-")
RelationFinder = Callable[[Any], "tuple[SpanRelation, ...]"]


@dataclass(frozen=True)
class SpanRelation:
    """One attribution found in a text, each part as (start, end) offsets or None."""

    source: Offsets | None
    cue: Offsets | None
    content: Offsets | None


def rule_relations(doc: Any, acronyms: tuple[Acronym, ...] = ()) -> tuple[SpanRelation, ...]:
    """The relations the attribution rules alone find in a parsed text."""
    return credited_relations(doc, Attributor(acronyms))


def audit_relations(
    doc: Any, tagged: tuple[SpanRelation, ...], acronyms: tuple[Acronym, ...] = ()
) -> tuple[SpanRelation, ...]:
    """The relations the audit credits: the rules first, the tagger's sources where none fires."""
    return credited_relations(doc, Attributor(acronyms, tagged))


def credited_relations(doc: Any, attributor: Attributor) -> tuple[SpanRelation, ...]:
    """One relation for each sentence the attributor credits to a source."""
    found = []
    for sent in doc.sents:
        attribution = attributor.attribute(sent)
        if attribution.type == "none" or attribution.start is None or attribution.end is None:
            continue
        source = (attribution.start, attribution.end)
        if attributor.last_tagged is not None:  # credited by the tagger's relation
            found.append(
                SpanRelation(source, attributor.last_tagged.cue, attributor.last_tagged.content)
            )
            continue
        cue = _cue_token(sent, attribution.cue, source)
        content = _content(sent, source, cue)
        found.append(
            SpanRelation(
                source,
                (cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
                content,
            )
        )
    return tuple(found)


def _cue_token(sent: Any, cue: str | None, source: Offsets) -> Any | None:
    """The token of the cue word nearest the source ("said" in "..., Smith said")."""
    if not cue:
        return None
    first = cue.split()[0]
    candidates = [t for t in sent if t.text == first]
    if not candidates:
        return None
    return min(candidates, key=lambda t: abs(t.idx - source[0]))


def _content(sent: Any, source: Offsets, cue: Any | None) -> Offsets | None:
    """What the source says: the clause under the cue verb, else the rest of the sentence."""
    if cue is not None:
        clauses = [c for c in cue.children if c.dep_ in {"ccomp", "xcomp"}]
        if clauses:
            sub = list(clauses[0].subtree)
            return _trimmed(sent.doc.text, sub[0].idx, sub[-1].idx + len(sub[-1].text))
    low = min(source[0], cue.idx if cue is not None else source[0])
    high = max(source[1], cue.idx + len(cue.text) if cue is not None else source[1])
    end = sent[-1].idx + len(sent[-1].text)
    before = _trimmed(sent.doc.text, sent.start_char, low)
    after = _trimmed(sent.doc.text, high, end)
    sides = [s for s in (before, after) if s is not None]
    return max(sides, key=lambda s: s[1] - s[0]) if sides else None


def _trimmed(text: str, start: int, end: int) -> Offsets | None:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    # a stray closing quote or full stop alone is no content
    return (start, end) if end - start > 2 else None


def relation_finder(method: Method = "audit", model: Path | None = None) -> RelationFinder:
    """A function from a parsed text to its relations, by one of the three extractors."""
    if method == "rules":
        return rule_relations
    # imported here: the tagger module builds on this one's records
    from .acronyms import find_acronyms
    from .attribution_tagger import load_attribution_tagger

    tagger = load_attribution_tagger(model)
    if method == "tagger":
        return tagger.relations

    def audit(doc: Any) -> tuple[SpanRelation, ...]:
        return audit_relations(doc, tagger.relations(doc), find_acronyms(doc))

    return audit


def relations_in_text(
    text: str, language: LanguageModel, method: Method = "audit"
) -> tuple[SpanRelation, ...]:
    """Parse raw text and return its attribution relations, offsets into `text`."""
    return relation_finder(method)(language.parse(text))
