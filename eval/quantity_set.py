"""The held-out quantity sets, every quantity annotated in CQE's conventions (value or range, unit, change): `news`,
321 real news sentences and fact-checked claims, and `outlets`, 401 sentences of web news pages of many outlets and
of PolNeAR articles.

    python -m eval.quantity_set POLNEAR_DIR --out DIR [--set news|outlets] [--wikinews WIKINEWSSUM]

201 sentences come from PolNeAR's train texts (github.com/networkdynamics/PolNeAR, `data/train/text`) and 120
claims from CLEF 2020 CheckThat! task 2's verified claims (`../shared/data/clef2020-task2/verified_claims.docs.tsv`).
Neither may be redistributed, so the project keeps only the annotations (`corpora/quantities-news/gold.jsonl`: per
item its source, file or claim id, character offsets of the sentence, the SHA-1 of its text, its half, and each
quantity with offsets into the sentence) and rebuilds the texts from the sources. How the items were chosen and
annotated: `corpora/quantities-news/README.md`.

`outlets` (`corpora/quantities-outlets/gold.jsonl`) takes 301 of its sentences from the outlets' pages in
WikinewsSum (github.com/airKlizz/WikinewsSum, `cleaned_endataset.json`, read as `eval.entity_set` reads it: give
`--wikinews` a checkout or the file) and 100 from PolNeAR train articles that neither `news` nor the entity set uses.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import clef, entity_set, held_out

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpora" / "quantities-news" / "gold.jsonl"
GOLDS = {"news": GOLD, "outlets": ROOT / "corpora" / "quantities-outlets" / "gold.jsonl"}
CLEF_CLAIMS = ROOT.parent / "shared" / "data" / "clef2020-task2" / "verified_claims.docs.tsv"
HALVES = held_out.HALVES


@dataclass
class GoldQuantity:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    change: str


@dataclass
class Item:
    n: int
    half: str
    source: str
    text: str
    quantities: list[GoldQuantity]


class SetError(Exception):
    """A source does not give back the annotated texts."""


def clef_claims(path: Path = CLEF_CLAIMS) -> dict[str, str]:
    """The verified claims by id, read as `eval.clef` reads them."""
    if not path.exists():
        raise SetError(f"{path}: not found (../shared/data/clef2020-task2 is needed for the claims)")
    ids, claims, _ = clef.verified_claims(path.parent)
    return dict(zip(ids, claims))


def source_text(entry: dict, polnear: Path, claims: dict[str, str], wikinews: Path | None = None) -> str:
    """The whole text an item was cut from: a PolNeAR article, a claim or an outlet's page in WikinewsSum."""
    if entry["source"] == "clef":
        return claims.get(entry["id"], "")
    if entry["source"] == "wikinews":
        if wikinews is None:
            raise SetError("this set holds WikinewsSum pages: give --wikinews (a WikinewsSum checkout or its "
                           f"{entity_set.WIKINEWS_FILE})")
        try:
            return entity_set.wikinews_text(wikinews, {"story": entry["story"], "source": entry["page"]})[1]
        except entity_set.SetError as e:
            raise SetError(str(e)) from e
    path = polnear / "data" / "train" / "text" / entry["file"]
    if not path.exists():
        raise SetError(f"{path}: not found (is {polnear} a PolNeAR checkout with data/train/text?)")
    return path.read_text(encoding="utf-8")


def rebuilt(entry: dict, polnear: Path, claims: dict[str, str], wikinews: Path | None = None) -> Item:
    """One gold entry joined with its text; the text's hash and every quantity's offsets are checked."""
    text = source_text(entry, polnear, claims, wikinews)[entry["start"]:entry["end"]]
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != entry["sha1"]:
        raise SetError(f"item {entry['n']} ({entry['source']} {entry.get('file')} {entry.get('id', '')}): the text "
                       "differs from the one annotated")
    quantities = [GoldQuantity(q["start"], q["end"], q["text"], q.get("value"), q.get("low"), q.get("high"),
                               q["unit"], q["change"]) for q in entry["quantities"]]
    for q in quantities:
        if text[q.start:q.end] != q.text:
            raise SetError(f"item {entry['n']}: offsets {q.start}-{q.end} give {text[q.start:q.end]!r}, not {q.text!r}")
    return Item(entry["n"], entry["half"], entry["source"], text, quantities)


def load(polnear: Path, half: str | None = None, gold: Path = GOLD, claims_path: Path = CLEF_CLAIMS,
         wikinews: Path | None = None) -> list[Item]:
    """The annotated items (of one half, or all), texts rebuilt from PolNeAR, the CLEF claims and WikinewsSum."""
    entries = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    claims = clef_claims(claims_path) if any(e["source"] == "clef" for e in entries) else {}
    return [rebuilt(e, polnear, claims, wikinews) for e in entries if half is None or e["half"] == half]


def row(item: Item) -> dict:
    """An item as the rebuilt set writes it."""
    return {"n": item.n, "source": item.source, "text": item.text, "quantities": [vars(q) for q in item.quantities]}


def main(argv: list[str] | None = None) -> int:
    return held_out.rebuild(argv, __doc__, load, SetError, row, "quantities", GOLDS, wikinews=True)


if __name__ == "__main__":
    raise SystemExit(main())
