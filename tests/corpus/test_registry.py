"""The source registry: names, aliases and acronyms to organisations and their domains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.errors import UsageError
from newsaudit.registry import KINDS, load_registry


def test_isw_by_acronym_name_and_domain() -> None:
    registry = load_registry()
    isw = registry.lookup("ISW")
    assert isw is not None
    assert isw.name == "Institute for the Study of War"
    assert isw.domains == ("understandingwar.org",)
    assert isw.kind == "think_tank"
    for spelling in (
        "the Institute for the Study of War",
        "institute for the study of war",
        "ISW's",
        "I.S.W.",
        "  Institute  for the Study of War. ",
    ):
        assert registry.lookup(spelling) == isw, spelling
    assert registry.by_domain("www.understandingwar.org") == isw
    assert registry.by_domain("https://www.understandingwar.org/backgrounder/x") == isw
    assert registry.domains_of("ISW") == ("understandingwar.org",)


def test_the_packaged_registry_is_broad_and_consistent() -> None:
    registry = load_registry()
    assert len(registry) >= 60
    kinds = {org.kind for org in registry.organisations}
    assert (
        {
            "think_tank",
            "wire_agency",
            "ministry",
            "outlet",
            "fact_checker",
            "international_org",
            "research_institute",
        }
        <= kinds
        <= set(KINDS)
    )
    domains = [d for org in registry.organisations for d in org.domains]
    assert len(domains) == len(set(domains))
    for org in registry.organisations:
        assert registry.lookup(org.name) == org
        for domain in org.domains:
            assert registry.by_domain(domain) == org


def test_the_most_specific_domain_wins() -> None:
    registry = load_registry()
    afp, check = registry.lookup("AFP"), registry.lookup("AFP Fact Check")
    assert afp is not None and check is not None and afp != check
    assert registry.by_domain("factcheck.afp.com") == check
    assert registry.by_domain("www.afp.com") == afp
    assert registry.by_domain("news.bbc.co.uk") == registry.lookup("BBC")
    assert registry.by_domain("example.com") is None
    assert registry.by_domain("") is None


def test_word_acronyms_need_capitals() -> None:
    registry = load_registry()
    who = registry.lookup("WHO")
    assert who is not None and who.domains == ("who.int",)
    assert registry.lookup("who") is None
    assert registry.lookup("World Health Organisation") == who
    assert registry.lookup("Nobody In Particular") is None
    assert registry.domains_of("Nobody In Particular") == ()


def test_a_user_file_adds_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "organisations": [
                    {
                        "name": "Harbour Research Institute",
                        "acronyms": ["HRI"],
                        "domains": ["www.harbour-research.example"],
                        "kind": "research_institute",
                    },
                    {"name": "Reuters", "domains": ["reuters.example"], "kind": "wire_agency"},
                ]
            }
        ),
        "utf-8",
    )
    registry = load_registry(path)
    hri = registry.lookup("HRI")
    assert hri is not None and hri.domains == ("harbour-research.example",)
    assert registry.domains_of("Reuters") == ("reuters.example",)
    assert registry.by_domain("reuters.com") is None
    assert len(registry) == len(load_registry()) + 1
    by_env = load_registry(environ={"NEWSAUDIT_SOURCES": str(path)})
    assert by_env.lookup("HRI") == hri


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"orgs": []}', "organisations"),
        ('{"organisations": [{"domains": ["a.example"]}]}', "name"),
        ('{"organisations": [{"name": "X", "kind": "club"}]}', "kind 'club'"),
        ('{"organisations": [{"name": "X", "domains": "x.example"}]}', "list of strings"),
        ('{"organisations": [{"name": "X", "colour": "red"}]}', "unknown field"),
    ],
)
def test_a_bad_user_file_is_a_usage_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(UsageError, match=message):
        load_registry(path)
    with pytest.raises(UsageError, match="cannot be read"):
        load_registry(tmp_path / "missing.json")
