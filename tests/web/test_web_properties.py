"""Property tests: any request body gives a parsed request or a WebError, never another error."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.render._spans import cut
from newsaudit.settings import Settings
from newsaudit.web.corpus import corpus_items, jsonl_items
from newsaudit.web.failures import WebError
from newsaudit.web.inputs import AuditRequest, parse_json_audit

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
BODIES = st.binary(max_size=300) | JSON_VALUES.map(lambda v: json.dumps(v).encode())


@settings(max_examples=200, deadline=None)
@given(BODIES)
def test_audit_bodies_parse_or_refuse(body: bytes) -> None:
    try:
        request = parse_json_audit(body)
    except WebError as exc:
        assert 400 <= exc.status < 500 and exc.message
    else:
        assert isinstance(request, AuditRequest)
        assert sum(bool(getattr(request, k)) for k in ("text", "html", "url")) == 1


@settings(max_examples=200, deadline=None)
@given(BODIES)
def test_corpus_bodies_parse_or_refuse(body: bytes) -> None:
    try:
        items = corpus_items(body, Settings())
    except WebError as exc:
        assert 400 <= exc.status < 500 and exc.message
    else:
        assert items


@settings(max_examples=200, deadline=None)
@given(st.lists(BODIES, max_size=4).map(lambda lines: b"\n".join(lines)))
def test_jsonl_uploads_parse_or_refuse(data: bytes) -> None:
    try:
        documents = jsonl_items(data)
    except WebError as exc:
        assert 400 <= exc.status < 500 and exc.message
    else:
        assert documents and all(not isinstance(d, str) and d.text for d in documents)


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.integers(0, 3)), max_size=8),
    st.data(),
)
def test_cut_pieces_add_up_to_the_text(
    text: str, spans: list[tuple[int, int, int]], data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    pieces = cut(text, start, end, spans)
    assert "".join(p.text for p in pieces) == text[start:end]
    assert all(p.text for p in pieces)
    marked = [p for p in pieces if p.mark is not None]
    assert len(marked) <= len(spans)
