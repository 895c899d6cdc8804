"""The accurate cue detector's second opinion: MiniLM token states and a small network over them.

Opt-in (the attribution stage's config `cue_detector = "accurate"`; the CLI's `--accurate`): each candidate token's
probability of heading a cue is then the mean of the logistic regression's (`cue_model`) and this network's, which
reads the frozen states of the packaged all-MiniLM-L6-v2, the model it was trained on, whatever the store embeds with
(layers 3 and 6, averaged over a token's word pieces, sentence by sentence) for the token and its syntactic head.
Weights in `models/cue_head.npz`, trained on PolNeAR train by `python -m eval.train_cues PATH --accurate`. It costs
a transformer pass over every sentence: several times the fast pipeline's run time (`python -m eval.bench`).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.tokens import Doc

LAYERS = (3, 6)
MAX_PIECES = 256  # word pieces per sentence; tokens past it get no state (zeros)
SENTENCES_PER_BATCH = 32


@lru_cache(maxsize=1)
def encoder():
    """(tokenizer, model) of the embedding model, loaded once per process."""
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ...linking.embed import packaged_model_path

    hf_logging.disable_progress_bar()
    path = str(packaged_model_path())
    return (AutoTokenizer.from_pretrained(path, local_files_only=True),
            AutoModel.from_pretrained(path, local_files_only=True).eval())


def token_states(doc: Doc) -> np.ndarray:
    """One row per token of `doc`: its word pieces' mean state at each of `LAYERS`, concatenated."""
    import torch

    tokenizer, model = encoder()
    states = np.zeros((len(doc), model.config.hidden_size * len(LAYERS)), dtype=np.float32)
    sentences = [s for s in doc.sents if s.text.strip()]
    for first in range(0, len(sentences), SENTENCES_PER_BATCH):
        batch = sentences[first:first + SENTENCES_PER_BATCH]
        encoded = tokenizer([s.text for s in batch], padding=True, truncation=True, max_length=MAX_PIECES,
                            return_offsets_mapping=True, return_tensors="pt")
        offsets = encoded.pop("offset_mapping").numpy()
        with torch.inference_mode():
            hidden = model(**encoded, output_hidden_states=True).hidden_states
        pieces = torch.cat([hidden[layer] for layer in LAYERS], dim=-1).numpy()
        for b, sent in enumerate(batch):
            starts = np.array([t.idx - sent.start_char for t in sent])
            ends = starts + np.array([len(t) for t in sent])
            total = np.zeros((len(sent), pieces.shape[-1]), dtype=np.float32)
            count = np.zeros(len(sent))
            for p, (start, end) in enumerate(offsets[b]):
                k = np.searchsorted(ends, start, side="right")
                if end > start and k < len(sent) and starts[k] <= start:
                    total[k] += pieces[b, p]
                    count[k] += 1
            seen = count > 0
            total[seen] /= count[seen, None]
            states[sent.start:sent.end] = total
    return states


def inputs(doc: Doc, candidates: list[int], states: np.ndarray) -> np.ndarray:
    """The network's input for each candidate: its state and its syntactic head's (zeros for the root)."""
    heads = [doc[i].head.i for i in candidates]
    own = states[candidates]
    head = np.where(np.array([h != i for h, i in zip(heads, candidates)])[:, None], states[heads], 0.0)
    return np.concatenate([own, head], axis=1).astype(np.float32)


def forward(weights: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """The network: one hidden layer of ReLUs, a sigmoid out."""
    hidden = np.maximum(x @ weights["w1"] + weights["b1"], 0.0)
    return 1 / (1 + np.exp(-np.clip(hidden @ weights["w2"] + weights["b2"], -50, 50)))


def probabilities(doc: Doc, candidates: list[int], weights: dict[str, np.ndarray]) -> np.ndarray:
    """The network's probability that each candidate heads a cue."""
    if not candidates:
        return np.zeros(0, dtype=np.float32)
    return forward(weights, inputs(doc, candidates, token_states(doc)))
