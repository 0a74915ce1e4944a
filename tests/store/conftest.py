"""Store fixtures: an in-memory store and a few documents written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsaudit.store import NewDocument, Store

DOCUMENTS = (
    NewDocument(
        text=(
            "The harbour authority said ferry crossings rose by 12 percent in March. "
            "Officials expect the new pier to open in June.\n\n"
            "Engineers found cracks in two pylons. Repairs will cost about 4 million euros."
        ),
        origin="harbour.txt",
        title="Ferry crossings rise",
        url="https://news.harbour.example/2024/ferry",
        source="Harbour Gazette",
        published="2024-04-02",
    ),
    NewDocument(
        text=(
            "An assessment by the institute found that 100,000 troops could be sent. "
            "The talks cover pay and training."
        ),
        origin="assessment.txt",
        title="Assessment: troops",
        url="https://www.understandingwar.org/backgrounder/a",
        source="Institute for the Study of War",
        published="2024-11-02",
    ),
    NewDocument(
        text="A later assessment repeats that troops are being trained near the border.",
        origin="later.txt",
        title="Assessment: training",
        url="https://understandingwar.org/backgrounder/b",
        published="2024-12-20",
    ),
    NewDocument(
        text="An undated wire story says troops were seen at a port on the coast.",
        origin="wire.txt",
        title="Troops at the port",
        url="https://wire.example/story",
    ),
)


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory store."""
    with Store.open(":memory:") as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    """The in-memory store holding DOCUMENTS."""
    store.add_documents(DOCUMENTS)
    return store
