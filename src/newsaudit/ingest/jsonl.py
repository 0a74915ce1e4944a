"""JSONL corpora: one document a line, {"url", "title", "date", "text", "source"?}.

A line that is not a JSON object with some text is reported with its line number and the
other lines are read; a file that cannot be opened at all is an IngestError.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..settings import Settings
from ..store import NewDocument
from .dates import iso_date
from .failures import Failure

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("date", "published", "published_at")


def read_jsonl(path: Path, settings: Settings) -> Iterator[NewDocument | Failure]:
    """Each line of a JSONL file as a document, or a Failure naming the line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise IngestError(
            f"{path}: cannot be read ({exc.strerror or exc}); check the path"
        ) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path} line {number}"
            if not raw.strip():
                continue
            if len(raw) > settings.max_input_bytes:
                yield Failure(where, f"over the {settings.max_input_bytes:,}-byte limit")
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Failure(where, "not UTF-8 text")
                continue
            except json.JSONDecodeError as exc:
                yield Failure(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            yield _document(record, where)


def _document(record: Any, where: str) -> NewDocument | Failure:
    if not isinstance(record, dict):
        return Failure(where, 'not a JSON object; each line needs {"text": ..., "url": ...}')
    text = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str)), None)
    if text is None or not text.strip():
        return Failure(where, 'no "text" (a non-empty string)')
    fields: dict[str, str | None] = {}
    for name in ("url", "title", "source"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return Failure(where, f'"{name}" must be a string')
        fields[name] = value.strip() if isinstance(value, str) and value.strip() else None
    raw_date = next((record[f] for f in DATE_FIELDS if record.get(f) not in (None, "")), None)
    published = iso_date(raw_date)
    if raw_date is not None and published is None:
        return Failure(where, f"date {raw_date!r} is not a date; write it as YYYY-MM-DD")
    return NewDocument(
        text=text.strip(),
        origin=where,
        title=fields["title"] or "",
        url=fields["url"],
        source=fields["source"],
        published=published,
    )
