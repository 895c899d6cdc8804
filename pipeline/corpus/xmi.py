"""UIMA CAS XMI, what INCEpTION imports and exports as "UIMA CAS XMI (XML 1.0)", written and read with dkpro-cassis.

`write(results, out)` writes `out/typesystem.xml` and one `<n>-<article id>.xmi` per article (`n` numbers the
articles, so names are unique and sort in input order); `read(path)` reads such a folder, one .xmi with the type
system beside it, or what INCEpTION exports (a zip or folder with TypeSystem.xml and .xmi files, at any depth).

Type system (typesystem.xml; in INCEpTION, Project settings > Layers > Import it before importing the documents, or
INCEpTION drops the layers it does not know):

- `newsclaims.Span` (uima.tcas.Annotation, a span layer), one per graph span (see `graph`):
  `label` the span label (person, agency, organization, venue, place, quantity, claim, cue, content, source,
  phrase); `rid` the graph span id ("e1", "q2", "a1", "a1.content"); `order` its 1-based place in the graph (record
  order); then one feature per attribute of `graph.ATTRIBUTES`, named as the attribute except the entity's `label`
  (the NER label, PERSON), which is `ner_label`. Attributes of the same name share a feature: `kind` is a quantity's
  kind (count, percent, ...) and an attribution's (direct, ...); `ner_label` and `canonical` serve all five entity
  labels. Bool attributes (`source_continued`) are uima.cas.Boolean; str and float
  attributes are uima.cas.String, numbers as Python writes them ("12.5", "3400"; None: unset). Not Double:
  INCEpTION edits only String, Integer, Float (32-bit) and Boolean features, and UIMA's Java serializer writes an
  unset Double as 0.0, so None would not survive a round trip through INCEpTION.
  `escaped` names the features holding JSON (rare: values with characters XML 1.0 cannot hold).
- `newsclaims.Link` (uima.tcas.Annotation, a relation layer on newsclaims.Span; like INCEpTION's own relations it
  spans its dependent): `Governor` and `Dependent` (the graph link's head and tail), `kind` (content, source,
  phrase, quantity, attribution) and `order`.
- DKPro Core `DocumentMetaData` (documentId, documentTitle, documentUri) for tools that show it. INCEpTION rewrites it
  on export, so the article itself is kept in DKPro Core `MetaDataStringField`s (key `newsclaims.<field>`, value
  JSON): id, title, url, outlet, published and path, and `text` where the text holds characters XML 1.0 cannot
  (NUL, other C0 controls, U+FFFE/U+FFFF, lone surrogates): the XMI text has U+FFFD in their place, same length.

Importing the type system, INCEpTION makes both layers allow any overlap and stacking (an entity and a source
share offsets) and anchor on characters, as they need; hide `rid`, `order` and `escaped` there. Spans and links
added by hand have no `rid` / `order` (INCEpTION writes 0): they come after the others, in offset order, with the
defaults and fresh ids of `graph.result_dict`; a link drawn by hand without a `kind` gets the one its span labels
imply.

Offsets: UIMA counts UTF-16 code units, Python code points; cassis converts both ways (an annotation after "🎉" has
begin = Python start + 1 in the file).
"""
from __future__ import annotations

import json
import re
import warnings
import zipfile
from dataclasses import asdict, fields
from functools import lru_cache
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import Any, Callable

from cassis import Cas, TypeSystem, load_cas_from_xmi, load_typesystem
from lxml import etree

from ..records import Article, Result
from .graph import ATTRIBUTES, LINK_KINDS, SPAN_LABELS, Graph, Link, Span, attribute_type, graph_of, result_dict
from .items import Imported, checked

SPAN = "newsclaims.Span"
LINK = "newsclaims.Link"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
FIELD = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.MetaDataStringField"
TYPESYSTEM_FILE = "typesystem.xml"
FIELD_PREFIX = "newsclaims."

