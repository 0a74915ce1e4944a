"""Readers for the claim-verification sets the entailment model learns from and is scored on.

- Climate-FEVER (JSONL): a claim with evidence sentences, each labelled SUPPORTS /
  REFUTES / NOT_ENOUGH_INFO; every sentence is one item.
- COVID-Fact (JSONL): a claim labelled SUPPORTED / REFUTED with its evidence sentences;
  the claim with all its sentences is one item.
- AVeriTeC (one JSON list): claims with question–answer evidence; the questions and
  answers, joined, are the evidence (conflicting claims are left out: no pair label).

Each reader gives `Item`s; bad input raises `DataError` naming the file and line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import IngestError

Label = Literal["supports", "refutes", "neutral"]
LABELS: tuple[Label, ...] = ("supports", "refutes", "neutral")
Format = Literal["climate-fever", "covidfact", "averitec"]
FORMATS: tuple[Format, ...] = ("climate-fever", "covidfact", "averitec")

CLIMATE_LABELS: dict[str, Label] = {
    "SUPPORTS": "supports",
    "REFUTES": "refutes",
    "NOT_ENOUGH_INFO": "neutral",
}
COVID_LABELS: dict[str, Label] = {"SUPPORTED": "supports", "REFUTED": "refutes"}
AVERITEC_LABELS: dict[str, Label | None] = {
    "Supported": "supports",
    "Refuted": "refutes",
    "Not Enough Evidence": "neutral",
    "Conflicting Evidence/Cherrypicking": None,
}


class DataError(IngestError):
    """A labelled data file is missing, empty or malformed."""


@dataclass(frozen=True)
class Item:
    """One labelled claim with its evidence sentences; `group` keeps related claims together."""

    claim: str
    evidence: tuple[str, ...]
    label: Label
    group: str


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if not path.is_file():
        raise DataError(f"{path}: no such file; give a JSONL file in the chosen format")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text; give a JSONL file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror})") from None
    seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}, line {number}: malformed JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise DataError(f"{path}, line {number}: expected a JSON object")
        seen = True
        yield number, record
    if not seen:
        raise DataError(f"{path}: empty; it holds no JSON lines")


def _text(record: dict[str, Any], key: str, where: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: field {key!r} missing or not a non-empty string")
    return value.strip()


def _label(raw: Any, table: dict[str, Label], where: str) -> Label:
    if not isinstance(raw, str) or raw not in table:
        known = ", ".join(table)
        raise DataError(f"{where}: unknown label {raw!r} (expected one of {known})")
    return table[raw]


def read_climate_fever(path: Path) -> list[Item]:
    """Climate-FEVER claim–evidence pairs, one item per evidence sentence."""
    items: list[Item] = []
    for number, record in _lines(path):
        where = f"{path}, line {number}"
        claim = _text(record, "claim", where)
        group = str(record.get("claim_id", number))
        evidences = record.get("evidences")
        if not isinstance(evidences, list) or not evidences:
            raise DataError(f"{where}: field 'evidences' missing or empty")
        for evidence in evidences:
            if not isinstance(evidence, dict):
                raise DataError(f"{where}: each evidence must be a JSON object")
            label = _label(evidence.get("evidence_label"), CLIMATE_LABELS, where)
            items.append(Item(claim, (_text(evidence, "evidence", where),), label, group))
    return items


def read_covidfact(path: Path) -> list[Item]:
    """COVID-Fact claims, each with its evidence sentences (one item per claim)."""
    items: list[Item] = []
    for number, record in _lines(path):
        where = f"{path}, line {number}"
        claim = _text(record, "claim", where)
        label = _label(record.get("label"), COVID_LABELS, where)
        evidence = record.get("evidence")
        if (
            not isinstance(evidence, list)
            or not evidence
            or not all(isinstance(s, str) and s.strip() for s in evidence)
        ):
            raise DataError(f"{where}: field 'evidence' must be a non-empty list of sentences")
        group = str(record.get("gold_source") or claim)
        items.append(Item(claim, tuple(s.strip() for s in evidence), label, group))
    return items


def _qa_text(question: dict[str, Any]) -> str:
    parts = [str(question.get("question", "")).strip()]
    for answer in question.get("answers") or []:
        if isinstance(answer, dict):
            parts.append(str(answer.get("answer", "")).strip())
            parts.append(str(answer.get("boolean_explanation", "")).strip())
    return " ".join(p for p in parts if p)


def read_averitec(path: Path) -> list[Item]:
    """AVeriTeC claims with their question–answer evidence joined into one passage."""
    if not path.is_file():
        raise DataError(f"{path}: no such file; give AVeriTeC's train.json")
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(f"{path}: not a readable JSON list ({exc})") from None
    if not isinstance(records, list) or not records:
        raise DataError(f"{path}: expected a non-empty JSON list of claims")
    items: list[Item] = []
    for number, record in enumerate(records):
        where = f"{path}, claim {number}"
        if not isinstance(record, dict):
            raise DataError(f"{where}: expected a JSON object")
        label = _label(record.get("label"), AVERITEC_LABELS, where)  # type: ignore[arg-type]
        if label is None:
            continue
        questions = [q for q in record.get("questions") or [] if isinstance(q, dict)]
        evidence = " ".join(_qa_text(q) for q in questions).strip()
        claim = record.get("claim")
        # A handful of AVeriTeC records lack a claim or any answer: nothing to learn from.
        if evidence and isinstance(claim, str) and claim.strip():
            items.append(Item(claim.strip(), (evidence,), label, f"av{number}"))
    return items


READERS: dict[Format, Callable[[Path], list[Item]]] = {
    "climate-fever": read_climate_fever,
    "covidfact": read_covidfact,
    "averitec": read_averitec,
}

# Where each set lives under the shared data folder.
DATA_FILES: dict[Format, str] = {
    "climate-fever": "climate-fever/climate-fever-dev.jsonl",
    "covidfact": "covidfact/covidfact-dev.jsonl",
    "averitec": "averitec/train.json",
}


def read_items(path: Path, fmt: Format) -> list[Item]:
    """Items of a file in one of `FORMATS`."""
    return READERS[fmt](path)


def dev_split(
    items: Sequence[Item], seed: int, share: float = 0.25
) -> tuple[list[Item], list[Item]]:
    """(train, dev): whole groups go to dev by a seeded hash, so related claims never straddle."""

    def to_dev(group: str) -> bool:
        digest = hashlib.sha256(f"{seed}:{group}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < share

    train = [i for i in items if not to_dev(i.group)]
    dev = [i for i in items if to_dev(i.group)]
    return train, dev
