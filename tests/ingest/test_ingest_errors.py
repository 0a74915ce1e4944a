"""Bad input: each refused with an IngestError and a one-line message, never a traceback."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsaudit.errors import IngestError
from newsaudit.ingest import RawInput, read_source, to_article
from newsaudit.settings import Settings

SETTINGS = Settings()
ENGLISH = (
    "Officials said on Monday that the new bridge would open in the spring, after a long delay "
    "caused by problems with the steel that was delivered to the site last year.\n"
)


def ingest_file(path: Path, settings: Settings = SETTINGS) -> None:
    to_article(read_source(str(path), settings), settings)


def refused(path: Path, settings: Settings = SETTINGS) -> str:
    with pytest.raises(IngestError) as caught:
        ingest_file(path, settings)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    "content", [b"", b"   \n\t\r\n  ", b"\n\nShare\n\nPost Comment\n\n\xc3\x97\n"]
)
def test_empty_whitespace_or_only_furniture(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    message = refused(path)
    assert "empty" in message or "no article text" in message


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"hello\x00world" * 100)
    assert "binary" in refused(path)


def test_mostly_non_text_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.bin"
    path.write_bytes(bytes(range(1, 9)) * 500 + b"some words")
    assert "binary" in refused(path)


def test_pdf_named_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert "PDF" in refused(path)


def test_file_over_limit_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no large write needed
        handle.truncate(SETTINGS.max_input_bytes + 1)
    message = refused(path)
    assert "limit" in message and "max_input_bytes" in message


def test_small_limit_applies(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ENGLISH * 3, encoding="utf-8")
    assert "limit" in refused(path, Settings(max_input_bytes=100))


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Caf\xe9 owners protest. " + ENGLISH.encode())
    message = refused(path)
    assert "not valid UTF-8 at byte 3" in message and "iconv" in message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ("New bridge opens in spring\n\n" + ENGLISH).encode())
    article = to_article(read_source(str(path), SETTINGS), SETTINGS)
    assert article.title == "New bridge opens in spring"


def test_directory(tmp_path: Path) -> None:
    assert "directory" in refused(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "nope.txt")


NOT_ENGLISH = {
    "fr": "Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui doit entrer en "
    "vigueur l'année prochaine, selon plusieurs sources proches du dossier. Les syndicats ont "
    "immédiatement appelé à la grève dans tout le pays.",
    "de": "Die Stadtverwaltung hat am Dienstag angekündigt, dass die neue Brücke erst im Frühjahr "
    "eröffnet wird, weil der gelieferte Stahl nicht den Vorgaben entsprach und die Prüfung "
    "länger dauert als geplant.",
    "ru": "Городской совет во вторник объявил, что новый мост откроется только весной, потому что "
    "поставленная сталь не соответствовала требованиям, а проверка займёт больше времени.",
    "ja": "市役所は火曜日、納入された鋼材が基準を満たしていなかったため、新しい橋の開通は春になると"
    "発表しました。検査には予定よりも長い時間がかかる見込みです。関係者によると、工事の再開時期は未定です。",
}


@pytest.mark.parametrize("language", sorted(NOT_ENGLISH))
def test_non_english_text(tmp_path: Path, language: str) -> None:
    path = tmp_path / f"{language}.txt"
    path.write_text("Headline\n\n" + NOT_ENGLISH[language] + "\n", encoding="utf-8")
    assert "English" in refused(path)


def test_english_with_few_function_words_passes(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text(
        "Meal plan for the week\n\n"
        + "Monday: oats, berries, yoghurt, green tea. " * 5
        + "Eat slowly and drink water with every meal, and keep a note of what you eat.\n",
        encoding="utf-8",
    )
    ingest_file(path)


def test_unsupported_scheme() -> None:
    with pytest.raises(IngestError, match="http"):
        read_source("ftp://example.com/article.txt", SETTINGS)


def test_stdin_reads_at_most_limit_plus_one(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"x" * 1000)

    monkeypatch.setattr(sys, "stdin", Stdin)
    with pytest.raises(IngestError, match="limit"):
        read_source("-", Settings(max_input_bytes=10))
    assert Stdin.buffer.tell() == 11


def test_stdin_article(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(("Bridge opens in spring\n\n" + ENGLISH).encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    raw = read_source("-", SETTINGS)
    assert raw.name == "<stdin>"
    assert to_article(raw, SETTINGS).title == "Bridge opens in spring"


def test_oversized_raw_input_refused() -> None:
    raw = RawInput(b"a" * 101, "<test>", None, None)
    with pytest.raises(IngestError, match="limit"):
        to_article(raw, Settings(max_input_bytes=100))


def test_html_with_no_article_text() -> None:
    raw = RawInput(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "<t>", None, None)
    with pytest.raises(IngestError):
        to_article(raw, SETTINGS)
