"""Audit throughput: articles/s, chars/s, per-article latency and peak memory, one process.

Reads real article bodies from an FNC-1-format bodies CSV (Body ID, articleBody), makes
each into "title + blank line + body" (the title is the body's first sentence, cut to 12
words, as the CSV has no headlines of its own), and audits them one at a time with a single
`Auditor` (models loaded once, before the clock starts).

    .venv/bin/python scripts/bench_audit.py [BODIES_CSV] [--limit 500] [--cpus 1] [--group 16]

With `--group N` the articles are audited N at a time with `Auditor.audit_articles`, which
parses their texts together (as `newsaudit batch` does); a latency is then a group's time
shared equally by its articles.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import re
import resource
import sys
import time
from pathlib import Path

from newsaudit import Auditor, NewsauditError, __version__, load_settings
from newsaudit.ingest import RawInput, to_article

DEFAULT_BODIES = (
    Path(__file__).resolve().parent.parent.parent / "shared/data/fnc-1/train_bodies.csv"
)


def read_articles(path: Path, limit: int) -> list[str]:
    """The first `limit` bodies of the CSV as plain-text articles with a title line."""
    csv.field_size_limit(sys.maxsize)
    articles: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            body = row["articleBody"].strip()
            if len(body) < 200:
                continue
            first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
            title = " ".join(first.split()[:12]).rstrip(".")
            articles.append(f"{title}\n\n{body}\n")
            if len(articles) == limit:
                break
    return articles


def cpu_name() -> str:
    """The CPU model as the kernel names it (or the platform's word for it)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def audit_in_groups(
    auditor: Auditor, articles: list[str], size: int, latencies: list[float]
) -> int:
    """Read and audit the articles `size` at a time; returns how many were refused."""
    refused = 0
    for start in range(0, len(articles), size):
        t0 = time.perf_counter()
        group = articles[start : start + size]
        read = []
        for text in group:
            raw = RawInput(data=text.encode("utf-8"), name="<text>", url=None, content_type=None)
            try:
                read.append(to_article(raw, auditor.settings))
            except NewsauditError:
                refused += 1
        auditor.audit_articles(read)
        latencies.extend([(time.perf_counter() - t0) / len(group)] * len(group))
    return refused


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bodies", nargs="?", type=Path, default=DEFAULT_BODIES)
    parser.add_argument("--limit", type=int, default=500, help="articles to audit (default 500)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed audits first (default 5)")
    parser.add_argument("--cpus", type=int, default=0, help="pin to this many CPU cores")
    parser.add_argument(
        "--group", type=int, default=1, help="audit this many articles a call (default 1)"
    )
    args = parser.parse_args()

    if not args.bodies.is_file():
        sys.stderr.write(f"bench_audit: {args.bodies}: no such file (give the bodies CSV)\n")
        return 2
    if args.cpus:
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[: args.cpus]))
    articles = read_articles(args.bodies, args.limit)

    started = time.perf_counter()
    auditor = Auditor(load_settings())
    for text in articles[: args.warmup]:
        auditor.audit_text(text)
    load_s = time.perf_counter() - started

    latencies: list[float] = []
    failures = 0
    wall = time.perf_counter()
    if args.group > 1:
        failures = audit_in_groups(auditor, articles, args.group, latencies)
    else:
        for text in articles:
            t0 = time.perf_counter()
            try:
                auditor.audit_text(text)
            except NewsauditError:
                failures += 1
            latencies.append(time.perf_counter() - t0)
    wall = time.perf_counter() - wall

    chars = sum(len(a) for a in articles)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"newsaudit       {__version__} (spaCy model {auditor.settings.spacy_model})")
    print(f"python          {platform.python_version()} on {platform.platform()}")
    print(f"cpu             {cpu_name()}; {len(os.sched_getaffinity(0))} core(s) usable")
    print(f"input           {args.bodies.name}: {len(articles)} articles, {chars:,} chars")
    print(f"load + warm-up  {load_s:.1f} s")
    print(f"articles/s      {len(articles) / wall:.1f}")
    print(f"chars/s         {chars / wall:,.0f}")
    print(f"latency p50     {percentile(latencies, 50) * 1000:.0f} ms")
    print(f"latency p95     {percentile(latencies, 95) * 1000:.0f} ms")
    print(f"latency max     {max(latencies) * 1000:.0f} ms")
    print(f"refused         {failures}")
    print(f"peak RSS        {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
