"""Load test of `newsaudit serve` on loopback: concurrent clients auditing short articles.

Starts the server in a child process (a fresh store in a temporary folder), runs
`--clients` concurrent clients that POST the team's short test articles to /api/audit
for `--seconds`, and prints latency percentiles, errors, requests per second and the
server's memory (RSS, sampled from /proc). Bounded on purpose: loopback only, at most
50 clients and 120 seconds. Run it by hand; it is not part of the tests.

    .venv/bin/python scripts/bench_web.py --clients 20 --seconds 30
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
MAX_CLIENTS, MAX_SECONDS = 50, 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mib(pid: int) -> float:
    """Resident memory of a process, in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(port: int, db: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    command = [sys.executable, "-m", "newsaudit", "serve", "--port", str(port), "--db", str(db)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"the server exited: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(base + "/api/audits", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start in time")


async def client(
    base: str, texts: list[str], stop_at: float, latencies: list[float], errors: list[str], n: int
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        i = n
        while time.monotonic() < stop_at:
            text = texts[i % len(texts)]
            i += 1
            began = time.perf_counter()
            try:
                response = await http.post("/api/audit", json={"text": text})
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
                continue
            if response.status_code == 201:
                latencies.append(time.perf_counter() - began)
            else:
                errors.append(f"HTTP {response.status_code}")


async def sample_rss(pid: int, stop_at: float, samples: list[float]) -> None:
    while time.monotonic() < stop_at:
        samples.append(rss_mib(pid))
        await asyncio.sleep(0.5)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def run(base: str, pid: int, clients: int, seconds: float) -> dict[str, float | int]:
    texts = [path.read_text("utf-8") for path in ARTICLES]
    # One warm-up audit loads spaCy and the stance model before the clock starts.
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        warm = await http.post("/api/audit", json={"text": texts[0]})
        warm.raise_for_status()
    rss_warm = rss_mib(pid)
    latencies: list[float] = []
    errors: list[str] = []
    samples: list[float] = []
    began = time.monotonic()
    stop_at = began + seconds
    await asyncio.gather(
        sample_rss(pid, stop_at, samples),
        *(client(base, texts, stop_at, latencies, errors, n) for n in range(clients)),
    )
    elapsed = time.monotonic() - began
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "mean": statistics.fmean(latencies),
        "rss_warm": rss_warm,
        "rss_peak": max(samples),
        "rss_end": rss_mib(pid),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    if not 1 <= args.clients <= MAX_CLIENTS or not 1 <= args.seconds <= MAX_SECONDS:
        raise SystemExit(f"keep it bounded: 1-{MAX_CLIENTS} clients, 1-{MAX_SECONDS} seconds")
    port = free_port()
    base = f"http://127.0.0.1:{port}"  # loopback only, by construction
    with tempfile.TemporaryDirectory() as folder:
        server = start_server(port, Path(folder) / "bench.db")
        try:
            wait_ready(base, server)
            result = asyncio.run(run(base, server.pid, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    sizes = [len(p.read_text("utf-8")) for p in ARTICLES]
    print(
        f"newsaudit serve on {base}: {args.clients} clients x {result['seconds']:.0f} s, "
        f"{len(ARTICLES)} short articles ({min(sizes):,}-{max(sizes):,} chars), "
        f"{platform.python_version()}, {os.cpu_count()} CPUs"
    )
    print(
        f"requests {result['requests']}  errors {result['errors']}  "
        f"throughput {result['rps']:.1f} req/s"
    )
    print(
        f"latency s: p50 {result['p50']:.2f}  p95 {result['p95']:.2f}  "
        f"p99 {result['p99']:.2f}  mean {result['mean']:.2f}"
    )
    print(
        f"server RSS MiB: after warm-up {result['rss_warm']:.0f}  "
        f"peak {result['rss_peak']:.0f}  end {result['rss_end']:.0f}"
    )


if __name__ == "__main__":
    main()
