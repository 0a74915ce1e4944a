"""Retrieval benchmarks: recall on Climate-FEVER, and latency over a million passages.

    python scripts/bench_retrieval.py recall ../shared/data/climate-fever/climate-fever-dev.jsonl
    python scripts/bench_retrieval.py scale --passages 1000000 --db /tmp/scale.db

`recall` puts every evidence sentence of the file in a fresh store and, for each claim,
measures recall@k of its SUPPORTS/REFUTES sentences by BM25 alone, by dense embeddings alone
and by the two fused (reciprocal rank fusion), as `newsaudit audit --db` retrieves.

`scale` fills a store with generated passages (words drawn with Zipf frequencies from a
vocabulary of real words, random unit vectors standing in for embeddings, since embedding
a million passages on a CPU takes hours) and times what one claim costs: embedding the
query, BM25 over FTS5, the dense search, fusion and reading the passages back. It also
times loading the dense index as a new `newsaudit audit --db` process does: the first run on
a store trains the inverted lists and keeps them in it, later runs read them back. Run it
with OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from newsaudit.embed import load_embedder
from newsaudit.retrieval import HybridRetriever, fuse
from newsaudit.store import Store
from newsaudit.store.records import NewDocument
from newsaudit.vector_index import IVFIndex


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def recall(path: Path, ks: tuple[int, ...] = (5, 10, 20)) -> None:
    """Recall@k of BM25, dense and fused retrieval on Climate-FEVER claims."""
    claims: list[tuple[str, set[str]]] = []
    sentences: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        item = json.loads(line)
        gold = set()
        for ev in item["evidences"]:
            sentences.setdefault(ev["evidence"], ev["article"])
            if ev["evidence_label"] in {"SUPPORTS", "REFUTES"}:
                gold.add(ev["evidence"])
        if gold:
            claims.append((item["claim"], gold))
    embedder = load_embedder()
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "r.db") as store:
        t0 = time.perf_counter()
        texts = list(sentences)
        for i, text in enumerate(texts):
            store.add_document(
                NewDocument(text=text, origin=f"sentence {i}", title=sentences[text])
            )
        passage_text = {}
        for doc in store.documents(limit=len(texts) + 10):
            for p in store.passages(doc.id):
                passage_text[p.id] = store.document(doc.id).text
        ids = np.array(sorted(passage_text), dtype=np.int64)
        vectors = embedder.embed([passage_text[int(i)] for i in ids], batch_size=64)
        store.put_vectors(ids, vectors, embedder.name)
        built = time.perf_counter() - t0
        retriever = HybridRetriever(store, embedder)
        hits: dict[str, dict[int, list[float]]] = {"bm25": {}, "dense": {}, "fused": {}}
        t1 = time.perf_counter()
        for claim, gold in claims:
            kw = retriever.keyword(claim, 50, None, None)
            dn = retriever.semantic(claim, 50, None, None)
            fused = [r.passage_id for r in fuse(kw, dn)]
            for name, ranking in (("bm25", kw), ("dense", dn), ("fused", fused)):
                for k in ks:
                    found = {passage_text[p] for p in ranking[:k]}
                    hits[name].setdefault(k, []).append(len(found & gold) / len(gold))
        per_claim = (time.perf_counter() - t1) / len(claims)
    print(f"claims with gold evidence  {len(claims)}")
    print(
        f"corpus                     {len(texts)} sentences (built and embedded in {built:.0f} s)"
    )
    print(f"retrieval per claim        {per_claim * 1000:.1f} ms (all three rankings)")
    print("recall        " + "".join(f"   @{k:<5}" for k in ks))
    for name in ("bm25", "dense", "fused"):
        row = "".join(f"  {statistics.fmean(hits[name][k]):.3f} " for k in ks)
        print(f"{name:<12}{row}")


def scale(passages: int, db: Path, queries: int, seed: int) -> None:
    """Build (or reuse) a store of generated passages and time retrieval per claim."""
    rng = np.random.default_rng(seed)
    embedder = load_embedder()
    vocab = _vocabulary()
    weights = 1.0 / np.arange(1, len(vocab) + 1) ** 1.07
    weights /= weights.sum()
    fresh = not db.exists()
    t0 = time.perf_counter()
    with Store.open(db) as store:
        if fresh:
            per_doc = 4

            def documents():  # type: ignore[no-untyped-def]
                for d in range(passages // per_doc):
                    sentences = []
                    for _ in range(per_doc):
                        words = rng.choice(len(vocab), size=int(rng.integers(12, 30)), p=weights)
                        sentence = " ".join(vocab[w] for w in words)
                        sentences.append(sentence[0].upper() + sentence[1:] + ".")
                    yield NewDocument(
                        text="\n\n".join(sentences), origin=f"generated {d}", title=f"doc {d}"
                    )

            store.add_documents(documents())
            ingest = time.perf_counter() - t0
            t1 = time.perf_counter()
            ids, _ = _passage_ids(store)
            for start in range(0, len(ids), 100_000):
                block = ids[start : start + 100_000]
                vectors = rng.normal(size=(len(block), embedder.dim)).astype(np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
                store.put_vectors(block, vectors, embedder.name)
            vectors_s = time.perf_counter() - t1
            print(f"ingest                {ingest:.0f} s for {passages:,} passages (FTS5 included)")
            print(f"vectors written       {vectors_s:.0f} s")
        stats = store.stats()
        print(f"store                 {stats.documents:,} documents, {stats.passages:,} passages")
        print(f"database size         {os.path.getsize(db) / 2**30:.2f} GiB")
        spent = _timed(
            store, ("vectors", "vector_lists", "put_vector_centroids", "put_vector_lists")
        )
        retriever = HybridRetriever(store, embedder)
        t2 = time.perf_counter()
        index = retriever.dense
        load = time.perf_counter() - t2
        print(f"dense index load      {load:.1f} s ({type(index).__name__}), of which")
        print(f"  read vectors        {spent.get('vectors', 0.0):.1f} s")
        if isinstance(index, IVFIndex):
            how = "trained" if "put_vector_centroids" in spent else "reused"
            io = sum(spent.values())
            print(f"  read list numbers   {spent.get('vector_lists', 0.0):.1f} s")
            print(f"  centroids {how:<9} {load - io:.1f} s (k-means and/or assignment, arranging)")
            written = spent.get("put_vector_centroids", 0.0) + spent.get("put_vector_lists", 0.0)
            print(f"  write to the store  {written:.1f} s")
            print(f"lists                 {index.lists:,}, {index.probe} scanned a query")
        claims = [
            " ".join(vocab[w] for w in rng.choice(len(vocab), size=14, p=weights))
            for _ in range(queries)
        ]
        retriever.retrieve(claims[0], 5)  # warm caches
        times = []
        for claim in claims:
            t = time.perf_counter()
            retriever.retrieve(claim, 5)
            times.append(time.perf_counter() - t)
    times.sort()
    print(f"queries               {queries}")
    print(f"latency p50           {times[len(times) // 2] * 1000:.1f} ms")
    print(f"latency p95           {times[int(len(times) * 0.95)] * 1000:.1f} ms")
    print(f"latency max           {times[-1] * 1000:.1f} ms")
    print(f"peak RSS              {_peak_mb():.0f} MB")


def _timed(store: Store, names: tuple[str, ...]) -> dict[str, float]:
    """Wrap some of the store's methods to add up the seconds spent in each."""
    spent: dict[str, float] = {}
    for name in names:
        method = getattr(store, name)

        def timed(*args, _method=method, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return _method(*args, **kwargs)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.perf_counter() - t

        setattr(store, name, timed)
    return spent


def _passage_ids(store: Store) -> tuple[np.ndarray, int]:
    rows = store.conn.execute("SELECT id FROM passages ORDER BY id").fetchall()
    return np.array([r[0] for r in rows], dtype=np.int64), len(rows)


def _vocabulary() -> list[str]:
    """Real English words from FNC-1 bodies when they are beside the project, most common
    first; otherwise a generated vocabulary."""
    import collections
    import csv

    csv.field_size_limit(1 << 30)
    path = Path(__file__).resolve().parents[1].parent / "shared/data/fnc-1/train_bodies.csv"
    if path.exists():
        counts: collections.Counter[str] = collections.Counter()
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                counts.update(w.lower() for w in row["articleBody"].split() if w.isalpha())
        return [w for w, _ in counts.most_common(50_000)]
    rng = np.random.default_rng(0)
    letters = list("abcdefghijklmnopqrstuvwxyz")
    return ["".join(rng.choice(letters, size=int(rng.integers(3, 10)))) for _ in range(50_000)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("recall")
    r.add_argument("file", type=Path)
    s = sub.add_parser("scale")
    s.add_argument("--passages", type=int, default=1_000_000)
    s.add_argument("--db", type=Path, required=True)
    s.add_argument("--queries", type=int, default=200)
    s.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if args.mode == "recall":
        recall(args.file)
    else:
        scale(args.passages, args.db, args.queries, args.seed)


if __name__ == "__main__":
    main()
