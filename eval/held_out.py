"""What the held-out sets (`entity_set`, `quantity_set`) and their scorers share: the halves, the command line,
loading with a one-line error, and writing rebuilt halves."""
from __future__ import annotations

import argparse
import functools
import json
from pathlib import Path
from typing import Callable

HALVES = ("dev", "test")  # dev: tuned on; test: scored once, at the end


def scorer_parser(doc: str, polnear_help: str, sets: dict[str, Path] | None = None) -> argparse.ArgumentParser:
    """The arguments every held-out scorer takes: the source checkout, the half and where to write the figures
    (and, where there is more than one set, which: `--set`, the first of `sets` by default)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("polnear", type=Path, help=polnear_help)
    parser.add_argument("--half", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--json", type=Path, help="write the figures here")
    add_set_argument(parser, sets)
    return parser


def add_set_argument(parser: argparse.ArgumentParser, sets: dict[str, Path] | None) -> None:
    """`--set`, naming one of `sets` (the first by default), where there is more than one set."""
    if sets:
        parser.add_argument("--set", choices=list(sets), default=next(iter(sets)), help="which held-out set")


def add_wikinews_argument(parser: argparse.ArgumentParser) -> None:
    """`--wikinews`, for a set with texts from WikinewsSum besides the main source."""
    parser.add_argument("--wikinews", type=Path, help="a WikinewsSum checkout or its cleaned_endataset.json")


def set_loader(load: Callable, sets: dict[str, Path] | None, args: argparse.Namespace) -> Callable:
    """`load` reading the gold file of the set `--set` named (unchanged where there is one set), with the
    WikinewsSum source `--wikinews` gave, where the scorer takes one."""
    extra = {"wikinews": args.wikinews} if getattr(args, "wikinews", None) else {}
    return functools.partial(load, gold=sets[args.set], **extra) if sets else load


def by_half(items: list, half: str) -> list[tuple[str, list]]:
    """Each half `--half` names, in order, with its items."""
    return [(h, [i for i in items if i.half == h]) for h in HALVES if half in (h, "all")]


def loaded(load: Callable, polnear: Path, half: str, error: type[Exception]) -> list | None:
    """`load(polnear, half)` ("all": both halves), or None once the reason it failed is printed in one line."""
    try:
        return load(polnear, None if half == "all" else half)
    except error as e:
        print(f"error: {e}")
        return None


def rebuild(argv: list[str] | None, doc: str, load: Callable, error: type[Exception], row: Callable[[object], dict],
            annotated: str, sets: dict[str, Path] | None = None, wikinews: bool = False) -> int:
    """The command that rebuilds a set from its source checkout into DIR/dev.jsonl and DIR/test.jsonl (`sets`:
    the gold file of each set `--set` can name, the first by default; `wikinews`: the set may need `--wikinews`)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("polnear", type=Path, metavar="source", help="the checkout the set's texts come from")
    parser.add_argument("--out", type=Path, required=True, help="directory for dev.jsonl and test.jsonl")
    add_set_argument(parser, sets)
    if wikinews:
        add_wikinews_argument(parser)
    args = parser.parse_args(argv)
    items = loaded(set_loader(load, sets, args), args.polnear, "all", error)
    if items is None:
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for half in HALVES:
        rows = [row(item) for item in items if item.half == half]
        (args.out / f"{half}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                                encoding="utf-8")
        print(f"{half}: {len(rows)} texts, {sum(len(r[annotated]) for r in rows)} {annotated} -> {args.out / half}.jsonl")
    return 0
