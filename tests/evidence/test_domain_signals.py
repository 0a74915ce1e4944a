"""Aggregates of a domain's earlier audits feed the outlet signals of its next page."""

from __future__ import annotations

from collections.abc import Sequence

from newsaudit import Auditor
from newsaudit.factcheck import FactChecker
from newsaudit.retrieval import HybridRetriever
from newsaudit.settings import Settings
from newsaudit.store import Store
from newsaudit.stories import DomainProfile
from newsaudit.stories.persist import save

PAGE = (
    "Harbour ferry fares to rise in spring\n\n"
    "Ferry fares across the harbour will rise by 5 percent in April, the operator said.\n\n"
    "The operator said fuel costs had climbed over the winter."
)


class NoEntailer:
    def judge(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        return [{"supports": 0.0, "refutes": 0.0, "neutral": 1.0} for _ in pairs]


class NoSources:
    def domains_of(self, name: str) -> tuple[str, ...]:
        return ()


def test_template_domain_weighs_on_its_next_page(auditor: Auditor) -> None:
    store = Store.open(":memory:")
    save(store, [], [DomainProfile("copyfarm.example", 12, 0.75, 0.5, 0.8, 0.4)])
    checker = FactChecker(store, HybridRetriever(store, None), NoEntailer(), NoSources(), 5)
    with_store = Auditor(Settings(), checker=checker)
    on_farm = with_store.audit_text(PAGE, url="https://copyfarm.example/fares")
    elsewhere = with_store.audit_text(PAGE, url="https://harbourtimes.example/fares")
    farm_codes = [s.code for s in on_farm.outlet.signals]
    assert farm_codes.count("template_text") >= 1 and "unsourced_claims" in farm_codes
    assert any("copyfarm.example" in s.detail for s in on_farm.outlet.signals)
    assert not any("audited pages" in s.detail for s in elsewhere.outlet.signals)
    weight = {r: i for i, r in enumerate(("low", "mixed", "unknown", "high"))}
    assert weight[on_farm.outlet.reliability] <= weight[elsewhere.outlet.reliability]
