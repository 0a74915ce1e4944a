"""Does the headline match the body? A verdict, an FNC-1 stance and the reasons.

1. read the headline: the source it credits, content words, numbers, entities, hedges
2. match it to the body claims by shared words and names (acronyms resolved)
3. compare it with the best-matching claim: hedge, numbers, source, names, negation
4. a verdict and stance from the reasons, or from the reasons and a stance model together
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..model import (
    Acronym,
    Article,
    Claim,
    HeadlineCheck,
    HeadlineReason,
    HeadlineVerdict,
    Span,
)
from ._headline_parts import HeadlineParts, read_headline
from ._headline_verdict import VERDICT_STANCE, combine, rule_verdict
from ._wording import (
    FALL_WORDS,
    NEGATION,
    RISE_WORDS,
    Found,
    content_words,
    fold_name,
    numbers,
    related_word,
    same_source,
    same_word,
    stem,
)
from .language import Doc

UNRELATED_BELOW = 0.2  # share of headline weight a claim must cover to be on topic at all
STATES_ABOVE = 0.45  # share a claim must cover to count as saying what the headline says
_CHANGE_WORDS = RISE_WORDS | FALL_WORDS
_NEGATION_REACH = 40  # characters before a matched word within which a negation applies to it


class StanceScorer(Protocol):
    """A learned headline-body stance model (FNC-1 labels)."""

    def stance(self, headline: str, body: str) -> dict[str, float]:
        """Probabilities for "agree", "disagree", "discuss" and "unrelated"."""
        ...


@dataclass(frozen=True)
class _Match:
    claim: Claim
    score: float


def check_headline(
    article: Article,
    claims: tuple[Claim, ...],
    headline_doc: Doc | None,
    acronyms: tuple[Acronym, ...],
    stance_scorer: StanceScorer | None = None,
) -> HeadlineCheck:
    """Compare the article title with the claims of its body."""
    if not article.title.strip():
        reason = HeadlineReason("no_matching_claim", "the article has no headline to check", ())
        return HeadlineCheck("unrelated", "unrelated", (reason,))
    pairs = tuple((a.short, a.long) for a in acronyms)
    parts = read_headline(article.title, headline_doc)
    source = _normalise_source(parts.source.text, pairs, claims) if parts.source else None
    ranked = sorted((_Match(c, _score(parts, c, pairs)) for c in claims), key=lambda m: -m.score)
    best = ranked[0] if ranked else None
    if best is None or best.score < UNRELATED_BELOW:
        detail = "no sentence of the body shares the headline's content words or names"
        verdict: HeadlineVerdict = "unrelated"
        reasons: tuple[HeadlineReason, ...] = (
            HeadlineReason("no_matching_claim", detail, (_head(parts, parts.core),)),
        )
        matched: tuple[str, ...] = ()
    else:
        floor = max(STATES_ABOVE, 0.8 * best.score)
        matched = (best.claim.id,) + tuple(m.claim.id for m in ranked[1:] if m.score >= floor)
        reasons = _reasons(article, claims, parts, best.claim, pairs)
        if best.score < STATES_ABOVE and not reasons:
            reasons = (_weak_match(article, parts, best),)
        verdict = rule_verdict(reasons)
    stance = VERDICT_STANCE[verdict]
    if stance_scorer is not None:
        probs = stance_scorer.stance(article.title, article.text)
        verdict, stance, reasons = combine(verdict, reasons, probs)
    return HeadlineCheck(verdict, stance, reasons, matched, source)


def _score(parts: HeadlineParts, claim: Claim, pairs: tuple[tuple[str, str], ...]) -> float:
    """The share of the headline's weighted words and numbers that the claim contains."""
    total = sum(w.weight for w in parts.words) + len(parts.numbers)
    if total == 0:
        return 0.0
    cwords = _StemIndex({stem(w.text) for w in content_words(claim.text)})
    lowered = claim.text.lower()
    got = 0.0
    for word in parts.words:
        if any(cwords.has_word(f) for f in word.forms) or any(
            word.found.text == short and long.lower() in lowered for short, long in pairs
        ):
            got += word.weight
    values = _values(claim)
    got += sum(1 for n in parts.numbers if n.value in values)
    return got / total


