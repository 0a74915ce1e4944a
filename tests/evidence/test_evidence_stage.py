"""The evidence stage with a retriever and an entailer written for the test.

The real store and models are exercised in test_corpus_verdicts.py; here each rule of the
verdict is pinned on its own, with passages whose reading is fixed by the fake entailer.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsaudit.model import NO_ATTRIBUTION, Article, Attribution, Claim, Hedge, Quantity
from newsaudit.stages.evidence import Passage, check_claims, split_sentences

DOCS = {
    1: (
        "https://instituteofstrife.example/report-1",
        "instituteofstrife.example",
        "2025-01-10",
        "Russia is negotiating with Pyongyang for up to 100,000 troops. Talks continue.",
    ),
    2: (
        "https://wire.example/a",
        "wire.example",
        "2025-01-11",
        "Officials said Russia would receive 12,000 North Korean troops. Nothing more was said.",
    ),
    3: (
        "https://wire.example/b",
        "wire.example",
        "2025-01-12",
        "The harbour reopened after the storm. Ferries ran on time.",
    ),
    4: (
        "https://wire.example/c",
        "wire.example",
        "2025-01-12",
        "The minister denied that the harbour had reopened after the storm.",
    ),
}


class FakeRetriever:
    """Every sentence-sized document is one passage; word overlap is the score."""

    def retrieve(
        self,
        query: str,
        k: int,
        domains: Sequence[str] | None = None,
        published_before: str | None = None,
    ) -> list[Passage]:
        words = set(query.lower().split())
        out = []
        for doc_id, (url, domain, date, text) in DOCS.items():
            if domains and domain not in domains:
                continue
            if published_before and date > published_before:
                continue
            score = len(words & set(text.lower().split()))
            if score:
                out.append(
                    Passage(
                        doc_id * 10,
                        doc_id,
                        text,
                        0,
                        len(text),
                        url,
                        url,
                        None,
                        domain,
                        date,
                        float(score),
                    )
                )
        return sorted(out, key=lambda p: -p.score)[:k]

    def has_documents(self, domains: Sequence[str], published_before: str | None) -> bool:
        return any(
            d in domains and (published_before is None or date <= published_before)
            for _, d, date, _ in DOCS.values()
        )


class FakeEntailer:
    """Supports what a sentence repeats, refutes what it denies, else neutral."""

    def judge(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        out = []
        for claim, sentence in pairs:
            if "denied" in sentence:
                out.append({"supports": 0.05, "refutes": 0.9, "neutral": 0.05})
            elif "reopened" in sentence or "negotiating" in sentence or "receive" in sentence:
                out.append({"supports": 0.8, "refutes": 0.05, "neutral": 0.15})
            else:
                out.append({"supports": 0.1, "refutes": 0.1, "neutral": 0.8})
        return out


class Sources:
    def domains_of(self, name: str) -> tuple[str, ...]:
        return ("instituteofstrife.example",) if "Strife" in name else ()


ARTICLE = Article("body", "Headline", "news.example", None, "2025-02-01", None, "text", ())


def claim(
    cid: str,
    text: str,
    *,
    source: str | None = None,
    quantities: tuple[Quantity, ...] = (),
    kind: str = "asserted",
    hedges: tuple[Hedge, ...] = (),
) -> Claim:
    att = Attribution("named", source, source) if source else NO_ATTRIBUTION
    return Claim(cid, text, 0, len(text), kind, 0.9, att, quantities, (), hedges)  # type: ignore[arg-type]


def run(*claims: Claim) -> dict[str, object]:
    verdicts = check_claims(ARTICLE, claims, FakeRetriever(), FakeEntailer(), Sources(), k=5)
    return {v.claim_id: v for v in verdicts}


def test_numbers_of_the_same_troops_conflict() -> None:
    troops = Quantity("100,000", 100_000, "exact", "North Korean troops", 0, 7)
    c = claim(
        "C2",
        "Russia is negotiating with North Korea for 100,000 North Korean troops",
        source="Institute of Strife",
        quantities=(troops,),
    )
    verdict = run(c)["C2"]
    assert verdict.label == "conflicting"  # type: ignore[attr-defined]
    stances = {e.domain: e.stance for e in verdict.evidence}  # type: ignore[attr-defined]
    assert stances == {"instituteofstrife.example": "supports", "wire.example": "refutes"}
    refuting = [e for e in verdict.evidence if e.stance == "refutes"]  # type: ignore[attr-defined]
    assert refuting[0].numbers and "12,000" in refuting[0].numbers
    assert verdict.attribution.label == "confirmed"  # type: ignore[attr-defined]


def test_source_with_documents_that_do_not_say_it() -> None:
    c = claim("C6", "The harbour reopened after the storm", source="Institute of Strife")
    verdict = run(c)["C6"]
    assert verdict.attribution.label == "not_in_source"  # type: ignore[attr-defined]
    assert verdict.label == "conflicting"  # type: ignore[attr-defined]  # doc 3 says it, doc 4 denies


def test_source_unknown_to_the_corpus() -> None:
    c = claim("C1", "The harbour reopened after the storm", source="Ministry of Tides")
    verdict = run(c)["C1"]
    assert verdict.attribution.label == "source_not_in_corpus"  # type: ignore[attr-defined]


def test_unattributed_claim_with_nothing_about_it() -> None:
    verdict = run(claim("C3", "Volcanic ash closed every airport in the north"))["C3"]
    assert verdict.label == "not_found" and verdict.attribution is None  # type: ignore[attr-defined]
    assert verdict.evidence == ()  # type: ignore[attr-defined]


def test_opinion_is_not_checked() -> None:
    assert run(claim("C4", "The harbour reopened after the storm", kind="opinion")) == {}


def test_every_quote_is_its_document_at_its_offsets() -> None:
    troops = Quantity("100,000", 100_000, "exact", "North Korean troops", 0, 7)
    verdicts = run(
        claim(
            "C2",
            "Russia is negotiating with North Korea for 100,000 North Korean troops",
            source="Institute of Strife",
            quantities=(troops,),
        ),
        claim("C6", "The harbour reopened after the storm"),
    )
    quotes = [e for v in verdicts.values() for e in v.evidence]  # type: ignore[attr-defined]
    assert quotes
    for e in quotes:
        assert DOCS[e.document_id][3][e.start : e.end] == e.quote


def test_split_sentences_keeps_abbreviations_and_quotes() -> None:
    text = 'He said "no." Then 12,000 troops left. Mr. Smith of the U.S. Army went home.'
    assert [text[s:e] for s, e in split_sentences(text)] == [
        'He said "no."',
        "Then 12,000 troops left.",
        "Mr. Smith of the U.S. Army went home.",
    ]
