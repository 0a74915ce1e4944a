"""Faster, exact stand-ins for the pipeline's attribute ruler and rule lemmatizer.

en_core_web_sm's attribute ruler (tag → part of speech, morphology and some lemmas) runs a
Matcher of 179 patterns over every token, and its rule lemmatizer caches only some of its
answers, so the two took about a quarter of the parse. Both answers depend on little:

- every single-token pattern reads only the token's tag, lower-case form, dependency and
  whether it is a space, so the rules one such token matches are found once per distinct
  combination (by the real Matcher, on a one-token copy) and remembered;
- the eight two-token rules ("gon na", "there is") still run through a Matcher of their
  own, and their effects are merged with the remembered ones in rule order, as the ruler
  orders them;
- a rule lemma depends only on the token's text, part of speech and morphology, the key
  the lemmatizer's own cache uses, so every answer is remembered, not only some; and its
  word index, shipped as lists it scans for each new word, is turned into sets.

The annotations are the same as the original components'; a test compares them token by
token over real articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# (tag, lower, dep, is_space): everything a single-token pattern of the ruler reads.
TokenKey = tuple[int, int, int, int]
# The rules a token matches, in the order the ruler applies them ((rule number, attrs)
# pairs), and their joint effect.
RuleEffects = tuple[tuple[tuple[int, dict[Any, Any]], ...], dict[Any, Any]]

SINGLE_TOKEN_ATTRS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
# Each cache starts again when it holds this many answers (a few tens of MB at most).
MAX_REMEMBERED = 200_000


class CachedAttributeRuler:
    """Applies a spaCy AttributeRuler's rules with one Matcher run per distinct token."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict[Any, Any]] = ruler.attrs
        self.indices: list[int] = ruler.indices
        self.single = Matcher(self.vocab)
        self.multi = Matcher(self.vocab)
        # What the single-token patterns ask of the lower-case form: literal words (alone
        # or in IN / NOT_IN lists) and regular expressions. A word none of them mentions or
        # matches is treated like every other such word, so one key serves them all.
        self._words: set[str] = set()
        self._regexes: list[re.Pattern[str]] = []
        self._any_word_counts = False
        for number in range(len(self.attrs)):
            key = str(number)
            _, patterns = ruler.matcher.get(key)
            one_token = all(
                len(pattern) == 1 and set(pattern[0]) <= SINGLE_TOKEN_ATTRS for pattern in patterns
            )
            (self.single if one_token else self.multi).add(key, patterns)
            if one_token:
                for pattern in patterns:
                    self._note_lower(pattern[0].get("LOWER"))
        self._effects: dict[TokenKey, RuleEffects] = {}
        self._lower_class: dict[int, int] = {}

    def _note_lower(self, predicate: Any) -> None:
        if predicate is None:
            return
        if isinstance(predicate, str):
            self._words.add(predicate)
        elif isinstance(predicate, dict) and set(predicate) <= {"IN", "NOT_IN", "REGEX"}:
            for op, value in predicate.items():
                if op == "REGEX":
                    self._regexes.append(re.compile(value))
                else:
                    self._words.update(value)
        else:
            self._any_word_counts = True  # an operator not understood here: key every word

    def _lower_key(self, lower: int) -> int:
        """The lower-case form itself if some pattern could tell it apart, else 0."""
        known = self._lower_class.get(lower)
        if known is None:
            if len(self._lower_class) >= MAX_REMEMBERED:
                self._lower_class.clear()
            text = self.vocab.strings[lower]
            counts = (
                self._any_word_counts
                or text in self._words
                or any(r.search(text) for r in self._regexes)
            )
            known = self._lower_class[lower] = lower if counts else 0
        return known

    def _rules_of(self, key: TokenKey, text: str) -> RuleEffects:
        """The single-token rules a token with this key matches (found on a one-token copy)."""
        tag, _, dep, _ = key
        copy = Doc(self.vocab, words=[text], spaces=[False])
        copy[0].tag = tag
        copy[0].dep = dep
        numbers = sorted(
            int(self.vocab.strings[match_id])
            for match_id, _, _ in self.single(copy, allow_missing=True)
        )
        rules = tuple((n, self.attrs[n]) for n in numbers)
        # Applied in rule order, a later rule's value for an attribute replaces an earlier
        # one's, so the rules' joint effect is one merged dict.
        merged: dict[Any, Any] = {}
        for _, attrs in rules:
            merged.update(attrs)
        return rules, merged

    def __call__(self, doc: Doc) -> Doc:
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        pending: dict[int, list[tuple[int, dict[Any, Any]]]] = {}
        for match_id, start, end in self.multi(doc, allow_missing=True):
            number = int(self.vocab.strings[match_id])
            position = doc[start:end][self.indices[number]].i
            pending.setdefault(position, []).append((number, self.attrs[number]))
        effects = self._effects
        if len(effects) >= MAX_REMEMBERED:
            effects.clear()
        lower_key = self._lower_key
        for i, (tag, lower, dep, is_space) in enumerate(keys):
            key: TokenKey = (tag, lower_key(lower), dep, is_space)
            found = effects.get(key)
            if found is None:
                found = effects[key] = self._rules_of(key, doc[i].text)
            rules, merged = found
            if i in pending:
                token = doc[i]
                for _, attrs in sorted((*rules, *pending[i]), key=lambda rule: rule[0]):
                    set_token_attrs(token, attrs)
            elif merged:
                set_token_attrs(doc[i], merged)
        return doc


def _index_as_sets(lemmatizer: Any) -> None:
    """Give the lemmatizer its word index as sets: it only asks whether a form is in it.

    The index ships as lists (57,528 nouns), so each unseen word cost a scan of them. The
    lemmatizer gets new lookups sharing every other table; the pipeline's are untouched.
    """
    lookups = lemmatizer.lookups
    if "lemma_index" not in lookups.tables:
        return
    fast = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            fast.add_table(name, {key: frozenset(words) for key, words in table.items()})
        else:
            fast.set_table(name, table)
    lemmatizer.lookups = fast


class CachedLemmatizer:
    """Runs a rule lemmatizer, remembering every answer by (text, part of speech, morphology)."""

    def __init__(self, lemmatizer: Any) -> None:
        _index_as_sets(lemmatizer)
        self.lemmatize: Callable[[Any], list[str]] = lemmatizer.lemmatize
        self.overwrite: bool = lemmatizer.overwrite
        self.strings = lemmatizer.vocab.strings
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = self._lemmas
        if len(lemmas) >= MAX_REMEMBERED:
            lemmas.clear()  # a crawl meets new words without end; start again, not grow
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = lemmas[key] = self.strings.add(self.lemmatize(doc[i])[0])
            rows[i, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], rows[:, 3:4])
        return doc


def _register_factories() -> None:
    if Language.has_factory("newsaudit_cached_attribute_ruler"):
        return

    @Language.factory("newsaudit_cached_attribute_ruler")
    def _ruler(nlp: Language, name: str) -> CachedAttributeRuler:
        return CachedAttributeRuler(nlp.get_pipe("attribute_ruler"))

    @Language.factory("newsaudit_cached_lemmatizer")
    def _lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
        return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def install_cached_rules(nlp: Language) -> None:
    """Put the cached forms in place of the pipeline's attribute ruler and rule lemmatizer."""
    _register_factories()
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("newsaudit_cached_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if (
        "lemmatizer" in nlp.pipe_names
        and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule"
    ):
        nlp.add_pipe("newsaudit_cached_lemmatizer", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