class _StemIndex:
    """A claim's stems grouped by the first four letters of their own stem, for `_has_word`.

    `same_word` holds only between words whose stems agree on their first four letters
    (equal stems, or one stem of four letters or more beginning the other), so a headline
    word is compared with that group alone instead of with every stem of the claim.
    """

    def __init__(self, stems: set[str]) -> None:
        self.stems = stems
        self.groups: dict[str, list[str]] = {}
        for other in stems:
            self.groups.setdefault(stem(other)[:4], []).append(other)

    def has_word(self, word: str) -> bool:
        """`_has_word(word, stems)`, looking only where a match can be."""
        s = stem(word)
        if s in self.stems:
            return True
        return any(same_word(s, other) for other in self.groups.get(stem(s)[:4], ()))


def _has_word(word: str, stems: set[str]) -> bool:
    """Whether `word` is among the stems, exactly or as another form of the same word."""
    s = stem(word)
    return s in stems or any(same_word(s, other) for other in stems)


def _values(claim: Claim) -> set[float]:
    """Every number of a claim: from its quantities, and from its text as a fallback."""
    return {q.value for q in claim.quantities} | {v for _, v in numbers(claim.text)}


def _reasons(
    article: Article,
    claims: tuple[Claim, ...],
    parts: HeadlineParts,
    claim: Claim,
    pairs: tuple[tuple[str, str], ...],
) -> tuple[HeadlineReason, ...]:
    """Every way the headline departs from the claim it matches best, in a fixed order."""
    found = [
        _hedge_dropped(article, parts, claim),
        *_quantities_moved(article, claims, parts, claim),
        _attribution_moved(article, claims, parts, claim, pairs),
        *_entities_missing(article, parts, pairs),
        _negation_flipped(article, parts, claim),
        _direction_flipped(article, parts, claim),
    ]
    return tuple(r for r in found if r is not None)


def _hedge_dropped(article: Article, parts: HeadlineParts, claim: Claim) -> HeadlineReason | None:
    """The body hedges (or gives as opinion) what the headline states flatly."""
    if parts.hedges or not (claim.hedges or claim.kind in {"hedged", "prediction", "opinion"}):
        return None
    if parts.future and claim.kind == "prediction" and not claim.hedges:
        return None  # a forecast told as a forecast: "to close" for "will stop opening"
    head = _head(parts, parts.verb or parts.core)
    body = [_body(article, h.start, h.end) for h in claim.hedges]
    if parts.verb is not None:
        body += _word_spans(article, claim, parts.verb.text)[:1]
    if not body:
        body = [_body(article, claim.start, claim.end)]
    how = (
        "gives it as opinion"
        if claim.kind == "opinion" and not claim.hedges
        else (
            "hedges it (" + ", ".join(f'"{h.text}"' for h in claim.hedges) + ")"
            if claim.hedges
            else f"states it as a {claim.kind}"
        )
    )
    detail = f"{claim.id} {how}; the headline states it flatly"
    return HeadlineReason("hedge_dropped", detail, (head, *sorted(body, key=lambda s: s.start)))


def _quantities_moved(
    article: Article, claims: tuple[Claim, ...], parts: HeadlineParts, claim: Claim
) -> list[HeadlineReason]:
    """Numbers of the headline that count something else in the body, or are not there."""
    out: list[HeadlineReason] = []
    for num in parts.numbers:
        head = _head(
            parts,
            Found(parts.title[num.found.start : num.phrase_end], num.found.start, num.phrase_end),
        )
        own = [q for q in claim.quantities if q.value == num.value]
        if own or num.value in _values(claim):
            wrong = [
                q
                for q in own
                if q.counts
                and num.counts
                and not _same_thing(q.counts, num.counts)
                # "1.2 million tonnes" in the headline, "1.2 million tonnes of grain" in the body
                and not (q.unit and _same_thing(q.unit, num.counts))
            ]
            if wrong:
                q = wrong[0]
                detail = (
                    f"the headline's {num.found.text} counts {num.counts}; in {claim.id} it "
                    f"counts {q.counts}"
                )
                out.append(
                    HeadlineReason("quantity_moved", detail, (head, _body(article, q.start, q.end)))
                )
            continue
        elsewhere = [(c, _number_spans(article, c, num.value)) for c in claims if c is not claim]
        elsewhere = [(c, spans) for c, spans in elsewhere if spans]
        if elsewhere:
            other = elsewhere[0][0]
            counted = next(
                (q.counts for q in other.quantities if q.value == num.value and q.counts), None
            )
            what = f" (it counts {counted})" if counted else ""
            ids = ", ".join(c.id for c, _ in elsewhere)
            detail = (
                f"{num.found.text} is not in {claim.id}, the claim the headline matches; "
                f"the body uses it in {ids}{what}"
            )
            body = tuple(s for _, spans in elsewhere for s in spans[:1])
            out.append(HeadlineReason("quantity_moved", detail, (head, *body)))
        else:
            detail = f"{num.found.text} does not appear in the body"
            out.append(HeadlineReason("quantity_moved", detail, (head,)))
    return out


