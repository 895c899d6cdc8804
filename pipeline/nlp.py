"""Builds the spaCy `Language`: the English model plus our stages, configured from `models/`."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import __version__, resources
from .components import attributions, claims, entities, ner, paragraphs, quantities  # noqa: F401  (registers the factories)

STAGES = ["newsclaims_entities", "newsclaims_quantities", "newsclaims_attributions", "newsclaims_claims"]


NER_CHOICES = ("spacy", "minilm")


def build(model: str | None = None, stages: list[str] | None = None, cue_detector: str = "fast",
          ner: str = "spacy") -> Language:
    """A new `Language`: the spaCy model `model` (default from models/pipeline.json) with our stages appended;
    `cue_detector` ("fast" or "accurate") configures the attribution stage; `ner="minilm"` puts the fine-tuned
    MiniLM NER (`newsclaims_ner`) before the entity stage, in place of the model's names."""
    if ner not in NER_CHOICES:
        raise ValueError(f"ner must be one of {', '.join(NER_CHOICES)}, not {ner!r}")
    settings = resources.load("pipeline")
    nlp = spacy.load(model or settings["spacy_model"])
    nlp.max_length = max(nlp.max_length, settings["max_chars"] + 1)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsclaims_paragraphs", before="parser")
    for stage in STAGES if stages is None else stages:
        config = {"cue_detector": cue_detector} if stage == "newsclaims_attributions" else {}
        nlp.add_pipe(stage, config=config)
    if ner == "minilm":
        nlp.add_pipe("newsclaims_ner", before="newsclaims_entities" if "newsclaims_entities" in nlp.pipe_names else None)
    base = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
    nlp.meta.update(name="newsclaims", version=__version__,
                    description=f"newsclaims {__version__} stages on {base} (`spacy package` makes it a package)")
    return nlp


def factories(nlp: Language) -> list[str]:
    """The factory of each of `nlp`'s components, in order."""
    return [nlp.get_pipe_meta(name).factory for name in nlp.pipe_names]


def model_components(nlp: Language) -> list[tuple[str, object]]:
    """The components of `nlp` that parse (the spaCy model's tagger, parser, ner, ... with our paragraph breaks placed
    before the parser): every one before the first of our stages."""
    made_by = factories(nlp)
    first = next((i for i, factory in enumerate(made_by) if factory in STAGES), len(made_by))
    return nlp.pipeline[:first]


def model_parse(nlp: Language, text: str) -> Doc:
    """`text` parsed by `nlp`'s `model_components`, as an article is before our stages read it."""
    return model_run(nlp, nlp.make_doc(text))


def model_run(nlp: Language, doc: Doc) -> Doc:
    """`doc`, already tokenized, run through `nlp`'s `model_components`."""
    for _, component in model_components(nlp):
        doc = component(doc)
    return doc


@lru_cache(maxsize=4)
def shared(model: str | None = None, cue_detector: str = "fast", ner: str = "spacy") -> Language:
    """One `Language` per model, cue detector and NER for this process (loading takes a second or two)."""
    return build(model, cue_detector=cue_detector, ner=ner)
