"""Annotated corpora: export results to the formats annotation tools and researchers use, read corrected
annotations back as `newsclaims/1` gold, and round-trip every layer exactly.

    from pipeline import corpus
    corpus.export(results, "labelstudio", "out/ls")        # tasks.json + config.xml
    items = corpus.load("out/ls/tasks.json", "labelstudio")  # one Imported per task: .result or .error

Formats (one module each, every one with `write(results, out)` and `read(path)`):
`datasets` (Hugging Face), `docbin` (spaCy), `brat` (standoff), `labelstudio`, `xmi` (UIMA CAS for INCEpTION).
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Iterable

from ..records import Result
from .items import Imported

FORMATS = ("datasets", "docbin", "brat", "labelstudio", "xmi")
MODULES = {"datasets": "hf", "docbin": "docbin", "brat": "brat", "labelstudio": "labelstudio", "xmi": "xmi"}


def format_module(fmt: str):
    """The module that writes and reads format `fmt`."""
    if fmt not in MODULES:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return import_module(f".{MODULES[fmt]}", __name__)


def export(results: Iterable[Result], fmt: str, out: str | Path) -> list[Path]:
    """Write `results` in format `fmt` into the directory `out`; returns the files written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    return format_module(fmt).write(list(results), out)


def load(path: str | Path, fmt: str) -> list[Imported]:
    """Read a file or directory of format `fmt` (as exported, or as the tool exports corrections) into items;
    an export directory of ours is read through the file that holds the articles (tasks.json for Label Studio)."""
    path = Path(path)
    if fmt == "labelstudio" and path.is_dir():
        path = path / "tasks.json"
    return format_module(fmt).read(path)


__all__ = ["FORMATS", "Imported", "export", "load"]