def _same_thing(a: str, b: str) -> bool:
    """Whether two counted phrases share a word or a synonym ("soldiers" / "troops")."""
    wa, wb = content_words(a), content_words(b)
    return not wa or not wb or any(related_word(x.text, y.text) for x in wa for y in wb)


def _attribution_moved(
    article: Article,
    claims: tuple[Claim, ...],
    parts: HeadlineParts,
    claim: Claim,
    pairs: tuple[tuple[str, str], ...],
) -> HeadlineReason | None:
    """The headline credits a source that the body does not credit for the matching claim."""
    if parts.source is None:
        return None
    name = parts.source.text
    if article.site and same_source(name, article.site.split(".")[0], pairs):
        return None  # the outlet signing its own headline credits nobody
    att = claim.attribution
    if att.type != "none" and any(
        same_source(name, n, pairs) for n in (att.source, att.mention) if n
    ):
        return None
    credited = [
        c
        for c in claims
        if c is not claim
        and c.attribution.type != "none"
        and any(
            same_source(name, n, pairs) for n in (c.attribution.source, c.attribution.mention) if n
        )
    ]
    if att.type == "none":
        gives = f"{claim.id} credits nobody"
    else:
        gives = f'{claim.id} credits {att.type} source "{att.mention or att.source}"'
    elsewhere = (
        f"; {name} is credited for {', '.join(c.id for c in credited)}"
        if credited
        else f"; the body does not credit {name} for any claim"
    )
    detail = f"the headline credits {name}, but {gives}{elsewhere}"
    body = [s for c in [claim, *credited] if (s := _attribution_span(article, c)) is not None]
    return HeadlineReason("attribution_moved", detail, (_head(parts, parts.source), *body))


def _attribution_span(article: Article, claim: Claim) -> Span | None:
    """Where the claim's source is named: its offsets, else its mention found in the claim."""
    att = claim.attribution
    if att.start is not None and att.end is not None and att.end > att.start:
        return _body(article, att.start, att.end)
    at = claim.text.find(att.mention) if att.mention else -1
    if att.mention and at >= 0:
        return _body(article, claim.start + at, claim.start + at + len(att.mention))
    return None


def _entities_missing(
    article: Article, parts: HeadlineParts, pairs: tuple[tuple[str, str], ...]
) -> list[HeadlineReason]:
    """Names in the headline that the body never mentions."""
    out: list[HeadlineReason] = []
    body = article.text.lower()
    stems = {stem(w.text) for w in content_words(article.text)}
    for ent in parts.entities:
        if ent.text.lower() in body or any(
            fold_name(ent.text) in (fold_name(s), fold_name(lg))
            and (s.lower() in body or lg.lower() in body)
            for s, lg in pairs
        ):
            continue
        names = [w.text for w in content_words(ent.text)]
        if names and all(_has_word(n, stems) for n in names):
            continue
        detail = f"{ent.text} is named in the headline but nowhere in the body"
        out.append(HeadlineReason("entity_missing", detail, (_head(parts, ent),)))
    return out


