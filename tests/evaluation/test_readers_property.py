"""Any bytes given as a benchmark file give sentences or a NewsauditError, never another error."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.errors import NewsauditError
from newsaudit.evaluation._files import read_json
from newsaudit.evaluation.checkworthy_data import read_file

_TEXT = st.one_of(
    st.binary(max_size=300),
    st.text(alphabet=st.sampled_from("01ab \t\n,\"'x"), max_size=200).map(str.encode),
)


def _read(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(data)
        try:
            result = read_file(path) if suffix != ".json" else read_json(path)
        except NewsauditError:
            return
        if suffix != ".json":
            assert all(s.label in (0, 1) for s in result.sentences)


@settings(max_examples=60, deadline=None)
@given(_TEXT)
def test_any_debate_tsv(data: bytes) -> None:
    _read(".tsv", data)


@settings(max_examples=60, deadline=None)
@given(_TEXT)
def test_any_claimbuster_csv(data: bytes) -> None:
    _read(".csv", b"sentence_id,label,text\n" + data)


@settings(max_examples=60, deadline=None)
@given(_TEXT)
def test_any_annotation_json(data: bytes) -> None:
    _read(".json", data)
