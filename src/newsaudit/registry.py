"""The source registry: organisations, their names, aliases and acronyms, and their domains.

A claim credited to "ISW" or "the Institute for the Study of War" is checked first against
documents published on understandingwar.org; a stored document from www.bbc.co.uk is filed
under the BBC. The registry ships as `data/sources.json`; a user file in the same format
(`--sources FILE` or the NEWSAUDIT_SOURCES variable) adds organisations or replaces
packaged ones with the same name.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast, get_args

from .errors import UsageError
from .store import normal_domain

OrganisationKind = Literal[
    "think_tank",
    "wire_agency",
    "ministry",
    "government_agency",
    "outlet",
    "fact_checker",
    "international_org",
    "research_institute",
]
KINDS: tuple[str, ...] = get_args(OrganisationKind)
FORMAT = "newsaudit.sources/1"
ENV_VARIABLE = "NEWSAUDIT_SOURCES"

# Acronyms that are also everyday words match only when written in capitals ("WHO").
_WORD_ACRONYMS = frozenset({"who", "ons", "aa", "cp", "ria", "ft", "boom"})
_NOT_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Organisation:
    """One organisation: its name, other names, acronyms, web domains and kind."""

    name: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    domains: tuple[str, ...]
    kind: OrganisationKind


def _fold(text: str) -> str:
    """Accents, case and possessives dropped (shared by name and acronym keys)."""
    text = unicodedata.normalize("NFKD", text.strip())
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return _POSSESSIVE.sub("", text)


def name_key(text: str) -> str:
    """A name normalised for lookup: case, accents, punctuation and a leading "the" dropped."""
    words = _NOT_WORD.sub(" ", _fold(text)).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def acronym_key(text: str) -> str:
    """An acronym normalised for lookup: letters and digits only ("U.N." -> "un")."""
    return _NOT_WORD.sub("", _fold(text)).replace("_", "")


class Registry:
    """Organisations found by name, alias, acronym or domain."""

    def __init__(self, organisations: Iterable[Organisation]) -> None:
        self.organisations: tuple[Organisation, ...] = tuple(organisations)
        self._names: dict[str, Organisation] = {}
        self._acronyms: dict[str, Organisation] = {}
        self._domains: dict[str, Organisation] = {}
        # Later entries win, so user organisations (loaded last) replace packaged ones.
        for org in self.organisations:
            for name in (org.name, *org.aliases):
                self._names[name_key(name)] = org
            for acronym in org.acronyms:
                self._acronyms[acronym_key(acronym)] = org
            for domain in org.domains:
                self._domains[domain] = org

    def __len__(self) -> int:
        return len(self.organisations)

    def lookup(self, name_or_acronym: str) -> Organisation | None:
        """The organisation with this name, alias or acronym, or None."""
        found = self._names.get(name_key(name_or_acronym))
        if found is not None:
            return found
        key = acronym_key(name_or_acronym)
        if key in _WORD_ACRONYMS and not any(c.isupper() for c in name_or_acronym):
            return None
        return self._acronyms.get(key)

    def by_domain(self, domain: str) -> Organisation | None:
        """The organisation publishing on `domain` or a parent of it (the most specific)."""
        host = normal_domain(domain)
        while host:
            found = self._domains.get(host)
            if found is not None:
                return found
            host = host.partition(".")[2]
        return None

    def domains_of(self, name: str) -> tuple[str, ...]:
        """The domains of the organisation called `name`, or () when it is not known."""
        org = self.lookup(name)
        return org.domains if org is not None else ()


def load_registry(extra: Path | None = None, environ: Mapping[str, str] | None = None) -> Registry:
    """The packaged registry, with `extra` (or $NEWSAUDIT_SOURCES) merged over it."""
    packaged = resources.files("newsaudit").joinpath("data", "sources.json").read_text("utf-8")
    organisations = list(parse_registry(packaged, "the packaged sources.json"))
    env = os.environ if environ is None else environ
    path = extra or (Path(env[ENV_VARIABLE]) if env.get(ENV_VARIABLE) else None)
    if path is not None:
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(
                f"sources file {path} cannot be read ({exc}); check the path"
            ) from None
        user = list(parse_registry(text, str(path)))
        replaced = {name_key(o.name) for o in user}
        organisations = [o for o in organisations if name_key(o.name) not in replaced] + user
    return Registry(organisations)


def parse_registry(text: str, origin: str) -> list[Organisation]:
    """Organisations from the JSON text of a sources file; any mistake is a UsageError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"sources file {origin} is not valid JSON: {exc}") from None
    entries = data.get("organisations") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise UsageError(f'sources file {origin} needs an "organisations" list (see docs/store.md)')
    return [_organisation(entry, n, origin) for n, entry in enumerate(entries, start=1)]


def _organisation(entry: Any, number: int, origin: str) -> Organisation:
    where = f"sources file {origin}, organisation {number}"
    if not isinstance(entry, dict):
        raise UsageError(f"{where}: must be an object with name, domains and kind")
    unknown = set(entry) - {"name", "aliases", "acronyms", "domains", "kind"}
    if unknown:
        raise UsageError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    name = entry.get("name")
    if not isinstance(name, str) or not name_key(name):
        raise UsageError(f'{where}: "name" must be a non-empty string')
    kind = entry.get("kind", "outlet")
    if kind not in KINDS:
        raise UsageError(f"{where} ({name}): kind {kind!r} is not one of {', '.join(KINDS)}")
    lists = {}
    for field in ("aliases", "acronyms", "domains"):
        value = entry.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise UsageError(f"{where} ({name}): {field!r} must be a list of strings")
        lists[field] = tuple(v.strip() for v in value)
    domains = tuple(dict.fromkeys(normal_domain(d) or "" for d in lists["domains"]))
    if "" in domains:
        raise UsageError(f"{where} ({name}): a domain is not a host name")
    return Organisation(
        name=name.strip(),
        aliases=lists["aliases"],
        acronyms=lists["acronyms"],
        domains=domains,
        kind=cast(OrganisationKind, kind),
    )