STRING, BOOLEAN, INTEGER = "uima.cas.String", "uima.cas.Boolean", "uima.cas.Integer"
UIMA_TYPES = {str: STRING, float: STRING, bool: BOOLEAN}
FEATURE_NAMES = {"label": "ner_label"}  # attribute -> feature, where the span's own feature has the name
OWN_FEATURES = ("label", "rid", "order", "escaped")
KIND_OF_LABELS = {("cue", "content"): "content", ("cue", "source"): "source", ("cue", "phrase"): "phrase",
                  ("claim", "quantity"): "quantity", ("claim", "cue"): "attribution"}  # (governor, dependent)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # what XML 1.0 cannot hold
INTEGER_TEXT = re.compile(r"[-+]?\d+")


# ------------------------------------------------------------------------------------------------ type system

def span_features() -> dict[str, tuple[type, list[str]]]:
    """Feature name -> (Python type, span labels having it) for every attribute in `graph.ATTRIBUTES`."""
    out: dict[str, tuple[type, list[str]]] = {}
    for label, attributes in ATTRIBUTES.items():
        for name in attributes:
            feature, kind = FEATURE_NAMES.get(name, name), attribute_type(label, name)
            known, labels = out.setdefault(feature, (kind, []))
            if known is not kind or feature in OWN_FEATURES:
                raise TypeError(f"attribute {name!r} of {label} spans needs a feature name of its own")
            labels.append(label)
    return out


@lru_cache(maxsize=1)
def type_system() -> TypeSystem:
    """The type system every written document uses (see the module docstring)."""
    ts = TypeSystem()
    span = ts.create_type(SPAN, "uima.tcas.Annotation", "A newsclaims record, or a part of an attribution")
    ts.create_feature(span, "label", STRING, description="person, agency, organization, venue, place, quantity, "
                                                          "claim, cue, content, source or phrase")
    ts.create_feature(span, "rid", STRING, description="The span's id in newsclaims (empty: added by hand)")
    ts.create_feature(span, "order", INTEGER, description="Its place in the records (0: added by hand)")
    for name, (kind, labels) in span_features().items():
        number = "; a number such as 12.5 or 3400, empty for none" if kind is float else ""
        ts.create_feature(span, name, UIMA_TYPES[kind], description=f"Of {', '.join(labels)} spans{number}")
    ts.create_feature(span, "escaped", STRING, description="Features whose value is JSON (XML cannot hold it)")
    link = ts.create_type(LINK, "uima.tcas.Annotation", "A link between two spans (relation on newsclaims.Span)")
    ts.create_feature(link, "Governor", SPAN, description="cue or claim")
    ts.create_feature(link, "Dependent", SPAN, description="content, source, phrase, quantity or cue")
    ts.create_feature(link, "kind", STRING, description="content, source, phrase, quantity or attribution")
    ts.create_feature(link, "order", INTEGER, description="Its place among the links (0: added by hand)")
    meta = ts.create_type(METADATA, "uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId", "documentUri", "collectionId", "documentBaseUri"):
        ts.create_feature(meta, name, STRING)
    ts.create_feature(meta, "isLastSegment", BOOLEAN)
    field = ts.create_type(FIELD, "uima.tcas.Annotation")
    ts.create_feature(field, "key", STRING)
    ts.create_feature(field, "value", STRING)
    return ts


# ------------------------------------------------------------------------------------------------ writing

def write(results: list[Result], out: Path) -> list[Path]:
    """Write `out/typesystem.xml` and one .xmi per result; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    ts = type_system()
    paths = [out / TYPESYSTEM_FILE]
    ts.to_xml(paths[0])
    for name, result in zip(file_names(results), results):
        paths.append(out / name)
        cas_of(result, ts).to_xmi(paths[-1], pretty_print=True)
    return paths


def file_names(results: list[Result]) -> list[str]:
    """"1-odd-1.xmi", ...: the article's number (unique, in input order) and its id made safe for any file system."""
    width = len(str(len(results)))
    return [f"{n:0{width}d}-{safe_name(r.article.id)}.xmi" for n, r in enumerate(results, 1)]


