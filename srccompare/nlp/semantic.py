"""Sentence meaning as a vector, from a static word-embedding model shipped inside a wheel (optional).

wordllama (https://github.com/dleemiller/WordLlama) ships its 16 MB model in the package itself, so it loads with
no network: its weights and tokenizer are read straight from the package folder (``_Embedder``, wordllama's own
inference; a release whose files are named otherwise goes through ``WordLlama.load(cache_dir=<its package
folder>, disable_download=True)``, the package folder being where its ``weights/`` live, an upstream path
quirk). A sentence vector is the pooled token embeddings: about 0.02 ms a sentence on one core. Nothing is
downloaded, ever: when the package or its weights are missing, ``available()`` is False and the aligner uses its
word scores alone.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .memo import on_clear

if TYPE_CHECKING:
    import numpy as np

_LOCK = threading.Lock()
# Vectors of the sentences seen last: the aligner, the omission check and the classifier meet each
# sentence of an event more than once.
_CACHE: dict[str, Any] = {}
_CACHE_SIZE = 1 << 16


def _clear() -> None:
    with _LOCK:
        _CACHE.clear()


on_clear(_clear)  # emptied with the other per-sentence caches, after each event


# The model wordllama's wheel ships (its default, "l2_supercat" at 256 dimensions), as its files name it.
_WEIGHTS = "weights/l2_supercat_256.safetensors"
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
# Texts embedded at a time, as wordllama does: the batch is padded to its longest text.
_BATCH = 64


class _Embedder:
    """wordllama's dense inference (``WordLlamaInference.embed`` with average pooling; MIT licence,
    Copyright (c) 2024 Lee Miller), the same operations in the same order, so the same vectors bit for
    bit, read straight from the files in its wheel: importing the wordllama package loads pydantic and
    requests, which took 0.2 s of the fork server's start, and every cold run waits for that start."""

    def __init__(self, embedding: Any, tokenizer: Any) -> None:
        import numpy as np

        self.embedding = np.ascontiguousarray(embedding.astype(np.float32))
        self.tokenizer = tokenizer
        self.tokenizer.enable_padding()
        self.tokenizer.no_truncation()

    def embed(self, texts: list[str]) -> Any:
        """Each text's pooled token embedding, not normalised (``WordLlamaInference.embed(norm=False)``)."""
        import numpy as np

        out = np.empty((len(texts), self.embedding.shape[1]), dtype=np.float32)
        for i in range(0, len(texts), _BATCH):
            encoded = self.tokenizer.encode_batch(
                texts[i : i + _BATCH], is_pretokenized=False, add_special_tokens=False
            )
            ids = np.array([e.ids for e in encoded], dtype=np.int32)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
            np.clip(ids, 0, self.embedding.shape[0] - 1, out=ids)
            tokens = self.embedding[ids]
            count = np.maximum(mask.sum(axis=1, keepdims=True), 1.0).astype(np.float32)
            pooled = np.sum(tokens * mask[..., np.newaxis], axis=1, dtype=np.float32) / count
            out[i : i + pooled.shape[0]] = pooled
        return out


@lru_cache(maxsize=1)
def _model() -> Any | None:
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("wordllama")  # where the package is, without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    weights, tokenizer = folder / _WEIGHTS, folder / _TOKENIZER
    try:
        if weights.is_file() and tokenizer.is_file():
            from safetensors import safe_open
            from tokenizers import Tokenizer

            with safe_open(str(weights), framework="np", device="cpu") as f:
                return _Embedder(f.get_tensor("embedding.weight"), Tokenizer.from_file(str(tokenizer)))
        # Another release's file names: through the package itself.
        from wordllama import WordLlama

        if not any((folder / "weights").glob("*.safetensors")):
            return None
        return WordLlama.load(cache_dir=folder, disable_download=True)
    except Exception:  # a broken or partial install: align without it rather than fail
        return None


def available() -> bool:
    """Whether the embedding model is installed (it is never downloaded)."""
    return _model() is not None


# A run of three or more words in capitals ("THREE PEOPLE HAVE DIED IN A BLAZE"): the model's vocabulary is
# cased, so such a lead would mean nothing to it.
_SHOUTED = re.compile(r"\b[A-Z][A-Z'’-]*(?:\s+[A-Z][A-Z'’-]*){2,}\b")


def _uncased(text: str) -> str:
    return _SHOUTED.sub(lambda m: m.group().lower(), text)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length vectors, one row per text (float32); zero rows for empty texts."""
    import numpy as np

    model = _model()
    if model is None:
        raise RuntimeError("the semantic model (wordllama) is not installed")
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    with _LOCK:
        missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
        if missing:
            if len(_CACHE) + len(missing) > _CACHE_SIZE:
                _CACHE.clear()
                missing = list(dict.fromkeys(texts))
            # Texts of like length side by side: the model pads each batch of 64 to its longest text.
            # The padding is masked out of the mean, so a text's vector is the same in any batch
            # (bit for bit: checked on the 4,541 distinct sentences of the 1k synthetic corpus).
            missing.sort(key=len)
            raw = np.asarray(model.embed([_uncased(t) for t in missing]), dtype=np.float32)
            norms = np.linalg.norm(raw, axis=1, keepdims=True)
            unit = np.divide(raw, norms, out=np.zeros_like(raw), where=norms > 0)
            _CACHE.update(zip(missing, unit))
        return np.stack([_CACHE[t] for t in texts])


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Every row of ``a`` against every row of ``b`` (unit vectors): their cosines.

    einsum, not ``a @ b.T``: the matrices are small (an event's sentences) and a threaded BLAS
    product of that size costs ten times more on a busy machine than one thread doing it."""
    import numpy as np

    return np.einsum("ik,jk->ij", a, b)


def similarity(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine similarity of every text of ``a`` with every text of ``b`` (rows: a)."""
    return cosines(embed(a), embed(b))
