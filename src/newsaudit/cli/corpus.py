"""`newsaudit corpus add|ls|show|rm|stats`: the local corpus of reference documents."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..errors import IngestError
from ..ingest.corpus import AddSummary, Item, Outcome, add_to_store, iter_documents
from ..registry import Registry, load_registry
from ..settings import load_settings
from ..store import Store, db_path

DB_HELP = "SQLite store to use  [default: the db setting, else newsaudit.db in the data directory]"
db_option = click.option("--db", "db", metavar="FILE", default=None, help=DB_HELP)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def open_store(db: str | None, create: bool = False) -> Store:
    """The store named by --db or the settings; read-only commands never create one."""
    return Store.open(db_path(load_settings(), db), create=create)


def echo_json(data: Any) -> None:
    """Print `data` as indented JSON."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group("corpus")
def corpus_group() -> None:
    """The local corpus of reference documents that claims are checked against."""


@corpus_group.command("add")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL|FEED...")
@db_option
@click.option("--source", "source", default=None, help="Source organisation of every document.")
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Extra source registry (JSON) merged over the packaged one  [env: NEWSAUDIT_SOURCES]",
)
@click.option("--fetch-links", is_flag=True, help="For feeds: fetch each entry's page.")
@click.option("--allow-private", is_flag=True, default=None, help="Fetch private addresses too.")
@json_option
def add_command(
    inputs: tuple[str, ...],
    db: str | None,
    source: str | None,
    sources_file: Path | None,
    fetch_links: bool,
    allow_private: bool | None,
    as_json: bool,
) -> None:
    """Add files, directories, JSONL, WARC, RSS/Atom feeds and URLs to the corpus."""
    settings = load_settings({"allow_private": allow_private})
    registry = load_registry(sources_file)
    items = iter_documents(inputs, settings, fetch_links=fetch_links)
    with Store.open(db_path(settings, db)) as store:
        console = Console(stderr=True)
        if console.is_terminal and not as_json:
            summary = _with_progress(store, items, registry, source, console)
        else:
            summary = add_to_store(store, items, registry, source)
        _report(summary, store, as_json)


def _with_progress(
    store: Store, items: Iterable[Item], registry: Registry, source: str | None, console: Console
) -> AddSummary:
    counts = {"added": 0, "duplicate": 0, "failed": 0}
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("adding")

        def step(outcome: Outcome) -> None:
            counts[outcome] += 1
            progress.update(
                task,
                description=f"added {counts['added']:,} · duplicates {counts['duplicate']:,}"
                f" · failed {counts['failed']:,}",
            )

        return add_to_store(store, items, registry, source, progress=step)


def _report(summary: AddSummary, store: Store, as_json: bool) -> None:
    failures = summary.failures
    if not summary.added and not summary.duplicates and failures:
        for failure in failures[:-1]:
            click.echo(f"newsaudit: failed: {failure.origin}: {failure.reason}", err=True)
        last = failures[-1]
        more = f" (and {len(failures) - 1} more above)" if len(failures) > 1 else ""
        raise IngestError(f"nothing added; {last.origin}: {last.reason}{more}")
    if as_json:
        echo_json(
            {
                "db": store.path,
                "added": len(summary.added),
                "duplicates": len(summary.duplicates),
                "failed": [dataclasses.asdict(f) for f in failures],
                "document_ids": list(summary.added),
            }
        )
    else:
        for failure in failures:
            click.echo(f"newsaudit: failed: {failure.origin}: {failure.reason}", err=True)
        click.echo(
            f"added {len(summary.added):,}, duplicates {len(summary.duplicates):,}, "
            f"failed {len(failures):,}  ({store.path})"
        )


@corpus_group.command("ls")
@db_option
@click.option("--domain", default=None, help="Only documents from this domain (and subdomains).")
@click.option("--source", default=None, help="Only documents of this source organisation.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@json_option
def ls_command(
    db: str | None,
    domain: str | None,
    source: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List the documents of the corpus."""
    with open_store(db) as store:
        if source:
            org = load_registry().lookup(source)
            source = org.name if org is not None else source
        docs = store.documents(domain=domain, source=source, limit=limit, offset=offset)
    if as_json:
        echo_json([dataclasses.asdict(d) for d in docs])
        return
    for d in docs:
        published = (d.published or "")[:10] or "-"
        click.echo(f"{d.id:>6}  {published:<10}  {d.domain or '-':<28}  {d.title or d.url or '-'}")


@corpus_group.command("show")
@click.argument("doc_id", type=int, metavar="ID")
@db_option
@json_option
def show_command(doc_id: int, db: str | None, as_json: bool) -> None:
    """Show one document: where it is from, then its text."""
    with open_store(db) as store:
        doc = store.document(doc_id)
        passages = store.passages(doc_id)
    if as_json:
        data = dataclasses.asdict(doc)
        data["passages"] = [{"id": p.id, "start": p.start, "end": p.end} for p in passages]
        echo_json(data)
        return
    for label, value in (
        ("id", doc.id),
        ("title", doc.title),
        ("url", doc.url),
        ("source", doc.source),
        ("domain", doc.domain),
        ("published", doc.published),
        ("added", doc.added_at),
        ("origin", doc.origin),
        ("passages", doc.passages),
        ("hash", doc.content_hash),
    ):
        click.echo(f"{label + ':':<11}{value if value not in (None, '') else '-'}")
    click.echo("")
    click.echo(doc.text)


@corpus_group.command("rm")
@click.argument("doc_ids", type=int, nargs=-1, required=True, metavar="ID...")
@db_option
@json_option
def rm_command(doc_ids: tuple[int, ...], db: str | None, as_json: bool) -> None:
    """Remove documents (with their passages and vectors) from the corpus."""
    with open_store(db) as store:
        for doc_id in doc_ids:
            store.document(doc_id)  # every id is checked before anything is removed
        for doc_id in dict.fromkeys(doc_ids):
            store.remove_document(doc_id)
    if as_json:
        echo_json({"removed": list(dict.fromkeys(doc_ids))})
    else:
        click.echo(f"removed {len(set(doc_ids))} document(s): {', '.join(map(str, doc_ids))}")


@corpus_group.command("stats")
@db_option
@json_option
def stats_command(db: str | None, as_json: bool) -> None:
    """Count the documents, passages, domains, sources and vectors of the corpus."""
    with open_store(db) as store:
        stats = store.stats()
    if as_json:
        echo_json(dataclasses.asdict(stats))
        return
    click.echo(f"store:      {stats.path} (schema {stats.schema_version})")
    click.echo(f"documents:  {stats.documents:,}")
    click.echo(f"passages:   {stats.passages:,}")
    click.echo(f"text:       {stats.text_chars:,} characters")
    click.echo(f"size:       {stats.size_bytes / 1e6:,.1f} MB")
    click.echo(f"audits:     {stats.audits:,}")
    for title, counts in (
        ("vectors", stats.vectors),
        ("domains", stats.domains),
        ("sources", stats.sources),
    ):
        click.echo(f"{title}:" if counts else f"{title + ':':<12}-")
        for count in counts:
            click.echo(f"  {count.documents:>8,}  {count.value}")
