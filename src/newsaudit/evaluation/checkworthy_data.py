"""Check-worthiness benchmark files: CLEF CheckThat! debate TSVs and ClaimBuster sentence CSVs.

CheckThat! (2019 task 1): one file per debate or speech, one sentence a line,
``line <TAB> speaker <TAB> sentence <TAB> 0|1``, in debate order.
ClaimBuster (two-class set): a CSV with at least the columns ``label`` (0/1) and ``text``;
each CSV file is one ranked list.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ._files import BenchmarkError, read_bytes, require_dir

Corpus = Literal["checkthat", "claimbuster"]


@dataclass(frozen=True)
class Sentence:
    """One labelled sentence, with its speaker where the format has one."""

    text: str
    label: int
    speaker: str


@dataclass(frozen=True)
class RankedFile:
    """The sentences of one file (a debate, or a CSV), ranked as one list."""

    name: str
    corpus: Corpus
    sentences: tuple[Sentence, ...]

    @property
    def positives(self) -> int:
        """How many sentences are labelled check-worthy."""
        return sum(s.label for s in self.sentences)


def find_files(folder: Path, root: Path | None = None) -> list[RankedFile]:
    """Every CheckThat! TSV and ClaimBuster CSV under `folder`, sorted; named from `root`."""
    require_dir(folder)
    paths = sorted(p for p in folder.rglob("*") if p.suffix in {".tsv", ".csv"} and p.is_file())
    if not paths:
        raise BenchmarkError(
            f"{folder}: no .tsv (CheckThat!) or .csv (ClaimBuster) files found; "
            "give the benchmark's data folder"
        )
    return [read_file(p, root or folder) for p in paths]


def read_file(path: Path, root: Path | None = None) -> RankedFile:
    """Read one benchmark file, telling the format by its suffix."""
    name = str(path.relative_to(root)) if root is not None else path.name
    raw = read_bytes(path)
    if not raw.strip():
        raise BenchmarkError(f"{path}: file is empty; restore it or remove it from the folder")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BenchmarkError(f"{path}: not UTF-8 text; restore the file") from None
    if path.suffix == ".tsv":
        return RankedFile(name, "checkthat", _checkthat(path, text))
    return RankedFile(name, "claimbuster", _claimbuster(path, text))


def _label(path: Path, line: int, value: str) -> int:
    if value.strip() not in {"0", "1"}:
        raise BenchmarkError(f"{path}:{line}: label {value.strip()!r} is not 0 or 1; fix the line")
    return int(value)


def _checkthat(path: Path, text: str) -> tuple[Sentence, ...]:
    sentences = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise BenchmarkError(
                f"{path}:{number}: expected 4 tab-separated fields "
                f"(line, speaker, sentence, label), found {len(fields)}; fix the line"
            )
        sentences.append(Sentence(fields[2].strip(), _label(path, number, fields[3]), fields[1]))
    return tuple(sentences)


def _claimbuster(path: Path, text: str) -> tuple[Sentence, ...]:
    try:
        return _claimbuster_rows(path, text)
    except csv.Error as exc:
        raise BenchmarkError(f"{path}: not a readable CSV ({exc}); fix the file") from None


def _claimbuster_rows(path: Path, text: str) -> tuple[Sentence, ...]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = {"label", "text"} - set(reader.fieldnames or ())
    if missing:
        raise BenchmarkError(
            f"{path}: missing column(s) {', '.join(sorted(missing))}; "
            "a ClaimBuster CSV needs 'label' and 'text'"
        )
    sentences = []
    for row in reader:
        line = reader.line_num
        if row.get("text") is None or row.get("label") is None:
            raise BenchmarkError(f"{path}:{line}: row has too few fields; fix the line")
        sentences.append(Sentence(row["text"].strip(), _label(path, line, row["label"]), ""))
    if not sentences:
        raise BenchmarkError(f"{path}: has a header but no rows")
    return tuple(sentences)
