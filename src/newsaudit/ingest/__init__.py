"""Bytes -> Article: read a file, standard input or a URL, then clean it into an article.

read_source(source)   a path, "-" or an http(s) URL -> RawInput (bytes + where from)
to_article(raw)       RawInput -> Article (decoding, HTML or plain-text cleaning)
"""

from __future__ import annotations

from .source import Fetcher, RawInput, read_source, to_article

__all__ = ["Fetcher", "RawInput", "read_source", "to_article"]
