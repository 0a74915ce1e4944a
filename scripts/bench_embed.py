"""Sentence embedder and entailment model speed on CPU: sentences/s and pairs/s.

Short texts are about 22 tokens, passages about 120. Each configuration runs in a child
process with OPENBLAS_NUM_THREADS set, since BLAS reads it once at start-up.

    .venv/bin/python scripts/bench_embed.py [--threads 1,2] [--n 256]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

SHORT = (
    "Officials said on Monday that about 12,000 troops had been moved to the eastern border region."
)
PASSAGE = (
    "The institute's daily assessment said the offensive had stalled along most of the front. "
    "It cited satellite imagery, statements from regional officials and social media footage. "
    "Analysts noted that reinforcements from two brigades had arrived at the end of the week, "
    "but that shortages of artillery ammunition limited any advance beyond the river crossing. "
    "The ministry disputed the figures and said that its own estimates were considerably lower. "
    "Independent monitors, who visited three of the towns on Thursday, counted fewer vehicles "
    "than either side had claimed, and said that fighting had moved north of the main road."
)


def child(n: int) -> dict[str, float]:
    from newsaudit.embed import load_embedder
    from newsaudit.verify.model import load_entailer

    embedder = load_embedder()
    out: dict[str, float] = {}
    for name, text in (("short", SHORT), ("passage", PASSAGE)):
        # Distinct texts, so nothing is deduplicated along the way.
        texts = [f"{i} {text}" for i in range(n)]
        embedder.embed(texts[:8])
        started = time.perf_counter()
        embedder.embed(texts)
        out[f"{name}_per_second"] = n / (time.perf_counter() - started)
        out[f"{name}_tokens"] = sum(map(len, embedder.tokenize(texts))) / n
    entailer = load_entailer()
    pairs = [(f"{i} {SHORT}", f"{i} {PASSAGE}") for i in range(n)]
    entailer.judge(pairs[:8])
    started = time.perf_counter()
    entailer.judge(pairs)
    out["pairs_per_second"] = n / (time.perf_counter() - started)
    return out


def main() -> None:
    """Run each thread count in a child process and print one JSON line per run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--n", type=int, default=256)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.n)))
        return
    for threads in args.threads.split(","):
        env = dict(os.environ, OPENBLAS_NUM_THREADS=threads, OMP_NUM_THREADS=threads)
        result = subprocess.run(
            [sys.executable, __file__, "--child", "--n", str(args.n)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(result.stdout)
        print(json.dumps({"threads": int(threads), **{k: round(v, 1) for k, v in figures.items()}}))


if __name__ == "__main__":
    main()
