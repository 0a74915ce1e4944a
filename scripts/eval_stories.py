"""Story clustering against FNC-1: do articles land in one story when they report one claim?

FNC-1 pairs headlines with article bodies; a body that agrees with, disagrees with or
discusses a headline is about that headline's claim. Two bodies related to the same
headline are taken as one event (a gold pair); the stories built over the audited bodies
give the predicted pairs (two bodies in one story). Prints pair precision, recall and F1
for several claim-similarity thresholds, and the copies found.

The bodies are audited once into a store (kept with --db, so threshold runs can reuse it):

    .venv/bin/python scripts/eval_stories.py [--limit 400] [--db /tmp/fnc-stories.db]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from newsaudit import load_settings
from newsaudit.batch.engine import make_engine, run_batch
from newsaudit.batch.ledger import StoreSink
from newsaudit.store import Store
from newsaudit.stories import StoryOptions, build_stories, load_articles

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/fnc-1"
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.4)


def write_bodies(folder: Path, limit: int) -> list[str]:
    """The first `limit` bodies of 200+ characters as text files; returns their Body IDs."""
    csv.field_size_limit(sys.maxsize)
    ids: list[str] = []
    with (DATA / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            body = row["articleBody"].strip()
            if len(body) < 200:
                continue
            first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0]
            title = " ".join(first.split()[:12]).rstrip(".")
            (folder / f"{row['Body ID']}.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
            ids.append(row["Body ID"])
            if len(ids) == limit:
                break
    return ids


def gold_pairs(ids: set[str]) -> set[tuple[str, str]]:
    """Body pairs related to at least one common headline."""
    by_headline: dict[str, set[str]] = defaultdict(set)
    with (DATA / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Stance"] != "unrelated" and row["Body ID"] in ids:
                by_headline[row["Headline"]].add(row["Body ID"])
    pairs: set[tuple[str, str]] = set()
    for bodies in by_headline.values():
        pairs.update(combinations(sorted(bodies), 2))
    return pairs


def main() -> int:
    """Audit (once), cluster at each threshold, print the pair scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--db", type=Path, default=None, help="keep the audited store here")
    args = parser.parse_args()
    if not (DATA / "train_bodies.csv").is_file():
        sys.stderr.write(f"eval_stories: {DATA}: FNC-1 is not there\n")
        return 2
    with tempfile.TemporaryDirectory(prefix="eval-stories-") as tmp:
        folder = Path(tmp)
        ids = write_bodies(folder, args.limit)
        db = args.db or folder / "stories.db"
        with Store.open(db) as store:
            engine = make_engine("inline", load_settings(), 1)
            run_batch(sorted(folder.glob("*.txt")), StoreSink(store), engine)
            articles = load_articles(store)
            names = dict(store.conn.execute("SELECT id, source FROM audits").fetchall())
    body_of = {a.audit_id: Path(names[a.audit_id]).stem for a in articles}
    gold = gold_pairs(set(ids))
    print(f"{len(articles)} bodies audited, {len(gold)} gold pairs (same FNC-1 headline)")
    print("| claim similarity at least | stories | pairs | precision | recall | F1 | copies |")
    print("|---|---|---|---|---|---|---|")
    for threshold in THRESHOLDS:
        stories = build_stories(articles, StoryOptions(same_event=threshold))
        predicted: set[tuple[str, str]] = set()
        for story in stories:
            bodies = sorted(body_of[m.audit_id] for m in story.members)
            predicted.update(combinations(bodies, 2))
        hits = len(predicted & gold)
        precision = hits / len(predicted) if predicted else 0.0
        recall = hits / len(gold) if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        copies = sum(len(s.copies) for s in stories)
        print(
            f"| {threshold} | {len(stories)} | {len(predicted)} | {precision:.3f} | "
            f"{recall:.3f} | {f1:.3f} | {copies} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
