"""Score cross-article clusters, conflicts and the cross-article entity merge against a gold corpus.

    python -m eval.compare_score                          # corpora/compare: the 32-article regression set
    python -m eval.compare_score --set news --split dev   # corpora/compare-news: the 89-article set, dev or test
    python -m eval.compare_score --set heldout            # corpora/compare-heldout: 48 articles (now trained on)
    python -m eval.compare_score --set heldout2           # corpora/compare-heldout2: the test set, scored once

The articles are extracted and stored in a fresh SQLite store; `linking.compare.stored_clusters` runs on it. Gold
names a figure by its article id and the figure as written; a stored figure stands for the gold figure whose
characters it overlaps (a figure the gold does not list stands for itself: the gold says it is unrelated to every
other). Scores are pairwise: a pair of figures in one predicted cluster is right when the gold puts them in one
cluster (precision over predicted pairs, recall over gold pairs); conflicts are pairs flagged as conflicting;
gold figures the pipeline did not extract count as misses. Entities (corpora/compare-news only): each gold mention
stands for the stored entity whose mention overlaps it, and two mentions in different articles are a predicted pair
when they stand for one stored entity.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from itertools import combinations
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import pipeline
from pipeline.evaluation import PRF
from pipeline.linking.compare import stored_clusters
from pipeline.linking.embed import shared
from pipeline.store import Store
from pipeline.store.tables import EntityRow, MentionRow

ROOT = Path(__file__).resolve().parent.parent
SETS = {"regression": ROOT / "corpora" / "compare", "news": ROOT / "corpora" / "compare-news",
        "heldout": ROOT / "corpora" / "compare-heldout", "heldout2": ROOT / "corpora" / "compare-heldout2"}


def prf(predicted: set, gold: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of predicted pairs against gold pairs."""
    counts = PRF(len(predicted & gold), len(predicted - gold), len(gold - predicted))
    return counts.precision, counts.recall, counts.f1


def pair(a, b) -> frozenset:
    return frozenset((tuple(a), tuple(b)))


