"""Do the sources back it? Each claim checked against the local corpus.

1. retrieve: passages of the credited source's own documents (by its domains, published up
   to the article's date) first, then passages of the whole corpus
2. read: each passage split into sentences located in their stored document; sentences
   sharing no content word with the claim are dropped
3. judge: all (claim, sentence) pairs of the article in one batch through the entailment
   model, and the claim's numbers compared with the sentence's
4. decide: a verdict per claim, with its quoted evidence and the attribution check

Retrieval, entailment and the source registry come in through one-method interfaces, so a
test can pass fakes and the stage never opens a database itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import Article, Claim, Verdict
from ._wording import content_words, stem
from .number_check import check_numbers, states_quantities
from .verdict import JudgedSentence, check_attribution, decide

CHECKED_KINDS = frozenset({"asserted", "hedged", "prediction"})  # opinion is not checked
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Rev|No|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Co|vs|etc)|\b[A-Z])\.$"
)
MIN_SHARED = 2  # content words a sentence must share with a claim to be judged against it


@dataclass(frozen=True)
class Passage:
    """A retrieved passage: its text and where it sits in its stored document."""

    passage_id: int
    document_id: int
    text: str
    start: int
    end: int
    url: str | None
    title: str
    source: str | None
    domain: str | None
    published: str | None
    score: float


class Retriever(Protocol):
    """Finds passages for a query in the corpus."""

    def retrieve(
        self,
        query: str,
        k: int,
        domains: Sequence[str] | None = None,
        published_before: str | None = None,
    ) -> list[Passage]:
        """The `k` best passages, optionally only from `domains` and up to a date."""
        ...

    def has_documents(self, domains: Sequence[str], published_before: str | None) -> bool:
        """Whether the corpus holds any document from `domains` up to that date."""
        ...


class Entailer(Protocol):
    """Reads (claim, evidence) pairs."""

    def judge(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        """Probabilities of "supports", "refutes" and "neutral" for each pair."""
        ...


class SourceDomains(Protocol):
    """Maps a source's name (or acronym) to the web domains it publishes on."""

    def domains_of(self, name: str) -> tuple[str, ...]:
        """The source's domains, or () when it is not known."""
        ...


@dataclass(frozen=True)
class _Task:
    claim: Claim
    source: str | None
    domains: tuple[str, ...]
    has_documents: bool
    sentences: tuple[tuple[Passage, int, int, bool], ...]  # passage, start, end, cited


def check_claims(
    article: Article,
    claims: Sequence[Claim],
    retriever: Retriever,
    entailer: Entailer,
    sources: SourceDomains,
    k: int = 5,
) -> tuple[Verdict, ...]:
    """A verdict with quoted evidence for every checkable claim of the article."""
    before = article.date[:10] if article.date else None
    tasks = [_retrieve(c, retriever, sources, k, before) for c in claims if c.kind in CHECKED_KINDS]
    pairs = [(t.claim.text, p.text[s:e]) for t in tasks for p, s, e, _ in t.sentences]
    probabilities = iter(entailer.judge(pairs) if pairs else [])
    verdicts = []
    for task in tasks:
        judged = [
            _judged(task.claim, passage, s, e, cited, next(probabilities))
            for passage, s, e, cited in task.sentences
        ]
        check = (
            check_attribution(task.claim, task.source, task.domains, task.has_documents, judged)
            if task.source is not None
            else None
        )
        verdicts.append(decide(task.claim, judged, check))
    return tuple(verdicts)


def _retrieve(
    claim: Claim, retriever: Retriever, sources: SourceDomains, k: int, before: str | None
) -> _Task:
    att = claim.attribution
    source = att.source if att.type == "named" and att.source else None
    domains = sources.domains_of(source) if source else ()
    cited = retriever.retrieve(claim.text, k, domains, before) if domains else []
    has_documents = bool(cited) or (bool(domains) and retriever.has_documents(domains, before))
    seen = {p.passage_id for p in cited}
    rest = [p for p in retriever.retrieve(claim.text, k) if p.passage_id not in seen]
    claim_words = {stem(w.text) for w in content_words(claim.text)}
    sentences = []
    for passage in [*cited, *rest]:
        from_source = bool(domains) and _on_domains(passage.domain, domains)
        for s, e in split_sentences(passage.text):
            shared = claim_words & {stem(w.text) for w in content_words(passage.text[s:e])}
            if len(shared) >= min(MIN_SHARED, len(claim_words)):
                sentences.append((passage, s, e, from_source))
    return _Task(claim, source, domains, has_documents, tuple(sentences))


def _judged(
    claim: Claim, passage: Passage, s: int, e: int, cited: bool, probs: dict[str, float]
) -> JudgedSentence:
    text = passage.text[s:e]
    return JudgedSentence(
        document_id=passage.document_id,
        passage_id=passage.passage_id,
        url=passage.url,
        title=passage.title,
        source=passage.source,
        domain=passage.domain,
        published=passage.published,
        text=text,
        start=passage.start + s,
        end=passage.start + e,
        retrieval_score=passage.score,
        from_cited_source=cited,
        probabilities=probs,
        numbers=check_numbers(claim, text),
        states_numbers=states_quantities(claim, text),
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets in `text`, surrounding white space left out."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text, max(start, match.start() - 6), match.start() + 1):
            continue  # "Mr. Smith", "U.S. troops"
        out.append((start, match.end()))
        start = match.end()
    out.append((start, len(text)))
    spans = []
    for s, e in out:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        if e > s:
            spans.append((s, e))
    return spans


def _on_domains(domain: str | None, domains: tuple[str, ...]) -> bool:
    if not domain:
        return False
    domain = domain.lower().removeprefix("www.")
    return any(domain == d or domain.endswith("." + d) for d in domains)
