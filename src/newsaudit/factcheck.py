"""The evidence stage put together: a store, its retriever, the entailment model, the registry.

`open_fact_checker(settings, store)` loads the models once; `checker.check(article, claims)`
then gives the verdicts of one article. Passages the embedder has not seen yet are embedded
when the checker opens, so the dense half of retrieval covers the whole corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Article, Claim, OutletSignal, Verdict
from .retrieval import Embedder, HybridRetriever, embed_missing
from .settings import Settings
from .stages.evidence import Entailer, SourceDomains, check_claims


@dataclass
class FactChecker:
    """Checks the claims of articles against one store."""

    store: Any
    retriever: HybridRetriever
    entailer: Entailer
    sources: SourceDomains
    k: int

    def check(self, article: Article, claims: Sequence[Claim]) -> tuple[Verdict, ...]:
        """A verdict with quoted evidence for each checkable claim."""
        return check_claims(article, claims, self.retriever, self.entailer, self.sources, self.k)

    def domain_signals(self, domain: str | None) -> tuple[OutletSignal, ...]:
        """What the stored audits of `domain` showed in aggregate (after `newsaudit stories`)."""
        if not domain:
            return ()
        from .stories import domain_profile, outlet_signals

        profile = domain_profile(self.store, domain)
        return outlet_signals(profile) if profile is not None else ()

    def refresh(self, progress: Callable[[int], None] | None = None) -> int:
        """Embed passages added since the checker opened; the dense index reloads."""
        embedder = self.retriever.embedder
        if embedder is None:
            return 0
        added = embed_missing(self.store, embedder, progress)
        if added:
            self.retriever.reload()
        return added


def open_fact_checker(
    settings: Settings,
    store: Any,
    embedder: Embedder | None = None,
    entailer: Entailer | None = None,
    sources: SourceDomains | None = None,
    progress: Callable[[int], None] | None = None,
) -> FactChecker:
    """A fact checker over `store` with the configured (or given) models and registry."""
    if embedder is None:
        from .embed import load_embedder

        embedder = load_embedder(settings)
    if entailer is None:
        from .verify import load_entailer

        entailer = load_entailer(settings)
    if sources is None:
        from .registry import load_registry

        sources = load_registry()
    checker = FactChecker(
        store, HybridRetriever(store, embedder), entailer, sources, settings.evidence_k
    )
    checker.refresh(progress)
    return checker
