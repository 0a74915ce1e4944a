"""One item -> one result: the audit as every engine runs it, failures caught and kept.

The result carries the report as JSON text (the public ``newsaudit.report/2`` contract),
so that it crosses process and machine boundaries as plain data and is written by the one
writer exactly as `newsaudit audit --json` would print it.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Literal

from ..errors import IngestError, NewsauditError
from ..ingest import RawInput, to_article
from ..model import Article
from ..pipeline import Auditor
from ..render.json import report_to_dict
from .items import Failed, Item

ItemStatus = Literal["done", "failed"]

# Fewer words than this after cleaning is a login, index or error page, not an article: a
# crawl holds many, and auditing them would fill the store (and the stories) with noise.
MIN_ARTICLE_WORDS = 30


@dataclass(frozen=True)
class ItemResult:
    """What became of one item: its report (done) or the reason it failed."""

    key: str
    source: str
    url: str | None
    status: ItemStatus
    report: str | None
    error: str | None
    seconds: float = 0.0


def audit_item(auditor: Auditor, item: Item) -> ItemResult:
    """Audit one item; any failure becomes a failed result with its reason, never a raise."""
    started = time.perf_counter()
    raw = RawInput(data=item.data, name=item.source, url=item.url, content_type=item.content_type)
    try:
        article = to_article(raw, auditor.settings)
        require_article(article, item.source)
        report = auditor.audit_article(article)
        data = report_to_dict(report, auditor.settings.spacy_model)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except NewsauditError as exc:
        return _failed(item, _one_line(str(exc)), started)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a crawl-sized batch
        reason = f"{item.source}: internal error: {type(exc).__name__}: {_one_line(str(exc))}"
        return _failed(item, reason, started)
    return ItemResult(
        item.key, item.source, item.url, "done", text, None, time.perf_counter() - started
    )


def require_article(article: Article, source: str) -> None:
    """Refuse a page whose cleaned text is too short to be a news article."""
    words = len(article.text.split())
    if words < MIN_ARTICLE_WORDS:
        raise IngestError(
            f"{source}: not an article: {words} word(s) of text after cleaning (a login, "
            f"index or error page?); batches audit pages of {MIN_ARTICLE_WORDS}+ words"
        )


def failed_result(entry: Failed) -> ItemResult:
    """The result of an input that could not even be read."""
    return ItemResult(entry.key, entry.source, None, "failed", None, entry.reason)


def _failed(item: Item, reason: str, started: float) -> ItemResult:
    elapsed = time.perf_counter() - started
    return ItemResult(item.key, item.source, item.url, "failed", None, reason, elapsed)


def _one_line(text: str) -> str:
    return " ".join(text.split())
