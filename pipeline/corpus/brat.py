"""brat standoff: `<name>.txt` and `<name>.ann` per article, PolNeAR's convention for attributions.

- Text-bound spans (T): an entity mention typed by its kind (`Person`, `Agency`, `Organization`, `Venue`,
  `Place`), `Quantity`, `Claim`, and for attributions `Source`, `Cue`, `Content`, `SourcePhrase`.
- An attribution is an `Attribution` event (E) whose trigger is a T `Attribution` over the cue, with the arguments
  `Cue`, `Content`, and where given `Source` and `Phrase` (PolNeAR: `E1 Attribution:T4 Content:T3 Cue:T2 Source:T1`).
- A claim links to the quantities it states (`States` relations) and to its attribution's cue (`Attributed`).
- Attributes (A): a quantity's `Qualifier` and `Change`; an attribution's `Kind`, `DetectedBy` and
  `ContinuedSource` (a speaker continued from an earlier quote: no source text).
- Every other field (record id, value, unit, canonical name, ...) is a JSON object in an `AnnotatorNotes` line
  (#) on the span or event, so nothing is lost and brat shows it.
- `annotation.conf` declares all of it; `articles.jsonl` keeps each file's article metadata.

Offsets count Python characters of the .txt as written (newline="": a CRLF stays two characters), which is how brat
reads a text. A discontinuous span read from elsewhere (PolNeAR's "s e;s e") becomes the stretch from its first
start to its last end. `parse_ann` is the reader `eval/polnear.py` scores PolNeAR's gold with.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..records import Result, json_line
from .graph import ENTITY_KINDS, Graph, Link, Span, attribute_type, graph_of, result_dict
from .items import Imported, checked

TYPE_OF_LABEL = {**{kind: kind.capitalize() for kind in ENTITY_KINDS}, "quantity": "Quantity", "claim": "Claim",
                 "source": "Source", "cue": "Cue", "content": "Content", "phrase": "SourcePhrase"}
LABEL_OF_TYPE = {t: label for label, t in TYPE_OF_LABEL.items()}
ROLE_OF_LINK = {"content": "Content", "source": "Source", "phrase": "Phrase"}  # event arguments
RELATION_OF_LINK = {"quantity": "States", "attribution": "Attributed"}
QUALIFIERS = {"=": "equal", "~": "about", ">": "more", "<": "less", ">=": "at-least", "<=": "at-most"}
BRAT_ATTRIBUTES = {"quantity": {"qualifier": "Qualifier", "change": "Change"},
                   "cue": {"kind": "Kind", "detected_by": "DetectedBy", "source_continued": "ContinuedSource"}}
CONF = """[entities]
Person
Agency
Organization
Venue
Place
Quantity
Claim
Source
Cue
Content
SourcePhrase

[relations]
States\tArg1:Claim, Arg2:Quantity
Attributed\tArg1:Claim, Arg2:Cue
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tCue:Cue, Content:Content, Source?:Source, Phrase?:SourcePhrase

