"""Who says so? Rules over the dependency parse that credit a sentence to its source.

A sentence is credited when it holds a cue:
    "according to X"                       X is the source
    X said / told Y / reported / found ... that ...   a reporting verb whose subject is a
                                           plausible source and which takes a clause (or
                                           sits in a sentence with a quotation)
    "it is reported that ..."              an expletive passive: vague
    "in a report, X ..."                   the subject of the sentence
    a source the learned tagger marks      when no rule fires: the tagger's source span
                                           (attribution_tagger.py) inside the sentence
The source is then read from the cue's noun phrase: a person or body named there (with
defined acronyms resolved and earlier full names recalled), a document's author ("a study
by X", "X's report"), a pronoun or "the authority" pointing back to an earlier source, or
else an unnamed source ("officials", "recent reports"), which makes the credit vague.
Nothing is carried to the next sentence except an open quotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model import NO_ATTRIBUTION, Acronym, Attribution, AttributionType, SourceKind
from .language import entities_in
from .sources import (
    BODY_NOUNS,
    CUE_LEMMAS,
    DOCUMENT_NOUNS,
    GENERIC_NOUNS,
    TITLES,
    SourceMemory,
    kind_of_label,
    normalise,
    strip_title,
)

_QUOTES = set('"“”')
_FIRST_PERSON = {"i", "we", "me", "us"}
_INDEFINITE = {"a", "an", "some", "several", "many", "other", "few", "various", "numerous"}
_EXPLETIVE_LEMMAS = {"report", "say", "understand", "claim", "rumour", "rumor", "allege", "believe"}
_NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_BODY_LABELS = {"ORG", "GPE", "NORP", "FAC"}
_Source = tuple[str, str | None, SourceKind]  # (type, source, kind)

_UNNAMED: _Source = ("vague", None, "unknown")

if TYPE_CHECKING:
    from .attribution_spans import SpanRelation


class Attributor:
    """Credits sentences to sources, remembering the sources met so far in one article."""

    def __init__(self, acronyms: tuple[Acronym, ...], tagged: Sequence[SpanRelation] = ()) -> None:
        self.acronyms = acronyms
        # relations the learned tagger found in the same doc: the fallback when no rule fires
        self.tagged = tuple(r for r in tagged if r.source is not None)
        self.last_tagged: SpanRelation | None = None  # the relation behind the last credit
        self.memory = SourceMemory()
        self._shorts = {a.short: a.long for a in acronyms}

    def attribute(self, sent: Any) -> Attribution:
        """The attribution of one sentence (a spaCy Span), or NO_ATTRIBUTION."""
        self._meet_entities(sent)
        self.last_tagged = None
        found = (
            self._according_to(sent)
            or self._reporting_verb(sent)
            or self._in_a_report(sent)
            or self._tagged_source(sent)
        )
        if found is None:
            return NO_ATTRIBUTION
        if found.source and found.type == "named":
            self.memory.meet(found.source, found.source_kind, as_source=True)
        return found

    def _meet_entities(self, sent: Any) -> None:
        for ent in entities_in(sent):
            kind = kind_of_label(ent.label_)
            if kind == "person" or _titled(ent):
                name = self.memory.full_person(
                    strip_title(normalise(_extend_left(ent), self.acronyms))
                )
                self.memory.meet(name, "person", as_source=False)
            elif ent.label_ == "ORG":
                self.memory.meet(
                    normalise(ent.text, self.acronyms), "organisation", as_source=False
                )

    def _according_to(self, sent: Any) -> Attribution | None:
        for tok in sent:
            if tok.lower_ != "according" or tok.i + 1 >= sent.end or tok.nbor().lower_ != "to":
                continue
            to = tok.nbor()
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if not objects:
                return None
            described = self._describe(objects[0])
            if described is None:
                return None
            return _make(described, objects[0], f"{tok.text} {to.text}")
        return None

    def _reporting_verb(self, sent: Any) -> Attribution | None:
        quoted = any(ch in _QUOTES for ch in sent.text)
        best: tuple[int, Attribution] | None = None
        for tok in sent:
            if not _is_cue(tok):
                continue
            deps = {c.dep_ for c in tok.children}
            if not (
                "ccomp" in deps
                or tok.dep_ == "parataxis"
                or _trailing(tok)
                or (quoted and tok.lemma_ in {"say", "tell", "add"})
            ):
                continue
            found = self._cue_source(tok, deps)
            if found is not None:
                depth = _depth(tok)
                if best is None or depth < best[0]:
                    best = (depth, found)
        return best[1] if best else None

    def _cue_source(self, verb: Any, deps: set[str]) -> Attribution | None:
        # the subject nearest the verb: a misparse may give "the figure ..., the office said" two
        subjects = sorted(
            (c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - verb.i)
        )
        if subjects:
            described = self._describe(subjects[0])
            return _make(described, subjects[0], verb.text) if described else None
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        if agents:
            described = self._describe(agents[0])
            return _make(described, agents[0], verb.text) if described else None
        if (
            passive
            and passive[0].lower_ == "it"
            and verb.lemma_ in _EXPLETIVE_LEMMAS
            and "ccomp" in deps
        ):
            doc = verb.doc
            start, end = passive[0].idx, verb.idx + len(verb.text)
            mention = doc[passive[0].i : verb.i + 1].text  # the characters start..end
            return Attribution("vague", mention, None, "unknown", verb.text, start, end)
        return None

    def _in_a_report(self, sent: Any) -> Attribution | None:
        root = sent.root
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            docs = [
                c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in DOCUMENT_NOUNS
            ]
            subjects = [c for c in root.children if c.dep_ == "nsubj"]
            if docs and subjects:
                described = self._describe(subjects[0])
                if described and described[0] == "named":
                    return _make(described, subjects[0], prep.text + " " + docs[0].text)
        return None

    def _tagged_source(self, sent: Any) -> Attribution | None:
        """The first source the tagger marked inside the sentence, read like a rule's."""
        for relation in self.tagged:
            assert relation.source is not None  # kept only with a source in __init__
            start, end = relation.source
            if not sent.start_char <= start < sent.end_char:
                continue
            span = sent.doc.char_span(start, min(end, sent.end_char), alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            described: _Source | None = self._describe(head)
            if described is None:
                if head.pos_ not in {"NOUN", "PROPN"}:
                    continue  # "I", "we" (which `_describe` refuses too), a stray verb
                described = _UNNAMED  # "the man", "a witness"
            cue_span = (
                sent.doc.char_span(*relation.cue, alignment_mode="expand") if relation.cue else None
            )
            cue = cue_span.text if cue_span is not None else ""
            self.last_tagged = relation
            return _make(described, head, cue)
        return None

    def _describe(self, head: Any) -> _Source | None:
        """Read a source from a noun phrase; None when it cannot be a source at all."""
        lower = head.lower_
        if head.pos_ == "PRON":
            if lower in _FIRST_PERSON:
                return None
            found = self.memory.pronoun(lower)
            return ("named", found[0], found[1]) if found else ("vague", None, "unknown")
        author = _author_of(head)
        if author is not None:
            described = self._describe(author)
            if described and described[0] == "named":
                return described
        named = self._named_in(head)
        if named is not None:
            return named
        lemma = head.lemma_.lower()
        if head.pos_ == "PROPN":
            return self._proper(head)
        if lemma in GENERIC_NOUNS or lower in GENERIC_NOUNS:
            if lemma in DOCUMENT_NOUNS and _definite(head):
                return ("named", _compound_text(head), "document")
            return ("vague", None, "unknown")
        if lemma in DOCUMENT_NOUNS or lemma in BODY_NOUNS:
            if not _definite(head):
                return ("vague", None, "unknown")
            if lemma in DOCUMENT_NOUNS:
                return ("named", _compound_text(head), "document")
            own, known = _compound_text(head), self.memory.body_for(lemma)
            # "the authority" is the authority met before; "the national government" is
            # not the regional one met before
            if known is None or (own != head.text and not known.lower().endswith(own.lower())):
                known = own
            return ("named", known, "organisation")
        return None

    def _named_in(self, head: Any) -> _Source | None:
        """A person, body or defined acronym named inside the phrase (relative clauses aside)."""
        skip = {t.i for c in head.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
        tokens = [t for t in head.subtree if t.i not in skip]
        ids = {t.i for t in tokens}
        generic = head.lemma_.lower() in GENERIC_NOUNS
        ents = [e for e in entities_in(head.doc) if e.start in ids and e.label_ not in _NUMERIC_LABELS]
        ents.sort(
            key=lambda e: (
                head.i not in range(e.start, e.end),
                e.label_ != "PERSON" and not _titled(e),
                e.label_ not in _BODY_LABELS,
            )
        )
        for ent in ents:
            if generic and ent.label_ != "ORG" and head.i not in range(ent.start, ent.end):
                continue
            name = normalise(_extend_left(ent), self.acronyms)
            if ent.label_ == "PERSON" or _titled(ent):
                return ("named", self.memory.full_person(strip_title(name)), "person")
            full = self.memory.full_person(name)
            return ("named", full, "person" if full in self.memory.people else "organisation")
        for tok in tokens:
            if tok.text in self._shorts:
                return ("named", self._shorts[tok.text], "organisation")
        return None

    def _proper(self, head: Any) -> _Source:
        """A source named by proper nouns the entity recogniser missed ("Nunez", "X's League")."""
        name = normalise(_proper_name(head), self.acronyms)
        titled = strip_title(name)
        full = self.memory.full_person(titled)
        if full in self.memory.people or titled != name:
            return ("named", full, "person")
        if len(full.split()) == 1 and not head.ent_type_:
            return ("named", full, "person")  # a lone capitalised name that speaks
        return ("named", full, "organisation" if head.ent_type_ else "unknown")


def _is_cue(tok: Any) -> bool:
    """A reporting verb; "forecasts"/"warns" mis-tagged as a plural noun still count as the root."""
    if tok.lemma_.lower() in CUE_LEMMAS and tok.pos_ in {"VERB", "AUX"}:
        return True
    return (
        tok.dep_ == "ROOT"
        and tok.tag_ == "NNS"
        and tok.lower_[:-1] in CUE_LEMMAS
        and any(c.dep_ == "nsubj" for c in tok.children)
    )


def _trailing(verb: Any) -> bool:
    """ "..., the office said": a reporting verb whose subject follows a comma after the claim."""
    if verb.dep_ not in {"ROOT", "advcl", "conj", "parataxis"}:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return False
    left: int = subjects[-1].left_edge.i
    return left > verb.sent.start + 2 and bool(verb.doc[left - 1].text == ",")


def continues_quote(previous: str) -> bool:
    """Whether text ends inside an open quotation (so the next sentence continues it)."""
    straight = previous.count('"') % 2 == 1
    return straight or previous.count("“") > previous.count("”")


def _make(described: _Source, head: Any, cue: str) -> Attribution:
    kind, source, source_kind = described
    left, right = head.left_edge.i, head.right_edge.i
    doc = head.doc
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space) and doc[right].text != ")":
        right -= 1
    start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
    if kind == "vague":
        source, source_kind = None, "unknown"
    label: AttributionType = "vague" if kind == "vague" else "named"
    # the span's own text: `doc.text` joins the whole document again at every call
    mention: str = doc[left : right + 1].text
    return Attribution(label, mention, source, source_kind, cue, start, end)


def _author_of(head: Any) -> Any | None:
    """The author of a document phrase: "a study by X", "X's report", "the X report"."""
    if head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() not in DOCUMENT_NOUNS:
                    return obj
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
    return None


def _left_start(ent: Any) -> int:
    """Where the entity starts once proper nouns the recogniser left off are added."""
    doc, start = ent.doc, ent.start
    while (
        start > ent.sent.start
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].lower_ not in TITLES
    ):
        start -= 1
    return int(start)


