"""The batch driver: every item once, reruns skip what is recorded, bad input never stops it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit import Auditor
from newsaudit.batch.engine import make_engine, plan, run_batch
from newsaudit.batch.local import InlineEngine
from newsaudit.errors import UsageError
from newsaudit.settings import Settings

from .conftest import NON_ARTICLE_PAGE, MemorySink, article_text, warc_bytes, write_articles


def test_every_article_is_audited_once_and_a_rerun_skips_them(
    tmp_path: Path, auditor: Auditor
) -> None:
    paths = write_articles(tmp_path / "in", 4)
    (tmp_path / "in" / "copy.txt").write_bytes(paths[0].read_bytes())  # same bytes twice
    sink = MemorySink()
    engine = InlineEngine(auditor.settings, auditor)
    assert plan([tmp_path / "in"], sink).todo == 4
    first = run_batch([tmp_path / "in"], sink, engine)
    assert (first.total, first.done, first.failed, first.skipped) == (4, 4, 0, 0)
    assert len({r.key for r in sink.results}) == 4
    report = json.loads(sink.results[0].report or "")
    assert report["article"]["title"].startswith("Ashgrove council approves 10 new homes")

    write_articles(tmp_path / "in", 6)  # two more appear
    second = run_batch([tmp_path / "in"], sink, engine)
    assert (second.done, second.skipped) == (2, 4)
    assert len(sink.results) == 6
    assert plan([tmp_path / "in"], sink).todo == 0


def test_bad_inputs_are_failed_items_with_reasons_and_the_batch_completes(
    tmp_path: Path, auditor: Auditor
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 2)
    (folder / "unreadable.txt").symlink_to(tmp_path / "deleted.txt")
    (folder / "login.html").write_text(NON_ARTICLE_PAGE, encoding="utf-8")
    (folder / "blob.bin").write_bytes(b"\x00\x01\x02\x03" * 50)
    pages = [
        ("https://a.example/fine", article_text(7).encode(), "text/html"),
        ("https://a.example/cut", article_text(8).encode(), "text/html"),
    ]
    (folder / "crawl.warc").write_bytes(warc_bytes(pages, truncate_last=200))
    sink = MemorySink()
    summary = run_batch([folder], sink, InlineEngine(auditor.settings, auditor))
    failed = {
        Path(r.source.split("#")[0]).name: r.error or ""
        for r in sink.results
        if r.status == "failed"
    }
    assert summary.done == 3  # two files and the WARC's first record
    assert summary.failed == 4
    assert "cannot be read" in failed["unreadable.txt"]
    assert "not an article" in failed["login.html"]
    assert "binary" in failed["blob.bin"]
    assert "truncated WARC record" in failed["crawl.warc"]


def test_engine_options_are_checked() -> None:
    settings = Settings()
    with pytest.raises(UsageError, match="--workers"):
        make_engine("local", settings, 0)
    with pytest.raises(UsageError, match="--ray-address needs --engine ray"):
        make_engine("local", settings, 1, "ray://head:10001")
    with pytest.raises(UsageError, match="unknown engine"):
        make_engine("spark", settings, 1)
    with pytest.raises(UsageError, match="at least one input"):
        run_batch([], MemorySink(), InlineEngine(settings))


def test_the_ray_engine_without_ray_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsaudit.batch import ray_engine

    monkeypatch.setattr(ray_engine, "ray_available", lambda: False)
    with pytest.raises(UsageError, match="pip install 'newsaudit\\[ray\\]'"):
        make_engine("ray", Settings(), 2)
