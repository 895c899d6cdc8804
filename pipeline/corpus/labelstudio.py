"""Label Studio: pre-annotated tasks and a labelling config, and the corrected annotations read back as gold.

`write(results, out)` writes `out/tasks.json` (import it into a project) and `out/config.xml` (paste it as the
project's labelling config). `read(path)` reads that tasks.json, or what Label Studio's Export -> "JSON" gives
once people have corrected the tasks. Only the full JSON export is read: JSON-MIN, CSV and the other exports
drop the region ids, relations and per-region fields the graph needs, and a task without `data` is reported as
an error.

The mapping, over the article's graph (`graph.py`):

- a task is `data: {text, article}` (`article` holds id, title, url, outlet, published, path) and one
  prediction, `model_version` "newsclaims <version>", whose `result` holds the regions and relations;
- a span is a region of the `Labels` control `label` over the `Text` object `text`, its label the span's label,
  its `value.start`/`value.end` the span's offsets and `value.text` its text. The region id is the span id made
  safe for Label Studio, which puts region ids into CSS class names: every character but ASCII letters, digits
  and "-" is written `_<hex code>_` ("a1.content" -> "a1_2e_content"), and read back the same way;
- a span attribute is a per-region result with the region's id: a `Choices` control for the enumerable fields
  (qualifier, change, attribution kind, detected_by, source_continued as "true"/"false"), a `TextArea` for the
  rest, floats written with repr() so they read back exactly. An attribute that is None has no result. Controls
  are named `<group>_<field>` ("quantity_value", "attribution_source_role", "entity_canonical"); the five entity
  labels share one group, so an entity whose kind is corrected keeps its canonical name and NER label;
- a link is a `relation` result (`from_id` head, `to_id` tail, direction "right", `labels: [kind]`). On reading,
  the kind comes from the labels of the two regions where the relation has no label, and the head is the end
  that the kind starts from, whichever way a person drew the arrow.

Offsets: Label Studio counts `Text` offsets in code points, as Python does, so they are written and read as
they are. Its editor converts the browser's UTF-16 positions to code points before it stores a region
(`charsToCodePoints` / `fixCodePointsInRange` and `findGlobalOffset` in web/libs/editor/src/utils/
selection-tools.js: "In python and other modern tools complex unicode symbols handled as code points"), and
places stored regions by code points (`[...text]` in RichText/domManager.ts). A region's `value.text` is
checked against text[start:end]; Label Studio writes line breaks in the text of regions people draw as "\\n",
and a browser selection may turn a no-break space into a space, so whitespace is compared loosely.

Reading a task takes its most recently updated annotation that was not cancelled, else its first prediction.
Regions people drew have ids of Label Studio's own and none of the per-region fields: `graph.result_dict` gives
them record ids and the defaults of hand-made records.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from .. import __version__
from ..records import Result, text_id
from .graph import (ATTRIBUTES, ENTITY_KINDS, LINK_KINDS, SPAN_LABELS, Graph, Link, Span, attribute_type,
                    graph_of, result_dict)
from .items import Imported, checked

LABELS = "label"  # the Labels control
TEXT = "text"  # the Text object, and the task's data key holding the article text
COLOURS = {"person": "#4E79A7", "agency": "#F28E2B", "organization": "#E15759", "venue": "#76B7B2",
           "place": "#59A14F", "quantity": "#EDC948", "claim": "#B07AA1", "cue": "#FF9DA7", "content": "#9C755F",
           "source": "#BAB0AC", "phrase": "#86BCB6"}
# the span labels whose attributes one set of per-region controls holds
GROUPS = {"entity": ENTITY_KINDS, "quantity": ("quantity",), "attribution": ("cue",), "claim": ("claim",)}
GROUP_OF = {label: group for group, labels in GROUPS.items() for label in labels}
CONTROLS = {f"{group}_{field}": (group, field) for group, labels in GROUPS.items() for field in ATTRIBUTES[labels[0]]}
CHOICES = {"quantity_qualifier": ("=", "~", ">", "<", ">=", "<="), "quantity_change": ("up", "down"),
           "attribution_kind": ("direct", "indirect", "mixed"), "attribution_detected_by": ("rules", "model"),
           "attribution_source_continued": ("true", "false")}
# the labels of the head and the tail of each kind of link
LINK_ENDS = {"content": ("cue", "content"), "source": ("cue", "source"), "phrase": ("cue", "phrase"),
             "quantity": ("claim", "quantity"), "attribution": ("claim", "cue")}
INTEGER_TEXT = re.compile(r"[+-]?\d+")
SAFE_ID_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")


# ------------------------------------------------------------------------------------------------ writing

def write(results: list[Result], out: Path) -> list[Path]:
    """Write `out/tasks.json` (one pre-annotated task per result) and `out/config.xml`; returns both paths."""
    out.mkdir(parents=True, exist_ok=True)
    tasks_path, config_path = out / "tasks.json", out / "config.xml"
    tasks_path.write_text(json.dumps([task(r) for r in results], ensure_ascii=False), "utf-8")
    config_path.write_text(config_xml(), "utf-8")
    return [tasks_path, config_path]


def task(result: Result) -> dict[str, Any]:
    """One Label Studio task: the text and article metadata, and the result's graph as a prediction."""
    return {"data": {TEXT: result.text, "article": asdict(result.article)},
            "predictions": [{"model_version": f"newsclaims {__version__}", "result": graph_results(graph_of(result))}]}


