"""The held-out entity set: 42 real 2016 news articles from PolNeAR, every name of our five kinds annotated.

    python -m eval.entity_set POLNEAR_DIR --out DIR     # rebuild the set: DIR/{dev,test}.jsonl, texts and gold

PolNeAR's texts have no licence to redistribute them, so the project keeps only the annotations
(`corpora/entities-polnear/gold.jsonl`: per article its PolNeAR file, its half, the SHA-1 of its text and every
mention as start, end, kind and the name's text) and rebuilds the texts from a PolNeAR checkout
(github.com/networkdynamics/PolNeAR; only `data/train/text` and `data/dev/text` are read). How the articles were
chosen and annotated: `corpora/entities-polnear/README.md`.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from . import held_out

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpora" / "entities-polnear" / "gold.jsonl"
HALVES = held_out.HALVES


@dataclass
class Mention:
    start: int
    end: int
    kind: str
    text: str


@dataclass
class Article:
    file: str
    half: str  # dev (tuned on) | test (scored once, at the end)
    text: str
    mentions: list[Mention]


class SetError(Exception):
    """The PolNeAR checkout does not give back the annotated texts."""


def text_path(polnear: Path, entry: dict) -> Path:
    return polnear / "data" / entry["polnear_split"] / "text" / entry["file"]


def rebuilt(polnear: Path, entry: dict) -> Article:
    """One gold entry joined with its text from the checkout; the text's hash and every mention are checked."""
    path = text_path(polnear, entry)
    if not path.exists():
        raise SetError(f"{path}: not found (is {polnear} a PolNeAR checkout with data/train/text and data/dev/text?)")
    text = path.read_text(encoding="utf-8")
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != entry["sha1"]:
        raise SetError(f"{path}: the text differs from the one annotated (SHA-1 {entry['sha1']})")
    mentions = [Mention(*m) for m in entry["mentions"]]
    for m in mentions:
        if text[m.start:m.end] != m.text:
            raise SetError(f"{path}: offsets {m.start}-{m.end} give {text[m.start:m.end]!r}, not {m.text!r}")
    return Article(entry["file"], entry["half"], text, mentions)


def load(polnear: Path, half: str | None = None, gold: Path = GOLD) -> list[Article]:
    """The annotated articles (of one half, or all), texts read from the PolNeAR checkout `polnear`."""
    entries = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [rebuilt(polnear, e) for e in entries if half is None or e["half"] == half]


def row(article: Article) -> dict:
    """An article as the rebuilt set writes it."""
    return {"file": article.file, "text": article.text,
            "entities": [{"start": m.start, "end": m.end, "kind": m.kind, "text": m.text} for m in article.mentions]}


def main(argv: list[str] | None = None) -> int:
    return held_out.rebuild(argv, __doc__, load, SetError, row, "entities")


if __name__ == "__main__":
    raise SystemExit(main())
