"""Bytes -> str: refuse binary input, tell HTML from plain text, decode with the right charset.

Detection is by content, never by file name: a page saved as ``.txt`` is still HTML.
"""

from __future__ import annotations

import codecs
import re

from ..errors import IngestError

_SAMPLE = 8192

# Signatures of common non-text files, so the message can name what was given.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"%!PS", "a PostScript document"),
    (b"{\\rtf", "an RTF document"),
)

# Control bytes other than tab, newline, form feed and carriage return.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_HTML_TAGS = re.compile(
    rb"<(?:html|head|body|article|main|div|p|h[1-6]|meta|title|span|section|header|nav)\b[^>]*>",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)


def refuse_binary(data: bytes, name: str) -> None:
    """Raise IngestError when `data` is a binary file rather than text."""
    sample = data[:_SAMPLE]
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            raise IngestError(
                f"{name}: this is {what}, not text; give newsaudit a text or HTML file"
            )
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in sample:
        raise IngestError(f"{name}: binary file (it contains NUL bytes); give a text or HTML file")
    controls = sum(sample.count(bytes([b])) for b in _CONTROL)
    if sample and controls / len(sample) > 0.05:
        raise IngestError(f"{name}: binary file (mostly non-text bytes); give a text or HTML file")


def looks_like_html(data: bytes) -> bool:
    """True when the bytes read as an HTML document or fragment (by content, not by name)."""
    head = data[:_SAMPLE].lstrip(codecs.BOM_UTF8)
    if _HTML_START.match(head):
        return True
    if not head.lstrip().startswith(b"<"):
        return False
    return len(_HTML_TAGS.findall(head)) >= 1


def declared_charset(data: bytes, content_type: str | None, is_html: bool) -> str | None:
    """The charset named by the HTTP Content-Type or by the page's own <meta>, if any."""
    if content_type:
        match = _CT_CHARSET.search(content_type)
        if match:
            return match.group(1)
    if is_html:
        found = _META_CHARSET.search(data[:_SAMPLE])
        if found:
            return found.group(1).decode("ascii", "replace")
    return None


def decode(data: bytes, name: str, charset: str | None) -> str:
    """Decode as UTF-8 (a BOM is fine), or as the declared charset when UTF-8 fails."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(f"{name}: not valid UTF-16 despite its byte-order mark") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    usable = _usable_codec(charset)
    if usable is not None:
        try:
            return data.decode(usable)
        except (UnicodeDecodeError, LookupError):
            # LookupError: a codec that is not a text encoding (e.g. "base64").
            pass
    bad = data.decode("utf-8", "replace").count("\ufffd")
    if bad > max(16, len(data) // 10):
        raise IngestError(f"{name}: binary file (mostly non-text bytes); give a text or HTML file")
    where = f"not valid UTF-8 at byte {utf8_error.start}"
    if charset and usable is None:
        where += f" (and its declared charset {charset!r} is unknown)"
    elif charset:
        where += f" (nor valid {charset})"
    raise IngestError(f"{name}: {where}; convert it with iconv -f <its encoding> -t UTF-8")


def _usable_codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        info = codecs.lookup(charset)
    except LookupError:
        return None
    if info.name in {"utf-8", "utf-8-sig"}:
        return None
    return info.name
