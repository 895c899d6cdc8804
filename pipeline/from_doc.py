"""Records from a finished `Doc`, built here and only here (for `pipeline.extraction`): the span groups each stage
wrote (`components.extensions`) become the contract's records, ids given in text order (e1, q1, a1, c1, ...), and
references between spans (a source's entity, a claim's quantities and attribution) become those ids."""
from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .components.extensions import ATTRIBUTIONS, CLAIMS, ENTITIES, QUANTITIES, register_extensions
from .records import Article, Attribution, Claim, Entity, Quantity, Result, Source

if TYPE_CHECKING:
    from .components.attributions import SourceParts

Ids = dict[tuple[int, int], str]  # a span's token extent -> the id of its record


def span_group(doc: Doc, name: str) -> list[Span]:
    """The spans of the group `name` of `doc`, none where no stage wrote it."""
    return list(doc.spans[name]) if name in doc.spans else []


def ids_of(doc: Doc, name: str, prefix: str) -> Ids:
    """The id of each span of the group `name` (`prefix` and its place in the group, from 1), by token extent."""
    return {(span.start, span.end): f"{prefix}{n}" for n, span in enumerate(span_group(doc, name), start=1)}


def id_of(ids: Ids, span: Span | None) -> str | None:
    """The id of the record made of `span`, None for no span."""
    return ids[(span.start, span.end)] if span is not None else None


def entity_records(doc: Doc) -> list[Entity]:
    """An `Entity` for each entity span, in text order, with ids e1, e2, ..."""
    return [Entity(id=f"e{n}", text=span.text, start=span.start_char, end=span.end_char, kind=span._.entity.kind,
                   label=span._.entity.label, canonical=span._.entity.canonical)
            for n, span in enumerate(span_group(doc, ENTITIES), start=1)]


def quantity_records(doc: Doc) -> list[Quantity]:
    """A `Quantity` for each quantity span, in text order, with ids q1, q2, ..."""
    return [Quantity(id=f"q{n}", **asdict(span._.quantity))
            for n, span in enumerate(span_group(doc, QUANTITIES), start=1)]


def source_record(source: SourceParts | None, entity_ids: Ids) -> Source | None:
    """The `Source` of an attribution's source, its entity mention given by id."""
    if source is None:
        return None
    return Source(text=source.text, start=source.start, end=source.end, entity=id_of(entity_ids, source.entity),
                  canonical=source.canonical, role=source.role, phrase=source.phrase)


def attribution_records(doc: Doc) -> list[Attribution]:
    """An `Attribution` for each attribution span, in text order, with ids a1, a2, ..."""
    entity_ids = ids_of(doc, ENTITIES, "e")
    records = []
    for n, span in enumerate(span_group(doc, ATTRIBUTIONS), start=1):
        found = span._.attribution
        records.append(Attribution(id=f"a{n}", kind=found.kind, source=source_record(found.source, entity_ids),
                                   cue=found.cue, content=found.content, detected_by=found.detected_by))
    return records


def claim_source(attribution: Span | None, outlet: str | None) -> str | None:
    """Whose claim it is: the canonical source of its attribution (span), or the outlet where nobody is cited."""
    if attribution is None:
        return outlet
    source = attribution._.attribution.source
    return source.canonical if source else None


def claim_records(doc: Doc, outlet: str | None) -> list[Claim]:
    """A `Claim` for each claim span, in text order, with ids c1, c2, ...; unattributed claims are `outlet`'s."""
    quantity_ids, attribution_ids = ids_of(doc, QUANTITIES, "q"), ids_of(doc, ATTRIBUTIONS, "a")
    claims = []
    for n, span in enumerate(span_group(doc, CLAIMS), start=1):
        parts = span._.claim
        claims.append(Claim(id=f"c{n}", text=parts.text, start=parts.start, end=parts.end,
                            quantities=[id_of(quantity_ids, q) for q in parts.quantities],
                            attribution=id_of(attribution_ids, parts.attribution),
                            source=claim_source(parts.attribution, outlet)))
    return claims


def result_from_doc(doc: Doc, article: Article) -> Result:
    """The contract's records for a processed `Doc`."""
    register_extensions()  # a Doc from a pipeline without our stages has none of them
    return Result(article=article, text=doc.text, entities=entity_records(doc), quantities=quantity_records(doc),
                  attributions=attribution_records(doc), claims=claim_records(doc, article.outlet))
