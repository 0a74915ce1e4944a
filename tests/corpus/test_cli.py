"""`newsaudit corpus add|ls|show|rm|stats` and `newsaudit search`, run through `main`."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from cli.conftest import assert_one_line_error

from newsaudit.store.migrations import LATEST, MIGRATIONS_TABLE

from .conftest import PARAGRAPHS, RunMain, article_html

SEED_CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "seed_sources.jsonl"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder with an HTML page, a text article and a JSONL file with one bad line."""
    folder = tmp_path / "inputs"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "ferry.html").write_bytes(article_html("Ferry crossings rise"))
    (folder / "pier.txt").write_text("Pier delayed\n\n" + "\n\n".join(PARAGRAPHS[1:]), "utf-8")
    rows = [
        {
            "url": "https://www.understandingwar.org/a",
            "date": "2024-11-02",
            "title": "ISW piece",
            "text": "The institute counted 100,000 troops near the border in its assessment.",
        },
        "{broken",
        {"url": "https://wire.example/b", "title": "Wire", "text": "A wire story on the port."},
    ]
    (folder / "docs.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", "utf-8"
    )
    return folder


def _json(result: object) -> object:
    return json.loads(result.stdout)  # type: ignore[attr-defined]


def test_add_list_show_remove_and_count(run_main: RunMain, inputs: Path, db: str) -> None:
    added = run_main("corpus", "add", str(inputs), "--db", db)
    assert added.code == 0, added
    assert added.stdout.startswith("added 4, duplicates 0, failed 1")
    assert added.stderr.strip() == (
        f"newsaudit: failed: {inputs / 'docs.jsonl'} line 2: not valid JSON "
        "(Expecting property name enclosed in double quotes at column 2)"
    )
    again = run_main("corpus", "add", str(inputs), "--db", db, "--json")
    assert again.code == 0
    summary = _json(again)
    assert summary["added"] == 0 and summary["duplicates"] == 4
    assert summary["failed"][0]["origin"].endswith("docs.jsonl line 2")

    listed = _json(run_main("corpus", "ls", "--db", db, "--json"))
    assert sorted(d["title"] for d in listed) == [
        "Ferry crossings rise",
        "ISW piece",
        "Pier delayed",
        "Wire",
    ]
    isw = _json(run_main("corpus", "ls", "--db", db, "--source", "ISW", "--json"))
    assert [d["title"] for d in isw] == ["ISW piece"]
    assert [d["source"] for d in isw] == ["Institute for the Study of War"]
    by_domain = _json(run_main("corpus", "ls", "--db", db, "--domain", "wire.example", "--json"))
    assert [d["title"] for d in by_domain] == ["Wire"]
    plain = run_main("corpus", "ls", "--db", db, "--limit", "2")
    assert plain.code == 0 and len(plain.stdout.splitlines()) == 2

    doc_id = isw[0]["id"]
    shown = run_main("corpus", "show", str(doc_id), "--db", db)
    assert shown.code == 0 and "100,000 troops" in shown.stdout
    assert "source:    Institute for the Study of War" in shown.stdout
    full = _json(run_main("corpus", "show", str(doc_id), "--db", db, "--json"))
    assert full["published"] == "2024-11-02"
    for passage in full["passages"]:
        assert full["text"][passage["start"] : passage["end"]].strip()

    stats = _json(run_main("corpus", "stats", "--db", db, "--json"))
    assert stats["documents"] == 4 and stats["passages"] >= 4
    assert stats["schema_version"] == LATEST
    assert {"value": "understandingwar.org", "documents": 1} in stats["domains"]
    assert run_main("corpus", "stats", "--db", db).stdout.startswith("store:")

    removed = run_main("corpus", "rm", str(doc_id), "--db", db)
    assert removed.code == 0 and f"{doc_id}" in removed.stdout
    assert _json(run_main("corpus", "stats", "--db", db, "--json"))["documents"] == 3
    assert_one_line_error(run_main("corpus", "show", str(doc_id), "--db", db))


def test_rm_checks_every_id_before_removing_any(run_main: RunMain, inputs: Path, db: str) -> None:
    assert run_main("corpus", "add", str(inputs / "pier.txt"), "--db", db).code == 0
    result = run_main("corpus", "rm", "1", "999", "--db", db)
    assert_one_line_error(result)
    assert "no document 999" in result.stderr
    assert _json(run_main("corpus", "stats", "--db", db, "--json"))["documents"] == 1


def test_search_prints_passages_with_offsets(run_main: RunMain, db: str) -> None:
    assert run_main("corpus", "add", str(SEED_CORPUS), "--db", db).code == 0
    result = run_main("search", "North Korean troops 100,000", "--db", db, "-k", "3", "--json")
    assert result.code == 0, result
    hits = _json(result)["hits"]
    assert 0 < len(hits) <= 3
    assert "100,000" in hits[0]["text"]
    for hit in hits:
        doc = _json(run_main("corpus", "show", str(hit["document_id"]), "--db", db, "--json"))
        assert doc["text"][hit["start"] : hit["end"]] == hit["text"]
    only = _json(
        run_main("search", "troops", "--db", db, "--domain", "understandingwar.org", "--json")
    )["hits"]
    assert only and {h["domain"] for h in only} == {"understandingwar.org"}
    text = run_main("search", "troops", "--db", db, "-k", "1")
    assert text.code == 0 and text.stdout.startswith("1. ") and "characters" in text.stdout