def safe_name(article_id: str) -> str:
    """An article id as part of a file name: ASCII letters, digits, ".", "_" and "-", at most 64 characters."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._")[:64] or "article"


def cas_of(result: Result, ts: TypeSystem) -> Cas:
    """One article as a CAS: its text, metadata, spans and links."""
    cas = Cas(typesystem=ts)
    cas.sofa_string = NOT_XML.sub("\ufffd", result.text)
    cas.add_all(metadata_annotations(result, ts, cas.sofa_string))
    graph = graph_of(result)
    spans = [span_annotation(span, n, ts) for n, span in enumerate(graph.spans, 1)]
    cas.add_all(spans)
    by_id: dict[str, Any] = {}
    for span, fs in zip(graph.spans, spans):
        by_id.setdefault(span.id, fs)
    for n, link in enumerate(graph.links, 1):
        if link.head not in by_id or link.tail not in by_id:
            raise ValueError(f"article {result.article.id}: link {link.kind} {link.head} -> {link.tail} "
                             "points to no span")
        cas.add(link_annotation(link.kind, by_id[link.head], by_id[link.tail], n, ts))
    return cas


def metadata_annotations(result: Result, ts: TypeSystem, sofa: str) -> list:
    """DocumentMetaData for tools that show it, and the article's fields (and the exact text where the XMI text
    needed stand-ins) as MetaDataStringFields."""
    a = result.article
    safe = {k: None if v is None else NOT_XML.sub("\ufffd", v) for k, v in asdict(a).items()}
    meta = ts.get_type(METADATA)(begin=0, end=len(sofa), documentId=safe["id"], documentTitle=safe["title"],
                                 documentUri=safe["url"])
    values = {**asdict(a), **({"text": result.text} if sofa != result.text else {})}
    field = ts.get_type(FIELD)
    return [meta] + [field(begin=0, end=0, key=FIELD_PREFIX + k, value=json_text(v)) for k, v in values.items()]


def json_text(value: Any) -> str:
    """`value` as JSON that XML 1.0 can hold (readable where it can)."""
    text = json.dumps(value, ensure_ascii=False)
    return json.dumps(value) if NOT_XML.search(text) else text


def span_annotation(span: Span, order: int, ts: TypeSystem):
    """A newsclaims.Span for one graph span, its attributes as features."""
    fs = ts.get_type(SPAN)(begin=span.start, end=span.end, order=order)
    values = {"label": span.label, "rid": span.id}
    for name, value in span.attributes.items():
        number = value is not None and attribute_type(span.label, name) is float
        values[FEATURE_NAMES.get(name, name)] = repr(value) if number else value
    escaped = []
    for name, value in values.items():
        if isinstance(value, str) and NOT_XML.search(value):
            value = json.dumps(value)
            escaped.append(name)
        fs.set(name, value)
    fs.escaped = " ".join(escaped) or None
    return fs


def link_annotation(kind: str, governor, dependent, order: int, ts: TypeSystem):
    """A newsclaims.Link; like INCEpTION's relations, it spans its dependent."""
    return ts.get_type(LINK)(begin=dependent.begin, end=dependent.end, Governor=governor, Dependent=dependent,
                             kind=kind, order=order)


# ------------------------------------------------------------------------------------------------ reading

def read(path: Path) -> list[Imported]:
    """One item per .xmi in a folder or zip (at any depth, in name order), or of one .xmi file; each uses the
    typesystem.xml (any case) in its folder or the nearest folder above."""
    if path.is_file() and path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if not n.endswith("/")]
            return read_documents(f"{path.name}/", names, z.read)
    if path.is_file():
        beside = [p.name for p in path.parent.iterdir() if p.name.lower() == TYPESYSTEM_FILE]
        return read_documents("", [path.name, *beside], lambda name: (path.parent / name).read_bytes())
    if not path.is_dir():
        raise FileNotFoundError(f"no such file or folder: {path}")
    names = [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()]
    return read_documents("", names, lambda name: (path / name).read_bytes())


def read_documents(prefix: str, names: list[str], data: Callable[[str], bytes]) -> list[Imported]:
    """Items of the .xmi files among `names` (paths in one folder or zip; `data` gives a file's bytes)."""
    typesystems = [n for n in names if PurePosixPath(n).name.lower() == TYPESYSTEM_FILE]
    loaded: dict[str, TypeSystem | Exception] = {}
    items = []
    for name in sorted(n for n in names if n.lower().endswith(".xmi")):
        ts_name = type_system_name(name, typesystems)
        if ts_name is not None and ts_name not in loaded:
            loaded[ts_name] = type_system_from(ts_name, data)
        ts = loaded.get(ts_name) if ts_name else FileNotFoundError("no typesystem.xml beside it or above it")
        items.append(document(prefix + name, lambda name=name: data(name), ts))
    return items


