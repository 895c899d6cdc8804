"""The held-out entity set: 42 real 2016 news articles from PolNeAR, every name of our five kinds annotated.

    python -m eval.entity_set POLNEAR_DIR --out DIR     # rebuild the set: DIR/{dev,test}.jsonl, texts and gold

PolNeAR's texts have no licence to redistribute them, so the project keeps only the annotations
(`corpora/entities-polnear/gold.jsonl`: per article its PolNeAR file, its half, the SHA-1 of its text and every
mention as start, end, kind and the name's text) and rebuilds the texts from a PolNeAR checkout
(github.com/networkdynamics/PolNeAR; only `data/train/text` and `data/dev/text` are read). How the articles were
chosen and annotated: `corpora/entities-polnear/README.md`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpora" / "entities-polnear" / "gold.jsonl"
HALVES = ("dev", "test")


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("polnear", type=Path, help="a PolNeAR checkout")
    parser.add_argument("--out", type=Path, required=True, help="directory for dev.jsonl and test.jsonl")
    args = parser.parse_args(argv)
    try:
        articles = load(args.polnear)
    except SetError as e:
        print(f"error: {e}")
        return 2
    rows = {half: [{"file": a.file, "text": a.text,
                    "entities": [{"start": m.start, "end": m.end, "kind": m.kind, "text": m.text} for m in a.mentions]}
                   for a in articles if a.half == half] for half in HALVES}
    write_halves(args.out, rows, "entities")
    return 0


def write_halves(out: Path, rows: dict[str, list[dict]], annotated: str) -> None:
    """Write each half's rows as `out/<half>.jsonl` and say how many rows and `annotated` spans each holds."""
    out.mkdir(parents=True, exist_ok=True)
    for half, chosen in rows.items():
        (out / f"{half}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen),
                                           encoding="utf-8")
        print(f"{half}: {len(chosen)} texts, {sum(len(r[annotated]) for r in chosen)} {annotated} -> {out / half}.jsonl")


if __name__ == "__main__":
    raise SystemExit(main())
