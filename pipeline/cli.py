"""The `newsclaims` command line: a thin layer over the library."""
from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer

from . import readers, resources
from .records import Result, json_line, validate

app = typer.Typer(help="Pull checkable claims out of news articles: entities, quantities, attributions.",
                  no_args_is_help=True, add_completion=False)


def one_line(message: str) -> str:
    """`message` with control characters escaped ("\\n"), so that a file name cannot start a line of its own."""
    return "".join(ch if ch.isprintable() or ch == "\t" else ch.encode("unicode_escape").decode("ascii")
                   for ch in message)


def say(message: str) -> None:
    typer.echo(f"newsclaims: {one_line(message)}", err=True)


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
    accurate: bool = typer.Option(False, "--accurate", help="Find attribution cues with the accurate detector "
                                  "(MiniLM over every sentence: several times slower)."),
    ner: str = typer.Option("spacy", "--ner", help="Where names come from: spacy (the English model's NER) or "
                            "minilm (MiniLM fine-tuned on CoNLL-2003: more accurate, slower)."),
) -> None:
    """Extract entities, quantities, attributions and claims; one newsclaims/1 JSON object per line."""
    from tqdm import tqdm

    from .extraction import outcomes
    from .nlp import NER_CHOICES
    from .store import StoreError

    if ner not in NER_CHOICES:
        say(f"--ner must be one of {', '.join(NER_CHOICES)}, not {ner!r}")
        raise typer.Exit(2)

    target = open_store_or_exit(store, for_writing=True) if store else None
    counts: Counter[str] = Counter()
    docs = readers.read(paths, max_chars=max_chars)
    try:
        sink = out.open("w", encoding="utf-8") if out else sys.stdout
    except OSError as e:
        say(f"cannot write to {out}: {e.strerror or e}")
        raise typer.Exit(2)
    bar = tqdm(unit="article", file=sys.stderr, disable=(not progress) if progress is not None else None,
               desc="newsclaims")
    stopped = None
    for outcome in outcomes(docs, batch_size=batch_size, n_process=n_process, max_chars=max_chars,
                            cue_detector="accurate" if accurate else "fast", ner=ner):
        bar.update(1)
        counts[outcome.status] += 1
        if outcome.result is None:
            bar.clear()
            say(f"{outcome.status} {outcome.origin}: {outcome.reason}")
            continue
        try:
            sink.write(outcome.result.to_json() + "\n")
            sink.flush()  # a full disk is found at this article, not at the end
        except OSError as e:
            counts["processed"] -= 1
            counts["failed"] += 1
            stopped = f"{outcome.origin} could not be written to {out or 'stdout'} ({e.strerror or e})"
            break
        if target is not None:
            try:
                target.add([outcome.result])
            except StoreError as e:
                counts["processed"] -= 1
                counts["failed"] += 1
                say(f"failed {outcome.origin}: {e}")
    bar.close()
    if out:
        try:
            sink.close()
        except OSError:
            pass  # every line was flushed above: nothing is lost here
    if stopped:
        say(f"stopped: {stopped}; the {counts['processed']} results before it are written, the documents after it "
            "were not read")
    total = sum(counts.values())
    say(f"{total} documents: {counts['processed']} processed, {counts['skipped']} skipped, {counts['failed']} failed"
        + (f" (written to {out})" if out else ""))
    if counts["failed"]:
        raise typer.Exit(1)


def read_results(path: Path) -> list[Result]:
    """Results from a JSONL file of newsclaims/1 objects, each validated; a bad line ends the command (exit 2) with
    one message naming the file and line."""
    results = []
    with path.open("rb") as f:
        for n, line in enumerate(f, start=1):
            where = f"{one_line(str(path))}:{n}"
            if line.strip():
                try:
                    data = json.loads(line.decode("utf-8"))
                except (ValueError, RecursionError) as e:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
                    say(f"{where} is not a JSON object: {e}")
                    raise typer.Exit(2)
                try:
                    validate(data)
                except Exception as e:
                    say(f"{where} does not follow newsclaims/1: {e}")
                    raise typer.Exit(2)
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


store_app = typer.Typer(help="Create, upgrade and fill the claims store.", no_args_is_help=True)
app.add_typer(store_app, name="store")
STORE_HELP = "SQLAlchemy URL of the store (default sqlite:///.newsclaims/claims.db; postgresql+psycopg://... for teams)."


