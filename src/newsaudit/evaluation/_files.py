"""Reading benchmark files: one error type, JSON and (optionally gzipped) page bytes."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any

from ..errors import NewsauditError


class BenchmarkError(NewsauditError):
    """A benchmark folder or file is missing, empty or malformed."""


def require_dir(path: Path) -> Path:
    """The folder itself, or an error saying it is missing."""
    if not path.is_dir():
        raise BenchmarkError(f"{path}: no such folder; give the benchmark's data folder")
    return path


def read_json(path: Path) -> Any:
    """Parse a JSON annotation file, refusing empty or malformed ones in one line."""
    data = read_bytes(path)
    if not data.strip():
        raise BenchmarkError(f"{path}: file is empty; restore the benchmark's annotation file")
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BenchmarkError(f"{path}: not valid JSON ({exc}); restore the file") from None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when its name ends in .gz."""
    try:
        data = path.read_bytes()
        return gzip.decompress(data) if path.suffix == ".gz" else data
    except FileNotFoundError:
        raise BenchmarkError(f"{path}: no such file; check the benchmark folder") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise BenchmarkError(f"{path}: cannot be read ({exc}); restore the file") from None


def page_file(folder: Path, name: str) -> Path:
    """The page `name` in `folder`, stored as is or gzipped."""
    plain = folder / name
    zipped = folder / f"{name}.gz"
    if zipped.is_file():
        return zipped
    if plain.is_file():
        return plain
    raise BenchmarkError(f"{plain}: page listed in the annotations is missing; restore it")
