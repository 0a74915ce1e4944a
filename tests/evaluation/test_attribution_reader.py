"""The PolNeAR reader on a small split written in its format, and on malformed input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsaudit.errors import IngestError, NewsauditError, UsageError
from newsaudit.evaluation.polnear import read_split

TINY = Path(__file__).resolve().parent.parent / "fixtures" / "polnear" / "tiny"


def _covered(text: str, fragments: tuple[tuple[int, int], ...]) -> str:
    return " ".join(text[a:b] for a, b in fragments)


def test_reads_spans_and_relations_of_the_tiny_split() -> None:
    (article,) = read_split(TINY)
    assert article.name == "tiny_2016-10-01_harbour-bridge"
    sources = [_covered(article.text, s.fragments) for s in article.spans["source"]]
    contents = [_covered(article.text, s.fragments) for s in article.spans["content"]]
    assert sources == ["Mayor Ana Ruiz", "she"]
    assert contents == [
        "the bridge would reopen in May",
        "“We are on schedule,”",
        "The council approved the budget",
    ]
    assert len(article.relations) == 3
    # the cue over a line break, read back from two lines of the .ann
    cue = article.relations[2].cue
    assert cue is not None and "\n" in article.text[cue.start : cue.end]
    assert article.relations[2].source is None  # Attribution-no-source
    first = article.relations[0]
    assert first.source is not None and article.text[first.source.start : first.source.end] == (
        "Mayor Ana Ruiz"
    )


def test_several_annotators_count_once() -> None:
    # the fixture has two annotators' files; the first by name (a1) is the one read
    (article,) = read_split(TINY)
    assert len(article.spans["cue"]) == 3


def _split(tmp_path: Path, text: str, ann: str) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a_2016-01-01_x.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "a_2016-01-01_x_ann1.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def test_discontinuous_spans_keep_their_fragments(tmp_path: Path) -> None:
    text = "Taxes, she said, will rise."
    ann = "T1\tContent 0 5;17 27\tTaxes will rise.\nT2\tSource 7 10\tshe\nT3\tCue 11 15\tsaid\n"
    ann += "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n"
    (article,) = read_split(_split(tmp_path, text, ann))
    (content,) = article.spans["content"]
    assert content.fragments == ((0, 5), (17, 27))
    assert content.start == 0 and content.end == 27


def test_an_empty_annotation_file_is_an_article_without_attributions(tmp_path: Path) -> None:
    (article,) = read_split(_split(tmp_path, "Nothing is said here.", ""))
    assert article.relations == () and article.spans["source"] == ()


@pytest.mark.parametrize(
    ("text", "ann", "message"),
    [
        ("Taxes will rise.", "T1\tSource 0 5\tTaxes\nthis line is junk\n", ":2: malformed"),
        ("Taxes will rise.", "T1\tSource 0 99\tTaxes\n", "outside the article text"),
        ("Taxes will rise.", "E1\tAttribution:T7 Source:T1\n", "T7, which is not defined"),
        ("", "", "empty article text"),
        ("\x00\xff binary", "", "not UTF-8"),
    ],
)
def test_bad_input_is_an_ingest_error(tmp_path: Path, text: str, ann: str, message: str) -> None:
    folder = _split(tmp_path, "", ann)
    target = folder / "text" / "a_2016-01-01_x.txt"
    target.write_bytes(text.encode("latin-1") if "\x00" in text else text.encode("utf-8"))
    with pytest.raises(IngestError, match=message):
        read_split(folder)


def test_a_missing_or_wrong_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such folder"):
        read_split(tmp_path / "nowhere")
    with pytest.raises(UsageError, match="not a PolNeAR split"):
        read_split(tmp_path)


def test_a_split_without_annotations_is_refused(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    with pytest.raises(IngestError, match="no .ann files"):
        read_split(tmp_path)


def test_limit_keeps_the_first_articles() -> None:
    assert len(read_split(TINY, limit=1)) == 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ann=st.lists(
        st.one_of(
            st.text(max_size=40),
            st.builds(
                lambda n, t, a, b: f"T{n}\t{t} {a} {b}\tx",
                st.integers(0, 9),
                st.sampled_from(["Source", "Cue", "Content", "Discuss"]),
                st.integers(0, 40),
                st.integers(0, 40),
            ),
            st.builds(
                lambda n, m: f"E{n}\tAttribution:T{m} Source:T{n}",
                st.integers(0, 9),
                st.integers(0, 9),
            ),
        ),
        max_size=8,
    )
)
def test_any_annotation_file_reads_or_is_refused(
    tmp_path_factory: pytest.TempPathFactory, ann: list[str]
) -> None:
    folder = _split(
        tmp_path_factory.mktemp("split"), "Officials said taxes will rise soon.", "\n".join(ann)
    )
    try:
        (article,) = read_split(folder)
    except NewsauditError:
        return
    for role in ("source", "cue", "content"):
        for span in article.spans[role]:
            assert 0 <= span.start <= span.end <= len(article.text)
