"""How firmly is it said? Hedges, and the kind of a claim: asserted, hedged, prediction, opinion.

The kind is decided in this order, the first that applies:
    1. opinion      "should"/"ought to", "is seen as", a first-person view ("I think")
    2. prediction   future on the main clause ("will", "is expected/set/due to",
                    "is likely to", "would" in reported speech) - hedges are still listed
    3. opinion      evaluative words in the predicate, or anywhere when nothing is counted
                    ("a vanity project", "better"); an event read as a sign ("the decision
                    reflects a shift", "the request shows the extent of ...");
                    or speculation about vague effects ("could have significant consequences")
    4. hedged       any hedge ("may have", "likely", "reportedly", "appears to", "suggests")
    5. asserted
Number approximators ("about", "nearly") are not hedges: they are part of a quantity.
"""

from __future__ import annotations

from typing import Any

from ..model import ClaimKind, Hedge
from .sources import BODY_NOUNS, CUE_LEMMAS, DOCUMENT_NOUNS, GENERIC_NOUNS, lexicon

_MODAL_HEDGES = {"may", "might", "could"}
_ADVERB_HEDGES = {
    "likely",
    "unlikely",
    "probably",
    "possibly",
    "perhaps",
    "maybe",
    "reportedly",
    "allegedly",
    "apparently",
    "seemingly",
    "presumably",
    "supposedly",
    "purportedly",
    "potentially",
    "conceivably",
    "ostensibly",
}
_VERB_HEDGES = {"appear", "seem"}
_EVIDENTIAL = {"suggest"}
_PASSIVE_HEDGES = {"believe", "think", "rumour", "rumor", "say", "allege", "understand", "reckon"}
_FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_FUTURE_TO = {
    "expect",
    "set",
    "due",
    "project",
    "forecast",
    "schedule",
    "poise",
    "likely",
    "bound",
    "slate",
    "going",
}
_SEEN_AS = {"see", "regard", "view", "consider", "deem", "perceive"}
_COGNITION = {
    "love",
    "like",
    "want",
    "prefer",
    "hate",
    "think",
    "believe",
    "suspect",
    "feel",
    "hope",
    "doubt",
    "reckon",
    "fear",
    "wish",
    "guess",
    "suppose",
    "trust",
}
EVALUATIVE = lexicon(
    "good bad wrong better best worse worst fine great terrible awful muddled absurd ridiculous "
    "shameful disgraceful foolish wise sensible reckless excellent welcome unacceptable unfair "
    "outrageous sad pity mistake failure disaster disastrous scandal scandalous nonsense brilliant "
    "wonderful laudable admirable misguided humility arrogant arrogance incompetent cynical "
    "irresponsible lifeline vanity desperation desperate shocking appalling deplorable laughable "
    "pointless senseless tragic tragedy heroic cowardly cruel hypocritical hypocrisy pathetic "
    "embarrassing embarrassment game-changer game changer crucial"
)
_INTERPRETIVE = {
    "reflect",
    "show",
    "signal",
    "underline",
    "underscore",
    "highlight",
    "illustrate",
    "demonstrate",
    "mean",
    "prove",
    "expose",
}
_ABSTRACT_SUBJECT_POS = {"NOUN"}
_VAGUE_EFFECTS = {
    "consequence",
    "impact",
    "implication",
    "effect",
    "difference",
    "balance",
    "repercussion",
    "ramification",
}


def find_hedges(tokens: list[Any]) -> tuple[Hedge, ...]:
    """Every hedge in the tokens of one claim, with offsets into the article text."""
    out: list[Hedge] = []
    n = len(tokens)
    for k, tok in enumerate(tokens):
        lower, lemma = tok.lower_, tok.lemma_.lower()
        nxt = tokens[k + 1] if k + 1 < n else None
        last = tok
        if tok.tag_ == "MD" and lower in _MODAL_HEDGES:
            if nxt is not None and nxt.lower_ in {"not", "n't", "never"} and lower == "could":
                continue  # "could not afford": a fact about ability, not a hedge
            if nxt is not None and nxt.lower_ == "have":
                last = nxt
        elif lower in _ADVERB_HEDGES and tok.pos_ in {"ADV", "ADJ"}:
            pass
        elif lemma in _VERB_HEDGES and nxt is not None and nxt.lower_ == "to":
            last = nxt
        elif lemma in _EVIDENTIAL and tok.pos_ == "VERB":
            pass
        elif (
            lemma in _PASSIVE_HEDGES
            and tok.tag_ == "VBN"
            and nxt is not None
            and nxt.lower_ == "to"
        ):
            if not any(c.dep_ == "auxpass" for c in tok.children):
                continue
            last = nxt
        else:
            continue
        end = last.idx + len(last.text)
        # the tokens' own text (the characters idx..end), not `doc.text`, rebuilt per call
        out.append(Hedge(tok.doc[tok.i : last.i + 1].text, tok.idx, end))
    return tuple(out)


