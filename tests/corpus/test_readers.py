"""Corpus readers on inputs written here: JSONL, WARC, RSS and Atom feeds, URLs, directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.errors import FetchError, IngestError
from newsaudit.ingest.corpus import add_to_store, attribute, iter_documents
from newsaudit.ingest.failures import Failure
from newsaudit.ingest.feed import read_feed
from newsaudit.ingest.jsonl import read_jsonl
from newsaudit.ingest.source import RawInput
from newsaudit.ingest.warc import read_warc
from newsaudit.registry import load_registry
from newsaudit.settings import Settings
from newsaudit.store import NewDocument, Store

from .conftest import PARAGRAPHS, article_html, write_warc

SETTINGS = Settings()

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example/</link>
<item><title>Ferry crossings rise &amp; pier delayed</title>
<link>https://gazette.example/2024/ferry</link>
<pubDate>Tue, 02 Apr 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Crossings rose by 12 percent.&lt;/p&gt;&lt;p&gt;The pier opens in June.&lt;/p&gt;</description>
</item>
<item><title>No text here</title><link>https://gazette.example/2024/empty</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Institute updates</title>
<id>urn:example:feed</id><updated>2024-11-02T12:00:00Z</updated>
<entry><title>Assessment, 2 November</title><id>urn:example:1</id>
<link href="https://www.understandingwar.org/backgrounder/test-1"/>
<published>2024-11-02T12:00:00Z</published><updated>2024-11-02T12:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Talks could bring as many as 100,000 troops.&lt;/p&gt;</content>
</entry></feed>
"""


def _docs(items: list[NewDocument | Failure]) -> list[NewDocument]:
    return [i for i in items if isinstance(i, NewDocument)]