def _extend_left(ent: Any) -> str:
    """The entity's text with proper nouns just before it ("Tomas" + "Reyes")."""
    text: str = ent.doc[_left_start(ent) : ent.end].text
    return text


def _titled(ent: Any) -> bool:
    """Whether a title ("Dr", "Mayor", "treasurer") stands at or just before the entity."""
    doc, start = ent.doc, _left_start(ent)
    first = doc[start].lower_.rstrip(".")
    before = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    return first in TITLES or before in TITLES


def _proper_name(head: Any) -> str:
    """The proper-noun run ending at `head`, with "of"/"for" + proper noun after it."""
    doc = head.doc
    start = head.i
    while start > head.sent.start and (
        doc[start - 1].pos_ == "PROPN"
        or (doc[start - 1].tag_ == "POS" and doc[start - 2].pos_ == "PROPN")
    ):
        start -= 1
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "for"} and child.i == end:
            objs = [o for o in child.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            if objs:
                end = objs[0].right_edge.i + 1
    text: str = doc[start:end].text
    return text


def _compound_text(head: Any) -> str:
    """The head noun with its compounds and proper-noun modifiers ("district council")."""
    left = head
    for child in head.lefts:
        if child.dep_ in {"compound", "amod"} and child.pos_ in {"PROPN", "NOUN", "ADJ"}:
            left = child
            break
    text: str = head.doc[left.i : head.i + 1].text
    return text


def _definite(head: Any) -> bool:
    """Whether the phrase points at one known thing ("the", "its", a possessive)."""
    for child in head.lefts:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "det":
            return child.lower_ in {"the", "this", "that", "its", "their"}
    return False


def _depth(tok: Any) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth
