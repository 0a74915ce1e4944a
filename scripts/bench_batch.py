"""Batch throughput: articles/s for one process, the local pool and Ray; peak memory a worker.

Writes the first N FNC-1 bodies that are at least 200 characters long (each with a title
line: its first sentence, cut to 12 words) into a temporary folder, then runs the whole
batch -- enumerate, audit, write to a fresh store -- with each engine in turn:

    inline   one process: the audit and the writer in the same process
    local    the process pool with --workers processes (default 2)
    ray      Ray Data with --workers actors on a local Ray instance (needs the ray extra)

Two rates are given: end to end (from the start of the batch, so worker start-up and model
loading count) and steady (from the first tenth of the results to the last). Peak memory is
the largest resident set (VmHWM) of the processes that audit: the one process, each pool
worker, each Ray actor. CPU seconds an article count this process and every process it
starts (pool workers; Ray's actors, raylet and other services), so they show what each
engine costs whatever else the machine is doing. On a shared Linux machine the scheduler
shares CPU between sessions (autogroups), not processes, so a pool gets no more CPU than
one process while others are busy; `--boost NICE` (root) raises this benchmark's groups,
and those of Ray's processes, so that the engines, not the neighbours, decide the
figures. Nothing is written outside the temporary folder.

    .venv/bin/python scripts/bench_batch.py [BODIES_CSV] [--limit 300] [--workers 2]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import platform
import re
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsaudit import __version__, load_settings
from newsaudit.batch.engine import make_engine, run_batch
from newsaudit.batch.ledger import StoreSink
from newsaudit.batch.work import ItemResult
from newsaudit.store import Store

DEFAULT_BODIES = (
    Path(__file__).resolve().parent.parent.parent / "shared/data/fnc-1/train_bodies.csv"
)


def write_articles(path: Path, folder: Path, limit: int, passes: int = 1) -> int:
    """Write the first `limit` usable bodies as text files; returns their total characters.

    With `passes` > 1 each body is written again under another title line (its second,
    third ... sentence), so a batch larger than the set still holds distinct articles.
    """
    csv.field_size_limit(sys.maxsize)
    chars = written = 0
    with path.open(encoding="utf-8", newline="") as handle:
        bodies = [
            (row["Body ID"], row["articleBody"].strip())
            for row in csv.DictReader(handle)
            if len(row["articleBody"].strip()) >= 200
        ][:limit]
    for n in range(passes):
        for body_id, body in bodies:
            sentences = re.split(r"(?<=[.!?])\s", body)
            first = sentences[n % len(sentences)]
            title = " ".join(first.split()[:12]).rstrip(".")
            text = f"{title}\n\n{body}\n" if n == 0 else f"{title} ({n + 1})\n\n{body}\n"
            (folder / f"{body_id}-{n}.txt").write_text(text, encoding="utf-8")
            chars += len(text)
            written += 1
    return chars


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _descendants(root: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found: set[int] = set()
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


@dataclass
class MemoryWatch:
    """Samples the peak RSS of the processes that audit (pool workers, Ray actors)."""

    marker: str
    boost: int | None = None
    peaks: dict[int, int] = field(default_factory=dict)
    cpu: dict[int, float] = field(default_factory=dict)  # every descendant's CPU seconds
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        """Sample every 0.2 s until stopped."""
        while not self.stop.is_set():
            for pid in _descendants(os.getpid()):
                if self.boost is not None and pid not in self.cpu:
                    set_autogroup_nice(pid, self.boost)  # Ray starts its own sessions
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_seconds(pid))
                command = _cmdline(pid)
                if self.marker and self.marker in command and "resource_tracker" not in command:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), _status_kb(pid, "VmHWM"))
            time.sleep(0.2)


def set_autogroup_nice(pid: int, nice: int) -> None:
    """Give the scheduling group (session) of `pid` this nice value (needs root; see --boost)."""
    with contextlib.suppress(OSError):
        Path(f"/proc/{pid}/autogroup").write_text(str(nice))


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Figures:
    """One engine's run."""

    engine: str
    workers: int
    done: int
    failed: int
    seconds: float
    steady: float
    peak_mb: list[float]
    cpu_seconds: float

    @property
    def rate(self) -> float:
        """Articles (done or failed) a second, end to end."""
        return (self.done + self.failed) / self.seconds


