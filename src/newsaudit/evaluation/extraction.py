"""Page text extraction on public benchmarks: our HTML ingest beside plain trafilatura.

1. detect the benchmark from the folder: ``ground-truth.json`` (article-extraction
   benchmark, gold article bodies) or ``evaldata.json`` (trafilatura's set, snippets)
2. read each page's bytes (gzipped or not) with its URL and annotations
3. run each system on the page, timing only the extraction; a page a system refuses
   (not English, no article found) counts as empty output and is counted
4. score with the benchmark's own measure (metrics.py)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import IngestError
from ..ingest.decode import declared_charset, decode, looks_like_html, refuse_binary
from ..ingest.html import clean_html
from ..ingest.layout import assemble
from ..ingest.source import RawInput, to_article
from ..settings import Settings
from ._files import BenchmarkError, page_file, read_bytes, read_json, require_dir
from .metrics import (
    PageCounts,
    Scores,
    SnippetCounts,
    page_counts,
    shingle_scores,
    snippet_counts,
    snippet_scores,
)

Format = Literal["article-benchmark", "trafilatura-eval"]
System = Literal["newsaudit", "cleaning", "trafilatura"]
SYSTEMS: tuple[System, ...] = ("newsaudit", "cleaning", "trafilatura")
SYSTEM_HELP = {
    "newsaudit": "our ingest: trafilatura + furniture rules + the English check",
    "cleaning": "our trafilatura + furniture rules, without the English check",
    "trafilatura": "plain trafilatura.extract with default settings",
}


@dataclass(frozen=True)
class Page:
    """One benchmark page: where its HTML is, its URL, and what it should give."""

    id: str
    path: Path
    url: str | None
    gold: str
    wanted: tuple[str, ...]
    unwanted: tuple[str, ...]


@dataclass(frozen=True)
class ExtractionResult:
    """One system's scores over a benchmark."""

    system: System
    format: Format
    pages: int
    refused: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    items_per_second: float


def detect_format(folder: Path) -> Format:
    """Which benchmark a folder holds, from its annotation file."""
    require_dir(folder)
    if (folder / "ground-truth.json").is_file():
        return "article-benchmark"
    if (folder / "evaldata.json").is_file():
        return "trafilatura-eval"
    raise BenchmarkError(
        f"{folder}: neither ground-truth.json nor evaldata.json found; give the folder of "
        "the article-extraction benchmark or of trafilatura's evaluation set"
    )


def read_pages(folder: Path, limit: int | None = None) -> tuple[Format, list[Page]]:
    """The benchmark's pages in a stable order (sorted by id), at most `limit` of them."""
    kind = detect_format(folder)
    html = require_dir(folder / "html")
    pages = (
        _article_pages(folder, html)
        if kind == "article-benchmark"
        else _snippet_pages(folder, html)
    )
    pages.sort(key=lambda p: p.id)
    if not pages:
        raise BenchmarkError(f"{folder}: the annotation file lists no pages")
    return kind, pages[:limit] if limit is not None else pages


def _article_pages(folder: Path, html: Path) -> list[Page]:
    path = folder / "ground-truth.json"
    data = read_json(path)
    if not isinstance(data, dict):
        raise BenchmarkError(f"{path}: expected an object of page id -> {{articleBody, url}}")
    pages = []
    for key, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("articleBody"), str):
            raise BenchmarkError(f"{path}: page {key!r} has no articleBody text; fix the entry")
        url = entry.get("url")
        pages.append(
            Page(
                id=key,
                path=page_file(html, f"{key}.html"),
                url=url if isinstance(url, str) else None,
                gold=entry["articleBody"],
                wanted=(),
                unwanted=(),
            )
        )
    return pages


def _snippet_pages(folder: Path, html: Path) -> list[Page]:
    path = folder / "evaldata.json"
    data = read_json(path)
    if not isinstance(data, dict):
        raise BenchmarkError(f"{path}: expected an object of URL -> {{file, with, without}}")
    pages = []
    for url, entry in data.items():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("file"), str)
            and _strings(entry.get("with"))
            and _strings(entry.get("without"))
        ):
            raise BenchmarkError(
                f"{path}: entry {url!r} needs 'file' and lists of strings 'with' and 'without'"
            )
        pages.append(
            Page(
                id=entry["file"],
                path=page_file(html, entry["file"]),
                url=url,
                gold="",
                wanted=tuple(entry["with"]),
                unwanted=tuple(entry["without"]),
            )
        )
    return pages


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


Extract = Callable[[bytes, str | None, str], str]


def extractor(system: System, settings: Settings) -> Extract:
    """A function from (page bytes, URL, name) to text; raises IngestError on refusal."""
    if system == "newsaudit":
        return lambda data, url, name: to_article(RawInput(data, name, url, None), settings).text
    if system == "cleaning":
        return _cleaning_only
    return _plain_trafilatura


def _cleaning_only(data: bytes, url: str | None, name: str) -> str:
    refuse_binary(data, name)
    is_html = looks_like_html(data)
    text = decode(data, name, declared_charset(data, None, is_html))
    body, _ = assemble(clean_html(text, url, name).pieces)
    return body


def _plain_trafilatura(data: bytes, url: str | None, name: str) -> str:
    import trafilatura

    text: str | None = trafilatura.extract(data, url=url)
    if text is None:
        raise IngestError(f"{name}: trafilatura found no text")
    return text


def run_system(
    system: System, kind: Format, pages: list[Page], settings: Settings
) -> ExtractionResult:
    """Extract every page with one system and score it with the benchmark's measure."""
    extract = extractor(system, settings)
    refused = 0
    elapsed = 0.0
    shingled: list[PageCounts] = []
    snippets: list[SnippetCounts] = []
    for page, data in _loaded(pages):
        started = time.perf_counter()
        try:
            text = extract(data, page.url, page.id)
        except IngestError:
            text = ""
            refused += 1
        elapsed += time.perf_counter() - started
        if kind == "article-benchmark":
            shingled.append(page_counts(page.gold, text))
        else:
            snippets.append(snippet_counts(text, page.wanted, page.unwanted))
    scores: Scores = (
        shingle_scores(shingled) if kind == "article-benchmark" else snippet_scores(snippets)
    )
    return ExtractionResult(
        system=system,
        format=kind,
        pages=len(pages),
        refused=refused,
        precision=scores.precision,
        recall=scores.recall,
        f1=scores.f1,
        accuracy=scores.accuracy,
        items_per_second=len(pages) / max(elapsed, 1e-9),
    )


def _loaded(pages: list[Page]) -> Iterator[tuple[Page, bytes]]:
    for page in pages:
        yield page, read_bytes(page.path)
