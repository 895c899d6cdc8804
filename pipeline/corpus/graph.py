"""An article's layers as one graph of labelled spans and links: the shape every annotation tool shares.

Each format writes and reads this graph in its own notation (brat's T/E/A lines, Label Studio's regions and
relations, UIMA annotations, spaCy span groups), so what a record means is decided here once:

- an entity mention is a span labelled with its kind (`person`, `agency`, ...); a quantity is a `quantity` span;
  a claim is a `claim` span linked to its quantities (`quantity`, in order) and its attribution (`attribution`);
- an attribution is its `cue` span, linked to its `content` span, its `source` span and the source's whole
  `phrase`; the cue carries the attribution's kind and the source's entity, canonical name and role, and
  `source_continued` where the source is a speaker continued from before (a source with no text);
- every other field of a record is an attribute of its span, typed as in the record.

Record ids of newsclaims' own form ("e7", "q3", "a2", "c4") are kept; any other is renumbered, and the links and
a source's entity follow it.

`graph_of(result)` and `result_dict(text, article, graph)` are inverses: `result_dict(...)` of an untouched graph
gives back `result.to_dict()`. Spans a person added in a tool come without ids or attributes; `result_dict` gives
them the defaults in `GOLD_DEFAULTS` and ids of their own.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ..records import Article, Attribution, Claim, Entity, Quantity, Result

ENTITY_KINDS = ("person", "agency", "organization", "venue", "place")
SPAN_LABELS = ENTITY_KINDS + ("quantity", "claim", "cue", "content", "source", "phrase")
LINK_KINDS = ("content", "source", "phrase", "quantity", "attribution")

ENTITY_ATTRIBUTES = {"label": str, "canonical": str}
QUANTITY_ATTRIBUTES = {f.name: f.type for f in fields(Quantity) if f.name not in ("id", "text", "start", "end")}
CUE_ATTRIBUTES = {"kind": str, "detected_by": str, "source_entity": str, "source_canonical": str,
                  "source_role": str, "source_continued": bool}
CLAIM_ATTRIBUTES = {"source": str}
ATTRIBUTES = {"quantity": QUANTITY_ATTRIBUTES, "cue": CUE_ATTRIBUTES, "claim": CLAIM_ATTRIBUTES,
              **{kind: ENTITY_ATTRIBUTES for kind in ENTITY_KINDS}}

# what a span added by hand gets for the fields a tool does not show
GOLD_DEFAULTS = {"quantity": {"kind": "count", "qualifier": "="}, "cue": {"detected_by": "rules"},
                 **{kind: {"label": "GOLD"} for kind in ENTITY_KINDS}}


@dataclass
class Span:
    """A labelled stretch of the text; `attributes` holds the record's other fields (None where unset)."""

    id: str
    label: str
    start: int
    end: int
    text: str
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Link:
    """A directed link between two spans of one article: cue -> content, claim -> quantity, ..."""

    kind: str
    head: str
    tail: str


@dataclass
class Graph:
    """All spans (in record order, layer by layer) and links of one article."""

    spans: list[Span] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def attribute_type(label: str, name: str) -> type:
    """The Python type of attribute `name` on a span labelled `label` (str, float, bool); str where unknown."""
    declared = ATTRIBUTES.get(label, {}).get(name, str)
    text = declared if isinstance(declared, str) else getattr(declared, "__name__", "str")
    return float if "float" in text else bool if "bool" in text else str


def graph_of(result: Result) -> Graph:
    """The result's layers as spans and links."""
    graph = Graph()
    for e in result.entities:
        graph.spans.append(Span(e.id, e.kind, e.start, e.end, e.text, {"label": e.label, "canonical": e.canonical}))
    for q in result.quantities:
        attributes = {name: getattr(q, name) for name in QUANTITY_ATTRIBUTES}
        graph.spans.append(Span(q.id, "quantity", q.start, q.end, q.text, attributes))
    for a in result.attributions:
        graph.spans += attribution_spans(a)
        graph.links.append(Link("content", a.id, f"{a.id}.content"))
        if a.source and a.source.text is not None:
            graph.links.append(Link("source", a.id, f"{a.id}.source"))
        if a.source and a.source.phrase:
            graph.links.append(Link("phrase", a.id, f"{a.id}.phrase"))
    for c in result.claims:
        graph.spans.append(Span(c.id, "claim", c.start, c.end, c.text, {"source": c.source}))
        graph.links += [Link("quantity", c.id, q) for q in c.quantities]
        if c.attribution:
            graph.links.append(Link("attribution", c.id, c.attribution))
    return graph