def graph_results(graph: Graph) -> list[dict[str, Any]]:
    """The regions (each with its per-region results) and relations of a graph, in graph order."""
    results = [r for span in graph.spans for r in span_results(span)]
    return results + [relation_result(link) for link in graph.links]


def span_results(span: Span) -> list[dict[str, Any]]:
    """A span's labels result and one result per attribute that is set."""
    region = {"id": region_id(span.id), "from_name": LABELS, "to_name": TEXT, "type": "labels",
              "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}}
    attributes = [(f"{GROUP_OF.get(span.label)}_{field}", written(value, attribute_type(span.label, field)))
                  for field, value in span.attributes.items() if value is not None]
    return [region] + [attribute_result(region, control, text) for control, text in attributes]


def written(value: Any, kind: type) -> str:
    """An attribute as the text a control holds: numbers by repr() (exact; an int stays an int), booleans as
    "true"/"false"."""
    if kind is float:
        return repr(value if isinstance(value, int) else float(value))
    if kind is bool:
        return "true" if value else "false"
    return str(value)


def attribute_result(region: dict[str, Any], control: str, text: str) -> dict[str, Any]:
    """The per-region result of `control` holding `text`, shaped as Label Studio exports it."""
    span = {"start": region["value"]["start"], "end": region["value"]["end"]}
    if control in CHOICES:
        value = {**span, "text": region["value"]["text"], "choices": [text]}
        return {"id": region["id"], "from_name": control, "to_name": TEXT, "type": "choices", "value": value}
    return {"id": region["id"], "from_name": control, "to_name": TEXT, "type": "textarea",
            "value": {**span, "text": [text]}}


def relation_result(link: Link) -> dict[str, Any]:
    """A link as a Label Studio relation from its head to its tail."""
    return {"type": "relation", "from_id": region_id(link.head), "to_id": region_id(link.tail),
            "direction": "right", "labels": [link.kind]}


def region_id(span_id: str) -> str:
    """A span id as a region id Label Studio can use in a CSS class: other characters as `_<hex>_`."""
    return "".join(c if c in SAFE_ID_CHARACTERS else f"_{ord(c):x}_" for c in span_id)


def config_xml() -> str:
    """The labelling config: the text, a label per span label, the relations, and per-region fields."""
    labels = [f'    <Label value="{label}" background="{COLOURS[label]}"/>' for label in SPAN_LABELS]
    relations = [f'    <Relation value="{kind}"/>' for kind in LINK_KINDS]
    return "\n".join([
        "<View>",
        "  <Style>.htx-text { white-space: pre-wrap; }</Style>",
        f'  <Labels name="{LABELS}" toName="{TEXT}">', *labels, "  </Labels>",
        f'  <Text name="{TEXT}" value="${TEXT}"/>',
        "  <Relations>", *relations, "  </Relations>",
        *[line for group in GROUPS for line in group_view(group)],
        "</View>", ""])


def group_view(group: str) -> list[str]:
    """The fields of one group of labels, shown while a region with one of them is selected."""
    when = quoteattr(",".join(GROUPS[group]))
    lines = [f"  <View visibleWhen=\"region-selected\" whenLabelValue={when}>",
             f'    <Header value="{group.capitalize()}" size="5"/>']
    for control, (control_group, field) in CONTROLS.items():
        if control_group == group:
            lines += [f'    <Header value="{field}" size="6"/>', f"    {control_xml(control, when)}"]
    return lines + ["  </View>"]


def control_xml(control: str, when: str) -> str:
    """One per-region control: Choices for an enumerable field, else a one-line editable TextArea."""
    shown = f'toName="{TEXT}" perRegion="true" whenLabelValue={when}'
    if control in CHOICES:
        choices = "".join(f"<Choice value={quoteattr(c)}/>" for c in CHOICES[control])
        return (f'<Choices name="{control}" {shown} visibleWhen="region-selected" choice="single" '
                f'showInline="true">{choices}</Choices>')
    return f'<TextArea name="{control}" {shown} editable="true" maxSubmissions="1" rows="1"/>'


# ------------------------------------------------------------------------------------------------ reading

def read(path: Path) -> list[Imported]:
    """One item per task of a tasks.json as written (or the directory holding it), or of Label Studio's full JSON
    export."""
    path = path / "tasks.json" if path.is_dir() else path
    tasks = json.loads(path.read_text("utf-8"))
    if not isinstance(tasks, list):
        raise ValueError(f"{path} is not a Label Studio JSON export: expected a list of tasks")
    return [checked(task_origin(path, n, t), partial(task_dict, t)) for n, t in enumerate(tasks, 1)]


def task_origin(path: Path, n: int, task: Any) -> str:
    """Where a task came from: "tasks.json, task 3", with Label Studio's task id where it has one."""
    known = isinstance(task, dict) and task.get("id") is not None
    return f"{path.name}, task {n}" + (f" (Label Studio id {task['id']})" if known else "")


def task_dict(task: Any) -> dict[str, Any]:
    """The `newsclaims/1` object of one task (`items.checked` turns what breaks into the task's error)."""
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise ValueError("the task has no `data`: not Label Studio's full JSON export (JSON-MIN is not read)")
    text = task["data"].get(TEXT)
    if not isinstance(text, str):
        raise ValueError(f"the task has no text in data.{TEXT}")
    article = task["data"].get("article") or {"id": text_id(text)}
    return result_dict(text, article, graph_from(text, chosen_results(task)))


def chosen_results(task: dict[str, Any]) -> list[dict[str, Any]]:
    """The results of the task's latest annotation that was not cancelled. A task of our own tasks.json (no
    `annotations` at all) gives its first prediction; a task of Label Studio's export that nobody annotated, or
    only skipped, is an error: its pre-annotation is no gold."""
    annotations = [(a.get("updated_at") or a.get("created_at") or "", n, a)
                   for n, a in enumerate(task.get("annotations") or []) if not a.get("was_cancelled")]
    if annotations:
        return max(annotations, key=lambda stamped: stamped[:2])[2].get("result") or []
    if "annotations" in task:
        skipped = any(a.get("was_cancelled") for a in task["annotations"] or [])
        raise ValueError(f"the task was {'skipped' if skipped else 'not annotated'} in Label Studio: its "
                         "pre-annotation is no gold")
    if task.get("predictions"):
        return task["predictions"][0].get("result") or []
    raise ValueError("the task has no annotation and no prediction")


def graph_from(text: str, results: list[dict[str, Any]]) -> Graph:
    """The graph of one annotation: a span per region (in the order regions first appear) and its links."""
    regions: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        if r.get("type") != "relation":
            regions.setdefault(str(r.get("id")), []).append(r)
    spans = {rid: span_of(text, rid, parts) for rid, parts in regions.items()}
    links = [link_of(r, spans) for r in results if r.get("type") == "relation"]
    return Graph(list(spans.values()), links)


def span_of(text: str, rid: str, parts: list[dict[str, Any]]) -> Span:
    """The span of one region from its labels result, with the attributes its per-region results hold."""
    values = [p.get("value") or {} for p in parts if p.get("from_name") == LABELS]
    labels = [label for value in values for label in value.get("labels") or []]
    if len(labels) != 1:
        raise ValueError(f"region {rid!r} has {len(labels) or 'no'} labels, not one")
    value, label = values[0], labels[0]
    if label not in SPAN_LABELS:
        raise ValueError(f"region {rid!r} has the unknown label {label!r} (labels: {', '.join(SPAN_LABELS)})")
    start, end = offsets(text, rid, value)
    attributes = {}
    for part in parts:
        control = part.get("from_name")
        if control != LABELS and control not in CONTROLS:
            raise ValueError(f"region {rid!r} has a result of the unknown control {control!r}")
        if control != LABELS and CONTROLS[control][0] == GROUP_OF.get(label):
            field = CONTROLS[control][1]
            attributes[field] = attribute_value(rid, label, field, part.get("value", {}))
    return Span(span_id(rid), label, start, end, text[start:end], attributes)


def offsets(text: str, rid: str, value: dict[str, Any]) -> tuple[int, int]:
    """A region's start and end, checked against the text and the region's own `value.text`."""
    start, end = value.get("start"), value.get("end")
    if not all(isinstance(o, int) and not isinstance(o, bool) for o in (start, end)):
        raise ValueError(f"region {rid!r} has offsets {start!r}-{end!r}, not character offsets")
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"region {rid!r}: offsets {start}-{end} are outside the text (0-{len(text)})")
    given = value.get("text")
    if isinstance(given, str) and loosely(given) != loosely(text[start:end]):
        raise ValueError(f"region {rid!r}: text[{start}:{end}] is {text[start:end]!r}, not {given!r}")
    return start, end


