"""Batch audits: many articles from folders, JSONL and WARC files into the store.

from newsaudit.batch import StoreSink, make_engine, run_batch

with Store.open("crawl.db") as store:     # under `if __name__ == "__main__":` (spawn)
    sink = StoreSink(store)
    sink.recover()                          # undo what a killed run left half-written
    summary = run_batch(["pages/"], sink, make_engine("local", settings, workers=2))
"""

from __future__ import annotations

from .engine import ENGINES, BatchSummary, Engine, Plan, Sink, make_engine, plan, run_batch
from .items import Failed, Item, content_key, enumerate_inputs
from .ledger import ItemRow, StoreSink
from .work import ItemResult, audit_item, audit_items

__all__ = [
    "ENGINES",
    "BatchSummary",
    "Engine",
    "Failed",
    "Item",
    "ItemResult",
    "ItemRow",
    "Plan",
    "Sink",
    "StoreSink",
    "audit_item",
    "audit_items",
    "content_key",
    "enumerate_inputs",
    "make_engine",
    "plan",
    "run_batch",
]
