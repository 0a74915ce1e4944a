"""Any bytes or text given to to_article gives an Article or a NewsauditError, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsaudit.errors import NewsauditError
from newsaudit.ingest import RawInput, to_article
from newsaudit.model import Article
from newsaudit.settings import Settings

SETTINGS = Settings(max_input_bytes=20_000)
FRAGMENTS = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<a href='javascript:x()'>",
        "</a>",
        "<script>",
        "</script>",
        "<meta charset='latin-1'>",
        "<?xml version='1.0' encoding='utf-8'?>",
        "\n\n",
        "\n",
        "By Jane Doe",
        "Published 3 March 2025",
        "Share",
        "×",
        "site.example (3)",
        "site.example-4 Headline here",
        "The council said the plan would cost more than expected. ",
        "Why now?",
        "\ufeff",
        "\x00",
        "\r\n",
        "&amp;",
        "<!--",
        "-->",
        "<table><tr><td>",
        "<li>",
    ]
)


def check(raw: RawInput) -> None:
    try:
        article = to_article(raw, SETTINGS)
    except NewsauditError:
        return
    assert isinstance(article, Article)
    assert "\n\n".join(article.text[b.start : b.end] for b in article.blocks) == article.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from([None, "text/html", "text/plain; charset=koi8-r"]))
def test_any_bytes(data: bytes, content_type: str | None) -> None:
    check(RawInput(data, "<bytes>", None, content_type))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_any_text(text: str) -> None:
    check(RawInput(text.encode("utf-8"), "<text>", None, None))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(FRAGMENTS | st.text(max_size=30), max_size=60),
    st.sampled_from([None, "https://a.example/x"]),
)
def test_article_like_text(parts: list[str], url: str | None) -> None:
    check(RawInput("".join(parts).encode("utf-8"), "<parts>", url, None))
