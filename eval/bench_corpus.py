"""Export and import time of 1,000 articles in every corpus format, against extraction time in the same run.

    python -m eval.bench_corpus [--articles 1000] [--extract 76] [--texts DIR]

The pipeline extracts `--extract` articles (every bundled article, repeated as needed; or the .txt files of
`--texts`, e.g. PolNeAR's data/dev/text, whose real news articles are three times as long as ours) and the time per
article is taken as the baseline; the results are then copied, with distinct ids, up to `--articles`, and each
format writes them to a temporary directory and reads them back. Printed: seconds for each step, and each step's
time as a share of extracting the same number of articles. Absolute times drift on a shared machine; the share is
the figure to compare.
"""
from __future__ import annotations

import argparse
import copy
import json
import tempfile
import time
from pathlib import Path

from datasets.utils.logging import disable_progress_bar

import pipeline
from pipeline import corpus
from pipeline.records import Result

ROOT = Path(__file__).resolve().parent.parent


def articles() -> list[dict]:
    """The bundled articles as extract_many items: corpora/compare's, the wire samples, and the plain-text ones
    (corpora/gold, the transit sample), which are of a news article's usual length."""
    items = []
    for path in (ROOT / "corpora" / "compare" / "articles.jsonl", ROOT / "corpora" / "samples" / "wire.jsonl"):
        items += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    for path in sorted((ROOT / "corpora" / "gold").glob("*.txt")) + [ROOT / "corpora" / "samples" / "transit-budget.txt"]:
        items.append({"id": path.stem, "text": path.read_text("utf-8")})
    return items


def copies(results: list[Result], n: int) -> list[Result]:
    """`n` results cycling through `results`, each with an id of its own."""
    out = []
    for i in range(n):
        result = copy.deepcopy(results[i % len(results)])
        result.article.id = f"{result.article.id}-{i}"
        out.append(result)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--extract", type=int, default=76, help="articles extracted for the baseline (twice the 38 "
                    "bundled ones)")
    ap.add_argument("--texts", type=Path, help="a directory of .txt articles to use instead of the bundled ones")
    args = ap.parse_args(argv)
    disable_progress_bar()
    items = ([{"id": p.stem, "text": p.read_text("utf-8")} for p in sorted(args.texts.glob("*.txt"))]
             if args.texts else articles())
    items = [items[i % len(items)] for i in range(args.extract)]
    nlp = pipeline.load()
    list(pipeline.extract_many(items[:4]))  # warm up
    started = time.perf_counter()
    extracted = list(pipeline.extract_many(items))
    per_article = (time.perf_counter() - started) / len(items)
    results = copies(extracted, args.articles)
    baseline = per_article * args.articles
    print(f"extraction: {per_article * 1000:.1f} ms per article over {len(items)} articles "
          f"({baseline:.1f} s for {args.articles}, the baseline); nlp {nlp.meta['name']}")
    print(f"{'format':<12}{'export s':>10}{'share':>8}{'import s':>10}{'share':>8}  round trip")
    for fmt in corpus.FORMATS:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            corpus.export(results, fmt, tmp)
            exported = time.perf_counter() - started
            started = time.perf_counter()
            items_back = corpus.load(tmp, fmt)
            imported = time.perf_counter() - started
        same = [i.result for i in items_back] == results
        print(f"{fmt:<12}{exported:>10.2f}{exported / baseline:>8.1%}{imported:>10.2f}{imported / baseline:>8.1%}"
              f"  {'exact' if same else 'DIFFERS'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
