"""`newsaudit search QUERY`: passages of the corpus that match a query.

Hybrid by default, as the audit retrieves evidence: BM25 keyword search (SQLite FTS5) and
dense embeddings, fused by reciprocal rank; `--mode keyword` or `--mode dense` for one.
"""

from __future__ import annotations

import dataclasses
import textwrap

import click

from ..errors import UsageError
from ..ingest.dates import iso_date
from ..settings import load_settings
from ..store import PassageHit, Store, match_expression
from .corpus import db_option, echo_json, json_option, open_store


def keyword_search(
    store: Store, query: str, k: int, domains: tuple[str, ...], before: str | None
) -> list[PassageHit]:
    """The `k` best passages for `query` by BM25; a query without words is a UsageError."""
    check_query(query, before)
    return store.search(query, k=k, domains=domains or None, published_before=before)


def check_query(query: str, before: str | None) -> None:
    """A UsageError for a query without words or a `before` that is not a date."""
    if match_expression(query) is None:
        raise UsageError("the query has no words to search for; give some words")
    if before is not None and iso_date(before) is None:
        raise UsageError(f"--before {before!r} is not a date; write it as YYYY-MM-DD")


def _embedded_search(
    store: Store, query: str, k: int, domains: tuple[str, ...], before: str | None, mode: str
) -> list[PassageHit]:
    """Dense or fused search; passages added since the last embedding are embedded first."""
    from ..embed import load_embedder
    from ..retrieval import CANDIDATES, HybridRetriever, embed_missing, fuse

    check_query(query, before)
    embedder = load_embedder(load_settings())
    embed_missing(store, embedder)
    retriever = HybridRetriever(store, embedder)
    semantic = retriever.semantic(query, max(k, CANDIDATES), domains or None, before)
    if mode == "dense":
        ranked = [(pid, 1.0 / (rank + 1)) for rank, pid in enumerate(semantic[:k])]
    else:
        keyword = retriever.keyword(query, CANDIDATES, domains or None, before)
        ranked = [(r.passage_id, r.score) for r in fuse(keyword, semantic)[:k]]
    return [PassageHit.of(store.passage(pid), score) for pid, score in ranked]


@click.command("search")
@click.argument("query")
@db_option
@click.option("-k", "k", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--domain", "domains", multiple=True, help="Only this domain (repeatable).")
@click.option("--before", default=None, metavar="YYYY-MM-DD", help="Published up to this date.")
@click.option(
    "--mode",
    type=click.Choice(["hybrid", "keyword", "dense"]),
    default="hybrid",
    show_default=True,
    help="Keyword (BM25), dense (embeddings) or both fused by rank.",
)
@json_option
def search_command(
    query: str,
    db: str | None,
    k: int,
    domains: tuple[str, ...],
    before: str | None,
    mode: str,
    as_json: bool,
) -> None:
    """Find the passages of the corpus that best match QUERY."""
    check_query(query, before)  # before the store is opened, whatever the mode
    with open_store(db) as store:
        if mode == "keyword":
            hits = keyword_search(store, query, k, domains, before)
        else:
            hits = _embedded_search(store, query, k, domains, before, mode)
    if as_json:
        echo_json({"query": query, "hits": [dataclasses.asdict(h) for h in hits]})
        return
    if not hits:
        click.echo("no passage matches")
    for rank, hit in enumerate(hits, start=1):
        where = hit.url or hit.domain or "-"
        click.echo(f"{rank}. {hit.title or '(untitled)'}  [{hit.score:.2f}]")
        click.echo(f"   {where}  document {hit.document_id}, characters {hit.start}-{hit.end}")
        click.echo(textwrap.indent(textwrap.fill(" ".join(hit.text.split()), 88), "   "))
