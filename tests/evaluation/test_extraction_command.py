"""`newsaudit eval extraction` on small folders in both benchmark formats, and on bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from .conftest import RunCli, assert_one_line_error


def test_article_benchmark_scores_ours_and_trafilatura(
    run_cli: RunCli, article_benchmark: Path
) -> None:
    code, out, err = run_cli("eval", "extraction", "--data", str(article_benchmark), "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["benchmark"] == "article-benchmark"
    assert payload["pages"] == 2
    assert {"precision", "recall", "f1", "items_per_second"} <= set(payload)
    by_system = {row["system"]: row for row in payload["systems"]}
    assert set(by_system) == {"newsaudit", "cleaning", "trafilatura"}
    # The page is plain English news: our ingest keeps the body and drops the furniture.
    assert payload["refused"] == 0
    assert payload["recall"] > 0.9
    assert payload["precision"] > 0.8
    assert payload["items_per_second"] > 0


def test_limit_and_one_system(run_cli: RunCli, article_benchmark: Path) -> None:
    code, out, err = run_cli(
        "eval", "extraction", "--data", str(article_benchmark), "--limit", "1",
        "--system", "trafilatura", "--json",
    )  # fmt: skip
    assert code == 0, err
    payload = json.loads(out)
    assert payload["pages"] == 1
    assert [row["system"] for row in payload["systems"]] == ["trafilatura"]


def test_snippet_benchmark_counts_wanted_and_unwanted(
    run_cli: RunCli, snippet_benchmark: Path
) -> None:
    code, out, err = run_cli("eval", "extraction", "--data", str(snippet_benchmark), "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["benchmark"] == "trafilatura-eval"
    assert payload["recall"] == 1.0  # both wanted snippets are in the article body
    assert payload["precision"] == 1.0  # neither footer line is


def test_non_english_pages_count_as_refused(run_cli: RunCli, article_benchmark: Path) -> None:
    german = (
        "<html><body><article><p>"
        + "Der Stadtrat hat am Dienstag den Haushalt für den Hafen beschlossen, und die "
        "Arbeiten sollen im Frühjahr beginnen, sobald die Ausschreibung abgeschlossen ist. "
        * 4
        + "</p></article></body></html>"
    )
    (article_benchmark / "html" / "page0.html.gz").write_bytes(gzip.compress(german.encode()))
    code, out, err = run_cli("eval", "extraction", "--data", str(article_benchmark), "--json")
    assert code == 0, err
    rows = {row["system"]: row for row in json.loads(out)["systems"]}
    assert rows["newsaudit"]["refused"] == 1
    assert rows["cleaning"]["refused"] == 0


def test_table_output(run_cli: RunCli, snippet_benchmark: Path) -> None:
    code, out, _ = run_cli("eval", "extraction", "--data", str(snippet_benchmark))
    assert code == 0
    assert "newsaudit" in out and "trafilatura" in out and "F1" in out
    assert "trafilatura-eval (1 pages)" in out


def test_missing_folder(run_cli: RunCli, tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("eval", "extraction", "--data", str(tmp_path / "nowhere")), "no such folder"
    )


def test_folder_without_annotations(run_cli: RunCli, tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("eval", "extraction", "--data", str(tmp_path)), "ground-truth.json"
    )


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("", "file is empty"),
        ("{not json", "not valid JSON"),
        ('{"page0": {"url": "https://example.org/"}}', "has no articleBody"),
    ],
)
def test_bad_ground_truth(
    run_cli: RunCli, article_benchmark: Path, content: str, text: str
) -> None:
    (article_benchmark / "ground-truth.json").write_text(content, encoding="utf-8")
    assert_one_line_error(run_cli("eval", "extraction", "--data", str(article_benchmark)), text)


def test_malformed_snippet_entry(run_cli: RunCli, snippet_benchmark: Path) -> None:
    (snippet_benchmark / "evaldata.json").write_text(
        json.dumps({"https://example.org/": {"file": "harbour.html", "with": "not a list"}}),
        encoding="utf-8",
    )
    assert_one_line_error(run_cli("eval", "extraction", "--data", str(snippet_benchmark)), "'with'")


def test_missing_page(run_cli: RunCli, article_benchmark: Path) -> None:
    (article_benchmark / "html" / "page1.html.gz").unlink()
    assert_one_line_error(
        run_cli("eval", "extraction", "--data", str(article_benchmark)), "missing"
    )


def test_corrupt_gzip_page(run_cli: RunCli, article_benchmark: Path) -> None:
    (article_benchmark / "html" / "page1.html.gz").write_bytes(b"\x1f\x8b not really gzip")
    assert_one_line_error(
        run_cli("eval", "extraction", "--data", str(article_benchmark)), "cannot be read"
    )
