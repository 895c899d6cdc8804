"""The held-out entity sets, every name of our five kinds annotated: 42 real 2016 news articles from PolNeAR
(`polnear`), and 44 real 2004-2005 web news pages of 43 outlets from WikinewsSum (`wikinews`).

    python -m eval.entity_set SOURCE --out DIR [--set polnear|wikinews]   # rebuild: DIR/{dev,test}.jsonl

Neither source has a licence to redistribute the outlets' texts, so the project keeps only the annotations
(`corpora/entities-<set>/gold.jsonl`: per article where its text is, its half, the SHA-1 of its text and every
mention as start, end, kind and the name's text) and rebuilds the texts from SOURCE: for `polnear` a checkout of
github.com/networkdynamics/PolNeAR (only `data/train/text` and `data/dev/text` are read); for `wikinews` a checkout
of github.com/airKlizz/WikinewsSum (its `cleaned_endataset.json`, read from the commit that holds it) or that file
itself. How the articles were chosen and annotated: `corpora/entities-<set>/README.md`.
"""
from __future__ import annotations

import functools
import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import held_out

ROOT = Path(__file__).resolve().parent.parent
GOLDS = {"polnear": ROOT / "corpora" / "entities-polnear" / "gold.jsonl",
         "wikinews": ROOT / "corpora" / "entities-wikinews" / "gold.jsonl"}
GOLD = GOLDS["polnear"]
HALVES = held_out.HALVES
WIKINEWS_FILE = "cleaned_endataset.json"
WIKINEWS_COMMIT = "1d985031625909c908766812e8a18d0c88116ec8"  # the only WikinewsSum commit that holds WIKINEWS_FILE


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
    """The source does not give back the annotated texts."""


def text_path(polnear: Path, entry: dict) -> Path:
    return polnear / "data" / entry["polnear_split"] / "text" / entry["file"]


def polnear_text(polnear: Path, entry: dict) -> tuple[Path, str]:
    """Where a PolNeAR article is in the checkout, and its text."""
    path = text_path(polnear, entry)
    if not path.exists():
        raise SetError(f"{path}: not found (is {polnear} a PolNeAR checkout with data/train/text and data/dev/text?)")
    return path, path.read_text(encoding="utf-8")


@functools.lru_cache(maxsize=2)
def wikinews_stories(source: Path) -> list[dict]:
    """WikinewsSum's stories (one JSON object per line), from the file or from a checkout's commit that holds it."""
    if source.is_dir():
        done = subprocess.run(["git", "-C", str(source), "show", f"{WIKINEWS_COMMIT}:{WIKINEWS_FILE}"],
                              capture_output=True, text=True, encoding="utf-8")
        if done.returncode:
            raise SetError(f"{source}: not a WikinewsSum checkout with commit {WIKINEWS_COMMIT[:7]} "
                           f"({done.stderr.strip()})")
        lines = done.stdout
    elif source.exists():
        lines = source.read_text(encoding="utf-8")
    else:
        raise SetError(f"{source}: not found (a WikinewsSum checkout or its {WIKINEWS_FILE})")
    return [json.loads(line) for line in lines.splitlines() if line.strip()]


def wikinews_text(source: Path, entry: dict) -> tuple[Path, str]:
    """Where a WikinewsSum outlet's article is (its story and source numbers), and its text."""
    stories = wikinews_stories(source)
    try:
        text = stories[entry["story"]]["sources"][entry["source"]]["maintext"]
    except (IndexError, KeyError, TypeError) as e:
        raise SetError(f"{source}: no story {entry['story']} source {entry['source']} ({e!r})") from e
    return Path(f"{source}#story={entry['story']},source={entry['source']}"), text


def rebuilt(source: Path, entry: dict) -> Article:
    """One gold entry joined with its text from the source; the text's hash and every mention are checked."""
    path, text = (wikinews_text if "story" in entry else polnear_text)(source, entry)
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != entry["sha1"]:
        raise SetError(f"{path}: the text differs from the one annotated (SHA-1 {entry['sha1']})")
    mentions = [Mention(*m) for m in entry["mentions"]]
    for m in mentions:
        if text[m.start:m.end] != m.text:
            raise SetError(f"{path}: offsets {m.start}-{m.end} give {text[m.start:m.end]!r}, not {m.text!r}")
    return Article(entry["file"], entry["half"], text, mentions)


def load(source: Path, half: str | None = None, gold: Path = GOLD) -> list[Article]:
    """The annotated articles (of one half, or all) of the set in `gold`, texts read from `source`."""
    entries = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [rebuilt(source, e) for e in entries if half is None or e["half"] == half]


def row(article: Article) -> dict:
    """An article as the rebuilt set writes it."""
    return {"file": article.file, "text": article.text,
            "entities": [{"start": m.start, "end": m.end, "kind": m.kind, "text": m.text} for m in article.mentions]}


def main(argv: list[str] | None = None) -> int:
    return held_out.rebuild(argv, __doc__, load, SetError, row, "entities", GOLDS)


if __name__ == "__main__":
    raise SystemExit(main())
