"""Hugging Face `datasets`: one row per article, every layer a list of typed structs (not JSON strings).

`write` saves a `DatasetDict` (one split, "train" unless told) with `save_to_disk` into `out/dataset/`, the same
rows as Parquet in `out/data/<split>.parquet`, and a dataset card `out/README.md` whose YAML header lists the
features and points `load_dataset(out)` at the Parquet files. `read` takes either directory, or a Parquet file.
The columns are the `newsclaims/1` fields themselves, so a row is a record (`Result.from_dict`).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml
from datasets import Dataset, DatasetDict, Features, List, Value, load_from_disk

from ..records import SCHEMA_ID, Result
from .items import Imported, checked

STRING, INT, FLOAT = Value("string"), Value("int64"), Value("float64")
PIECE = {"text": STRING, "start": INT, "end": INT}
ARTICLE = {name: STRING for name in ("id", "title", "url", "outlet", "published", "path")}
ENTITY = {"id": STRING, **PIECE, "kind": STRING, "label": STRING, "canonical": STRING}
QUANTITY = {"id": STRING, **PIECE, "value": FLOAT, "low": FLOAT, "high": FLOAT, "unit": STRING,
            "unit_normalized": STRING, "kind": STRING, "qualifier": STRING, "change": STRING, "base": FLOAT,
            "counted": STRING, "time": STRING, "previous": FLOAT, "place": STRING}
SOURCE = {"text": STRING, "start": INT, "end": INT, "entity": STRING, "canonical": STRING, "role": STRING,
          "phrase": PIECE}
ATTRIBUTION = {"id": STRING, "kind": STRING, "source": SOURCE, "cue": PIECE, "content": PIECE,
               "detected_by": STRING}
CLAIM = {"id": STRING, **PIECE, "quantities": List(STRING), "attribution": STRING, "source": STRING}
FEATURES = Features({"article": ARTICLE, "text": STRING, "entities": List(ENTITY), "quantities": List(QUANTITY),
                     "attributions": List(ATTRIBUTION), "claims": List(CLAIM)})


def dataset(results: list[Result]) -> Dataset:
    """The results as a `Dataset` with the typed features above."""
    rows = {name: [] for name in FEATURES}
    for result in results:
        data = result.to_dict()
        for name in FEATURES:
            rows[name].append(data[name])
    return Dataset.from_dict(rows, features=FEATURES)


def write(results: list[Result], out: Path, split: str = "train") -> list[Path]:
    """`out/dataset/` (save_to_disk), `out/data/<split>.parquet` and the card `out/README.md`."""
    rows = dataset(results)
    DatasetDict({split: rows}).save_to_disk(str(out / "dataset"))
    parquet = out / "data" / f"{split}.parquet"
    parquet.parent.mkdir(parents=True, exist_ok=True)
    rows.to_parquet(str(parquet))
    card = out / "README.md"
    card.write_text(dataset_card(results, rows, split), encoding="utf-8")
    return [out / "dataset", parquet, card]


def read(path: Path) -> list[Imported]:
    """Rows of a `save_to_disk` directory (a Dataset or every split of a DatasetDict), an export directory or a
    Parquet file, each as a validated result."""
    if path.is_dir() and (path / "dataset").is_dir():
        path = path / "dataset"
    if path.suffix == ".parquet":
        splits = {path.stem: Dataset.from_parquet(str(path), features=FEATURES)}
    else:
        loaded = load_from_disk(str(path))
        splits = dict(loaded) if isinstance(loaded, DatasetDict) else {"rows": loaded}
    return [checked(f"{name}[{i}]", lambda row=row: record(row))
            for name, rows in splits.items() for i, row in enumerate(rows)]


def record(row: dict) -> dict:
    """A row as a `newsclaims/1` object (Arrow keeps a null struct apart from a struct of nulls, so a missing
    source or phrase comes back as None and a source of Nones as one)."""
    return {"schema": SCHEMA_ID, **row}


def dataset_card(results: list[Result], rows: Dataset, split: str) -> str:
    """A README.md in the Hugging Face dataset-card format: features, counts and how the data was made."""
    from .. import __version__

    layers = Counter()
    kinds = Counter(e.kind for r in results for e in r.entities)
    for r in results:
        layers.update(entities=len(r.entities), quantities=len(r.quantities), attributions=len(r.attributions),
                      claims=len(r.claims))
    header = {"configs": [{"config_name": "default", "data_files": [{"split": split, "path": f"data/{split}.parquet"}]}],
              "dataset_info": {"features": FEATURES._to_yaml_list(),  # as datasets' push_to_hub writes them
                               "splits": [{"name": split, "num_bytes": rows.data.nbytes,
                                          "num_examples": len(results)}]}}
    return f"""---
{yaml.safe_dump(header, sort_keys=False, allow_unicode=True)}---
# News claims: entities, quantities, attributions and claims

{len(results)} news articles annotated by newsclaims {__version__} (schema `{SCHEMA_ID}`). Each row is one article:
its text and every layer, with character offsets into that text (`text[start:end]` is each span's text).

| layer | spans |
| --- | --- |
{chr(10).join(f"| {name} | {count} |" for name, count in layers.items())}

Entity mentions by kind: {", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "none"}.

## How it was made
Machine annotations by `newsclaims export --format datasets` (spaCy `en_core_web_sm` with the newsclaims
stages); where corrections were imported from an annotation tool, the rows are those corrections. Load it with
`datasets.load_from_disk("dataset")` or `datasets.load_dataset("parquet", data_files="data/{split}.parquet")`.

## Fields
- `article`: id, title, url, outlet, published, path (any may be null but id).
- `entities`: id, text, start, end, kind (person, agency, organization, venue, place), label (the NER label it
  came from, PATTERN, ALIAS or GOLD), canonical (the entity's full name in the article).
- `quantities`: id, text, start, end, value, low, high, unit, unit_normalized, kind, qualifier (= ~ > < >= <=),
  change (up, down), base, counted, time, previous, place.
- `attributions`: id, kind (direct, indirect, mixed), source (text, start, end, entity, canonical, role, phrase),
  cue, content (text, start, end), detected_by (rules, model).
- `claims`: id, text, start, end, quantities (their ids), attribution (its id), source.
"""
