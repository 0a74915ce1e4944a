"""Documents in and out of the store: round trips, exact passage offsets, dedupe, removal."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.errors import StoreError
from newsaudit.store import NewDocument, Store, content_hash, split_passages

from .conftest import DOCUMENTS

_PROSE = st.text(
    alphabet=st.sampled_from(string.ascii_letters + "  .,!?'\"\n\t0123456789—é"), max_size=2500
)
_ANY_TEXT = st.one_of(st.text(max_size=1500), _PROSE)


@given(_ANY_TEXT)
def test_passages_slice_the_text_exactly_and_cover_it(text: str) -> None:
    spans = split_passages(text)
    covered = 0
    last_end = 0
    for start, end in spans:
        piece = text[start:end]
        assert piece and piece == piece.strip()
        assert start >= last_end
        last_end = end
        covered += sum(1 for c in piece if not c.isspace())
    # every visible character of the text is in exactly one passage
    assert covered == sum(1 for c in text if not c.isspace())


def test_passages_group_sentences_and_respect_paragraphs() -> None:
    text = DOCUMENTS[0].text
    pieces = [text[s:e] for s, e in split_passages(text)]
    assert pieces == [
        (
            "The harbour authority said ferry crossings rose by 12 percent in March. "
            "Officials expect the new pier to open in June."
        ),
        "Engineers found cracks in two pylons. Repairs will cost about 4 million euros.",
    ]


def test_long_sentences_are_cut_under_the_limit() -> None:
    text = " ".join(["word"] * 400) + ". Short one."
    spans = split_passages(text)
    assert all(e - s <= 600 for s, e in spans)
    assert len(spans) >= 3


_DOCS = st.builds(
    NewDocument,
    text=_ANY_TEXT.filter(lambda t: bool(t.strip())),
    origin=st.text(min_size=1, max_size=40),
    title=st.text(max_size=80),
    url=st.one_of(
        st.none(), st.from_regex(r"https?://[a-z]{1,12}\.(org|com)/[a-z0-9/]{0,20}", fullmatch=True)
    ),
    source=st.one_of(st.none(), st.text(max_size=40)),
    published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)


@settings(max_examples=60, deadline=None)
@given(_DOCS)
def test_a_document_round_trips(doc: NewDocument) -> None:
    with Store.open(":memory:") as store:
        doc_id, added = store.add_document(doc)
        assert added
        stored = store.document(doc_id)
        assert stored.text == doc.text
        assert stored.title == doc.title.strip()
        assert stored.url == doc.url
        assert stored.origin == doc.origin
        assert stored.source == ((doc.source or "").strip() or None)
        assert stored.published == doc.published
        assert stored.content_hash == content_hash(doc.text)
        passages = store.passages(doc_id)
        assert len(passages) == stored.passages == len(split_passages(doc.text))
        for passage in passages:
            assert stored.text[passage.start : passage.end] == passage.text
            assert store.passage(passage.id) == passage


def test_duplicates_are_found_by_normalised_text(store: Store) -> None:
    first, added = store.add_document(DOCUMENTS[1])
    assert added
    again = NewDocument(
        text="  an ASSESSMENT by the institute found that 100,000 troops  could be sent.\n"
        "The talks cover pay and training.  ",
        origin="copy.html",
    )
    assert store.add_document(again) == (first, False)
    assert store.stats().documents == 1


def test_domain_comes_from_the_url_without_www(filled: Store) -> None:
    domains = {d.domain for d in filled.documents()}
    assert domains == {"news.harbour.example", "understandingwar.org", "wire.example"}


def test_listing_filters_by_domain_and_source(filled: Store) -> None:
    isw = filled.documents(domain="www.understandingwar.org")
    assert [d.title for d in isw] == ["Assessment: troops", "Assessment: training"]
    harbour = filled.documents(domain="harbour.example")  # subdomains belong to the domain
    assert [d.title for d in harbour] == ["Ferry crossings rise"]
    by_source = filled.documents(source="institute for the study of war")
    assert [d.title for d in by_source] == ["Assessment: troops"]
    assert len(filled.documents(limit=2)) == 2
    assert [d.title for d in filled.documents(limit=1, offset=3)] == ["Troops at the port"]


def test_removing_a_document_removes_its_passages_from_search(filled: Store) -> None:
    hits = filled.search("pylons cracks")
    assert hits
    doc_id = hits[0].document_id
    filled.remove_document(doc_id)
    assert filled.search("pylons cracks") == []
    assert all(d.id != doc_id for d in filled.documents())
    try:
        filled.document(doc_id)
    except StoreError as exc:
        assert "corpus ls" in str(exc)
    else:
        raise AssertionError("a removed document was still found")


def test_removing_an_unknown_document_is_an_error(store: Store) -> None:
    try:
        store.remove_document(42)
    except StoreError as exc:
        assert "no document 42" in str(exc)
    else:
        raise AssertionError("removing a missing document did not fail")


def test_a_bad_date_or_empty_text_is_refused_and_nothing_is_written(store: Store) -> None:
    for doc in (
        NewDocument(text="Some text.", origin="a", published="last Tuesday"),
        NewDocument(text=" \n ", origin="b"),
    ):
        try:
            store.add_document(doc)
        except StoreError:
            pass
        else:
            raise AssertionError(f"{doc} was accepted")
    assert store.stats().documents == 0
    assert store.stats().passages == 0


def test_stats_count_what_is_stored(filled: Store) -> None:
    stats = filled.stats()
    assert stats.documents == 4
    assert stats.passages == sum(len(split_passages(d.text)) for d in DOCUMENTS)
    assert stats.text_chars == sum(len(d.text) for d in DOCUMENTS)
    assert {c.value: c.documents for c in stats.domains}["understandingwar.org"] == 2
    assert {c.value for c in stats.sources} == {"Harbour Gazette", "Institute for the Study of War"}
    assert stats.size_bytes > 0
