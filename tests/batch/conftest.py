"""Batch fixtures: many short generated articles, a fake sink, bad inputs of each kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cli.conftest import run_main  # noqa: F401  (the CLI runner fixture, shared)

from newsaudit.batch.work import ItemResult

TOWNS = ("Ashgrove", "Bellmoor", "Carrow", "Dunford", "Elmstead", "Farleigh", "Glenholt")
THINGS = ("homes", "classrooms", "bus shelters", "street lamps", "hospital beds", "bridges")
PEOPLE = ("Mara Quill", "Tobias Renn", "Ida Falk", "Omar Vance", "Lena Hart")


def article_text(n: int) -> str:
    """A short, distinct, plain-text news article (title, byline, three paragraphs)."""
    town = TOWNS[n % len(TOWNS)]
    thing = THINGS[n % len(THINGS)]
    person = PEOPLE[n % len(PEOPLE)]
    count = 10 + n
    cost = 1 + n % 9
    return (
        f"{town} council approves {count} new {thing}\n\n"
        f"By {person} | {1 + n % 28} March 2025\n\n"
        f"The {town} district council approved plans for {count} new {thing} on Tuesday, "
        f"the council said in a statement.\n\n"
        f'"This is the largest plan we have voted on since {1990 + n % 30}," said {person}, '
        f"who chairs the planning committee. The work will cost about {cost} million pounds.\n\n"
        f"Residents can comment on the plans until the end of April, according to the "
        f"council. Item {n}.\n"
    )


def write_articles(folder: Path, count: int) -> list[Path]:
    """Write `count` generated articles into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article_{n:05d}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        paths.append(path)
    return paths


NON_ARTICLE_PAGE = (
    "<html><head><title>Sign in</title></head><body><nav><a href='/'>Home</a> "
    "<a href='/login'>Log in</a></nav><form><input name='user'><input type='password'>"
    "</form></body></html>"
)


def warc_bytes(pages: list[tuple[str, bytes, str]], truncate_last: int = 0) -> bytes:
    """A WARC file of response records (url, body, content type), the last one cut short."""
    records = []
    for number, (url, body, ctype) in enumerate(pages):
        http = (
            f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"WARC-Date: 2025-03-14T08:00:00Z\r\nWARC-Target-URI: {url}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n"
        ).encode()
        records.append(head + http + b"\r\n\r\n")
    data = b"".join(records)
    return data[: len(data) - truncate_last] if truncate_last else data


@dataclass
class MemorySink:
    """A Sink in memory: what the driver wrote, in order."""

    results: list[ItemResult] = field(default_factory=list)

    def recorded(self, key: str) -> bool:
        """Whether a result with this key was written."""
        return any(r.key == key for r in self.results)

    def record(self, result: ItemResult) -> None:
        """Keep the result."""
        self.results.append(result)