def _negation_flipped(
    article: Article, parts: HeadlineParts, claim: Claim
) -> HeadlineReason | None:
    """The headline asserts what the claim denies, or denies what it asserts."""
    cues = []
    for cue in NEGATION.finditer(claim.text):
        window = claim.text[cue.end() : cue.end() + _NEGATION_REACH]
        if any(
            any(_has_word(f, {stem(w.text)}) for f in hw.forms)
            for hw in parts.words
            for w in content_words(window)
        ):
            cues.append(_body(article, claim.start + cue.start(), claim.start + cue.end()))
    if bool(cues) == bool(parts.negations):
        return None
    if cues:
        detail = f"{claim.id} denies what the headline asserts"
        spans = (_head(parts, parts.verb or parts.core), *cues)
    else:
        detail = f"the headline denies what {claim.id} asserts"
        spans = (
            *(_head(parts, n) for n in parts.negations),
            _body(article, claim.start, claim.end),
        )
    return HeadlineReason("negation_flipped", detail, spans)


def _direction_flipped(
    article: Article, parts: HeadlineParts, claim: Claim
) -> HeadlineReason | None:
    """The headline's change goes up where the claim's goes down, or the other way."""
    changes = [w.found for w in parts.words if w.found.text.lower() in _CHANGE_WORDS]
    head = next((w for w in changes if parts.verb and w.start == parts.verb.start), None)
    head = head or (changes[0] if changes else None)
    if head is None:
        return None
    rises = head.text.lower() in RISE_WORDS
    same, other = (RISE_WORDS, FALL_WORDS) if rises else (FALL_WORDS, RISE_WORDS)
    said = content_words(claim.text)
    if any(w.text.lower() in same for w in said):
        return None
    against = [w for w in said if w.text.lower() in other]
    if not against:
        return None
    w = against[0]
    detail = (
        f'the headline says it {"rose" if rises else "fell"} ("{head.text}"); '
        f'{claim.id} says it {"fell" if rises else "rose"} ("{w.text}")'
    )
    body = _body(article, claim.start + w.start, claim.start + w.end)
    return HeadlineReason("direction_flipped", detail, (_head(parts, head), body))


def _weak_match(article: Article, parts: HeadlineParts, best: _Match) -> HeadlineReason:
    """No claim says what the headline says; the closest shares only some of its words."""
    detail = (
        f"no body claim states the headline; the closest, {best.claim.id}, shares "
        f"{round(best.score * 100)}% of its content"
    )
    return HeadlineReason(
        "no_matching_claim",
        detail,
        (_head(parts, parts.core), _body(article, best.claim.start, best.claim.end)),
    )


def _normalise_source(
    name: str, pairs: tuple[tuple[str, str], ...], claims: tuple[Claim, ...]
) -> str:
    """The long form of a credited source: as the text defines the acronym, else as the
    body's attributions name the same source."""
    for short, long in pairs:
        if fold_name(name) in (fold_name(short), fold_name(long)):
            return long
    for claim in claims:
        att = claim.attribution
        if (
            att.type == "named"
            and att.source
            and len(att.source) > len(name)
            and (same_source(name, att.source, pairs))
        ):
            return att.source
    return name[4:] if name.lower().startswith("the ") else name


def _head(parts: HeadlineParts, found: Found) -> Span:
    """A headline span (offsets into the title)."""
    return Span(found.start, found.end, parts.title[found.start : found.end], "headline")


def _body(article: Article, start: int | None, end: int | None) -> Span:
    """A body span (offsets into the text)."""
    s, e = start or 0, end or 0
    return Span(s, e, article.text[s:e], "body")


def _word_spans(article: Article, claim: Claim, word: str) -> list[Span]:
    """Where a claim uses `word` in some form, as body spans."""
    return [
        _body(article, claim.start + w.start, claim.start + w.end)
        for w in content_words(claim.text)
        if related_word(w.text, word)
    ]


def _number_spans(article: Article, claim: Claim, value: float) -> list[Span]:
    """Where a claim writes `value`, as body spans (its quantities first)."""
    spans = [_body(article, q.start, q.end) for q in claim.quantities if q.value == value]
    return spans or [
        _body(article, claim.start + f.start, claim.start + f.end)
        for f, v in numbers(claim.text)
        if v == value
    ]
