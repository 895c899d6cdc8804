"""The `newsclaims` command line: a thin layer over the library."""
from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Optional

import typer

from . import readers, resources
from .records import Result, validate

app = typer.Typer(help="Pull checkable claims out of news articles: entities, quantities, attributions.",
                  no_args_is_help=True, add_completion=False)


def say(message: str) -> None:
    typer.echo(f"newsclaims: {message}", err=True)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .jsonl), directories (recursive), or - for stdin."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write JSONL here instead of stdout."),
    store: Optional[str] = typer.Option(None, "--store", help="Also store results: a SQLAlchemy URL, or 'default' "
                                        "for sqlite:///.newsclaims/claims.db."),
    batch_size: int = typer.Option(resources.load("pipeline")["batch_size"], help="Articles per spaCy batch."),
    n_process: int = typer.Option(1, "--n-process", "-j", help="Worker processes."),
    max_chars: int = typer.Option(resources.load("pipeline")["max_chars"], help="Skip articles longer than this."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar on stderr "
                                            "(default: when stderr is a terminal)."),
) -> None:
    """Extract entities, quantities, attributions and claims; one newsclaims/1 JSON object per line."""
    from tqdm import tqdm

    from .extraction import outcomes
    from .store import Store, StoreError

    target = None
    if store:
        try:
            target = Store.open(None if store == "default" else store)
        except StoreError as e:
            say(str(e))
            raise typer.Exit(2)
    counts: Counter[str] = Counter()
    docs = readers.read(paths, max_chars=max_chars)
    with (out.open("w", encoding="utf-8") if out else nullcontext(sys.stdout)) as sink:
        bar = tqdm(unit="article", file=sys.stderr, disable=(not progress) if progress is not None else None,
                   desc="newsclaims")
        for outcome in outcomes(docs, batch_size=batch_size, n_process=n_process):
            bar.update(1)
            counts[outcome.status] += 1
            if outcome.result is None:
                bar.clear()
                say(f"{outcome.status} {outcome.origin}: {outcome.reason}")
                continue
            sink.write(outcome.result.to_json() + "\n")
            if target is not None:
                try:
                    target.add([outcome.result])
                except StoreError as e:
                    counts["processed"] -= 1
                    counts["failed"] += 1
                    say(f"failed {outcome.origin}: {e}")
        bar.close()
    total = sum(counts.values())
    say(f"{total} documents: {counts['processed']} processed, {counts['skipped']} skipped, {counts['failed']} failed"
        + (f" (written to {out})" if out else ""))
    if counts["failed"]:
        raise typer.Exit(1)


def read_results(path: Path) -> list[Result]:
    """Results from a JSONL file of newsclaims/1 objects, each validated."""
    results = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if line.strip():
                data = json.loads(line)
                try:
                    validate(data)
                except Exception as e:
                    raise typer.BadParameter(f"{path}:{n} does not follow newsclaims/1: {e}") from e
                results.append(Result.from_dict(data))
    return results


@app.command()
def summary(path: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSONL written by `extract`.")) -> None:
    """A readable summary of extracted articles: entities by kind, quantitative claims and their sources."""
    results = read_results(path)
    kinds: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for r in results:
        for e in r.entities:
            kinds[e.kind] += 1
            names.setdefault(e.kind, Counter())[e.canonical] += 1
    echo = typer.echo
    echo(f"{len(results)} articles, {sum(kinds.values())} entity mentions, "
         f"{sum(len(r.quantities) for r in results)} quantities, {sum(len(r.attributions) for r in results)} "
         f"attributions, {sum(len(r.claims) for r in results)} quantitative claims\n")
    echo("Entities by kind")
    for kind in ("person", "agency", "organization", "venue", "place"):
        top = ", ".join(f"{n} ({c})" for n, c in names.get(kind, Counter()).most_common(6))
        echo(f"  {kind:<13}{kinds[kind]:>4}  {top}")
    for r in results:
        title = r.article.title or r.article.path or r.article.id
        echo(f"\n{title}" + (f" ({r.article.outlet})" if r.article.outlet else ""))
        quantities = {q.id: q for q in r.quantities}
        for c in r.claims:
            figures = "; ".join(quantities[q].text for q in c.quantities)
            source = c.source or "the outlet"
            snippet = c.text if len(c.text) <= 110 else c.text[:107] + "..."
            echo(f"  [{figures}] per {source}: {snippet}")


@app.command("validate")
def validate_cmd(path: Path = typer.Argument(..., exists=True, dir_okay=False)) -> None:
    """Check that every line of a JSONL file follows the newsclaims/1 contract (schema and offsets)."""
    results = read_results(path)
    typer.echo(f"{path}: {len(results)} articles follow newsclaims/1")


@app.command()
def schema() -> None:
    """Print the newsclaims/1 JSON Schema."""
    from .records import schema as load_schema

    typer.echo(json.dumps(load_schema(), indent=1))


if __name__ == "__main__":
    app()
