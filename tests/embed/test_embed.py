"""The numpy sentence encoder against reference vectors computed with sentence-transformers."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsaudit.embed import Embedder, load_embedder, read_config
from newsaudit.errors import ModelError
from newsaudit.settings import Settings

REFERENCE = Path(__file__).parent / "reference_minilm.json"


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder()


def test_matches_the_reference_implementation(embedder: Embedder) -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    expected = np.array(reference["vectors"], dtype=np.float32)
    # Batch size 3 mixes lengths, so padding and the attention mask are exercised.
    got = embedder.embed(reference["sentences"], batch_size=3)
    cosines = np.sum(got * expected, axis=1) / np.linalg.norm(expected, axis=1)
    assert cosines.min() > 0.9999, cosines


def test_rows_are_unit_float32_in_input_order(embedder: Embedder) -> None:
    texts = ["Short.", "A much longer sentence about the harbour ferry and its timetable.", ""]
    vectors = embedder.embed(texts, batch_size=2)
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, embedder.dim) == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    alone = embedder.embed([texts[1]])[0]
    assert float(alone @ vectors[1]) > 0.99999


def test_batching_does_not_change_the_vectors(embedder: Embedder) -> None:
    texts = [f"Sentence number {i} talks about {'rain ' * i}in the valley." for i in range(7)]
    one = embedder.embed(texts, batch_size=1)
    many = embedder.embed(texts, batch_size=7)
    assert np.abs(one - many).max() < 1e-4


def test_similar_sentences_score_higher_than_unrelated(embedder: Embedder) -> None:
    a, b, c = embedder.embed(
        [
            "The army moved 100,000 troops to the border.",
            "About a hundred thousand soldiers were sent to the frontier.",
            "The bakery sells sourdough bread on Sundays.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.3


def test_empty_input_gives_an_empty_matrix(embedder: Embedder) -> None:
    assert embedder.embed([]).shape == (0, 384)


def test_long_text_is_truncated_not_refused(embedder: Embedder) -> None:
    ids = embedder.tokenize(["word " * 1000])[0]
    assert len(ids) == 256
    assert embedder.embed(["word " * 1000]).shape == (1, 384)


def test_loaded_once() -> None:
    assert load_embedder() is load_embedder(Settings())


def test_missing_directory_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not found"):
        load_embedder(tmp_path / "nowhere")


def test_directory_without_weights_is_a_model_error(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(
        json.dumps({"num_hidden_layers": 1, "num_attention_heads": 2, "hidden_size": 4})
    )
    (tmp_path / "tokenizer.json").write_text("{}")
    with pytest.raises(ModelError):
        load_embedder(tmp_path)


def test_config_reads_pooling_and_length(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(
        json.dumps({"num_hidden_layers": 2, "num_attention_heads": 4, "hidden_size": 8})
    )
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(
        json.dumps({"pooling_mode_cls_token": True})
    )
    (tmp_path / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 128}))
    config = read_config(tmp_path)
    assert (config.layers, config.heads, config.hidden) == (2, 4, 8)
    assert config.pooling == "cls" and config.max_tokens == 128


def test_other_architectures_are_refused(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "gpt2"}))
    with pytest.raises(ModelError, match="BERT"):
        read_config(tmp_path)