@pytest.mark.parametrize("query", ['"troops', "(NEAR*", "-troops*", "troops AND (", "col:umn ^x"])
def test_search_takes_any_punctuation(run_main: RunMain, db: str, query: str) -> None:
    assert run_main("corpus", "add", str(SEED_CORPUS), "--db", db).code == 0
    result = run_main("search", "--db", db, "--", query)  # "--": a query may start with "-"
    assert result.code == 0, result


def test_a_query_without_words_is_a_usage_error(run_main: RunMain, db: str) -> None:
    assert run_main("corpus", "add", str(SEED_CORPUS), "--db", db).code == 0
    assert_one_line_error(run_main("search", "?!", "--db", db), code=2)


def test_the_db_setting_is_used_without_db(
    run_main: RunMain, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("NEWSAUDIT_DB", str(path))
    assert run_main("corpus", "add", str(SEED_CORPUS)).code == 0
    assert path.is_file()
    assert _json(run_main("corpus", "stats", "--json"))["path"] == str(path)


def test_a_feed_that_is_not_xml_is_a_one_line_error(
    run_main: RunMain, tmp_path: Path, db: str
) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text("this is not xml {", "utf-8")
    result = run_main("corpus", "add", str(feed), "--db", db)
    assert_one_line_error(result)
    assert "not an RSS or Atom feed" in result.stderr


def test_a_corrupt_database_is_a_one_line_error_and_left_alone(
    run_main: RunMain, tmp_path: Path
) -> None:
    path = tmp_path / "notes.db"
    data = os.urandom(8192)
    path.write_bytes(data)
    for argv in (("corpus", "add", str(SEED_CORPUS)), ("corpus", "ls"), ("search", "troops")):
        result = run_main(*argv, "--db", str(path))
        assert_one_line_error(result)
        assert "is not a newsaudit database" in result.stderr
    assert path.read_bytes() == data


def test_a_newer_database_is_refused_untouched(run_main: RunMain, db: str) -> None:
    assert run_main("corpus", "add", str(SEED_CORPUS), "--db", db).code == 0
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} VALUES (?, 'future', 'x')", (LATEST + 1,))
    conn.close()
    before = Path(db).read_bytes()
    result = run_main("corpus", "stats", "--db", db)
    assert_one_line_error(result)
    assert "newer newsaudit" in result.stderr
    assert Path(db).read_bytes() == before


def test_reading_commands_do_not_create_a_store(run_main: RunMain, tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    for argv in (
        ("corpus", "ls"),
        ("corpus", "stats"),
        ("search", "troops"),
        ("corpus", "show", "1"),
    ):
        result = run_main(*argv, "--db", str(path))
        assert_one_line_error(result)
        assert "corpus add" in result.stderr
    assert not path.exists()


def test_bad_ids_and_options_are_usage_errors(run_main: RunMain, db: str) -> None:
    assert_one_line_error(run_main("corpus", "show", "first", "--db", db), code=2)
    assert_one_line_error(run_main("search", "x", "-k", "0", "--db", db), code=2)
    assert_one_line_error(run_main("corpus", "add", "--db", db), code=2)


@pytest.mark.parametrize(
    "argv",
    [
        ("corpus",),
        ("corpus", "add"),
        ("corpus", "ls"),
        ("corpus", "show"),
        ("corpus", "rm"),
        ("corpus", "stats"),
        ("search",),
    ],
)
def test_every_command_has_help(run_main: RunMain, argv: tuple[str, ...]) -> None:
    result = run_main(*argv, "--help")
    assert result.code == 0 and "Usage:" in result.stdout


def test_search_before_a_date(run_main: RunMain, db: str) -> None:
    assert run_main("corpus", "add", str(SEED_CORPUS), "--db", db).code == 0
    hits = _json(run_main("search", "troops", "--db", db, "--before", "2024-11-03", "--json"))
    dates = {h["published"] for h in hits["hits"]}
    assert dates and all(d <= "2024-11-03" for d in dates)
    assert_one_line_error(run_main("search", "troops", "--db", db, "--before", "soon"), code=2)


def test_source_option_and_a_user_registry(run_main: RunMain, tmp_path: Path, db: str) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text(
        json.dumps({"url": "https://harbour-research.example/r1", "text": "Crossings rose."})
        + "\n"
        + json.dumps({"url": "https://elsewhere.example/r2", "text": "Pier delayed."})
        + "\n",
        "utf-8",
    )
    mine = tmp_path / "mine.json"
    mine.write_text(
        json.dumps(
            {
                "organisations": [
                    {
                        "name": "Harbour Research Institute",
                        "acronyms": ["HRI"],
                        "domains": ["harbour-research.example"],
                        "kind": "research_institute",
                    }
                ]
            }
        ),
        "utf-8",
    )
    assert run_main("corpus", "add", str(notes), "--db", db, "--sources", str(mine)).code == 0
    docs = _json(run_main("corpus", "ls", "--db", db, "--json"))
    assert [d["source"] for d in docs] == ["Harbour Research Institute", None]
    forced = tmp_path / "forced.jsonl"
    forced.write_text(json.dumps({"text": "Another note."}) + "\n", "utf-8")
    assert run_main("corpus", "add", str(forced), "--db", db, "--source", "Mine").code == 0
    assert [
        d["title"]
        for d in _json(run_main("corpus", "ls", "--db", db, "--source", "mine", "--json"))
    ] == [""]
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    assert_one_line_error(
        run_main("corpus", "add", str(forced), "--db", db, "--sources", str(bad)), code=2
    )