[attributes]
Qualifier\tArg:Quantity, Value:equal|about|more|less|at-least|at-most
Change\tArg:Quantity, Value:up|down
Kind\tArg:Attribution, Value:direct|indirect|mixed
DetectedBy\tArg:Attribution, Value:rules|model
ContinuedSource\tArg:Attribution
"""


@dataclass
class Standoff:
    """One parsed .ann: text-bound spans by id (type, pieces, text), events, relations, attributes, notes."""

    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = field(default_factory=dict)
    events: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)  # id, trigger, (role, T)
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # type, Arg1, Arg2
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # name, target, value ("" if binary)
    notes: dict[str, str] = field(default_factory=dict)  # target -> note


def parse_ann(ann: str) -> Standoff:
    """The annotations of one .ann file. Lines without a tab (a span's text broken over lines, as in a few of
    PolNeAR's files) are skipped; a line that cannot be read raises ValueError naming it."""
    out = Standoff()
    for number, line in enumerate(ann.split("\n"), 1):
        line = line.rstrip("\r")
        if "\t" not in line:
            continue
        try:
            parse_line(out, line.split("\t", 2))
        except (ValueError, IndexError) as e:
            raise ValueError(f"line {number} ({line[:60]!r}) cannot be read: {e}") from None
    return out


def parse_line(out: Standoff, fields: list[str]) -> None:
    """Add one tab-split .ann line to `out`."""
    key, body = fields[0], fields[1]
    if key.startswith("T"):
        kind, ranges = body.split(" ", 1)
        pieces = [(int(a), int(b)) for a, b in (piece.split() for piece in ranges.split(";"))]
        out.spans[key] = (kind, pieces, fields[2] if len(fields) > 2 else "")
    elif key.startswith("E"):
        trigger, *arguments = body.split()
        out.events.append((key, trigger, [tuple(a.split(":", 1)) for a in arguments]))
    elif key.startswith("R"):
        kind, arg1, arg2 = body.split()
        out.relations.append((kind, arg1.split(":", 1)[1], arg2.split(":", 1)[1]))
    elif key.startswith(("A", "M")):
        name, target, *value = body.split()
        out.attributes.append((name, target, value[0] if value else ""))
    elif key.startswith("#"):
        out.notes[body.split()[1]] = fields[2] if len(fields) > 2 else ""


def safe_names(results: list[Result]) -> list[str]:
    """A distinct file name for each article, from its id."""
    names: list[str] = []
    for result in results:
        base = re.sub(r"[^\w.-]+", "_", result.article.id).strip("._")[:80] or "article"
        name, n = base, 1
        while name in names:
            n += 1
            name = f"{base}-{n}"
        names.append(name)
    return names


def write(results: list[Result], out: Path) -> list[Path]:
    """`<name>.txt` and `<name>.ann` per article, `annotation.conf` and `articles.jsonl`."""
    written = [out / "annotation.conf", out / "articles.jsonl"]
    written[0].write_text(CONF, encoding="utf-8")
    with written[1].open("w", encoding="utf-8", newline="\n") as meta:
        for name, result in zip(safe_names(results), results):
            meta.write(json_line({"file": name, "article": asdict(result.article)}) + "\n")
            (out / f"{name}.txt").write_text(result.text, encoding="utf-8", newline="")
            (out / f"{name}.ann").write_text(ann_of(graph_of(result)), encoding="utf-8", newline="")
            written += [out / f"{name}.txt", out / f"{name}.ann"]
    return written


def one_line(text: str) -> str:
    """A span's text as the T line shows it: every line break and tab a space."""
    return re.sub(r"\r\n|[\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", " ", text)


def ann_of(graph: Graph) -> str:
    """The .ann lines of one article's graph."""
    tids = {s.id: f"T{n}" for n, s in enumerate(graph.spans, 1)}
    lines, notes = [], []
    for s in graph.spans:
        lines.append(f"{tids[s.id]}\t{TYPE_OF_LABEL[s.label]} {s.start} {s.end}\t{one_line(s.text)}")
    cues = [s for s in graph.spans if s.label == "cue"]
    targets = {s.id: tids[s.id] for s in graph.spans if s.label != "cue"}
    triggers: dict[tuple[int, int], str] = {}  # one trigger per cue extent, as brat prefers
    for n, cue in enumerate(cues, 1):
        if (cue.start, cue.end) not in triggers:
            triggers[(cue.start, cue.end)] = f"T{len(tids) + len(triggers) + 1}"
            lines.append(f"{triggers[(cue.start, cue.end)]}\tAttribution {cue.start} {cue.end}\t{one_line(cue.text)}")
        targets[cue.id] = f"E{n}"
    for n, cue in enumerate(cues, 1):
        arguments = [f"Cue:{tids[cue.id]}"] + [f"{ROLE_OF_LINK[link.kind]}:{tids[link.tail]}"
                                                for link in graph.links if link.head == cue.id]
        lines.append(f"E{n}\tAttribution:{triggers[(cue.start, cue.end)]} " + " ".join(arguments))
    relations = [link for link in graph.links if link.kind in RELATION_OF_LINK]
    lines += [f"R{n}\t{RELATION_OF_LINK[link.kind]} Arg1:{tids[link.head]} Arg2:{tids[link.tail]}"
              for n, link in enumerate(relations, 1)]
    attributes = []
    for s in graph.spans:
        for name, brat_name in BRAT_ATTRIBUTES.get(s.label, {}).items():
            value = s.attributes.get(name)
            if value is True:
                attributes.append(f"{brat_name} {targets[s.id]}")
            elif value not in (None, False):
                attributes.append(f"{brat_name} {targets[s.id]} {QUALIFIERS.get(value, value)}")
        rest = {k: v for k, v in s.attributes.items() if k not in BRAT_ATTRIBUTES.get(s.label, {}) and v is not None}
        notes.append((targets[s.id], json_line({"id": s.id, **rest})))
    lines += [f"A{n}\t{a}" for n, a in enumerate(attributes, 1)]
    lines += [f"#{n}\tAnnotatorNotes {target}\t{note}" for n, (target, note) in enumerate(notes, 1)]
    return "\n".join(lines) + "\n"


def read(path: Path) -> list[Imported]:
    """Every `<name>.ann` with its `<name>.txt` in a directory (or one .ann file), as validated results."""
    folder = path if path.is_dir() else path.parent
    articles, unreadable = metadata(folder / "articles.jsonl")
    order = {name: n for n, name in enumerate(articles)}  # as written; files added later after, by name
    anns = sorted(path.glob("*.ann"), key=lambda p: (order.get(p.stem, len(order)), p.name)) if path.is_dir() else [path]

    def build(ann: Path) -> dict:
        if ann.stem not in articles and unreadable:
            raise ValueError(f"its line in articles.jsonl cannot be read ({unreadable})")
        return record(ann, articles.get(ann.stem, {"id": ann.stem}))

    return [checked(ann.name, lambda ann=ann: build(ann)) for ann in anns]


def metadata(path: Path) -> tuple[dict[str, dict], str | None]:
    """The article metadata of each file named in articles.jsonl, and what is wrong with its first bad line."""
    articles, unreadable = {}, None
    if path.exists():
        for n, line in enumerate(path.read_text("utf-8").split("\n"), 1):
            if line.strip():
                try:
                    entry = json.loads(line)
                    articles[entry["file"]] = entry["article"]
                except (ValueError, KeyError, TypeError) as e:
                    unreadable = unreadable or f"line {n}: {e}"
    return articles, unreadable


def record(ann: Path, article: dict) -> dict:
    """The `newsclaims/1` object of one .ann and its .txt."""
    txt = ann.with_suffix(".txt")
    if not txt.exists():
        raise ValueError(f"{txt.name} is missing beside {ann.name}")
    with txt.open(encoding="utf-8", newline="") as f:
        text = f.read()
    with ann.open(encoding="utf-8", newline="") as f:
        return result_dict(text, article, graph_from(parse_ann(f.read()), text))


def graph_from(standoff: Standoff, text: str) -> Graph:
    """The graph of one parsed .ann over its text: T spans (cues through their events), events, relations,
    attributes and notes, each checked against the text."""
    graph = Graph()
    ids = {}
    for tid, (kind, pieces, shown) in standoff.spans.items():
        if kind in ("Attribution", "Cue"):
            continue  # a cue is taken through its event, the event's trigger is the cue again
        span = text_span(tid, kind, pieces, shown, text, note_of(standoff, tid))
        ids[tid] = span.id
        graph.spans.append(span)
    cue_of_t = {}
    for eid, trigger, arguments in standoff.events:
        roles = event_roles(standoff, eid, trigger, arguments)
        kind, pieces, shown = standoff.spans[roles["Cue"]]
        cue = text_span(roles["Cue"], "Cue", pieces, shown, text, note_of(standoff, eid), default_id=eid)
        ids[eid] = cue.id
        cue_of_t.setdefault(roles["Cue"], cue.id)
        graph.spans.append(cue)
        graph.links += [Link(link, cue.id, ids[roles[role]]) for link, role in ROLE_OF_LINK.items() if role in roles]
    graph.links += [relation_link(standoff, kind, head, tail, ids, cue_of_t)
                    for kind, head, tail in standoff.relations]
    by_id = {s.id: s for s in graph.spans}
    for name, target, value in standoff.attributes:
        span = by_id.get(ids.get(target))
        field_name = next((k for k, v in BRAT_ATTRIBUTES.get(span.label if span else "", {}).items() if v == name), None)
        if field_name is None:
            raise ValueError(f"the attribute {name} cannot be set on {target}")
        span.attributes[field_name] = True if value == "" else {v: k for k, v in QUALIFIERS.items()}.get(value, value)
    return graph


ROLE_TYPES = {"Cue": "Cue", "Content": "Content", "Source": "Source", "Phrase": "SourcePhrase"}


def event_roles(standoff: Standoff, eid: str, trigger: str, arguments: list[tuple[str, str]]) -> dict[str, str]:
    """An Attribution event's arguments by role, each checked: it names a T line of the role's type, once."""
    if not trigger.startswith("Attribution:"):
        raise ValueError(f"{eid}: an event of type {trigger.split(':')[0]!r}, not Attribution")
    roles: dict[str, str] = {}
    for role, target in arguments:
        role = re.sub(r"\d+$", "", role)
        if role not in ROLE_TYPES:
            raise ValueError(f"{eid}: unknown argument {role!r} (known: {', '.join(ROLE_TYPES)})")
        if role in roles:
            raise ValueError(f"{eid}: two {role} arguments; newsclaims records have one")
        if standoff.spans.get(target, ("",))[0] != ROLE_TYPES[role]:
            raise ValueError(f"{eid}: its {role} {target} is not a {ROLE_TYPES[role]} span of this file")
        roles[role] = target
    trigger_t = trigger.split(":", 1)[1]
    if "Cue" not in roles and standoff.spans.get(trigger_t, ("",))[0] == "Attribution":
        roles["Cue"] = trigger_t  # an event whose trigger is its cue
    if "Cue" not in roles:
        raise ValueError(f"{eid}: no Cue argument and no trigger span {trigger_t}")
    return roles


def relation_link(standoff: Standoff, kind: str, head: str, tail: str, ids: dict[str, str],
                  cue_of_t: dict[str, str]) -> Link:
    """A `States` or `Attributed` relation as a link, its ends checked."""
    link = next((k for k, name in RELATION_OF_LINK.items() if name == kind), None)
    if link is None:
        raise ValueError(f"unknown relation type {kind!r} (known: {', '.join(RELATION_OF_LINK.values())})")
    ends = {"quantity": ("Claim", "Quantity"), "attribution": ("Claim", "Cue")}[link]
    found = (standoff.spans.get(head, ("",))[0], standoff.spans.get(tail, ("",))[0])
    if found != ends or (link == "attribution" and tail not in cue_of_t):
        raise ValueError(f"{kind} {head} -> {tail} must link a {ends[0]} to a {ends[1]}"
                         + (" of an Attribution event" if link == "attribution" else ""))
    return Link(link, ids[head], cue_of_t[tail] if link == "attribution" else ids[tail])


def note_of(standoff: Standoff, target: str) -> dict:
    """The JSON object of a span's or event's AnnotatorNotes; {} where there is none or it is a person's words."""
    try:
        note = json.loads(standoff.notes.get(target, ""))
    except ValueError:
        return {}
    return note if isinstance(note, dict) else {}


def text_span(tid: str, kind: str, pieces: list[tuple[int, int]], shown: str, text: str, note: dict,
              default_id: str | None = None) -> Span:
    """A T line as a graph span, after checking its type, its offsets and its text against the .txt."""
    if kind not in LABEL_OF_TYPE:
        raise ValueError(f"{tid}: unknown type {kind!r} (known: {', '.join(LABEL_OF_TYPE)})")
    start, end = pieces[0][0], pieces[-1][1]
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"{tid}: offsets {start}-{end} fall outside the text ({len(text)} characters)")
    written = one_line(" ".join(text[a:b] for a, b in pieces))
    if shown and one_line(shown) != written:
        raise ValueError(f"{tid}: the text at {start}-{end} is {written!r}, the .ann says {shown!r}")
    label = LABEL_OF_TYPE[kind]
    attributes = {k: v for k, v in note.items() if k != "id"}
    typed = {k: v for k, v in attributes.items() if attribute_type(label, k) is not float or v is None
             or isinstance(v, (int, float))}
    if typed != attributes:
        bad = next(k for k in attributes if k not in typed)
        raise ValueError(f"{tid}: {bad} must be a number, not {attributes[bad]!r}")
    return Span(str(note.get("id") or default_id or tid), label, start, end, text[start:end], attributes)
