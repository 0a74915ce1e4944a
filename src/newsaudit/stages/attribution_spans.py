"""Attribution relations as character spans: who (source), the cue, and what (content).

The audit credits whole sentences to a source (`attribution.Attributor`); a benchmark such
as PolNeAR, and any reader who wants to highlight a quote, needs the pieces of each
relation as offsets into the text. Two extractors give them:
    rules    the audit's own attribution rules, read back as spans: the source mention it
             found, its cue verb, and the rest of the sentence (the clause the verb
             governs, when the parse has one) as content;
    tagger   a learned sequence tagger over the parse (`attribution_tagger`), which marks
             source, cue and content tokens and joins them into relations.
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
Method = Literal["rules", "tagger"]
_TRIM = set(" \t\r\n,;:—–-")
RelationFinder = Callable[[Any], "tuple[SpanRelation, ...]"]


@dataclass(frozen=True)
class SpanRelation:
    """One attribution found in a text, each part as (start, end) offsets or None."""

    source: Offsets | None
    cue: Offsets | None
    content: Offsets | None


def rule_relations(doc: Any, acronyms: tuple[Acronym, ...] = ()) -> tuple[SpanRelation, ...]:
    """The relations the audit's attribution rules find in a parsed text."""
    attributor = Attributor(acronyms)
    found = []
    for sent in doc.sents:
        attribution = attributor.attribute(sent)
        if attribution.type == "none" or attribution.start is None or attribution.end is None:
            continue
        source = (attribution.start, attribution.end)
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


def relation_finder(method: Method = "tagger", model: Path | None = None) -> RelationFinder:
    """A function from a parsed text to its relations: the learned tagger, or the rules."""
    if method == "rules":
        return rule_relations
    # imported here: the tagger module builds on this one's records
    from .attribution_tagger import load_attribution_tagger

    return load_attribution_tagger(model).relations


def relations_in_text(
    text: str, language: LanguageModel, method: Method = "tagger"
) -> tuple[SpanRelation, ...]:
    """Parse raw text and return its attribution relations, offsets into `text`."""
    return relation_finder(method)(language.parse(text))
