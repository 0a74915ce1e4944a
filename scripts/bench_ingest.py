"""Corpus ingest: documents/s, passages/s, store size and peak memory for a 10,000-document
corpus, then keyword-search latency over it and the cost of re-adding it (all duplicates).

The corpus is generated, never committed: the bodies of an FNC-1-format CSV (Body ID,
articleBody), and synthetic variants of them (paragraphs rotated, a variant line added, so
that every document has its own content hash) until `--docs` is reached. Each document
gets a URL on one of a few domains (some in the source registry) and a date. It is
written as JSONL to a temporary folder and added through the same path as
`newsaudit corpus add` (reader, registry attribution, store). `--html N` also writes N
bodies as HTML pages and adds the folder, to show the cost of HTML extraction.

    .venv/bin/python scripts/bench_ingest.py [BODIES_CSV] [--docs 10000] [--html 500] [--cpus 1]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import platform
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from newsaudit import __version__
from newsaudit.ingest.corpus import add_to_store, iter_documents
from newsaudit.registry import load_registry
from newsaudit.settings import Settings
from newsaudit.store import Store

DEFAULT_BODIES = (
    Path(__file__).resolve().parent.parent.parent / "shared/data/fnc-1/train_bodies.csv"
)
DEFAULT_STANCES = DEFAULT_BODIES.with_name("train_stances.csv")
DOMAINS = (
    "www.reuters.com",
    "apnews.com",
    "www.bbc.co.uk",
    "www.understandingwar.org",
    "news.example",
    "gazette.example",
)


def read_bodies(path: Path) -> list[str]:
    """The non-trivial bodies of an FNC-1 bodies CSV."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return [b for row in csv.DictReader(handle) if len(b := row["articleBody"].strip()) > 80]


def read_headlines(path: Path, limit: int) -> list[str]:
    """Distinct headlines of an FNC-1 stances CSV, as search queries."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        seen = dict.fromkeys(row["Headline"] for row in csv.DictReader(handle))
    return list(seen)[:limit]


def variant(body: str, number: int) -> str:
    """The body with its paragraphs rotated and a line naming the variant (a new hash)."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    turn = number % max(len(paragraphs), 1)
    return "\n\n".join(
        [f"Variant {number} of this report.", *paragraphs[turn:], *paragraphs[:turn]]
    )


def write_corpus(bodies: list[str], count: int, folder: Path) -> tuple[Path, int]:
    """`count` documents as JSONL; returns the path and the number of characters."""
    rng = random.Random(7)
    path = folder / "corpus.jsonl"
    chars = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            body = bodies[i % len(bodies)]
            text = body if i < len(bodies) else variant(body, i // len(bodies))
            chars += len(text)
            day = f"20{rng.randint(14, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            record = {
                "url": f"https://{DOMAINS[i % len(DOMAINS)]}/story/{i}",
                "title": " ".join(text.split()[:10]),
                "date": day,
                "text": text,
            }
            out.write(json.dumps(record) + "\n")
    return path, chars


def write_pages(bodies: list[str], count: int, folder: Path) -> Path:
    """`count` bodies as HTML pages (title, navigation, paragraphs, footer) in a folder."""
    pages = folder / "pages"
    pages.mkdir()
    for i, body in enumerate(bodies[:count]):
        title = html.escape(" ".join(body.split()[:10]))
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
        (pages / f"{i:05d}.html").write_text(
            f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | World"
            f"</nav><article><h1>{title}</h1>{paragraphs}</article><footer>Contact us</footer>"
            "</body></html>",
            encoding="utf-8",
        )
    return pages


def timed_add(store: Store, target: Path, settings: Settings) -> tuple[float, float, int, int, int]:
    """Wall and CPU seconds, added, duplicates and failures for adding `target`."""
    registry = load_registry()
    start, cpu = time.perf_counter(), time.process_time()
    summary = add_to_store(store, iter_documents([str(target)], settings), registry)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return seconds, cpu, len(summary.added), len(summary.duplicates), len(summary.failures)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def cpu_name() -> str:
    """The CPU model as the kernel names it (or the platform's word for it)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    """Generate the corpus, add it, search it, add it again; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bodies", nargs="?", type=Path, default=DEFAULT_BODIES)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--html", type=int, default=500, help="HTML pages to add too (0: none)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--cpus", type=int, default=1, help="pin the process to this many CPUs")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.cpus and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[: args.cpus])
    if not args.bodies.is_file():
        sys.exit(f"bench_ingest: {args.bodies} not found; give an FNC-1 bodies CSV")
    bodies = read_bodies(args.bodies)
    settings = Settings()
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus, chars = write_corpus(bodies, args.docs, folder)
        db = folder / "bench.db"
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with Store.open(db) as store:
            seconds, cpu, added, dups, failed = timed_add(store, corpus, settings)
            passages = store.stats().passages
            queries = read_headlines(DEFAULT_STANCES, args.queries) or [
                b[:80] for b in bodies[:200]
            ]
            latencies, cpu_latencies = [], []
            for query in queries:
                start, cpu_start = time.perf_counter(), time.process_time()
                store.search(query, k=10)
                latencies.append((time.perf_counter() - start) * 1000)
                cpu_latencies.append((time.process_time() - cpu_start) * 1000)
            again, _, _, redup, _ = timed_add(store, corpus, settings)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = db.stat().st_size
        figures.update(
            documents=added,
            duplicates_first_pass=dups,
            failed=failed,
            passages=passages,
            characters=chars,
            seconds=round(seconds, 2),
            cpu_seconds=round(cpu, 2),
            documents_per_second=round(added / seconds, 1),
            documents_per_cpu_second=round(added / cpu, 1),
            passages_per_second=round(passages / seconds, 1),
            megabytes_text=round(chars / 1e6, 1),
            db_megabytes=round(size / 1e6, 1),
            peak_rss_megabytes=round(rss_after / 1024, 1),
            rss_before_ingest_megabytes=round(rss_before / 1024, 1),
            search_queries=len(latencies),
            search_p50_ms=round(percentile(latencies, 50), 2),
            search_p95_ms=round(percentile(latencies, 95), 2),
            search_cpu_p50_ms=round(percentile(cpu_latencies, 50), 2),
            search_cpu_p95_ms=round(percentile(cpu_latencies, 95), 2),
            readd_seconds=round(again, 2),
            readd_documents_per_second=round(redup / again, 1),
        )
        if args.html:
            pages = write_pages(bodies, args.html, folder)
            with Store.open(folder / "pages.db") as store:
                seconds, cpu, added, _, failed = timed_add(store, pages, settings)
            figures.update(
                html_pages=args.html,
                html_added=added,
                html_failed=failed,
                html_seconds=round(seconds, 2),
                html_pages_per_second=round(args.html / seconds, 1),
                html_pages_per_cpu_second=round(args.html / cpu, 1),
            )
    figures.update(
        newsaudit=__version__,
        python=platform.python_version(),
        sqlite=sqlite3.sqlite_version,
        cpu=cpu_name(),
        cpus_used=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
    )
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:<30}{value}")


if __name__ == "__main__":
    main()
