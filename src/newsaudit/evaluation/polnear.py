"""Read a PolNeAR split: article texts and their brat-standoff attribution annotations.

A split folder holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``.
Each ``.ann`` line is one of
    T<n> <TAB> <Type> <start> <end>[;<start> <end>...] <TAB> <covered text>
    E<n> <TAB> <Trigger>:T<i> [Role:T<j> ...]     one relation (Source, Cue, Content, Content2)
    #<n> <TAB> AnnotatorNotes ...                  a note, ignored
Offsets are characters into the ``.txt``; a span may have several fragments. The covered
text repeats the article text, so a span over a line break continues on the next lines.
An article annotated by several annotators is read from the first annotator's file (by name),
so every article is counted once. An empty ``.ann`` is an article without attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import IngestError, UsageError

SpanRole = str  # "source", "cue" or "content"
ROLES: tuple[SpanRole, ...] = ("source", "cue", "content")
_TEXT_LINE = re.compile(r"^T(\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_EVENT_LINE = re.compile(r"^E(\d+)\t(\S+:T\d+(?: \S+:T\d+)*)\s*$")
_ROLE_OF_TYPE = {"Source": "source", "Cue": "cue", "Content": "content"}
_ROLE_OF_ARG = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}


@dataclass(frozen=True)
class Span:
    """A stretch of article text, as one or more (start, end) character fragments."""

    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        """Where the first fragment starts."""
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        """Where the last fragment ends."""
        return self.fragments[-1][1]

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return any(a < d and c < b for a, b in self.fragments for c, d in other.fragments)


@dataclass(frozen=True)
class Relation:
    """One attribution: who (source, absent for "Attribution-no-source"), cue, what (content)."""

    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]


@dataclass(frozen=True)
class PolnearArticle:
    """One article's text with its annotated spans and relations."""

    name: str
    text: str
    spans: dict[SpanRole, tuple[Span, ...]]
    relations: tuple[Relation, ...]


def read_split(folder: Path, limit: int | None = None) -> tuple[PolnearArticle, ...]:
    """Every annotated article of a PolNeAR split folder (``text/`` and ``attributions/``)."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder; pass a PolNeAR split such as polnear/dev")
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise UsageError(
            f"{folder}: not a PolNeAR split; it needs text/*.txt and attributions/*.ann folders"
        )
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    if not chosen:
        raise IngestError(f"{ann_dir}: no .ann files; pass a PolNeAR split such as polnear/dev")
    names = sorted(chosen)[:limit] if limit is not None else sorted(chosen)
    return tuple(read_article(text_dir / f"{name}.txt", chosen[name]) for name in names)


def read_article(text_path: Path, ann_path: Path) -> PolnearArticle:
    """One article from its text file and its annotation file."""
    if not text_path.is_file():
        raise IngestError(f"{text_path}: missing; every .ann file needs its article's .txt")
    text = _decode(text_path)
    lines = _decode(ann_path).split("\n")
    if not text.strip():
        raise IngestError(f"{text_path}: empty article text; remove it or restore the file")
    spans, relations = _parse_annotations(lines, text, ann_path)
    return PolnearArticle(text_path.stem, text, spans, relations)


def _decode(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise IngestError(f"{path}: not UTF-8 text; is this a PolNeAR split?") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror}); check the file") from None


def _parse_annotations(
    lines: list[str], text: str, path: Path
) -> tuple[dict[SpanRole, tuple[Span, ...]], tuple[Relation, ...]]:
    typed: dict[str, tuple[str, Span]] = {}
    events: list[tuple[int, list[tuple[str, str]]]] = []
    number = 0
    while number < len(lines):
        line = lines[number].rstrip("\r")
        number += 1
        if not line.strip() or line.startswith("#"):
            continue
        if match := _TEXT_LINE.match(line):
            span = _span(match.group(3), len(text), path, number)
            covered = match.group(4)
            # a span over a line break: its covered text goes on over the next lines
            expected = sum(e - s for s, e in span.fragments) + len(span.fragments) - 1
            while len(covered) < expected and number < len(lines):
                covered += "\n" + lines[number].rstrip("\r")
                number += 1
            typed["T" + match.group(1)] = (match.group(2), span)
        elif match := _EVENT_LINE.match(line):
            args = [tuple(arg.split(":", 1)) for arg in match.group(2).split()]
            events.append((number, [(role, ref) for role, ref in args]))
        else:
            raise IngestError(
                f"{path}:{number}: malformed annotation line {line[:40]!r}; "
                "expected a brat T or E line"
            )
    spans = {
        role: tuple(
            sorted(
                {s for t, s in typed.values() if _ROLE_OF_TYPE.get(t) == role},
                key=lambda s: s.fragments,
            )
        )
        for role in ROLES
    }
    return spans, tuple(_relation(args, typed, path, n) for n, args in events)


def _span(fragments: str, limit: int, path: Path, number: int) -> Span:
    pairs = []
    for piece in fragments.split(";"):
        start, end = (int(x) for x in piece.split())
        if not 0 <= start <= end <= limit:
            raise IngestError(
                f"{path}:{number}: span {start}-{end} lies outside the article text "
                f"({limit} characters); the .ann does not belong to this .txt"
            )
        pairs.append((start, end))
    return Span(tuple(pairs))


def _relation(
    args: list[tuple[str, str]], typed: dict[str, tuple[str, Span]], path: Path, number: int
) -> Relation:
    found: dict[str, list[Span]] = {"source": [], "cue": [], "content": []}
    for role, ref in args:
        if ref not in typed:
            raise IngestError(f"{path}:{number}: relation names {ref}, which is not defined")
        if role in _ROLE_OF_ARG:
            found[_ROLE_OF_ARG[role]].append(typed[ref][1])
    source = found["source"][0] if found["source"] else None
    cue = found["cue"][0] if found["cue"] else None
    return Relation(source, cue, tuple(found["content"]))
