"""Builds the spaCy `Language`: the English model plus our stages, configured from `models/`."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import __version__, resources
from .components import attributions, claims, entities, paragraphs, quantities  # noqa: F401  (registers the factories)

STAGES = ["newsclaims_entities", "newsclaims_quantities", "newsclaims_attributions", "newsclaims_claims"]


def build(model: str | None = None, stages: list[str] | None = None, cue_detector: str = "fast") -> Language:
    """A new `Language`: the spaCy model `model` (default from models/pipeline.json) with our stages appended;
    `cue_detector` ("fast" or "accurate") configures the attribution stage."""
    settings = resources.load("pipeline")
    nlp = spacy.load(model or settings["spacy_model"])
    nlp.max_length = max(nlp.max_length, settings["max_chars"] + 1)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsclaims_paragraphs", before="parser")
    for stage in STAGES if stages is None else stages:
        config = {"cue_detector": cue_detector} if stage == "newsclaims_attributions" else {}
        nlp.add_pipe(stage, config=config)
    base = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    nlp.meta.update(name="newsclaims", version=__version__,
                    description=f"newsclaims {__version__} stages on {base} (`spacy package` makes it a package)")
    return nlp


@lru_cache(maxsize=4)
def shared(model: str | None = None, cue_detector: str = "fast") -> Language:
    """One `Language` per model and cue detector for this process (loading takes a second or two)."""
    return build(model, cue_detector=cue_detector)
