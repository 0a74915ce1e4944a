"""Arbitrary user text made into a safe FTS5 query.

FTS5 gives meaning to quotes, parentheses, `*`, `-`, `:`, `^` and the words AND, OR, NOT and
NEAR, so a claim typed or pasted by a user would often be a syntax error. Each word is
taken out of the text and quoted, common function words are dropped, and the words are
joined by OR: BM25 then ranks passages that share more (and rarer) words higher.
"""

from __future__ import annotations

import re
import sqlite3

MAX_TERMS = 32  # a long paragraph as a query: keep the first distinct words, stay fast

_WORD = re.compile(r"\w+", re.UNICODE)
_STOPWORD_TEXT = (
    "a an the and or but if of at by for with about against between into through during "
    "before after above below to from up down in out on off over under again further then "
    "once here there when where why how all any both each few more most other some such no "
    "nor not only own same so than too very s t can will just don should now is are was were "
    "be been being have has had having do does did it its it's this that these those i me my "
    "we our you your he him his she her they them their what which who whom as would could "
    "also said says"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def terms(text: str) -> list[str]:
    """The distinct searchable words of `text`, in order, function words left out."""
    words = [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w.strip("_")]
    content = [w for w in words if w not in _STOPWORDS]
    # A query of function words only ("who said it") still searches for them.
    return list(dict.fromkeys(content or words))[:MAX_TERMS]


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression for `text`, or None when it has no searchable word."""
    return expression_of(terms(text))


def expression_of(words: list[str]) -> str | None:
    """The words, quoted and joined by OR, as an FTS5 MATCH expression (None for none)."""
    if not words:
        return None
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


class TermFrequencies:
    """How many passages each query word is in, read from the index itself.

    In a large corpus a word found in a tenth of the passages adds almost nothing to BM25
    but makes FTS5 score every one of them: a claim with three such words costs hundreds
    of milliseconds over a million passages. `selective` keeps the rarer words.

    The index stems words (porter), so a word's count is that of its stem; the stems come
    from FTS5's own tokenizer, through a one-row-a-word temporary table.
    """

    COMMON_SHARE = 0.01  # words in more than this share of passages are left out ...
    COMMON_FLOOR = 2_000  # ... if they are in more than this many
    KEEP = 10  # at most this many words, the rarest

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5("
            "word, tokenize='porter unicode61 remove_diacritics 2')"
        )
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_stems "
            "USING fts5vocab(temp, 'query_words', 'instance')"
        )
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_terms "
            "USING fts5vocab(main, 'passages_fts', 'row')"
        )

    def selective(self, words: list[str], passages: int) -> list[str]:
        """The words worth searching for in a corpus of `passages` passages."""
        if not words:
            return words
        conn = self.conn
        conn.execute("DELETE FROM temp.query_words")
        conn.executemany(
            "INSERT INTO temp.query_words (rowid, word) VALUES (?, ?)", list(enumerate(words))
        )
        stem_of = dict(conn.execute("SELECT doc, term FROM temp.query_stems").fetchall())
        stems = sorted(set(stem_of.values()))
        marks = ",".join("?" * len(stems))
        counts = dict(
            conn.execute(
                f"SELECT term, doc FROM temp.passage_terms WHERE term IN ({marks})", stems
            ).fetchall()
        )
        found = [(counts[stem_of[i]], w) for i, w in enumerate(words) if stem_of.get(i) in counts]
        if not found:
            return []  # no word of the query is in the index: nothing can match
        found.sort()
        common = max(self.COMMON_FLOOR, self.COMMON_SHARE * passages)
        kept = [w for n, w in found if n <= common][: self.KEEP]
        return kept or [w for _, w in found[:2]]