def corpus(name: str, split: str = "all") -> tuple[list[dict], dict]:
    """The articles of a set (those of one split, for corpora/compare-news) and its gold."""
    path = SETS[name]
    items = [json.loads(line) for line in (path / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]
    gold = json.loads((path / "gold.json").read_text("utf-8"))
    if split != "all":
        items = [d for d in items if d["split"] == split]
    return items, gold


def folder(name: str) -> str:
    """A set's folder, as the project names it ("corpora/compare-news")."""
    return str(SETS[name].relative_to(ROOT))


def corpora(names: list[str]) -> tuple[list[dict], dict]:
    """The articles of several sets, all splits, and their gold joined (article ids and events differ by set)."""
    items, gold = [], {"events": {}, "clusters": [], "conflicts": [], "traps": [], "entities": []}
    for name in names:
        more, more_gold = corpus(name)
        items += more
        gold["events"].update(more_gold.get("events", {}))
        for key in ("clusters", "conflicts", "traps", "entities"):
            gold[key] += more_gold.get(key, [])
    return items, gold


def gold_span(texts: dict[str, str], article: str, figure: str) -> tuple[int, int]:
    start = texts[article].find(figure)
    if start < 0:
        raise ValueError(f"gold figure {figure!r} is not in article {article}")
    return start, start + len(figure)


def node_of(spans: dict[str, list[tuple[int, int, tuple]]], article: str, start: int, end: int, fallback: tuple):
    """The gold figure whose characters overlap [start, end) in `article`, else `fallback`."""
    for s, e, node in spans.get(article, []):
        if s < end and start < e:
            return node
    return fallback


def gold_pairs(gold: dict, kept: set[str]) -> tuple[set, set]:
    """Gold same-claim pairs and conflict pairs among the articles kept."""
    clusters = [c["figures"] if isinstance(c, dict) else c for c in gold["clusters"]]
    same = {pair(a, b) for c in clusters for a, b in combinations(c, 2) if a[0] in kept and b[0] in kept}
    conflicts = {pair(a, b) for a, b in gold["conflicts"] if a[0] in kept and b[0] in kept}
    return same, conflicts


def entity_scores(store: Store, gold: dict, texts: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise scores of the cross-article entity merge over the gold's mentions."""
    group = getattr(EntityRow, "same_as", None)  # the cross-article entity (`store.identity`), where there is one
    entity = func.coalesce(group, EntityRow.id) if group is not None else EntityRow.id
    with Session(store.engine) as session:
        rows = session.execute(select(MentionRow.article_id, MentionRow.start, MentionRow.end, entity.label("entity_id"))
                               .join(EntityRow, EntityRow.id == MentionRow.entity_id)).all()
    by_article: dict[str, list] = {}
    for r in rows:
        by_article.setdefault(r.article_id, []).append((r.start, r.end, r.entity_id))
    predicted, expected, nodes = set(), set(), []
    for n, group in enumerate(gold.get("entities", [])):
        for article, name in group["mentions"]:
            if article not in texts:
                continue
            start = texts[article].find(name)
            entity = next((e for s, t, e in by_article.get(article, []) if s < start + len(name) and start < t), None)
            nodes.append(((article, name), n, entity))
    for (a, ga, ea), (b, gb, eb) in combinations(nodes, 2):
        if a[0] == b[0]:
            continue
        if ga == gb:
            expected.add(pair(a, b))
        if ea is not None and ea == eb:
            predicted.add(pair(a, b))
    return prf(predicted, expected)


def figure_spans(gold: dict, texts: dict[str, str]) -> dict[str, list]:
    """Each kept article's gold figures: (start, end, (article, figure))."""
    spans: dict[str, list] = {}
    for c in gold["clusters"]:
        for article, figure in (c["figures"] if isinstance(c, dict) else c):
            if article in texts:
                spans.setdefault(article, []).append((*gold_span(texts, article, figure), (article, figure)))
    return spans


def scored(clusters, store: Store, gold: dict, texts: dict[str, str]) -> dict:
    """Pairwise scores of `clusters` (of the figures in `store`) against the gold, on the articles of `texts`."""
    spans = figure_spans(gold, texts)
    starts = {}
    for article in texts:
        result = store.get(article)
        for q in (result.quantities if result else []):
            starts.setdefault((article, q.text), (q.start, q.end))

    def node(f) -> tuple:
        start, end = (f.start, f.end) if getattr(f, "start", -1) >= 0 else starts.get((f.article_id, f.text), (-1, -1))
        return node_of(spans, f.article_id, start, end, (f.article_id, f.text, start))

    predicted_same = {pair(node(a), node(b)) for c in clusters for a, b in combinations(c.figures, 2)}
    predicted_conflicts = {pair(node(a), node(b)) for c in clusters for a, b in c.conflicts}
    gold_same, gold_conflicts = gold_pairs(gold, set(texts))
    scores = {"clusters": prf(predicted_same, gold_same), "conflicts": prf(predicted_conflicts, gold_conflicts),
              "_detail": (predicted_same - gold_same, gold_same - predicted_same,
                          predicted_conflicts - gold_conflicts, gold_conflicts - predicted_conflicts)}
    if gold.get("entities"):
        scores["entities"] = entity_scores(store, gold, texts)
    return scores


def run(threshold: float | None = None, name: str = "regression", split: str = "all") -> dict:
    """Pairwise scores of clusters, conflicts and (where the gold has them) entities on one set."""
    items, gold = corpus(name, split)
    texts = {d["id"]: d["text"] for d in items}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/compare.db")
        store.add(pipeline.extract_many(items))
        clusters = stored_clusters(store, shared(), *([] if threshold is None else [threshold]))
        scores = scored(clusters, store, gold, texts)
        store.close()
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="name", choices=sorted(SETS), default="regression")
    parser.add_argument("--split", choices=["dev", "test", "all"], default=None,
                        help="corpora/compare-news: dev (tune on it) or test (score once); default dev")
    parser.add_argument("--thresholds", default="0.3,0.5,0.7",
                        help="other same-claim probability thresholds to print the scores at")
    parser.add_argument("--errors", action="store_true", help="list every wrong and missed pair")
    args = parser.parse_args()
    split = args.split or ("dev" if args.name == "news" else "all")
    scores = run(name=args.name, split=split)
    print(f"{folder(args.name)} ({split}): {len(corpus(args.name, split)[0])} articles")
    for name in ("clusters", "conflicts", "entities"):
        if name in scores:
            p, r, f = scores[name]
            print(f"{name:<10} pairwise P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for threshold in filter(None, args.thresholds.split(",")):
        other = run(float(threshold), args.name, split)
        print(f"  at same-claim probability {float(threshold):.2f}: clusters F1 {other['clusters'][2]:.3f}, "
              f"conflicts P {other['conflicts'][0]:.3f} R {other['conflicts'][1]:.3f} F1 {other['conflicts'][2]:.3f}")
    if args.errors or args.name == "regression":
        extra_same, missed_same, extra_conf, missed_conf = scores["_detail"]
        for label, pairs in (("extra same", extra_same), ("missed same", missed_same),
                             ("extra conflict", extra_conf), ("missed conflict", missed_conf)):
            for p in sorted(pairs, key=str):
                print(f"  - {label}: {sorted(p)}")


if __name__ == "__main__":
    main()
