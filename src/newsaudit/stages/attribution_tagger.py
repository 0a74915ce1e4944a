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
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_UPPER, LEMMA, LOWER, POS, SENT_START, SHAPE, TAG

from ..errors import ModelError
from .attribution_spans import Offsets, SpanRelation
from .language import kept_with
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


def _signed(value: int) -> int:
    """A signed attribute (a head offset, a sentence-start flag) as `Doc.to_array` stores it."""
    return value - 2**64 if value >= 2**63 else value


class _TokenTable:
    """A parse's token attributes as plain lists indexed by token position.

    The features read a dozen attributes of every token and of its neighbours; reading
    them through spaCy's Token objects cost more than the CRF itself.
    """

    def __init__(self, doc: Any) -> None:
        rows = doc.to_array(
            [LOWER, LEMMA, TAG, DEP, ENT_TYPE, SHAPE, POS, HEAD, SENT_START, IS_UPPER]
        ).tolist()
        strings = doc.vocab.strings

        def named(column: Sequence[int], form: Callable[[str], str] = str) -> list[str]:
            # each distinct value looked up once, then read off by a C-level map
            forms = {key: form(strings[key] if key else "") for key in set(column)}
            return list(map(forms.__getitem__, column))

        columns = list(zip(*rows, strict=True)) if rows else [()] * 10
        self.lower = named(columns[0])
        self.lemma = named(columns[1], str.lower)
        self.tag = named(columns[2])
        self.dep = named(columns[3])
        self.ent_type = named(columns[4], lambda name: name or "-")
        self.shape = named(columns[5], lambda name: name[:4])
        self.pos = named(columns[6])
        self.head = [i + _signed(r) for i, r in enumerate(columns[7])]
        self.sent_start = [
            str(True if v > 0 else False if v < 0 else None) for v in map(_signed, columns[8])
        ]
        self.upper = [str(bool(v)) for v in columns[9]]


def _cue_ancestor(table: _TokenTable, i: int) -> tuple[str, int, str]:
    """The nearest reporting word above token i: (its lemma, steps up, dep of the last step)."""
    steps, node, child_dep = 0, i, table.dep[i]
    head = table.head
    while head[node] != node and steps < 12:
        child_dep = table.dep[node]
        node, steps = head[node], steps + 1
        if table.lemma[node] in CUE_WORDS:
            return table.lemma[node], steps, child_dep
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


def _token_features(table: _TokenTable, i: int, quoted: bool, root: int) -> list[str]:
    lemma, dep = table.lemma[i], table.dep[i]
    head = table.head[i]
    head_lemma, head_pos = table.lemma[head], table.pos[head]
    cue_lemma, steps, via = _cue_ancestor(table, i)
    feats = [
        "b",
        "w=" + table.lower[i],
        "l=" + lemma,
        "p=" + table.tag[i],
        "d=" + dep,
        "e=" + table.ent_type[i],
        "s=" + table.shape[i],
        "x=" + table.lower[i][-3:],
        "hl=" + head_lemma,
        "hp=" + head_pos,
        "dh=" + dep + "|" + head_pos,
        "q=" + str(quoted),
        "cue=" + str(lemma in CUE_WORDS),
        "gen=" + str(lemma in GENERIC_NOUNS),
        "root=" + str(dep == "ROOT"),
        "sst=" + table.sent_start[i],
        "side=" + ("L" if i < root else "R" if i > root else "0"),
    ]
    if cue_lemma:
        feats += [
            "ca=1",
            "cav=" + via,
            "cas=" + str(min(steps, 4)),
            "cal=" + cue_lemma,
            "cavs=" + via + str(min(steps, 4)),
        ]
    if head_lemma in CUE_WORDS:
        feats.append("hcue=" + dep)
    return feats


def features(run: Sequence[Any]) -> list[list[str]]:
    """The CRF features of each token of one paragraph."""
    table = kept_with(run[0].doc, "newsaudit.token_table", _TokenTable)
    at = [t.i for t in run]
    quoted = _quote_state(run)
    sentences = _sentences(run)
    own = [
        _token_features(table, i, q, root)
        for i, q, (_, root) in zip(at, quoted, sentences, strict=True)
    ]
    cues = [k for k, i in enumerate(at) if table.lemma[i] in CUE_WORDS]
    # a headline or a transcript line ("PENCE: Well, ...") reads differently from prose
    shape = "short" if len(run) <= 12 else "long"
    opens = "pq=" + str(run[0].text in _QUOTES)
    lower, tag, dep = table.lower, table.tag, table.dep
    out = []
    for k, feats in enumerate(own):
        row = [*feats, "run=" + shape, opens, f"at={min(k, 3)}", "up=" + table.upper[at[k]]]
        row.append(_nearest_cue(sentences, cues, k))
        for offset in (-2, -1, 1, 2):
            j = k + offset
            if 0 <= j < len(run):
                other = at[j]
                row += [
                    f"{offset}w={lower[other]}",
                    f"{offset}p={tag[other]}",
                    f"{offset}d={dep[other]}",
                ]
            else:
                row.append(f"{offset}edge")
        if k > 0:
            row.append("bg=" + lower[at[k - 1]] + "|" + lower[at[k]])
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