def loosely(text: str) -> str:
    """Text with Label Studio's "\\n" for line breaks read back and every whitespace character a space."""
    return re.sub(r"\s", " ", text.replace("\\n", "\n"))


def attribute_value(rid: str, label: str, field: str, value: dict[str, Any]) -> Any:
    """The typed value of a per-region result: a choice or the text typed (None where empty)."""
    given = value.get("choices") if "choices" in value else value.get("text")
    if isinstance(given, str):
        given = [given]
    if not given:
        return None
    text, kind = "\n".join(given), attribute_type(label, field)
    if kind is bool:
        if text not in ("true", "false"):
            raise ValueError(f"region {rid!r}: {field} is {text!r}, not true or false")
        return text == "true"
    if kind is float:
        try:
            number = int(text) if INTEGER_TEXT.fullmatch(text) else float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise ValueError(f"region {rid!r}: {field} {text!r} is not a number")
        return number
    return text


def link_of(relation: dict[str, Any], spans: dict[str, Span]) -> Link:
    """The link a relation stands for, its kind from its label or else from the labels of its ends."""
    ends = [str(relation.get("from_id")), str(relation.get("to_id"))]
    missing = [rid for rid in ends if rid not in spans]
    if missing:
        raise ValueError(f"a relation from {ends[0]!r} to {ends[1]!r} refers to no region {missing[0]!r}")
    a, b = spans[ends[0]], spans[ends[1]]
    labels = relation.get("labels") or []
    kinds = labels or [k for k, pair in LINK_ENDS.items() if pair in ((a.label, b.label), (b.label, a.label))]
    if len(kinds) != 1 or kinds[0] not in LINK_ENDS:
        named = f"labelled {', '.join(map(str, labels))} " if labels else ""
        raise ValueError(f"a relation {named}between {a.label} {a.text!r} and {b.label} {b.text!r} is none of "
                         f"{', '.join(LINK_KINDS)}")
    kind = kinds[0]
    if LINK_ENDS[kind] == (b.label, a.label):
        a, b = b, a
    if LINK_ENDS[kind] != (a.label, b.label):
        raise ValueError(f"a {kind} relation links a {LINK_ENDS[kind][0]} to a {LINK_ENDS[kind][1]}, "
                         f"not {a.label} {a.text!r} to {b.label} {b.text!r}")
    return Link(kind, a.id, b.id)


def span_id(rid: str) -> str:
    """The span id a region id stands for: `region_id` undone, or the id itself where it is not one of ours."""
    def character(match: re.Match) -> str:
        code = int(match.group(1), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    decoded = re.sub(r"_([0-9a-f]{1,6})_", character, rid)
    return decoded if region_id(decoded) == rid else rid
