"""Inputs -> items: folders, JSONL and WARC files; every bad input becomes a Failed item."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.batch.items import Failed, Item, content_key, enumerate_inputs, read_jsonl

from .conftest import NON_ARTICLE_PAGE, article_text, warc_bytes, write_articles


def test_a_folder_gives_one_item_per_file_in_name_order_keyed_by_content(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    (tmp_path / "in" / ".hidden").write_text("not an article")
    entries = list(enumerate_inputs([tmp_path / "in"]))
    assert [e.source for e in entries] == [str(p) for p in paths]
    assert all(isinstance(e, Item) for e in entries)
    first = entries[0]
    assert isinstance(first, Item)
    assert first.key == content_key(paths[0].read_bytes()) == content_key(first.data)


def test_a_missing_path_and_a_dangling_link_are_failed_items(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    entries = list(enumerate_inputs([folder, tmp_path / "missing"]))
    assert [type(e) for e in entries] == [Failed, Failed]
    assert "cannot be read" in entries[0].reason  # type: ignore[union-attr]
    assert "no such file" in entries[1].reason  # type: ignore[union-attr]
    # Keyed by place: the same unreadable input is the same item on every run.
    assert entries[0].key == next(iter(enumerate_inputs([folder]))).key


def test_jsonl_lines_become_items_and_bad_lines_failed_items(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"url": "https://a.example/1", "title": "Council vote", "text": "Body one."}),
        "{not json",
        json.dumps({"url": "https://a.example/2"}),
        "",
        json.dumps({"html": "<html><body><p>Two</p></body></html>"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    entries = list(read_jsonl(path))
    assert [type(e).__name__ for e in entries] == ["Item", "Failed", "Failed", "Item", "Failed"]
    first = entries[0]
    assert isinstance(first, Item)
    assert first.url == "https://a.example/1"
    assert first.data.decode().startswith("Council vote\n\nBody one.")
    assert entries[1].source == f"{path}:2"
    assert "not a JSON object" in entries[1].reason  # type: ignore[union-attr]
    assert "no article text" in entries[2].reason  # type: ignore[union-attr]


def test_warc_html_responses_are_items_other_types_are_not(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    page = article_text(1).encode()
    path.write_bytes(
        warc_bytes(
            [
                ("https://a.example/story", page, "text/plain; charset=utf-8"),
                ("https://a.example/logo.png", b"\x89PNG....", "image/png"),
                ("https://a.example/login", NON_ARTICLE_PAGE.encode(), "text/html"),
            ]
        )
    )
    entries = list(enumerate_inputs([path]))
    assert [type(e) for e in entries] == [Item, Item]
    assert [e.url for e in entries if isinstance(e, Item)] == [
        "https://a.example/story",
        "https://a.example/login",
    ]
    assert isinstance(entries[0], Item) and entries[0].data == page


def test_a_truncated_warc_record_is_a_failed_item_after_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    pages = [(f"https://a.example/{n}", article_text(n).encode(), "text/html") for n in range(3)]
    path.write_bytes(warc_bytes(pages, truncate_last=120))
    entries = list(enumerate_inputs([path]))
    assert [type(e) for e in entries] == [Item, Item, Failed]
    assert "truncated WARC record" in entries[2].reason  # type: ignore[union-attr]
    assert "https://a.example/2" in entries[2].source


def test_a_damaged_gzip_warc_is_a_failed_item_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nnonsense") + b"\x00garbage-not-gzip")
    entries = list(enumerate_inputs([path]))
    assert entries and all(isinstance(e, Failed) for e in entries)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_in_a_jsonl_file_give_items_or_failed_items(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.jsonl"
        path.write_bytes(data)
        for entry in read_jsonl(path):
            assert isinstance(entry, Item | Failed)


def _gzip_members(raw: bytes) -> bytes:
    """A WARC file gzipped one record a member, as crawlers write them."""
    records = raw.split(b"WARC/1.0\r\n")[1:]
    return b"".join(gzip.compress(b"WARC/1.0\r\n" + r) for r in records)


def test_a_gzip_warc_cut_inside_its_last_member_is_a_failed_item(tmp_path: Path) -> None:
    pages = [(f"https://a.example/{n}", article_text(n).encode(), "text/html") for n in range(3)]
    whole = _gzip_members(warc_bytes(pages))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole)
    assert [type(e) for e in enumerate_inputs([path])] == [Item, Item, Item]
    for cut in (50, 400):  # inside the body; inside the headers (warcio says nothing)
        path.write_bytes(whole[: len(whole) - cut])
        entries = list(enumerate_inputs([path]))
        assert [type(e) for e in entries] == [Item, Item, Failed], cut
        assert "truncated WARC record" in entries[2].reason  # type: ignore[union-attr]


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=600), st.booleans(), st.booleans())
def test_any_bytes_in_a_warc_file_give_items_or_failed_items(
    data: bytes, headed: bool, gzipped: bool
) -> None:
    import tempfile

    body = (b"WARC/1.0\r\nWARC-Type: response\r\n" if headed else b"") + data
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("x.warc.gz" if gzipped else "x.warc")
        path.write_bytes(gzip.compress(body) if gzipped else body)
        for entry in enumerate_inputs([path]):
            assert isinstance(entry, Item | Failed)


def test_a_warc_record_failing_its_digest_is_a_failed_item(tmp_path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)  # writes payload and block digests
    for n in range(3):
        body = article_text(n).encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://a.example/{n}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
            )
        )
    data = bytearray(buffer.getvalue())
    at = data.find(article_text(1).encode())
    data[at] ^= 0x20  # one letter's case flipped: same length, different digest
    path = tmp_path / "corrupt.warc"
    path.write_bytes(bytes(data))
    entries = list(enumerate_inputs([path]))
    assert [type(e) for e in entries] == [Item, Failed, Item]
    assert "digest" in entries[1].reason  # type: ignore[union-attr]
    assert "https://a.example/1" in entries[1].source


def test_a_file_named_warc_that_is_not_one_is_a_failed_item(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("just some notes\n" * 5, "utf-8")
    [entry] = list(enumerate_inputs([path]))
    assert isinstance(entry, Failed) and "not a WARC file" in entry.reason
