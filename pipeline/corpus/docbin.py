"""spaCy `DocBin`: trainable input for `spacy train`, every layer in `doc.spans`.

One `Doc` per article, tokenized by spaCy's English tokenizer and cut further wherever a span starts or ends
inside a token, so that every span covers whole tokens and `doc.text` is the article's text (a span that starts
or ends on whitespace covers the tokens around it, an empty one none; `user_data` keeps their exact offsets).
Then:
- `doc.ents`: the entity mentions, labelled with their kind, `kb_id_` the canonical name (mentions that overlap
  another are left out of `doc.ents` only);
- `doc.spans["entities" | "quantities" | "cues" | "contents" | "sources" | "phrases" | "claims"]`: each layer in
  record order, a span's `label_` its graph label and `id_` its graph id;
- `span._.newsclaims`: the span's other fields (value, unit, canonical, ...), `doc._.newsclaims_article` the
  article's metadata; both read from `doc.user_data["newsclaims"]`, which the DocBin keeps (store_user_data), so
  they come back on load once this module is imported.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from ..records import Result
from .graph import ENTITY_KINDS, Graph, Link, Span as GraphSpan, graph_of, result_dict
from .items import Imported, checked

GROUPS = {"entities": ENTITY_KINDS, "quantities": ("quantity",), "cues": ("cue",), "contents": ("content",),
          "sources": ("source",), "phrases": ("phrase",), "claims": ("claim",)}
FILE_NAME = "corpus.spacy"


def span_fields(span: Span) -> dict | None:
    """The getter of `span._.newsclaims`: the graph attributes of the span with this `id_`."""
    data = span.doc.user_data.get("newsclaims")
    return data["attributes"].get(span.id_) if data else None


def article_fields(doc: Doc) -> dict | None:
    """The getter of `doc._.newsclaims_article`."""
    data = doc.user_data.get("newsclaims")
    return data["article"] if data else None


def register() -> None:
    """Declare `span._.newsclaims` and `doc._.newsclaims_article` where they are not declared yet."""
    if not Span.has_extension("newsclaims"):
        Span.set_extension("newsclaims", getter=span_fields)
    if not Doc.has_extension("newsclaims_article"):
        Doc.set_extension("newsclaims_article", getter=article_fields)


register()


@lru_cache(maxsize=1)
def tokenizer_nlp():
    """A blank English pipeline: its tokenizer and vocab."""
    return spacy.blank("en")


def doc_of(result: Result) -> Doc:
    """The article as a `Doc` with its layers in span groups, its entities in `doc.ents`."""
    graph = graph_of(result)
    doc = cut_at(tokenizer_nlp().make_doc(result.text), {b for s in graph.spans for b in (s.start, s.end)})
    spans = {s.id: char_span(doc, s) for s in graph.spans}
    for group, labels in GROUPS.items():
        doc.spans[group] = [spans[s.id] for s in graph.spans if s.label in labels]
    doc.ents = filter_spans([span for span in doc.spans["entities"] if len(span)])
    doc.user_data["newsclaims"] = {"article": asdict(result.article),
                                   "attributes": {s.id: s.attributes for s in graph.spans},
                                   "links": [[link.kind, link.head, link.tail] for link in graph.links],
                                   "offsets": {s.id: [s.start, s.end] for s in graph.spans
                                               if (spans[s.id].start_char, spans[s.id].end_char) != (s.start, s.end)}}
    return doc


def cut_at(doc: Doc, boundaries: set[int]) -> Doc:
    """`doc` re-tokenized so that every offset in `boundaries` falls between two tokens."""
    words, spaces = [], []
    text = doc.text  # built anew on every access
    ordered = sorted(boundaries)
    for token in doc:
        end = token.idx + len(token.text)
        inside = ordered[bisect_right(ordered, token.idx):bisect_left(ordered, end)]
        cuts = [token.idx, *inside, end]
        words += [text[a:b] for a, b in zip(cuts, cuts[1:])]
        spaces += [False] * (len(cuts) - 2) + [bool(token.whitespace_)]
    return Doc(doc.vocab, words=words, spaces=spaces)


def char_span(doc: Doc, span: GraphSpan) -> Span:
    """The graph span as a spaCy span (entities carry their canonical name as `kb_id_`). A span that starts or
    ends on whitespace covers the tokens around it, an empty one no token; its exact offsets are kept in
    `user_data` ("offsets") and read back from there."""
    extra = {"label": span.label, "span_id": span.id, "kb_id": span.attributes.get("canonical") or ""}
    found = doc.char_span(span.start, span.end, alignment_mode="expand", **extra)
    if found is None:
        at = next((t.i for t in doc if t.idx >= span.start), len(doc))
        found = Span(doc, at, at, **extra)
    return found


def write(results: list[Result], out: Path) -> list[Path]:
    """`out/corpus.spacy`: every article's `Doc`."""
    bin_ = DocBin(store_user_data=True)
    for result in results:
        bin_.add(doc_of(result))
    path = out / FILE_NAME
    bin_.to_disk(path)
    return [path]


def read(path: Path) -> list[Imported]:
    """Every `Doc` of a .spacy file (or the corpus.spacy in a directory) as a validated result. A `Doc` without
    our span groups (say, one saved by another tool) gives its `doc.ents` as entity mentions."""
    path = path / FILE_NAME if path.is_dir() else path
    docs = DocBin().from_disk(path).get_docs(tokenizer_nlp().vocab)
    return [checked(f"{path.name}, doc {n}", lambda doc=doc, n=n: record(doc, n)) for n, doc in enumerate(docs, 1)]


def record(doc: Doc, n: int) -> dict:
    """The `newsclaims/1` object of one `Doc`."""
    data = doc.user_data.get("newsclaims") or {"article": {"id": f"doc-{n}"}, "attributes": {}, "links": []}
    graph = Graph(links=[Link(*link) for link in data["links"]])
    groups = {name: list(doc.spans[name]) for name in GROUPS if name in doc.spans}
    groups.setdefault("entities", list(doc.ents))
    exact = data.get("offsets", {})
    text = doc.text  # built anew on every access
    for spans in groups.values():
        for span in spans:
            start, end = exact.get(span.id_, (span.start_char, span.end_char))
            graph.spans.append(GraphSpan(span.id_, span.label_, start, end, text[start:end],
                                         dict(data["attributes"].get(span.id_) or {})))
    return result_dict(text, data["article"], graph)