def attribution_spans(a: Attribution) -> list[Span]:
    """The cue (carrying the attribution's fields), content, source and source phrase of one attribution."""
    source = a.source
    cue = Span(a.id, "cue", a.cue.start, a.cue.end, a.cue.text, {
        "kind": a.kind, "detected_by": a.detected_by,
        "source_entity": source.entity if source else None,
        "source_canonical": source.canonical if source else None,
        "source_role": source.role if source else None,
        "source_continued": bool(source and source.text is None),
    })
    spans = [cue, Span(f"{a.id}.content", "content", a.content.start, a.content.end, a.content.text)]
    if source and source.text is not None:
        spans.append(Span(f"{a.id}.source", "source", source.start, source.end, source.text))
    if source and source.phrase:
        spans.append(Span(f"{a.id}.phrase", "phrase", source.phrase.start, source.phrase.end, source.phrase.text))
    return spans


def result_dict(text: str, article: dict[str, Any], graph: Graph) -> dict[str, Any]:
    """The `newsclaims/1` object of an article's graph (validate it with `records.validate`)."""
    by_id = {s.id: s for s in graph.spans}
    links_from: dict[str, dict[str, list[str]]] = {}
    for link in graph.links:
        links_from.setdefault(link.head, {}).setdefault(link.kind, []).append(link.tail)
    names = fresh_ids(graph)
    out: dict[str, Any] = {"schema": "newsclaims/1", "article": asdict(Article(**article)), "text": text,
                           "entities": [], "quantities": [], "attributions": [], "claims": []}
    unknown = next((s for s in graph.spans if s.label not in SPAN_LABELS), None)
    if unknown:
        raise ValueError(f"span {unknown.id} ({unknown.text!r}) has the label {unknown.label!r}, not one of "
                         f"{', '.join(SPAN_LABELS)}")
    for s in graph.spans:
        links = links_from.get(s.id, {})
        if s.label in ENTITY_KINDS:
            canonical = attribute(s, "canonical")
            out["entities"].append(asdict(Entity(
                names[s.id], s.text, s.start, s.end, s.label, attribute(s, "label"),
                s.text if canonical is None else canonical)))
        elif s.label == "quantity":
            given = {name: attribute(s, name) for name in QUANTITY_ATTRIBUTES}
            given = {k: v for k, v in given.items() if v is not None or k == "value"}
            out["quantities"].append(asdict(Quantity(names[s.id], s.text, s.start, s.end, **given)))
        elif s.label == "cue":
            out["attributions"].append(attribution_dict(s, names[s.id], links, by_id, names))
        elif s.label == "claim":
            out["claims"].append(asdict(Claim(
                names[s.id], s.text, s.start, s.end, [names[t] for t in links.get("quantity", []) if t in names],
                next((names[t] for t in links.get("attribution", []) if t in names), None),
                attribute(s, "source"))))
    return out


def attribution_dict(cue: Span, name: str, links: dict[str, list[str]], by_id: dict[str, Span],
                     names: dict[str, str]) -> dict[str, Any]:
    """One attribution from its cue span and the spans the cue links to (`names`: the record ids given)."""
    def linked(kind: str) -> Span | None:
        return next((by_id[t] for t in links.get(kind, []) if t in by_id), None)

    def piece(span: Span | None) -> dict | None:
        return {"text": span.text, "start": span.start, "end": span.end} if span else None

    content, source_span, phrase = linked("content"), linked("source"), linked("phrase")
    if content is None:
        raise ValueError(f"the cue {cue.text!r} at {cue.start}-{cue.end} is linked to no content")
    known = [attribute(cue, k) for k in ("source_entity", "source_canonical", "source_role")]
    source = None
    if source_span or cue.attributes.get("source_continued") or any(v is not None for v in known):
        source = {**(piece(source_span) or {"text": None, "start": None, "end": None}),
                  "entity": names.get(known[0], known[0]), "canonical": known[1], "role": known[2],
                  "phrase": piece(phrase)}
    kind = attribute(cue, "kind") or ("direct" if content and content.text[:1] in "\"“'‘«" else "indirect")
    return {"id": name, "kind": kind, "source": source, "cue": piece(cue),
            "content": piece(content),
            "detected_by": attribute(cue, "detected_by")}


def attribute(span: Span, name: str) -> Any:
    """A span's attribute, or what a span added by hand gets for it."""
    value = span.attributes.get(name)
    return GOLD_DEFAULTS.get(span.label, {}).get(name) if value is None else value


def fresh_ids(graph: Graph) -> dict[str, str]:
    """Record ids for every span that becomes a record: its own where it has one of ours, else the next free
    "e7" / "q3" / "a2" / "c4" (tools name regions they made in their own way)."""
    prefix = {"quantity": "q", "cue": "a", "claim": "c", **{kind: "e" for kind in ENTITY_KINDS}}
    taken = {s.id for s in graph.spans}
    names: dict[str, str] = {}
    counters = dict.fromkeys(prefix.values(), 0)
    for s in graph.spans:
        p = prefix.get(s.label)
        if p is None:
            continue
        if s.id[:1] == p and s.id[1:].isdigit():
            names[s.id] = s.id
            continue
        while f"{p}{counters[p] + 1}" in taken:
            counters[p] += 1
        counters[p] += 1
        names[s.id] = f"{p}{counters[p]}"
        taken.add(names[s.id])
    return names
