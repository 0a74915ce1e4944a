"""Inputs -> items: every article a batch will audit, each keyed by the hash of its bytes.

An input is a directory (walked in name order), a JSONL file (one article per line), a WARC
file (one article per HTML response record) or any other file (one article). What cannot
be read becomes a `Failed` item carrying its reason, so that the batch records it and goes
on; nothing here raises for a bad input.

Keys: an article's key is the SHA-256 of its bytes (so a rerun, or the same page found
twice, is recognised); an input that could not be read is keyed by where it was, so that
it is recorded once however often the batch is run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..ingest.warc import Problem, Response, warc_responses

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
# JSONL fields read as the article, first found wins; "html" keeps the page's own metadata.
_BODY_FIELDS = ("html", "text", "body", "content")


@dataclass(frozen=True)
class Item:
    """One article's bytes, where they came from, and their content key."""

    key: str
    source: str
    data: bytes
    url: str | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class Failed:
    """An input, or a part of one, that could not be read as an article, and why."""

    key: str
    source: str
    reason: str


Entry = Item | Failed


def content_key(data: bytes) -> str:
    """The key of an article: the hex SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()


def place_key(source: str) -> str:
    """The key of an unreadable input: the hash of where it is, marked as such."""
    return "at:" + hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest()


def _item(source: str, data: bytes, url: str | None = None, ctype: str | None = None) -> Item:
    return Item(content_key(data), source, data, url, ctype)


def _failed(source: str, reason: str) -> Failed:
    return Failed(place_key(source), source, reason)


def enumerate_inputs(inputs: Iterable[str | Path]) -> Iterator[Entry]:
    """Every article (or failure to read one) in the given paths, lazily, in a fixed order."""
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_path(child) if isinstance(child, Path) else (child,)
        elif path.exists():
            yield from _read_path(path)
        else:
            yield _failed(str(path), f"{path}: no such file or directory; check the path")


def _walk(root: Path) -> Iterator[Path | Failed]:
    """Files under `root` in name order, skipping hidden files and folders."""
    try:
        children = sorted(root.iterdir())
    except OSError as exc:
        yield _failed(str(root), f"{root}: folder cannot be listed ({exc.strerror or exc})")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        else:
            yield child


def _read_path(path: Path) -> Iterator[Entry]:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path)
    elif name.endswith(WARC_SUFFIXES):
        yield from read_warc(path)
    else:
        try:
            yield _item(str(path), path.read_bytes())
        except OSError as exc:
            yield _failed(str(path), f"{path}: cannot be read ({exc.strerror or exc})")


def read_jsonl(path: Path) -> Iterator[Entry]:
    """One item per line of a JSONL file: an object with html, text, body or content."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _failed(str(path), f"{path}: cannot be read ({exc.strerror or exc})")
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield _jsonl_line(path, number, line)


def _jsonl_line(path: Path, number: int, line: bytes) -> Entry:
    where = f"{path}:{number}"
    try:
        record: Any = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return _failed(where, f"{where}: not a JSON object; write one JSON object a line")
    if not isinstance(record, dict):
        return _failed(where, f"{where}: not a JSON object; write one JSON object a line")
    body = next((record[f] for f in _BODY_FIELDS if isinstance(record.get(f), str)), None)
    if body is None:
        fields = ", ".join(_BODY_FIELDS)
        return _failed(where, f"{where}: no article text; give one of the fields {fields}")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    title = record.get("title")
    if isinstance(title, str) and title.strip() and "html" not in record:
        # The plain-text reader takes the first line as the headline.
        body = f"{title.strip()}\n\n{body}"
    return _item(where, body.encode("utf-8"), url, None)


def read_warc(path: Path) -> Iterator[Entry]:
    """One item per HTML (or plain-text) response record of a WARC file, gzipped or not."""
    try:
        # The one record loop (ingest/warc.py): digests checked, so a corrupt record is a
        # Failed item rather than an audit of garbled text.
        for found in warc_responses(path, None, check_digests=True):
            yield _warc_entry(path, found)
    except IngestError as exc:  # unreadable, or not a WARC file at all
        yield _failed(str(path), " ".join(str(exc).split()))


def _warc_entry(path: Path, found: Response | Problem) -> Entry:
    url = found.place.url
    where = f"{path}#{found.place.response}" + (f" {url}" if url else "")
    if isinstance(found, Problem):
        return _failed(where, f"{where}: {found.reason}")
    return _item(where, found.data, url, found.content_type)
