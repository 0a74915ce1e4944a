"""The SQLite store: the corpus of reference documents, their passages and vectors, audits.

from newsaudit.store import Store, NewDocument

with Store.open("newsaudit.db") as store:
    doc_id, added = store.add_document(NewDocument(text=..., origin="report.html"))
    hits = store.search("North Korean troops", k=5, domains=["understandingwar.org"])
"""

from __future__ import annotations

from ._sql import normal_domain
from .db import Store
from .fts import match_expression
from .passages import content_hash, split_passages
from .paths import db_path, default_db_path
from .records import (
    AuditSummary,
    Count,
    DocumentSummary,
    NewDocument,
    PassageHit,
    StoredDocument,
    StoredPassage,
    StoreStats,
)

__all__ = [
    "AuditSummary",
    "Count",
    "DocumentSummary",
    "NewDocument",
    "PassageHit",
    "Store",
    "StoreStats",
    "StoredDocument",
    "StoredPassage",
    "content_hash",
    "db_path",
    "default_db_path",
    "match_expression",
    "normal_domain",
    "split_passages",
]
