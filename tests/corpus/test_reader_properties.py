"""Any bytes given to a corpus reader give documents, Failures or a NewsauditError: nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsaudit.errors import NewsauditError
from newsaudit.ingest.corpus import iter_documents
from newsaudit.ingest.failures import Failure
from newsaudit.ingest.feed import read_feed
from newsaudit.ingest.source import RawInput
from newsaudit.settings import Settings
from newsaudit.store import NewDocument

SETTINGS = Settings()
_BYTES = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=600).map(str.encode),
    st.builds(lambda t: b"WARC/1.0\r\n" + t, st.binary(max_size=400)),
    st.builds(lambda t: b'<?xml version="1.0"?><rss version="2.0">' + t, st.binary(max_size=400)),
    st.builds(lambda t: b'{"text": ' + t + b"}\n", st.text(max_size=100).map(str.encode)),
)


def _read(name: str, data: bytes) -> list[NewDocument | Failure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(iter_documents([str(path)], SETTINGS))
    for item in items:
        assert isinstance(item, NewDocument | Failure)
        if isinstance(item, NewDocument):
            assert item.text.strip()
        else:
            assert item.reason and "\n" not in item.reason
    return items


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BYTES, st.sampled_from(["a.jsonl", "a.warc", "a.warc.gz", "a.rss", "a.txt", "a.html"]))
def test_any_file_gives_documents_or_failures(data: bytes, name: str) -> None:
    _read(name, data)  # iter_documents turns each NewsauditError into a Failure


@settings(max_examples=60, deadline=None)
@given(_BYTES)
def test_any_feed_gives_documents_failures_or_an_ingest_error(data: bytes) -> None:
    try:
        items = list(read_feed(RawInput(data, "x.rss", None, None), SETTINGS))
    except NewsauditError:
        return
    assert all(isinstance(i, NewDocument | Failure) for i in items)