def bench(
    engine: str, workers: int, folder: Path, scratch: Path, boost: int | None = None
) -> Figures:
    """Run one engine over the folder into a fresh store."""
    settings = load_settings()
    marker = {"local": "multiprocessing", "ray": "MapWorker"}.get(engine)
    watch = MemoryWatch(marker or "", boost)
    sampler = threading.Thread(target=watch.run, daemon=True)
    sampler.start()
    stamps: list[float] = []
    before = os.times()

    def stamp(_: ItemResult) -> None:
        stamps.append(time.perf_counter())

    with Store.open(scratch / f"{engine}.db") as store:
        started = time.perf_counter()
        summary = run_batch(
            [folder], StoreSink(store), make_engine(engine, settings, workers), on_result=stamp
        )
        seconds = time.perf_counter() - started
    after = os.times()
    watch.stop.set()
    sampler.join()
    own = after.user - before.user + after.system - before.system
    cpu = own + sum(watch.cpu.values())  # this process and every process it started
    if marker:
        peaks = [kb / 1024 for kb in watch.peaks.values()]
    else:
        peaks = [_status_kb(os.getpid(), "VmHWM") / 1024]
    tenth = len(stamps) // 10
    steady = (len(stamps) - 1 - tenth) / (stamps[-1] - stamps[tenth]) if len(stamps) > 10 else 0.0
    return Figures(engine, workers, summary.done, summary.failed, seconds, steady, peaks, cpu)


def main() -> int:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bodies", nargs="?", type=Path, default=DEFAULT_BODIES)
    parser.add_argument("--limit", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--workers", type=int, default=2, help="pool workers / Ray actors")
    parser.add_argument(
        "--passes", type=int, default=1, help="write each body this many times, retitled"
    )
    parser.add_argument(
        "--engines", default="inline,local,ray", help="comma-separated (default all three)"
    )
    parser.add_argument(
        "--boost",
        type=int,
        default=None,
        metavar="NICE",
        help="on a shared Linux machine, give this benchmark's processes (and Ray's, which "
        "start their own sessions) this autogroup nice value, e.g. -10 (needs root)",
    )
    args = parser.parse_args()
    if not args.bodies.is_file():
        sys.stderr.write(f"bench_batch: {args.bodies}: no such file (give the bodies CSV)\n")
        return 2
    if args.boost is not None:
        set_autogroup_nice(os.getpid(), args.boost)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        scratch = Path(tmp)
        folder = scratch / "articles"
        folder.mkdir()
        chars = write_articles(args.bodies, folder, args.limit, args.passes)
        count = len(list(folder.iterdir()))
        print(
            f"newsaudit {__version__}, Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs visible, {count} articles, {chars:,} characters"
        )
        results = []
        for engine in engines:
            workers = 1 if engine == "inline" else args.workers
            figures = bench(engine, workers, folder, scratch, args.boost)
            results.append(figures)
            print(f"  {engine}: {figures.rate:.2f} articles/s", file=sys.stderr)
    base = next((r for r in results if r.engine == "inline"), None)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| engine | workers | articles/s end to end | steady | speed-up end to end | "
          "speed-up steady | CPU s an article | peak RSS a worker | failed |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        whole = f"{r.rate / base.rate:.2f}x" if base and base.rate else "-"
        speedup = f"{r.steady / base.steady:.2f}x" if base and base.steady else "-"
        peak = f"{max(r.peak_mb):.0f} MB" if r.peak_mb else "-"
        print(
            f"| {r.engine} | {r.workers} | {r.rate:.2f} | {r.steady:.2f} | {whole} | "
            f"{speedup} | {r.cpu_seconds / (r.done + r.failed):.3f} | {peak} | {r.failed} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
