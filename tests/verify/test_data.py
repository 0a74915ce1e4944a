"""Readers of Climate-FEVER, COVID-Fact and AVeriTeC files, and the grouped dev split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit.errors import NewsauditError
from newsaudit.verify.data import (
    DataError,
    Item,
    dev_split,
    read_averitec,
    read_climate_fever,
    read_covidfact,
)

from .conftest import climate_record, covid_record, write_jsonl


def test_climate_fever_gives_one_item_per_sentence(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "cf.jsonl",
        [
            climate_record(
                "7",
                "Seas are rising.",
                [("Sea level rose.", "SUPPORTS"), ("Cats.", "NOT_ENOUGH_INFO")],
            ),
            climate_record("8", "Ice is growing.", [("Ice sheets shrink.", "REFUTES")]),
        ],
    )
    items = read_climate_fever(path)
    assert [(i.claim, i.evidence, i.label, i.group) for i in items] == [
        ("Seas are rising.", ("Sea level rose.",), "supports", "7"),
        ("Seas are rising.", ("Cats.",), "neutral", "7"),
        ("Ice is growing.", ("Ice sheets shrink.",), "refutes", "8"),
    ]


def test_covidfact_keeps_the_evidence_list(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "cv.jsonl",
        [covid_record("Masks work", "REFUTED", ["One.", "Two."], "http://a")],
    )
    assert read_covidfact(path) == [Item("Masks work", ("One.", "Two."), "refutes", "http://a")]


def test_averitec_joins_questions_and_answers_and_skips_conflicting(tmp_path: Path) -> None:
    records = [
        {
            "claim": "The mayor banned cars.",
            "label": "Refuted",
            "questions": [{"question": "Did she?", "answers": [{"answer": "No"}]}],
        },
        {"claim": "Mixed.", "label": "Conflicting Evidence/Cherrypicking", "questions": []},
    ]
    path = tmp_path / "train.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert read_averitec(path) == [
        Item("The mayor banned cars.", ("Did she? No",), "refutes", "av0")
    ]


def test_malformed_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps(covid_record("A", "SUPPORTED", ["B"], "s"))
    path.write_text(f"{good}\n{good}\n{{not json\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 3: malformed JSON"):
        read_covidfact(path)


def test_unknown_label_is_refused(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "x.jsonl", [covid_record("A", "MAYBE", ["B"], "s")])
    with pytest.raises(DataError, match="line 1: unknown label 'MAYBE'"):
        read_covidfact(path)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    with pytest.raises(DataError, match="empty"):
        read_climate_fever(path)


def test_binary_and_missing_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(DataError, match="not UTF-8"):
        read_covidfact(binary)
    with pytest.raises(DataError, match="no such file"):
        read_covidfact(tmp_path / "absent.jsonl")


def test_dev_split_keeps_groups_whole_and_is_seeded() -> None:
    items = [Item(f"c{i}", ("e",), "supports", f"g{i // 3}") for i in range(300)]
    train, dev = dev_split(items, seed=13)
    assert len(train) + len(dev) == 300
    assert {i.group for i in train}.isdisjoint({i.group for i in dev})
    assert 30 <= len(dev) <= 120
    assert dev_split(items, seed=13) == (train, dev)
    assert dev_split(items, seed=14) != (train, dev)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_items_or_a_newsaudit_error(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.jsonl"
        path.write_bytes(data)
        for reader in (read_climate_fever, read_covidfact):
            try:
                reader(path)
            except NewsauditError:
                pass
