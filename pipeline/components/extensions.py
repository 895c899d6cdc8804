"""What the stages write on a `Doc`, declared in one place: a span group (`doc.spans[...]`) per stage, each span
carrying what the stage found in one `Span` extension. `pipeline.extraction` (`pipeline.from_doc`) turns them into
records, giving the ids.

- `doc.spans["newsclaims_entities"]`: one span per entity mention, in text order, with `span._.entity` (an
  `EntityName`: kind, label, canonical name);
- `doc.spans["newsclaims_quantities"]`: one span per quantity, in text order, with `span._.quantity` (a
  `QuantityValue`: its exact characters and its values);
- `doc.spans["newsclaims_attributions"]`: one span per attribution over its content, in text order, with
  `span._.attribution` (a `Found`: cue, content, kind, source with the span of the entity naming it, detected_by);
- `doc.spans["newsclaims_claims"]`: one span per claim, in text order, with `span._.claim` (a `ClaimParts`: its exact
  characters, the quantity spans it states and the attribution span it is the content of).
- `doc._.recased_headline`: the parse of the article's Title Case headline sentence-cased (a `Doc` of the same
  length as the headline), or None: set by `pipeline.extraction` before the stages run, read by the attribution stage.
A span covers whole tokens; where the characters found start or end inside a token, the span covers that token and
the exact characters are on its extension.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span

ENTITIES = "newsclaims_entities"  # span groups, one per stage
QUANTITIES = "newsclaims_quantities"
ATTRIBUTIONS = "newsclaims_attributions"
CLAIMS = "newsclaims_claims"

RECASED_HEADLINE = "recased_headline"  # the one Doc extension

SPAN_EXTENSIONS = ("entity", "quantity", "attribution", "claim")


def register_extensions(doc_names: Iterable[str] = (), span_names: Iterable[str] = SPAN_EXTENSIONS) -> None:
    """Declare the `Doc` extensions `doc_names` and the `Span` extensions `span_names` (default None) where they are
    not declared yet."""
    for name in doc_names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in span_names:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def distinct_extents(spans: list[Span], what: str) -> list[Span]:
    """`spans`, each over tokens no other of them covers exactly: spaCy keeps a span's extension values by its
    extent, so two spans over the same tokens would carry one value (raises ValueError, never seen on the corpora)."""
    extents = [(span.start, span.end) for span in spans]
    if len(set(extents)) != len(extents):
        twice = next(span for span, extent in zip(spans, extents) if extents.count(extent) > 1)
        raise ValueError(f"two {what} over the same tokens {twice.text!r} ({twice.start_char}-{twice.end_char})")
    return spans
