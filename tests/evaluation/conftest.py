"""Small benchmark folders written by the tests, in each benchmark's own format."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest

RunCli = Callable[..., tuple[int, str, str]]


def assert_one_line_error(
    result: tuple[int, str, str], words: str, code: int | None = None
) -> None:
    """A failed command: nothing on stdout, one `newsaudit: error:` line naming `words`."""
    got, out, err = result
    assert got != 0 if code is None else got == code, result
    assert out == "" and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsaudit: error:"), err
    assert words in lines[0]


PARAGRAPHS = (
    (
        "The county council approved a new budget for the harbour on Tuesday, setting aside "
        "4.2 million pounds for repairs to the eastern breakwater over the next three years."
    ),
    (
        "Councillor Mara Hensley said the money would come from reserves and a loan from the "
        "national infrastructure fund, and that no local tax rise was planned for this year."
    ),
    (
        "Fishing crews have complained for a decade that storms push water over the old wall, "
        "and the harbour master counted eleven damaged boats after the February gales."
    ),
    (
        "Work is due to start in the spring, once the contract has been put out to tender and "
        "the marine survey of the seabed near the lighthouse has been completed."
    ),
)
FURNITURE = ("Subscribe to our newsletter", "Cookie settings", "Most read this week")


def page_html(title: str, paragraphs: tuple[str, ...]) -> str:
    """A news page: navigation, the article, a sidebar and a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        f"<aside><h3>{FURNITURE[2]}</h3><ul><li><a href='/a'>Storm closes ferry</a></li>"
        "<li><a href='/b'>Market moves indoors</a></li></ul></aside>"
        f"<footer><p>{FURNITURE[0]}</p><p>{FURNITURE[1]}</p></footer></body></html>"
    )


@pytest.fixture
def article_benchmark(tmp_path: Path) -> Path:
    """An article-extraction-benchmark folder: ground-truth.json and gzipped pages."""
    folder = tmp_path / "aeb"
    (folder / "html").mkdir(parents=True)
    truth = {}
    for number, cut in enumerate((4, 3)):
        key = f"page{number}"
        html = page_html(f"Harbour wall repairs approved {number}", PARAGRAPHS[:cut])
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[key] = {
            "articleBody": "\n\n".join(PARAGRAPHS[:cut]),
            "url": f"https://example.org/{key}",
        }
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


@pytest.fixture
def snippet_benchmark(tmp_path: Path) -> Path:
    """A trafilatura-evaluation folder: evaldata.json with with/without snippets, pages."""
    folder = tmp_path / "teval"
    (folder / "html").mkdir(parents=True)
    html = page_html("Harbour wall repairs approved", PARAGRAPHS)
    (folder / "html" / "harbour.html.gz").write_bytes(gzip.compress(html.encode()))
    data = {
        "https://example.org/harbour": {
            "file": "harbour.html",
            "with": ["4.2 million pounds", "the marine survey of the seabed"],
            "without": [FURNITURE[0], FURNITURE[1]],
        }
    }
    (folder / "evaldata.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


DEBATE = (
    ("MODERATOR", "Good evening and welcome to the debate.", 0),
    ("SMITH", "Thank you, it is great to be here.", 0),
    ("SMITH", "Unemployment fell to 3.9 percent last year, the lowest in 18 years.", 1),
    ("JONES", "Well, I think we can do better than that.", 0),
    ("JONES", "We spent 700 billion dollars on the bank bailout in 2008.", 1),
    ("SMITH", "Let me be clear about this.", 0),
    ("MODERATOR", "Thank you both.", 0),
    ("JONES", "Our state cut taxes by 12 percent and created 200,000 jobs.", 1),
    ("SMITH", "That is just not true, folks.", 0),
    ("SYSTEM", "(APPLAUSE)", 0),
)


def write_debate(path: Path, rows: tuple[tuple[str, str, int], ...] = DEBATE) -> Path:
    """A CheckThat!-format TSV: line, speaker, sentence, label."""
    lines = [f"{i}\t{speaker}\t{text}\t{label}" for i, (speaker, text, label) in enumerate(rows, 1)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def debates(tmp_path: Path) -> Path:
    """A CheckThat!-format folder with three small debates."""
    folder = tmp_path / "checkthat"
    for name in ("d1", "d2", "d3"):
        write_debate(folder / "training" / f"{name}.tsv")
    return folder


@pytest.fixture
def claimbuster(tmp_path: Path) -> Path:
    """A ClaimBuster-format folder: one CSV with sentence_id, screening, label, text."""
    folder = tmp_path / "claimbuster"
    folder.mkdir()
    rows = ["sentence_id,screening,label,text"]
    rows += [f'{i},-3,{label},"{text}"' for i, (_, text, label) in enumerate(DEBATE, 1)]
    (folder / "kfold.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder
