"""A learned attribution tagger: a linear-chain CRF over the spaCy parse.

Each paragraph is one sequence; each token gets one of seven tags, B-/I- of SRC (source),
CUE and CON (content), or O, so a tagged span may run across sentences as PolNeAR's
content does. The features are the token, its neighbours and its place in the parse: is it
a reporting word, the subject of one, inside a clause one governs, inside quotation marks.
Tagged spans are joined into relations by nearness: each cue takes the nearest source and
content of its paragraph; sources and contents left over stand as relations of their own.
The model is a CRFsuite file, shipped xz-compressed under `newsaudit/data/attribution/`,
loaded once.
"""

from __future__ import annotations

import functools
import lzma
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .attribution_spans import Offsets, SpanRelation
from .sources import ATTRIBUTION_CUE_WORDS, GENERIC_NOUNS

MODEL_NAME = "polnear-crf.crfsuite.xz"
ROLE_TAGS = {"source": "SRC", "cue": "CUE", "content": "CON"}
_QUOTES = set('"“”')
CUE_WORDS = ATTRIBUTION_CUE_WORDS


def paragraphs(doc: Any) -> Iterator[list[Any]]:
    """The doc's tokens in runs that a line break does not cross, whitespace tokens left out."""
    run: list[Any] = []
    for token in doc:
        if token.is_space or "\n" in token.text:
            if run:
                yield run
            run = []
            continue
        run.append(token)
        if "\n" in token.whitespace_:
            yield run
            run = []
    if run:
        yield run


def _quote_state(run: Sequence[Any]) -> list[bool]:
    """Whether each token sits between an opening and a closing quotation mark."""
    inside, out = False, []
    for token in run:
        if token.text in _QUOTES or token.text in {"``", "''"}:
            if token.text == "“":
                inside = True
            elif token.text == "”":
                inside = False
            else:
                inside = not inside
            out.append(False)
        else:
            out.append(inside)
    return out


def _cue_ancestor(token: Any) -> tuple[str, int, str]:
    """The nearest reporting word above the token: (its lemma, steps up, dep of the last step)."""
    steps, node, child_dep = 0, token, token.dep_
    while node.head.i != node.i and steps < 12:
        child_dep = node.dep_
        node, steps = node.head, steps + 1
        if node.lemma_.lower() in CUE_WORDS:
            return node.lemma_.lower(), steps, child_dep
    return "", 0, ""


def _sentences(run: Sequence[Any]) -> list[tuple[int, int]]:
    """(sentence start, sentence root) of each token, looking each sentence up once."""
    out: list[tuple[int, int]] = []
    current, end = (0, 0), -1
    for token in run:
        if token.i >= end:
            sent = token.sent  # a scan of the doc: once per sentence, not per token
            current, end = (sent.start, sent.root.i), sent.end
        out.append(current)
    return out


def _token_features(token: Any, quoted: bool, root: int) -> list[str]:
    lemma = token.lemma_.lower()
    head = token.head
    cue_lemma, steps, via = _cue_ancestor(token)
    feats = [
        "b",
        "w=" + token.lower_,
        "l=" + lemma,
        "p=" + token.tag_,
        "d=" + token.dep_,
        "e=" + (token.ent_type_ or "-"),
        "s=" + token.shape_[:4],
        "x=" + token.lower_[-3:],
        "hl=" + head.lemma_.lower(),
        "hp=" + head.pos_,
        "dh=" + token.dep_ + "|" + head.pos_,
        "q=" + str(quoted),
        "cue=" + str(lemma in CUE_WORDS),
        "gen=" + str(lemma in GENERIC_NOUNS),
        "root=" + str(token.dep_ == "ROOT"),
        "sst=" + str(token.is_sent_start),
        "side=" + ("L" if token.i < root else "R" if token.i > root else "0"),
    ]
    if cue_lemma:
        feats += [
            "ca=1",
            "cav=" + via,
            "cas=" + str(min(steps, 4)),
            "cal=" + cue_lemma,
            "cavs=" + via + str(min(steps, 4)),
        ]
    if head.lemma_.lower() in CUE_WORDS:
        feats.append("hcue=" + token.dep_)
    return feats


def features(run: Sequence[Any]) -> list[list[str]]:
    """The CRF features of each token of one paragraph."""
    quoted = _quote_state(run)
    sentences = _sentences(run)
    own = [
        _token_features(t, q, root) for t, q, (_, root) in zip(run, quoted, sentences, strict=True)
    ]
    cues = [i for i, t in enumerate(run) if t.lemma_.lower() in CUE_WORDS]
    # a headline or a transcript line ("PENCE: Well, ...") reads differently from prose
    shape = "short" if len(run) <= 12 else "long"
    opens = "pq=" + str(run[0].text in _QUOTES)
    out = []
    for i, feats in enumerate(own):
        row = [*feats, "run=" + shape, opens, f"at={min(i, 3)}", "up=" + str(run[i].is_upper)]
        row.append(_nearest_cue(sentences, cues, i))
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(run):
                other = run[j]
                row += [
                    f"{offset}w={other.lower_}",
                    f"{offset}p={other.tag_}",
                    f"{offset}d={other.dep_}",
                ]
            else:
                row.append(f"{offset}edge")
        if i > 0:
            row.append("bg=" + run[i - 1].lower_ + "|" + run[i].lower_)
        out.append(row)
    return out


