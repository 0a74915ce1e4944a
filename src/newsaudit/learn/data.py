"""Read FNC-1-format headline–body stance files (bodies CSV + stances CSV), validated.

A bodies file has columns ``Body ID`` and ``articleBody``; a stances file has ``Headline``,
``Body ID`` and, when labelled, ``Stance`` (one of agree, disagree, discuss, unrelated).
Every problem is reported as one `DataError` line naming the file, row and what to fix.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import NewsauditError, UsageError
from ..model import Stance

LABELS: tuple[Stance, ...] = ("agree", "disagree", "discuss", "unrelated")
_LABEL_OF: dict[str, Stance] = {label: label for label in LABELS}
BODY_COLUMNS = ("Body ID", "articleBody")
STANCE_COLUMNS = ("Headline", "Body ID", "Stance")


class DataError(NewsauditError):
    """A stance data file is missing, empty or malformed."""


@dataclass(frozen=True)
class Pair:
    """One headline–body pair, with its gold stance."""

    headline: str
    body_id: str
    stance: Stance


@dataclass(frozen=True)
class StanceData:
    """Bodies by id and the labelled pairs that refer to them."""

    bodies: dict[str, str]
    pairs: tuple[Pair, ...]

    def subset(self, body_ids: Iterable[str]) -> StanceData:
        """The pairs (and bodies) whose body id is in `body_ids`."""
        keep = set(body_ids)
        pairs = tuple(p for p in self.pairs if p.body_id in keep)
        bodies = {k: v for k, v in self.bodies.items() if k in keep}
        return StanceData(bodies=bodies, pairs=pairs)

    def merged(self, other: StanceData, prefix: str) -> StanceData:
        """This data plus `other`, whose body ids get `prefix` so the two never collide."""
        bodies = dict(self.bodies)
        bodies.update({prefix + k: v for k, v in other.bodies.items()})
        moved = (Pair(p.headline, prefix + p.body_id, p.stance) for p in other.pairs)
        return StanceData(bodies=bodies, pairs=self.pairs + tuple(moved))


def _rows(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise DataError(f"{path}: no such file; pass an FNC-1-format CSV")
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames
            if not header:
                raise DataError(f"{path}: file is empty; expected a header {', '.join(required)}")
            missing = [c for c in required if c not in header]
            if missing:
                raise DataError(
                    f"{path}: missing column(s) {', '.join(missing)}; found {', '.join(header)}"
                )
            rows = list(reader)
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text ({exc.reason}); re-encode it as UTF-8") from None
    except csv.Error as exc:
        raise DataError(f"{path}: not a readable CSV file ({exc})") from None
    if not rows:
        raise DataError(f"{path}: has a header but no rows")
    return rows


def read_bodies(path: Path) -> dict[str, str]:
    """Body ID -> article body from an FNC-1 bodies CSV."""
    bodies: dict[str, str] = {}
    for line, row in enumerate(_rows(path, BODY_COLUMNS), start=2):
        body_id = (row.get("Body ID") or "").strip()
        if not body_id:
            raise DataError(f"{path}:{line}: empty Body ID")
        if body_id in bodies:
            raise DataError(f"{path}:{line}: Body ID {body_id} appears twice")
        bodies[body_id] = row.get("articleBody") or ""
    return bodies


def read_stances(path: Path, bodies: dict[str, str]) -> tuple[Pair, ...]:
    """Labelled pairs from an FNC-1 stances CSV, checked against the bodies."""
    pairs: list[Pair] = []
    for line, row in enumerate(_rows(path, STANCE_COLUMNS), start=2):
        body_id = (row.get("Body ID") or "").strip()
        if body_id not in bodies:
            raise DataError(f"{path}:{line}: Body ID {body_id!r} has no body in the bodies file")
        label = (row.get("Stance") or "").strip().lower()
        if label not in _LABEL_OF:
            raise DataError(
                f"{path}:{line}: unknown stance {row.get('Stance')!r}; "
                f"expected one of {', '.join(LABELS)}"
            )
        headline = row.get("Headline") or ""
        if not headline.strip():
            raise DataError(f"{path}:{line}: empty Headline")
        pairs.append(Pair(headline=headline, body_id=body_id, stance=_LABEL_OF[label]))
    return tuple(pairs)


def read_stance_data(bodies: Path, stances: Path) -> StanceData:
    """Read and validate a bodies CSV and a labelled stances CSV."""
    body_map = read_bodies(bodies)
    return StanceData(bodies=body_map, pairs=read_stances(stances, body_map))


def resolve_files(
    data_dir: Path | None, bodies: Path | None, stances: Path | None
) -> tuple[Path, Path]:
    """The bodies and stances files from a data folder and/or explicit paths."""
    if bodies is None or stances is None:
        if data_dir is None:
            raise UsageError("give --data DIR, or both --bodies and --stances")
        if not data_dir.is_dir():
            raise DataError(f"{data_dir}: not a folder; --data needs train_bodies.csv inside")
        bodies = bodies or data_dir / "train_bodies.csv"
        stances = stances or data_dir / "train_stances.csv"
    return bodies, stances


def read_ids(path: Path) -> list[str]:
    """Body ids, one a line (the official split files)."""
    if not path.is_file():
        raise DataError(f"{path}: no such split file")
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