def type_system_name(name: str, typesystems: list[str]) -> str | None:
    """The type system of document `name`: the one in its folder or the nearest folder above."""
    by_folder = {PurePosixPath(t).parent: t for t in typesystems}
    folder = PurePosixPath(name).parent
    return next((by_folder[f] for f in (folder, *folder.parents) if f in by_folder), None)


def type_system_from(name: str, data: Callable[[str], bytes]) -> TypeSystem | Exception:
    """The type system in file `name`, or the reason it cannot be read."""
    try:
        return load_typesystem(BytesIO(data(name)))
    except Exception as e:  # noqa: BLE001 - reported on every document that needs it
        return ValueError(f"cannot read the type system {name}: {e}")


def document(origin: str, data: Callable[[], bytes], ts: TypeSystem | Exception) -> Imported:
    """One document as an item; its error, if any, names it."""
    def build() -> dict[str, Any]:
        if isinstance(ts, Exception):
            raise ts
        return result_data(load(data(), ts), PurePosixPath(origin).stem)

    item = checked(origin, build)
    if item.error:
        item.error = f"{origin}: {item.error}"
    return item


def load(data: bytes, ts: TypeSystem) -> Cas:
    """The CAS in `data`, with clear errors for broken XML, dangling references and offsets that are not UTF-16
    offsets into the text (cassis only warns about those, and keeps them unconverted)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            cas = load_cas_from_xmi(BytesIO(data), typesystem=ts)
        except etree.XMLSyntaxError as e:
            raise ValueError(f"not well-formed XML: {e}") from None
        except KeyError as e:
            raise ValueError(f"a feature refers to xmi:id {e.args[0]}, which is not in the document") from None
    for w in caught:
        if "offset" in str(w.message):
            raise ValueError(f"an annotation's offsets do not fit the text: {w.message}")
    return cas


def result_data(cas: Cas, fallback_id: str) -> dict[str, Any]:
    """The `newsclaims/1` object of one CAS (not yet validated)."""
    fields_ = metadata_fields(cas)
    text = text_of(cas, fields_)
    return result_dict(text, article_of(cas, fields_, fallback_id), graph_from(cas, text))


def select(cas: Cas, type_name: str) -> list:
    """Annotations of a type, in offset order; none where the type system lacks the type."""
    return cas.select(type_name) if cas.typesystem.contains_type(type_name, match_exactly=True) else []


def metadata_fields(cas: Cas) -> dict[str, Any]:
    """The newsclaims.* MetaDataStringFields, decoded: article fields and, where written, the exact text."""
    out = {}
    for fs in select(cas, FIELD):
        key = fs.get("key") or ""
        if key.startswith(FIELD_PREFIX):
            try:
                out[key[len(FIELD_PREFIX):]] = json.loads(fs.get("value") or "")
            except json.JSONDecodeError:
                raise ValueError(f"metadata field {key} is not JSON: {fs.get('value')!r}") from None
    return out


def text_of(cas: Cas, fields_: dict[str, Any]) -> str:
    """The article text: the XMI text, or the exact text stored beside it where that needed stand-ins."""
    sofa = cas.sofa_string or ""
    text = fields_.get("text", sofa)
    if not isinstance(text, str) or NOT_XML.sub("\ufffd", text) != sofa:
        raise ValueError("the exact text in metadata field newsclaims.text does not match the document text")
    return text


def article_of(cas: Cas, fields_: dict[str, Any], fallback_id: str) -> dict[str, Any]:
    """The article's fields as written, else what DocumentMetaData (or the file name) says."""
    names = [f.name for f in fields(Article)]
    if "id" in fields_:
        return {name: fields_.get(name) for name in names}
    meta = next(iter(select(cas, METADATA)), None)
    known = {} if meta is None else {"id": meta.get("documentId"), "title": meta.get("documentTitle"),
                                     "url": meta.get("documentUri")}
    return {**dict.fromkeys(names), **known, "id": known.get("id") or fallback_id}


