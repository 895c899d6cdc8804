"""Attribution stage: who said or found what, through which cue, in which words.

Finds three things and joins them:
- quotations, by pairing quote marks within a paragraph (`marks`);
- cues: speech, cognition and finding verbs with a subject and a content clause ("X said that ...",
  "..., X said", "As X reported, ...", "a study that found ..."), "according to X" and "in a poll by X" (`cues`,
  `quotes`), and the learned detector's cues ("criticized the plan", `learned`);
- sources: the cue's subject, with appositive roles ("Adam Lankford, a criminology professor at ..."), titles
  ("Ventura County Sheriff Geoff Dean"), pronouns and surnames resolved to the article's entities (`sources`,
  `references`).
Content (`content`) inside one quotation is a direct quote; content mixing quoted and unquoted text is mixed; the rest
is indirect. A quotation with no cue of its own continues the previous speaker's quote in the same paragraph.
The finders run in the order of `finders.FINDERS`. Word lists: `models/attribution.json` (`lexicon`).
Reads the entity spans (`doc.spans["newsclaims_entities"]`); writes `doc.spans["newsclaims_attributions"]`: one span
per attribution, over its content's tokens, in text order, each with `span._.attribution` (the `Found`: cue, content,
kind, `SourceParts`, detected_by); `pipeline.extraction` makes the `Attribution` records.
A Title Case headline is read in its sentence-cased parse, `doc._.recased_headline`, which `pipeline.extraction` sets
(`headline`); the stage runs no other component. Without it (`nlp(text)` called directly) the headline's own
attributions are not found; everything else is.
"""
from __future__ import annotations

from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import resources
from ..extensions import ATTRIBUTIONS, ENTITIES, RECASED_HEADLINE, distinct_extents, register_extensions
from ..stage import DataStage
from . import cue_model
from .finders import found_in, read
from .found import EntityMention, Found, SourceParts, entity_mentions, trimmed
from .headline import headline_attributions, recased_headline, sentence_cased, title_case_end
from .lexicon import words
from .marks import quote_spans
from .quotes import floating_quotes
from .references import resolve_references, resolve_repeated_documents, without_redundant_nested

__all__ = ["AttributionStage", "CUE_DETECTORS", "EntityMention", "Found", "SourceParts", "attribution_spans",
           "attributions_of", "entity_mentions", "make_attribution_stage", "quote_spans", "recased_headline",
           "sentence_cased",
           "title_case_end", "trimmed", "words"]

CUE_DETECTORS = ("fast", "accurate")


def attributions_of(doc: Doc, entities: list[EntityMention], headline: Doc | None = None) -> list[Found]:
    """Every attribution in `doc`, in the text order of their contents; `headline`, the parse of `doc`'s Title Case
    headline sentence-cased (`recased_headline`), lets the headline be read."""
    reading = read(doc, entities)
    found = found_in(reading)
    if headline is not None:
        found += headline_attributions(reading, headline, found)
    found.sort(key=lambda f: f.cue.start)  # references resolve against the attributions cued before them
    resolve_references(found, entities)
    resolve_repeated_documents(found)
    found = without_redundant_nested(found)
    found += floating_quotes(reading.text, reading.quotes, [f for f in found if f.detected_by == "rules"])
    return sorted(found, key=lambda f: f.content.start)


def one_per_content(doc: Doc, found: list[Found]) -> list[Found]:
    """`found` with one attribution per content: of two whose contents cover the same tokens (two cues taking one
    quotation: "X, entitled “A,” noted ..."), a rule's over the learned detector's, else the first."""
    chosen: dict[tuple[int, int], Found] = {}
    for f in sorted(found, key=lambda f: f.detected_by != "rules"):
        span = doc.char_span(f.content.start, f.content.end, alignment_mode="expand")
        chosen.setdefault((span.start, span.end), f)
    kept = {id(f) for f in chosen.values()}
    return [f for f in found if id(f) in kept]


def attribution_spans(doc: Doc, found: list[Found]) -> list[Span]:
    """A span over the tokens of each attribution's content, in the order of `found`, carrying it."""
    spans = []
    for f in found:
        span = doc.char_span(f.content.start, f.content.end, alignment_mode="expand")
        span._.attribution = f
        spans.append(span)
    return spans


class AttributionStage(DataStage):
    """spaCy component `newsclaims_attributions`: sets the span group `newsclaims_attributions`, a `Found` on each
    span.

    `cue_detector`: "fast" (the logistic regression of `cue_model`) or "accurate" (averaged with `cue_encoder`'s
    network over MiniLM states: several times slower)."""

    data_files = ("attribution", "cue_model", "cue_head.npz")

    def __init__(self, nlp: Language, name: str, cue_detector: str):
        if cue_detector not in CUE_DETECTORS:
            raise ValueError(f"cue_detector must be one of {', '.join(CUE_DETECTORS)}, not {cue_detector!r}")
        super().__init__(name)
        self.cue_detector = cue_detector
        self.loaded()

    def loaded(self) -> None:
        """The data it runs with: with the accurate detector, the network's weights joined to the cue model."""
        self.running = dict(self.data)
        if self.cue_detector == "accurate":
            self.running["cue_model"] = cue_model.with_head(self.data["cue_model"], self.data["cue_head.npz"])

    def __call__(self, doc: Doc) -> Doc:
        with resources.using(self.running):
            return self.process(doc)

    @contextmanager
    def detector(self, model: dict):
        """The stage with other cue-model weights while inside (training and evaluation): `model` as
        models/cue_model.json holds it, with "head" for the accurate detector; `cue_model.NO_MODEL` turns it off."""
        before = self.running
        self.running = {**before, "cue_model": model}
        try:
            yield self
        finally:
            self.running = before

    def process(self, doc: Doc) -> Doc:
        """Set the span group of the attributions of `doc`, read with the entity mentions of the entity stage and the
        parsed sentence-cased headline (`doc._.recased_headline`) where `pipeline.extraction` set it."""
        entities = entity_mentions(list(doc.spans.get(ENTITIES, [])))
        found = one_per_content(doc, attributions_of(doc, entities, doc._.get(RECASED_HEADLINE)))
        doc.spans[ATTRIBUTIONS] = distinct_extents(attribution_spans(doc, found), "attribution contents")
        return doc


@Language.factory("newsclaims_attributions", requires=["token.dep", "doc.spans"], assigns=["doc.spans"],
                  default_config={"cue_detector": "fast"})
def make_attribution_stage(nlp: Language, name: str, cue_detector: str) -> AttributionStage:
    """The attribution stage with the cue detector `cue_detector`, with `span._.attribution` and
    `doc._.recased_headline` declared."""
    register_extensions(doc_names=(RECASED_HEADLINE,))
    return AttributionStage(nlp, name, cue_detector)
