"""Settings: declared once, documented, and loaded defaults -> file -> environment -> options."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from newsaudit.errors import UsageError
from newsaudit.settings import SETTINGS, Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "settings.md"


def test_settings_fields_match_declarations() -> None:
    fields = {f.name: f.default for f in dataclasses.fields(Settings)}
    declared = {s.name: s.default for s in SETTINGS}
    assert fields == declared
    assert all(s.help.strip() for s in SETTINGS)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented(setting: object) -> None:
    text = DOC.read_text("utf-8")
    name = setting.name  # type: ignore[attr-defined]
    assert re.search(rf"^##+ `{name}`", text, re.MULTILINE), (
        f"docs/settings.md lacks a `{name}` heading"
    )
    assert f"NEWSAUDIT_{name.upper()}" in text


def test_documented_settings_all_exist() -> None:
    documented = set(re.findall(r"^##+ `(\w+)`", DOC.read_text("utf-8"), re.MULTILINE))
    assert documented == {s.name for s in SETTINGS}


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    settings = load_settings(environ={}, config_path=tmp_path / "none.toml")
    assert settings == Settings()


def test_file_then_environment_then_overrides(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("fetch_timeout = 3.5\nmax_redirects = 2\nallow_private = true\n")
    env = {"NEWSAUDIT_FETCH_TIMEOUT": "7", "NEWSAUDIT_MAX_INPUT_BYTES": "1234"}
    from_file = load_settings(environ={}, config_path=config)
    assert (from_file.fetch_timeout, from_file.max_redirects, from_file.allow_private) == (
        3.5,
        2,
        True,
    )
    from_env = load_settings(environ=env, config_path=config)
    assert from_env.fetch_timeout == 7.0
    assert from_env.max_redirects == 2
    assert from_env.max_input_bytes == 1234
    overridden = load_settings({"fetch_timeout": 1.0, "max_redirects": None}, env, config)
    assert overridden.fetch_timeout == 1.0
    assert overridden.max_redirects == 2


def test_config_file_named_by_environment(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text("max_redirects = 9\n")
    settings = load_settings(environ={"NEWSAUDIT_CONFIG": str(config)})
    assert settings.max_redirects == 9


@pytest.mark.parametrize(
    ("env", "file_text"),
    [
        ({"NEWSAUDIT_FETCH_TIMEOUT": "soon"}, ""),
        ({"NEWSAUDIT_ALLOW_PRIVATE": "perhaps"}, ""),
        ({"NEWSAUDIT_MAX_INPUT_BYTES": "1.5e3x"}, ""),
        ({}, "no_such_setting = 1\n"),
        ({}, "max_redirects = [1, 2]\n"),
        ({}, "this is not toml"),
    ],
)
def test_bad_values_are_usage_errors(tmp_path: Path, env: dict[str, str], file_text: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(file_text)
    with pytest.raises(UsageError):
        load_settings(environ=env, config_path=config)


def test_bad_override_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        load_settings({"no_such_setting": 1}, environ={})