def claim_kind(tokens: list[Any], hedges: tuple[Hedge, ...], has_quantity: bool) -> ClaimKind:
    """Asserted, hedged, prediction or opinion, by the rules in this module's docstring."""
    heads = _main_heads(tokens)
    if _is_opinion_by_form(tokens):
        return "opinion"
    if _is_prediction(tokens, heads):
        return "prediction"
    if _is_evaluative(tokens, has_quantity) or _is_interpretation(heads):
        return "opinion"
    if hedges:
        return "hedged"
    return "asserted"


def _main_heads(tokens: list[Any]) -> list[Any]:
    """The verbs carrying the claim: the root or what a reporting root reports, and conjuncts."""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i == t.i or t.head.i not in ids]
    heads: list[Any] = []
    for root in roots[:1]:
        heads.append(root)
        if root.lemma_.lower() in CUE_LEMMAS:
            heads.extend(c for c in root.children if c.dep_ in {"ccomp", "parataxis"})
        elif root.dep_ in {"ROOT"}:
            heads.extend(c for c in root.children if c.dep_ == "ccomp" and c.i < root.i)
    for head in list(heads):
        heads.extend(c for c in head.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
    return heads


def _is_opinion_by_form(tokens: list[Any]) -> bool:
    for k, tok in enumerate(tokens):
        lower = tok.lower_
        if tok.tag_ == "MD" and lower in {"should", "ought"}:
            return True
        if lower == "ought":
            return True
        if (
            tok.lemma_.lower() in _SEEN_AS
            and tok.tag_ == "VBN"
            and k + 1 < len(tokens)
            and tokens[k + 1].lower_ == "as"
        ):
            return True
        if lower in {"i", "we"} and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _COGNITION:
            return True
    return False


def _is_prediction(tokens: list[Any], heads: list[Any]) -> bool:
    reported = bool(heads) and heads[0].lemma_.lower() in CUE_LEMMAS
    for head in heads:
        for child in head.children:
            if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
                return True
            if (
                reported
                and head is not heads[0]
                and child.dep_ == "aux"
                and child.lower_ == "would"
            ):
                return True  # future in reported speech: "said the line would open"
        if head.lemma_.lower() == "expect" and any(c.dep_ == "auxpass" for c in head.children):
            return True  # "results are expected by Tuesday"
        # "is expected to open", "is set to", "are likely to benefit", "expected prices to rise"
        for node in (head, *[c for c in head.children if c.dep_ == "acomp"]):
            if node.lemma_.lower() in _FUTURE_TO and any(
                g.dep_ in {"xcomp", "ccomp"} for g in node.children
            ):
                return True
    return False


def _is_interpretation(heads: list[Any]) -> bool:
    """An event or decision read as showing something abstract, with no clause reported."""
    if not heads or heads[0].lemma_.lower() not in _INTERPRETIVE:
        return False
    root = heads[0]
    children = list(root.children)
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ not in _ABSTRACT_SUBJECT_POS or subjects[0].ent_type_:
        return False
    if subjects[0].lemma_.lower() in DOCUMENT_NOUNS | BODY_NOUNS | GENERIC_NOUNS:
        return False
    return not any(c.dep_ == "ccomp" for c in children)


def _is_evaluative(tokens: list[Any], has_quantity: bool) -> bool:
    if any(t.lower_ in {"i", "we"} and t.dep_ == "nsubj" for t in tokens):
        has_quantity = False  # a first-person view stays a view even with a number in it
    speculative = any(t.tag_ == "MD" and t.lower_ in {"could", "might", "may"} for t in tokens)
    predicate = {
        t.i for t in tokens if t.dep_ in {"dobj", "attr", "acomp", "oprd"} for t in t.subtree
    }
    for k, tok in enumerate(tokens):
        lemma = tok.lemma_.lower()
        if speculative and lemma in _VAGUE_EFFECTS:
            return True
        if has_quantity and tok.i not in predicate:
            continue
        if (lemma in EVALUATIVE or tok.lower_ in EVALUATIVE) and (
            tok.pos_ in {"ADJ", "NOUN", "ADV"} or tok.tag_ == "VBN"
        ):
            return True
        if tok.lower_ == "changer" and k >= 2 and tokens[k - 2].lower_ == "game":
            return True
    return False