def _nearest_cue(sentences: Sequence[tuple[int, int]], cues: Sequence[int], i: int) -> str:
    """Where the nearest cue word of the same sentence lies: side and a distance bucket."""
    sent = sentences[i][0]
    near = [c for c in cues if sentences[c][0] == sent and c != i]
    if not near:
        return "nc=none"
    best = min(near, key=lambda c: abs(c - i))
    gap = abs(best - i)
    bucket = "1" if gap == 1 else "2-3" if gap <= 3 else "4-8" if gap <= 8 else "far"
    return "nc=" + ("R" if best > i else "L") + bucket


def tags_to_spans(run: Sequence[Any], tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Tagged runs as (role tag, first token index in run, last token index in run)."""
    spans: list[tuple[str, int, int]] = []
    current: tuple[str, int] | None = None
    for i, tag in enumerate([*tags, "O"]):
        role = tag[2:] if tag != "O" else ""
        starts = tag.startswith("B-") or (current is not None and role != current[0])
        if current is not None and (tag == "O" or starts):
            spans.append((current[0], current[1], i - 1))
            current = None
        if role and current is None:
            current = (role, i)
    return spans


def _offsets(run: Sequence[Any], first: int, last: int) -> Offsets:
    return (run[first].idx, run[last].idx + len(run[last].text))


def join_relations(run: Sequence[Any], tags: Sequence[str]) -> list[SpanRelation]:
    """Relations from one tagged paragraph: each cue with its nearest source and content."""
    spans = tags_to_spans(run, tags)
    cues = [s for s in spans if s[0] == "CUE"]
    pools = {role: [s for s in spans if s[0] == role] for role in ("SRC", "CON")}
    used: set[tuple[str, int, int]] = set()
    out = []
    for cue in cues:
        picked: dict[str, Offsets | None] = {}
        for role, pool in pools.items():
            free = [s for s in pool if s not in used] or pool
            best = min(
                free, key=lambda s: min(abs(s[1] - cue[2]), abs(cue[1] - s[2])), default=None
            )
            if best is not None:
                used.add(best)
            picked[role] = _offsets(run, best[1], best[2]) if best else None
        out.append(SpanRelation(picked["SRC"], _offsets(run, cue[1], cue[2]), picked["CON"]))
    for role, pool in pools.items():
        for span in pool:
            if span not in used:
                where = _offsets(run, span[1], span[2])
                out.append(
                    SpanRelation(where, None, None)
                    if role == "SRC"
                    else SpanRelation(None, None, where)
                )
    return out


class AttributionTagger:
    """Tags parsed texts with a trained CRF model file and joins the tags into relations."""

    def __init__(self, path: Path) -> None:
        try:
            import pycrfsuite  # type: ignore[import-untyped]  # no stubs published
        except ImportError:  # pragma: no cover - a declared dependency
            raise ModelError("python-crfsuite is not installed; reinstall newsaudit") from None
        if not path.is_file():
            raise ModelError(f"{path}: no attribution model; run `newsaudit train attribution`")
        self._tagger = pycrfsuite.Tagger()
        try:
            if path.suffix == ".xz":
                # the shipped model is xz-compressed (a third of its size); kept alive here
                self._model = lzma.decompress(path.read_bytes())
                self._tagger.open_inmemory(self._model)
            else:
                self._tagger.open(str(path))
        except (OSError, ValueError, lzma.LZMAError) as exc:
            raise ModelError(f"{path}: not a CRFsuite model ({exc}); retrain it") from None
        self.path = path

    def relations(self, doc: Any) -> tuple[SpanRelation, ...]:
        """Every relation the model finds in a parsed text, in text order."""
        found: list[SpanRelation] = []
        for run in paragraphs(doc):
            tags = self._tagger.tag(features(run))
            found.extend(join_relations(run, tags))
        return tuple(found)


def shipped_model_path() -> Path:
    """Where the packaged attribution model lies."""
    return Path(str(resources.files("newsaudit") / "data" / "attribution" / MODEL_NAME))


@functools.lru_cache(maxsize=2)
def load_attribution_tagger(path: Path | None = None) -> AttributionTagger:
    """The attribution tagger (the shipped model unless `path` is given), loaded once."""
    return AttributionTagger(path or shipped_model_path())
