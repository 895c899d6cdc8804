"""The `newsclaims/1` contract as typed records.

Everything downstream of the NLP stages (CLI output, store, eval) works on these records, never on spaCy
`Doc`s, so results can cross process and machine boundaries. `to_dict()` gives exactly the JSON contract;
`from_dict()` reads it back.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_ID = "newsclaims/1"


@dataclass
class TextSpan:
    """A stretch of the article text: `text == article_text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass
class Article:
    """Metadata of one article; `id` is given or derived from the text."""

    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    path: str | None = None


@dataclass
class Entity:
    """One mention of a named entity; `canonical` names the entity it refers to within the article."""

    id: str
    text: str
    start: int
    end: int
    kind: str  # person | agency | organization | venue | place
    label: str  # the spaCy NER label it came from, or PATTERN for our own patterns
    canonical: str


@dataclass
class Quantity:
    """One quantitative expression with its value read the way a fact-checker reads it."""

    id: str
    text: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # as written ("percent", "hours", "mass shootings")
    unit_normalized: str | None = None  # from models/units.json ("percent", "hour", "USD") or None for counts
    kind: str = "count"  # count | percent | fraction | ratio | money | duration | length | mass | ...
    qualifier: str = "="  # = ~ > < >= <=
    change: str | None = None  # up | down
    base: float | None = None  # "4 percent of 106 shootings" -> 106
    counted: str | None = None  # what is counted ("mass shootings")
    time: str | None = None  # time scope as written ("between 2000 and 2015")
    previous: float | None = None  # the earlier value of a change ("up from 81,000", "rose from 12 to 15")
    place: str | None = None  # place scope: the place named in the same clause ("in Ohio")


@dataclass
class Source:
    """Who a statement is attributed to. For a quote continuing the previous speaker's, text/start/end are None."""

    text: str | None
    start: int | None
    end: int | None
    entity: str | None  # id of the entity mention that names the source, if any
    canonical: str | None
    role: str | None = None
    # the whole phrase naming the source as written, with titles, ages, appositives and relative clauses
    # ("Jimmy Ghazal, 39, a Lebanese man visiting Nice"); None where it is `text` itself or there is no text
    phrase: TextSpan | None = None


@dataclass
class Attribution:
    """A statement (content) attributed to a source through a cue ("said", "according to", quote marks)."""

    id: str
    kind: str  # direct | indirect | mixed
    source: Source | None
    cue: TextSpan
    content: TextSpan
    # "rules": a speech, cognition or finding cue, "according to", quote marks; "model": a cue only the learned
    # detector finds (stances and acts: "criticized", "endorsed", "is upbeat about"), never a claim's attribution
    detected_by: str = "rules"


@dataclass
class Claim:
    """A quantitative claim: the clause or sentence stating one or more quantities, and whose claim it is."""

    id: str
    text: str
    start: int
    end: int
    quantities: list[str]
    attribution: str | None
    source: str | None  # canonical source; the outlet (or None) when nobody is cited


@dataclass
class Result:
    """Everything extracted from one article."""

    article: Article
    text: str
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    schema: str = SCHEMA_ID

    def to_dict(self) -> dict[str, Any]:
        """The article as a `newsclaims/1` JSON object."""
        out = asdict(self)
        return {"schema": out.pop("schema"), **out}

    def to_json(self) -> str:
        return json_line(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Result":
        """Read a `newsclaims/1` object back into records (validate it first with `validate`)."""

        def source(d):
            if d is None:
                return None
            phrase = d.get("phrase")
            return Source(**{**d, "phrase": TextSpan(**phrase) if phrase else None})

        return cls(
            schema=data["schema"],
            article=Article(**data["article"]),
            text=data["text"],
            entities=[Entity(**e) for e in data["entities"]],
            quantities=[Quantity(**q) for q in data["quantities"]],
            attributions=[
                Attribution(
                    id=a["id"], kind=a["kind"], source=source(a["source"]),
                    cue=TextSpan(**a["cue"]), content=TextSpan(**a["content"]),
                    detected_by=a.get("detected_by", "rules"),
                )
                for a in data["attributions"]
            ],
            claims=[Claim(**c) for c in data["claims"]],
        )


LONE_SURROGATE = re.compile("[\ud800-\udfff]")
LINE_BREAKS_IN_STRINGS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(value: Any) -> str:
    """`value` as one line of JSON Lines, readable (UTF-8, not \\u-escaped) and still one line for readers that split
    at every Unicode line break (Python's `str.splitlines`): NEL, LINE and PARAGRAPH SEPARATOR are escaped (json
    escapes the other breaks itself)."""
    line = json.dumps(value, ensure_ascii=False)
    for character, escape in LINE_BREAKS_IN_STRINGS.items():
        line = line.replace(character, escape)
    return line


def text_id(text: str) -> str:
    """A stable article id for text that came without one."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of `newsclaims/1`, shipped in the package."""
    return json.loads(resources.files("pipeline").joinpath("schema/newsclaims-1.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def schema_validator():
    """A validator of the schema, which is checked once (`jsonschema.validate` checks it again on every call)."""
    import jsonschema

    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())
    return cls(schema())


def validate(data: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` unless `data` follows the contract, then check every span's offsets."""
    import jsonschema

    error = jsonschema.exceptions.best_match(schema_validator().iter_errors(data))
    if error is not None:
        raise error
    lone = LONE_SURROGATE.search(data["text"])
    if lone:
        raise ValueError(f"text[{lone.start()}] is a lone surrogate (U+{ord(lone.group()):04X}), which no UTF-8 "
                         "file can hold")
    for problem in offset_problems(data):
        raise ValueError(problem)


def offset_problems(data: dict[str, Any]) -> list[str]:
    """Every span in a result whose `text` is not `text[start:end]`, or whose offsets are not whole numbers (the
    schema's integers admit 0.0)."""
    text = data["text"]
    spans: list[tuple[str, dict]] = []
    spans += [(f"entity {e['id']}", e) for e in data["entities"]]
    spans += [(f"quantity {q['id']}", q) for q in data["quantities"]]
    spans += [(f"claim {c['id']}", c) for c in data["claims"]]
    for a in data["attributions"]:
        spans += [(f"cue of {a['id']}", a["cue"]), (f"content of {a['id']}", a["content"])]
        if a["source"] and a["source"]["start"] is not None:
            spans.append((f"source of {a['id']}", a["source"]))
        if a["source"] and a["source"].get("phrase"):
            spans.append((f"source phrase of {a['id']}", a["source"]["phrase"]))
    problems = []
    for name, s in spans:
        if type(s["start"]) is not int or type(s["end"]) is not int:
            problems.append(f"{name}: offsets {s['start']!r}:{s['end']!r} are not whole numbers")
        elif (written := text[s["start"]:s["end"]]) != s["text"]:
            problems.append(f"{name}: text[{s['start']}:{s['end']}] is {written!r}, not {s['text']!r}")
    return problems


__all__ = [
    "Article", "Attribution", "Claim", "Entity", "Quantity", "Result", "Source", "TextSpan",
    "SCHEMA_ID", "schema", "text_id", "validate", "offset_problems",
]