def graph_from(cas: Cas, text: str) -> Graph:
    """The graph of a CAS: spans and links we wrote in their order, then those added by hand."""
    ids = {}
    spans = []
    for graph_id, fs in span_order(select(cas, SPAN)):
        ids[fs.xmiID] = graph_id
        spans.append(span_from(fs, graph_id, text))
    return Graph(spans, [link_from(fs, ids) for fs in link_order(select(cas, LINK))])


def span_order(annotations: list) -> list[tuple[str, Any]]:
    """(graph id, annotation) in graph order: those we wrote (the first of each `rid`) by `order`, then those added
    by hand in offset order, named "#<xmi:id>" so that `result_dict` gives them record ids of their own."""
    ours, taken = [], set()
    for fs in sorted((a for a in annotations if a.get("rid") and (a.get("order") or 0) > 0), key=lambda a: a.order):
        if fs.rid not in taken:
            ours.append(fs)
            taken.add(fs.rid)
    written = {id(fs) for fs in ours}
    return [(fs.rid, fs) for fs in ours] + [(f"#{fs.xmiID}", fs) for fs in annotations if id(fs) not in written]


def link_order(annotations: list) -> list:
    """Links we wrote by `order`, then those added by hand in offset order."""
    ours = sorted((a for a in annotations if (a.get("order") or 0) > 0), key=lambda a: a.order)
    return ours + [a for a in annotations if not (a.get("order") or 0) > 0]


def span_from(fs, graph_id: str, text: str) -> Span:
    """The graph span of one newsclaims.Span, its attributes typed as `graph.attribute_type` says."""
    label, where = fs.get("label"), f"span {fs.get('rid') or 'added by hand'} at {fs.begin}-{fs.end}"
    if label not in SPAN_LABELS:
        raise ValueError(f"{where} has label {label!r}, not one of {', '.join(SPAN_LABELS)}")
    if fs.begin is None or fs.end is None or not 0 <= fs.begin <= fs.end <= len(text):
        raise ValueError(f"{where} lies outside the text ({len(text)} characters)")
    escaped = set((fs.get("escaped") or "").split())
    attributes = {}
    for name in ATTRIBUTES.get(label, {}):
        feature = FEATURE_NAMES.get(name, name)
        value = fs.get(feature)
        if value is not None and feature in escaped:
            value = json.loads(value)
        if attribute_type(label, name) is float:
            value = number(value, f"{where}: {feature}")
        attributes[name] = value
    return Span(graph_id, label, fs.begin, fs.end, text[fs.begin:fs.end], attributes)


def number(value: str | None, what: str) -> int | float | None:
    """A number attribute from its text: an int where written as one ("3400"), else a float; None where empty."""
    if value is None or value == "":
        return None
    try:
        return int(value) if INTEGER_TEXT.fullmatch(value) else float(value)
    except ValueError:
        raise ValueError(f"{what} is {value!r}, not a number") from None


def link_from(fs, ids: dict[int, str]) -> Link:
    """The graph link of one newsclaims.Link; one drawn by hand without a kind gets the kind its labels imply."""
    governor, dependent = fs.get("Governor"), fs.get("Dependent")
    where = " ".join(filter(None, ("link", fs.get("kind"), f"at {fs.begin}-{fs.end}")))
    if governor is None or dependent is None:
        raise ValueError(f"{where} has no {'Governor' if governor is None else 'Dependent'}")
    if governor.xmiID not in ids or dependent.xmiID not in ids:
        raise ValueError(f"{where} points to a span that is not among the document's annotations")
    labels = (governor.get("label"), dependent.get("label"))
    kind = fs.get("kind") or KIND_OF_LABELS.get(labels)
    if kind is None:
        raise ValueError(f"{where} from a {labels[0]} to a {labels[1]} span has no kind, and none fits them")
    if kind not in LINK_KINDS:
        raise ValueError(f"{where} has kind {kind!r}, not one of {', '.join(LINK_KINDS)}")
    return Link(kind, ids[governor.xmiID], ids[dependent.xmiID])
