"""Throughput of the full newsclaims pipeline against bare spaCy, on the same articles, in the same process.

    python -m eval.bench [--rounds 5] [--copies 8] [--accurate] [--learned-ner] [--alone]

Articles: corpora/samples, corpora/gold and the seed article (when ../shared is there), repeated `--copies` times.
Each round runs every configuration once, in turn, so drift on a shared machine hits them alike; the figure kept
for each is its fastest round. Printed: articles/s and words/s of
- bare spaCy: `nlp.pipe` of the same model, no newsclaims stage;
- full: `pipeline.extract_many` (every stage, plus building the records);
- full without one stage at a time (its cost is the difference);
and the ratio of full to bare (the target is at most 1.25, our stages costing at most 25% over spaCy). With
--accurate, also the full pipeline with the accurate cue detector (`cue_detector="accurate"`), as a ratio to
the full one. With --learned-ner, also the full pipeline with the MiniLM NER (`ner="minilm"`), the same way.
With --alone, also each of our stages timed by itself (`stage_seconds`: its own calls on the articles parsed
beforehand, best of the rounds) as a share of the full pipeline's time: a steadier figure than "adds X%", which
subtracts two noisy timings.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

import pipeline
from pipeline import readers, resources
from pipeline.nlp import STAGES, model_parse

from .seed_score import SEED_TEXT

ROOT = Path(__file__).resolve().parent.parent


def articles() -> list[str]:
    """The texts benchmarked: the bundled samples, our gold articles and the seed."""
    paths = [str(ROOT / "corpora" / "samples"), str(ROOT / "corpora" / "gold")]
    if SEED_TEXT.exists():
        paths.append(str(SEED_TEXT))
    return [d.text for d in readers.read(paths) if d.status == "ok" and d.text]


def stage_seconds(nlp, texts: list[str]) -> dict[str, float]:
    """Seconds each of our stages takes by itself on `texts`, parsed beforehand by the model's components; each
    stage reads what the stages before it wrote."""
    docs = [model_parse(nlp, text) for text in texts]
    seconds = {}
    for stage in STAGES:
        component = nlp.get_pipe(stage)
        seconds[stage] = timed(lambda: [component(doc) for doc in docs])
    return seconds


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=8, help="how many times the article set is repeated")
    parser.add_argument("--accurate", action="store_true", help="also time the accurate cue detector")
    parser.add_argument("--learned-ner", action="store_true", help="also time the MiniLM NER")
    parser.add_argument("--alone", action="store_true", help="also time each of our stages by itself")
    args = parser.parse_args(argv)

    texts = articles() * args.copies
    words = sum(len(t.split()) for t in texts)
    model = resources.load("pipeline")["spacy_model"]
    bare = spacy.load(model)
    full = pipeline.load()
    batch = resources.load("pipeline")["batch_size"]

    def run_full(disable: str | None = None):
        def go():
            if disable is None:
                list(pipeline.extract_many(texts, batch_size=batch))
            else:
                with full.select_pipes(disable=[disable]):
                    list(pipeline.extract_many(texts, batch_size=batch))
        return go

    def run_accurate():
        list(pipeline.extract_many(texts, batch_size=batch, cue_detector="accurate"))

    configs = {"bare spaCy (nlp.pipe)": lambda: list(bare.pipe(texts, batch_size=batch)), "full newsclaims": run_full()}
    configs.update({f"full without {stage}": run_full(stage) for stage in STAGES})
    if args.accurate:
        configs["full, accurate cue detector"] = run_accurate
    if args.learned_ner:
        configs["full, MiniLM NER"] = lambda: list(pipeline.extract_many(texts, batch_size=batch, ner="minilm"))
    for fn in configs.values():  # warm-up: caches, lazy imports
        fn()
    best = {name: float("inf") for name in configs}
    alone = {stage: float("inf") for stage in STAGES}
    for _ in range(args.rounds):
        for name, fn in configs.items():
            best[name] = min(best[name], timed(fn))
        if args.alone:
            alone = {stage: min(alone[stage], s) for stage, s in stage_seconds(full, texts).items()}

    print(f"{len(texts)} articles ({len(texts) // args.copies} distinct x {args.copies}), {words:,} words; "
          f"model {model}; best of {args.rounds} rounds")
    print(f"{'configuration':<45}{'articles/s':>12}{'words/s':>12}{'time vs bare':>14}")
    base = best["bare spaCy (nlp.pipe)"]
    for name, seconds in best.items():
        print(f"{name:<45}{len(texts) / seconds:>12.1f}{words / seconds:>12,.0f}{seconds / base:>14.3f}")
    full_time = best["full newsclaims"]
    print(f"\nratio full / bare spaCy: {full_time / base:.3f} (our stages add {100 * (full_time / base - 1):.1f}%)")
    for stage in STAGES:
        without = best[f"full without {stage}"]
        print(f"  {stage:<28} adds {100 * (full_time / without - 1):5.1f}% to the pipeline without it")
    if args.alone:
        for stage, seconds in alone.items():
            share = 100 * seconds / full_time
            print(f"  {stage:<28} alone: {seconds:.3f} s, {share:4.1f}% of the full pipeline's time")
    for name, short in (("full, accurate cue detector", "accurate"), ("full, MiniLM NER", "MiniLM NER")):
        if name in best:
            print(f"ratio {short} / full: {best[name] / full_time:.3f}; {short} / bare spaCy: {best[name] / base:.3f}")


if __name__ == "__main__":
    main()