def _failures(items: list[NewDocument | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def test_jsonl_reports_bad_lines_by_number_and_reads_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    good = {"url": "https://wire.example/a", "title": "A", "date": "2024-11-05", "text": "Troops."}
    lines = [
        json.dumps(good),
        "{not json",
        "",
        json.dumps([1, 2]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Dated badly.", "date": "last Tuesday"}),
        json.dumps(
            {"text": "Second.", "source": "ISW", "published": "Tue, 05 Nov 2024 10:00:00 GMT"}
        ),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = list(read_jsonl(path, SETTINGS))
    docs = _docs(items)
    assert [(d.title, d.url, d.published, d.text) for d in docs] == [
        ("A", "https://wire.example/a", "2024-11-05", "Troops."),
        ("", None, "2024-11-05T10:00:00+00:00", "Second."),
    ]
    assert docs[1].source == "ISW"
    assert [f.origin for f in _failures(items)] == [f"{path} line {n}" for n in (2, 4, 5, 6)]
    assert "not valid JSON" in _failures(items)[0].reason
    assert "last Tuesday" in _failures(items)[3].reason


def test_jsonl_that_is_not_utf8_is_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "fine"}\n{"text": "\xff\xfe"}\n')
    items = list(read_jsonl(path, SETTINGS))
    assert len(_docs(items)) == 1
    assert _failures(items) == [Failure(f"{path} line 2", "not UTF-8 text")]


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_html_responses_become_documents_and_a_truncated_record_is_reported(
    tmp_path: Path, gzip: bool
) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    pages = [
        ("https://www.gazette.example/ferry", article_html("Ferry crossings rise")),
        ("https://www.gazette.example/pier", article_html("Pier delayed", "The pier is late.")),
    ]
    write_warc(path, pages, gzip=gzip, cut=60)
    items = list(read_warc(path, SETTINGS))
    docs = _docs(items)
    assert [(d.url, d.title) for d in docs] == [
        ("https://www.gazette.example/ferry", "Ferry crossings rise")
    ]
    assert PARAGRAPHS[0] in docs[0].text
    assert "Home" not in docs[0].text and "Copyright" not in docs[0].text
    [failure] = _failures(items)
    assert "truncated" in failure.reason
    assert "record 4" in failure.origin  # request, response, request, then the cut response


def test_a_corrupt_warc_record_fails_its_digest_and_the_others_are_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    pages = [(f"https://gazette.example/{n}", article_html(f"Story {n}")) for n in range(3)]
    data = bytearray(write_warc(path, pages, gzip=False))
    where = data.find(b"Story 1</title>")
    data[where : where + 5] = b"Xtory"
    path.write_bytes(bytes(data))
    items = list(read_warc(path, SETTINGS))
    assert [d.title for d in _docs(items)] == ["Story 0", "Story 2"]
    [failure] = _failures(items)
    assert "digest" in failure.reason and "https://gazette.example/1" in failure.origin


def test_a_file_that_is_not_a_warc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("just some notes\n" * 5, "utf-8")
    with pytest.raises(IngestError, match="not a WARC file"):
        list(read_warc(path, SETTINGS))


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    raw = RawInput(RSS.encode(), "gazette.rss", None, None)
    items = list(read_feed(raw, SETTINGS))
    [doc] = _docs(items)
    assert doc.title == "Ferry crossings rise & pier delayed"
    assert doc.url == "https://gazette.example/2024/ferry"
    assert doc.published == "2024-04-02T09:30:00+00:00"
    assert doc.text == "Crossings rose by 12 percent.\n\nThe pier opens in June."
    [failure] = _failures(items)
    assert "entry 2" in failure.origin and "--fetch-links" in failure.reason


def test_atom_entries_prefer_content_to_summary() -> None:
    [doc] = _docs(list(read_feed(RawInput(ATOM.encode(), "isw.atom", None, None), SETTINGS)))
    assert doc.text == "Talks could bring as many as 100,000 troops."
    assert doc.url == "https://www.understandingwar.org/backgrounder/test-1"
    assert doc.published == "2024-11-02T12:00:00+00:00"
    assert attribute(doc, load_registry()).source == "Institute for the Study of War"


@pytest.mark.parametrize(
    "data", [b"this is not xml {", b"<html><body><p>A web page</p></body></html>", b"\x00\x01"]
)
def test_something_that_is_not_a_feed_is_an_error(data: bytes) -> None:
    with pytest.raises(IngestError, match="not an RSS or Atom feed"):
        list(read_feed(RawInput(data, "feed.rss", None, None), SETTINGS))


class FakeFetcher:
    """Serves pages from a dict; anything else is a FetchError."""

    def __init__(self, pages: dict[str, tuple[bytes, str]]) -> None:
        self.pages = pages
        self.asked: list[str] = []

    def fetch(self, url: str, settings: Settings) -> RawInput:
        self.asked.append(url)
        if url not in self.pages:
            raise FetchError(f"{url}: the server answered HTTP 404; check the URL")
        body, kind = self.pages[url]
        return RawInput(body, url, url, kind)


def test_fetch_links_reads_each_entrys_page_through_the_fetcher() -> None:
    fetcher = FakeFetcher(
        {"https://gazette.example/2024/ferry": (article_html("Ferry page"), "text/html")}
    )
    raw = RawInput(RSS.encode(), "gazette.rss", None, None)
    items = list(read_feed(raw, SETTINGS, fetch_links=True, fetcher=fetcher))
    [doc] = _docs(items)
    assert doc.title == "Ferry page" and PARAGRAPHS[1] in doc.text
    assert doc.published == "2024-04-02T09:30:00+00:00"  # the feed's date wins
    [failure] = _failures(items)
    assert "404" in failure.reason
    assert fetcher.asked == [
        "https://gazette.example/2024/ferry",
        "https://gazette.example/2024/empty",
    ]


def test_urls_go_through_the_fetcher_as_articles_or_feeds() -> None:
    fetcher = FakeFetcher(
        {
            "https://gazette.example/ferry": (article_html("Ferry page"), "text/html"),
            "https://gazette.example/feed": (RSS.encode(), "application/rss+xml"),
        }
    )
    targets = [
        "https://gazette.example/ferry",
        "https://gazette.example/feed",
        "https://x.example/",
    ]
    items = list(iter_documents(targets, SETTINGS, fetcher=fetcher))
    assert [d.title for d in _docs(items)] == ["Ferry page", "Ferry crossings rise & pier delayed"]
    assert _docs(items)[0].url == "https://gazette.example/ferry"
    assert [f.origin for f in _failures(items)][-1] == "https://x.example/"


def test_a_directory_is_read_recursively_and_every_problem_is_named(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "a.html").write_bytes(article_html("Ferry crossings rise"))
    (tmp_path / "deep" / "b.txt").write_text(
        "Pier delayed\n\n" + "\n\n".join(PARAGRAPHS[1:]) + "\n", "utf-8"
    )
    (tmp_path / "deep" / "er" / "c.jsonl").write_text('{"text": "From JSONL."}\n', "utf-8")
    (tmp_path / "deep" / "er" / "feed.rss").write_text(RSS, "utf-8")
    (tmp_path / "deep" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / ".hidden.txt").write_text("secret notes", "utf-8")
    items = list(iter_documents([str(tmp_path), str(tmp_path / "missing.txt")], SETTINGS))
    titles = sorted(d.title for d in _docs(items))
    assert titles == [
        "",
        "Ferry crossings rise",
        "Ferry crossings rise & pier delayed",
        "Pier delayed",
    ]
    reasons = {f.origin.removeprefix(str(tmp_path) + "/"): f.reason for f in _failures(items)}
    assert set(reasons) == {
        "deep/photo.jpg",
        "deep/er/feed.rss entry 2 (https://gazette.example/2024/empty)",
        "empty.txt",
        "missing.txt",
    }
    assert "not a text, HTML, JSONL, WARC or feed file" in reasons["deep/photo.jpg"]
    assert "empty input" in reasons["empty.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_add_to_store_dedupes_attributes_and_counts(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    rows = [
        {"url": "https://www.understandingwar.org/a", "text": "Troops were seen."},
        {"url": "https://wire.example/b", "text": "troops  were SEEN."},  # the same text
        {"url": "https://wire.example/c", "text": "A different story.", "source": "the AP"},
        {"url": "https://wire.example/d", "text": "Unattributed."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{oops\n", "utf-8")
    outcomes: list[str] = []
    with Store.open(":memory:") as store:
        summary = add_to_store(
            store, iter_documents([str(path)], SETTINGS), load_registry(), progress=outcomes.append
        )
        assert len(summary.added) == 3 and len(summary.duplicates) == 1
        assert summary.duplicates[0] == summary.added[0]
        assert [f.origin for f in summary.failures] == [f"{path} line 5"]
        assert sorted(outcomes) == ["added"] * 3 + ["duplicate", "failed"]
        sources = [store.document(i).source for i in summary.added]
        assert sources == ["Institute for the Study of War", "Associated Press", None]
        again = add_to_store(
            store, iter_documents([str(path)], SETTINGS), load_registry(), source="Mine"
        )
        assert not again.added and len(again.duplicates) == 4