@contextmanager
def checked_arguments():
    """A query argument that is not what it must be (`store.filters`) ends the command with one message (exit 2)."""
    from .store.filters import FilterError

    try:
        yield
    except FilterError as e:
        say(str(e))
        raise typer.Exit(2)


def open_store_or_exit(url: str | None, for_writing: bool = False):
    """The store at `url` ("default" or None: the default store), or exit 2 with one line saying why it cannot be
    opened (or, `for_writing`, written)."""
    from .store import Store, StoreError

    try:
        target = Store.open(None if url in (None, "default") else url)
        if for_writing:
            target.writable()
        return target
    except StoreError as e:
        say(str(e))
        raise typer.Exit(2)


@store_app.command("upgrade")
def store_upgrade(store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Create the store's schema or bring it to this version."""
    target = open_store_or_exit(store)
    typer.echo(f"store {target.safe_url} is at schema version {target.schema_version()}")


@store_app.command("ingest")
def store_ingest(path: Path = typer.Argument(..., exists=True, dir_okay=False, help="JSONL of newsclaims/1 objects."),
                 store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Store pre-extracted results; lines that do not follow newsclaims/1 are reported and skipped."""
    from .store import StoreError

    target = open_store_or_exit(store, for_writing=True)
    counts: Counter[str] = Counter()
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                validate(data)
            except Exception as e:
                counts["failed"] += 1
                say(f"failed {path}:{n}: does not follow newsclaims/1: {str(e).splitlines()[0]}")
                continue
            try:
                counts["stored" if target.add([Result.from_dict(data)]) else "kept"] += 1
            except StoreError as e:
                counts["failed"] += 1
                say(f"failed {path}:{n}: {e}")
    say(f"{sum(counts.values())} articles: {counts['stored']} stored, {counts['kept']} kept (stored by a newer "
        f"pipeline), {counts['failed']} failed")
    if counts["failed"]:
        raise typer.Exit(1)


def emit(rows: list[dict], as_json: bool, as_csv: bool, columns: list[str]) -> None:
    """Rows as a table, JSON lines or CSV on stdout."""
    if as_json:
        for row in rows:
            typer.echo(json_line(row))
        return
    flat = [{c: (", ".join(map(str, r[c])) if isinstance(r[c], list) else ("" if r[c] is None else r[c]))
             for c in columns} for r in rows]
    if as_csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows(flat)
        return
    widths = {c: min(60, max([len(c)] + [len(str(r[c])) for r in flat])) for c in columns}
    typer.echo("  ".join(c.ljust(widths[c]) for c in columns))
    for r in flat:
        typer.echo("  ".join(str(r[c])[:widths[c]].ljust(widths[c]) for c in columns))


@app.command()
def claims(
    entity: Optional[str] = typer.Option(None, help="Only articles that mention this entity."),
    source: Optional[str] = typer.Option(None, help="Only claims attributed to this source."),
    outlet: Optional[str] = typer.Option(None), kind: Optional[str] = typer.Option(None, help="Quantity kind."),
    unit: Optional[str] = typer.Option(None, help="Normalised unit (USD, percent, hour, ...)."),
    min_value: Optional[float] = typer.Option(None, "--min"), max_value: Optional[float] = typer.Option(None, "--max"),
    since: Optional[str] = typer.Option(None, help="Published on or after (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Published on or before (YYYY-MM-DD)."),
    text_query: Optional[str] = typer.Option(None, "--text", help="Full-text search in the claim."),
    as_json: bool = typer.Option(False, "--json"), as_csv: bool = typer.Option(False, "--csv"),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """Quantitative claims in the store, filtered."""
    with checked_arguments():
        rows = open_store_or_exit(store).claims(entity=entity, source=source, outlet=outlet, kind=kind, unit=unit,
                                                min_value=min_value, max_value=max_value, since=since, until=until,
                                                text_query=text_query)
    rows = [{**asdict(r), "figures_text": [f.text for f in r.figures]} for r in rows]
    emit(rows, as_json, as_csv, ["claim_id", "published", "outlet", "source", "figures_text", "text"])


@store_app.command("reindex")
def store_reindex(store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Rebuild the claim vector index from the store."""
    from .linking import similarity
    from .linking.embed import shared

    target = open_store_or_exit(store)
    index = similarity.reindex(target, shared())
    typer.echo(f"{len(index.ids)} claims indexed ({index.kind}) in {similarity.index_path(target)}")


@app.command()
def similar(query: str = typer.Argument(..., help="A claim in your own words."),
            k: int = typer.Option(10, "-k", min=1, help="How many claims."), as_json: bool = typer.Option(False, "--json"),
            store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Stored claims nearest in meaning to QUERY."""
    from .linking import similarity
    from .linking.embed import shared

    rows = similarity.similar(open_store_or_exit(store), query, shared(), k)
    emit([asdict(r) for r in rows], as_json, False, ["similarity", "claim_id", "outlet", "source", "text"])


@app.command()
def compare(as_json: bool = typer.Option(False, "--json"), conflicts_only: bool = typer.Option(False, "--conflicts"),
            store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Claims that state the same thing across articles, with the outlets and sources behind each version;
    conflicts where the figures differ."""
    from .linking.compare import figure_record, stored_clusters, why_they_conflict
    from .linking.embed import shared

    clusters = stored_clusters(open_store_or_exit(store), shared())
    if conflicts_only:
        clusters = [c for c in clusters if c.conflicts]
    for n, c in enumerate(clusters, start=1):
        if as_json:
            typer.echo(json_line({"cluster": n, "conflict": bool(c.conflicts),
                                   "figures": [figure_record(f) for f in c.figures],
                                   "conflicts": [{"figures": [figure_record(a), figure_record(b)],
                                                  "reason": why_they_conflict(a, b)} for a, b in c.conflicts]}))
            continue
        typer.echo(f"\n#{n}" + ("  CONFLICT" if c.conflicts else "") + f"  {c.figures[0].claim_text[:90]}")
        for f in c.figures:
            typer.echo(f"   {f.text:<28} {f.outlet or '':<24} per {f.source or 'the outlet'}"
                       + (f"  [{f.measure.described()}]" if f.measure else ""))
        for a, b in c.conflicts:
            typer.echo(f"   ! {why_they_conflict(a, b)} ({a.outlet} / {b.outlet})")


@app.command()
def sources(as_json: bool = typer.Option(False, "--json"), as_csv: bool = typer.Option(False, "--csv"),
            store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Who is cited, how often, with which roles, for how many claims."""
    emit([asdict(s) for s in open_store_or_exit(store).sources()], as_json, as_csv,
         ["source", "attributions", "articles", "claims", "roles", "claim_ids"])


@app.command()
def article(article_id: str = typer.Argument(...), as_json: bool = typer.Option(False, "--json"),
            store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """One stored article with its entities, figures and attributions marked in the text, and what each claim's
    figures measure."""
    from .linking.measure import measures

    with checked_arguments():
        result = open_store_or_exit(store).get(article_id)
    if result is None:
        say(f"no article {article_id!r} in the store")
        raise typer.Exit(1)
    if as_json:
        typer.echo(result.to_json())
        return
    marks = [(e.start, e.end, f"[{e.text}|{e.kind}]") for e in result.entities]
    marks += [(q.start, q.end, f"{{{q.text}}}") for q in result.quantities]
    text, out, pos = result.text, [], 0
    for start, end, mark in sorted(marks):
        if start < pos:
            continue
        out.append(text[pos:start] + mark)
        pos = end
    out.append(text[pos:])
    typer.echo("".join(out))
    typer.echo("\nAttributions")
    for a in result.attributions:
        who = a.source.canonical if a.source else "?"
        typer.echo(f"  {who} ({a.cue.text}, {a.kind}): {a.content.text[:100]}")
    typer.echo("\nClaims (each figure with what it measures)")
    measured, quantity = measures(result), {q.id: q for q in result.quantities}
    for c in result.claims:
        typer.echo(f"  [{c.source or 'the outlet'}] {c.text[:110]}")
        for qid in c.quantities:
            typer.echo(f"      {quantity[qid].text}: {measured[qid].described()}")


FORMAT_HELP = "datasets (Hugging Face), docbin (spaCy), brat, labelstudio or xmi (UIMA CAS for INCEpTION)."


def checked_format(fmt: str) -> str:
    """`fmt` if it is one we write and read, else exit 2 naming the choices."""
    from .corpus import FORMATS

    if fmt not in FORMATS:
        say(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    return fmt


@app.command()
def export(
    path: Optional[Path] = typer.Argument(None, exists=True, dir_okay=False, help="JSONL of newsclaims/1 objects "
                                          "(or give --store)."),
    store: Optional[str] = typer.Option(None, "--store", help="Export the articles of this store instead."),
    fmt: str = typer.Option(..., "--format", "-f", help=FORMAT_HELP),
    out: Path = typer.Option(..., "--out", "-o", help="Directory to write into (created if needed)."),
) -> None:
    """Export results, every layer, for an annotation tool or a corpus: datasets, docbin, brat, labelstudio, xmi."""
    from . import corpus

    checked_format(fmt)
    if (path is None) == (store is None):
        say("give a JSONL file or --store, one of the two")
        raise typer.Exit(2)
    if path is not None:
        results = read_results(path)
    else:
        source = open_store_or_exit(store)
        results = [source.get(article_id) for article_id in source.ids()]
    quiet_datasets()
    try:
        written = corpus.export(results, fmt, out)
    except OSError as e:
        say(f"cannot write to {out}: {e.strerror or e}")
        raise typer.Exit(2)
    except ValueError as e:  # a record the format cannot hold: named, nothing half-claimed as done
        say(f"cannot export as {fmt}: {e}")
        raise typer.Exit(1)
    say(f"{len(results)} articles exported as {fmt} to {out} ({len(written)} files or folders)")


def quiet_datasets() -> None:
    """No progress bars from `datasets` in a command's output."""
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()


@app.command("import")
def import_cmd(
    path: Path = typer.Argument(..., exists=True, help="What the tool exported: Label Studio's JSON export, a brat "
                                "folder, an XMI folder or zip, a DocBin file, a datasets folder or Parquet file."),
    fmt: str = typer.Option(..., "--format", "-f", help=FORMAT_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the gold JSONL here instead of stdout."),
) -> None:
    """Read corrected annotations back as newsclaims/1 gold records, each checked against the schema and its
    offsets; a malformed item is reported by name and the rest are kept."""
    from . import corpus

    checked_format(fmt)
    quiet_datasets()
    try:
        sink = out.open("w", encoding="utf-8") if out else sys.stdout
    except OSError as e:
        say(f"cannot write to {out}: {e.strerror or e}")
        raise typer.Exit(2)
    try:
        items = corpus.load(path, fmt)
    except Exception as e:  # noqa: BLE001 - a file that cannot be opened at all ends the command with its reason
        say(f"cannot read {path} as {fmt}: {e}")
        raise typer.Exit(2)
    if not items:
        say(f"nothing to import: {path} holds no {fmt} items")
        raise typer.Exit(2)
    good = [item.result for item in items if item.result is not None]
    for item in items:
        if item.error:
            say(f"failed {item.origin}: {item.error}")
    with sink if out else nullcontext():
        for result in good:
            sink.write(result.to_json() + "\n")
    say(f"{len(items)} items: {len(good)} imported, {len(items) - len(good)} failed"
        + (f" (written to {out})" if out else ""))
    if len(good) < len(items):
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL (newsclaims/1), e.g. from "
                                "`newsclaims import`."),
    pred: Optional[Path] = typer.Argument(None, exists=True, dir_okay=False, help="Predictions JSONL; without it "
                                          "the pipeline runs on the gold texts."),
    agreement: bool = typer.Option(False, "--agreement", help="GOLD and PRED are two annotators' files: report "
                                   "their agreement (F1 does not depend on the order)."),
    as_json: bool = typer.Option(False, "--json", help="The report as one JSON object."),
    accurate: bool = typer.Option(False, "--accurate", help="With a fresh run: the accurate cue detector."),
) -> None:
    """P/R/F1 per layer and kind, exact and overlapping spans, and value accuracy of quantities."""
    from .evaluation import evaluate as score, table

    gold_results = read_results(gold)
    if pred is not None:
        predicted = read_results(pred)
    elif agreement:
        say("--agreement compares two files: give both")
        raise typer.Exit(2)
    else:
        predicted = fresh_run(gold_results, accurate)
    report = score(gold_results, predicted)
    if as_json:
        typer.echo(json_line({"mode": "agreement" if agreement else "evaluation", **report.as_dict()}))
    else:
        typer.echo(table(report, "agreement: first file as reference" if agreement else "exact | overlap"))


def fresh_run(gold: list[Result], accurate: bool) -> list[Result]:
    """The pipeline's results on the gold articles' texts, with their metadata."""
    from dataclasses import asdict

    from .extraction import extract_many

    items = [{"text": g.text, **{k: v for k, v in asdict(g.article).items() if v is not None}} for g in gold]
    return list(extract_many(items, cue_detector="accurate" if accurate else "fast"))


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


factchecks_app = typer.Typer(help="Fact-checks: import ClaimReviews, match claims against them, export verdicts.",
                             no_args_is_help=True)
app.add_typer(factchecks_app, name="factchecks")


@factchecks_app.command("import")
def factchecks_import(
    paths: list[Path] = typer.Argument(..., help="ClaimReview JSON-LD (.json/.jsonld), HTML pages, Google Fact Check "
                                        "Tools claims:search JSON, or JSONL/TSV rows (id, claim, title, rating, url, "
                                        "publisher, date)."),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """Import fact-checks; the same id again updates it. Each bad item is reported and the rest imported; exit 1
    when any item failed."""
    from .factchecks.claimreview import read
    from .linking.embed import shared
    from .store import StoreError

    target = open_store_or_exit(store, for_writing=True)
    try:
        report = target.import_factchecks((item for path in paths for item in read(path)), shared())
    except StoreError as e:
        say(str(e))
        raise typer.Exit(2)
    for origin, message in report.warnings:
        say(f"warning {origin}: {message}")
    for origin, message in report.failed:
        say(f"failed {origin}: {message}")
    counts = report.counts()
    typer.echo(", ".join(f"{v} {k}" for k, v in counts.items()) + f"; {target.factchecks_count()} fact-checks in store")
    if report.failed:
        raise typer.Exit(1)


def read_queries(path: Path) -> tuple[list[tuple[str, str]], int]:
    """(id, text) pairs from JSONL `{"id", "text"}` lines, and how many lines were bad (each reported, then left
    out: one bad line never stops the rest)."""
    out, bad = [], 0
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
                raise ValueError('needs a non-empty "text"')
            out.append((str(item.get("id", n)), item["text"]))
        except ValueError as e:
            say(f"failed {path}:{n}: not a query line ({e})")
            bad += 1
    return out, bad


@factchecks_app.command("match")
def factchecks_match(
    queries: Optional[Path] = typer.Option(None, "--queries", exists=True, dir_okay=False,
                                           help='JSONL, one {"id", "text"} a line.'),
    text: Optional[str] = typer.Option(None, "--text", help="One claim in your own words."),
    store_claims: bool = typer.Option(False, "--store-claims", help="Every claim in the store."),
    top: int = typer.Option(5, "--top", min=1, max=100, help="Matches per query."),
    figures: bool = typer.Option(True, "--figures/--no-figures", help="Compare the figures of claim and fact-check "
                                 "(a match stating a different number is a conflict)."),
    strong: bool = typer.Option(False, "--strong", help="Leave out weak matches (below the suggestion threshold)."),
    as_text: bool = typer.Option(False, "--text-output", help="One readable line per match instead of JSONL."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write JSONL here instead of stdout."),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """The best-matching fact-checks for each query: JSONL {"id", "matches": [{"fact_check_id", "score", "status",
    "verdict", "url", ...}]}. status: link (automatic), suggest (for a human to confirm), conflict (same claim,
    different figures) or weak."""
    if sum(x is not None and x is not False for x in (queries, text, store_claims)) != 1:
        say("give exactly one of --queries FILE, --text TEXT, --store-claims")
        raise typer.Exit(2)
    from .factchecks.matching import match_many, stored_claim_figures, stored_matcher
    from .linking.embed import shared

    target = open_store_or_exit(store)
    if target.factchecks_count() == 0:
        say("no fact-checks in the store: run `newsclaims factchecks import FILE...` first")
        raise typer.Exit(1)
    bad, known_figures = 0, None
    if queries:
        items, bad = read_queries(queries)
    elif text is not None:
        items = [("text", text)]
    else:
        items = [(c.claim_id, c.text) for c in target.claims(limit=10**9)]
        known_figures = stored_claim_figures(target) if figures else None  # their stored quantities, not re-read
    matcher = stored_matcher(target, shared())
    nlp = None
    if figures:
        from .nlp import shared as shared_nlp

        nlp = shared_nlp()
    with (out.open("w", encoding="utf-8") if out else nullcontext(sys.stdout)) as sink:
        for n in range(0, len(items), 64):
            chunk = items[n:n + 64]
            own = [known_figures.get(qid, []) for qid, _ in chunk] if known_figures is not None else None
            found = match_many(target, matcher, [t for _, t in chunk], k=top, nlp=nlp, text_figures=own)
            for (qid, qtext), matches in zip(chunk, found):
                if strong:
                    matches = [m for m in matches if m["status"] != "weak"]
                sink.write(match_lines(qid, qtext, matches) if as_text else json_line({"id": qid, "matches": matches})
                           + "\n")
    if bad:
        say(f"{len(items)} queries matched, {bad} lines failed")
        raise typer.Exit(1)


def match_lines(qid: str, qtext: str, matches: list[dict]) -> str:
    """The matches of one query as readable lines (`factchecks match --text-output`)."""
    lines = ""
    for m in matches:
        pairs = "; ".join(f"{p['claim']} vs {p['fact_check']}" for p in (m["figures"] or {}).get("pairs", []))
        lines += (f"{m['status']:<8} {m['score']:.3f}  {qid}: {qtext[:70]}\n"
                  f"         -> {m['verdict']} ({m['rating']}) {m['claim'][:70]} [{m['fact_check_id']}]"
                  + (f"\n         figures {m['figures']['relation']}: {pairs}" if m["figures"] else "") + "\n")
    return lines


@factchecks_app.command("export")
def factchecks_export(out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
                      store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """The store's verdicts as a JSON array of schema.org ClaimReview objects (JSON-LD), each checked against the
    ClaimReview JSON Schema; a verdict that fails is reported and left out (exit 1)."""
    from .factchecks.export import claim_review, problems, script_safe_json

    reviews, bad = [], 0
    for v in open_store_or_exit(store).verdicts():
        review = claim_review(v)
        wrong = problems(review)
        if wrong:
            bad += 1
            say(f"verdict on {v['claim_id']} left out: " + "; ".join(wrong))
        else:
            reviews.append(review)
    payload = script_safe_json(reviews) + "\n"
    if out:
        out.write_text(payload, "utf-8")
        say(f"{len(reviews)} ClaimReviews written to {out}")
    else:
        sys.stdout.write(payload)
    if bad:
        raise typer.Exit(1)


@app.command()
def verdict(claim_id: str = typer.Argument(..., help="A stored claim, ARTICLE#CLAIM as `newsclaims claims` shows."),
            rating: str = typer.Option(..., "--rating", help='The verdict in words ("False", "Mostly true").'),
            url: str = typer.Option(..., "--url", help="Where the fact-check is published (http/https)."),
            author: str = typer.Option(..., "--author", envvar="NEWSCLAIMS_ORGANISATION",
                                       help="The fact-checking organisation (or set NEWSCLAIMS_ORGANISATION)."),
            explanation: Optional[str] = typer.Option(None, "--explanation", help="Why, in a sentence or two."),
            rating_value: Optional[float] = typer.Option(None, "--rating-value", help="The rating on a numeric scale."),
            best: Optional[float] = typer.Option(None, "--best", help="The scale's best (truest) value."),
            worst: Optional[float] = typer.Option(None, "--worst", help="The scale's worst value."),
            author_url: Optional[str] = typer.Option(None, "--author-url", help="The organisation's home page."),
            store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Record your verdict on a claim in the store (again: replace it). `factchecks export` publishes verdicts."""
    from .store import StoreError

    try:
        with checked_arguments():
            row = open_store_or_exit(store, for_writing=True).record_verdict(claim_id, rating, url, author, explanation,
                                                           rating_value, best, worst, author_url)
    except StoreError as e:
        say(str(e))
        raise typer.Exit(1)
    typer.echo(f"{claim_id}: {row['rating']} ({row['verdict']}) by {row['author']}")


if __name__ == "__main__":
    app()
