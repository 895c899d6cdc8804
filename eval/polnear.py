"""Score attributions on PolNeAR (train or dev split), side by side with textacy's direct_quotations.

    python -m eval.polnear PATH [--split dev] [--limit N] [--show-errors N] [--rules-only] [--accurate] [--agreement]

PATH is a checkout (or export) of github.com/networkdynamics/PolNeAR holding data/<split>/text/*.txt and
data/<split>/attributions/*.ann. The corpus is not part of this project; fetch it yourself. The test split is
kept for release evaluation: this command refuses to read it.

Gold: brat standoff. Source / Cue / Content text-bound annotations (a span may be discontinuous: "s e;s e") are
joined by Attribution events (E lines); an event without a Source ("Attribution-no-source") has no gold source.
Where an article was annotated by several annotators (files name_<annotator>.ann), the first file in sorted order
is used.

Matching rules (one-to-one, gold in text order, first unused prediction that matches):
- exact: the prediction's span equals the gold span (a discontinuous gold span is taken from its first start to its
  last end);
- token overlap: the prediction covers at least half of the gold span's word tokens;
- cue, source and content are scored each on their own (P/R/F1 over all spans of that role);
- a whole attribution matches when its cue matches (token overlap) and its content overlaps the gold content by
  at least one token.
Adapting newsclaims' records to PolNeAR's conventions: PolNeAR's source spans are whole noun phrases, with titles,
ages, appositives and relative clauses ("Jimmy Ghazal, 39, a Lebanese man visiting Nice with his family"), and
"who" where the cue is in a relative clause. The "source" rows score the record's `source.phrase` (that whole
phrase; `source.text` where there is none); the "source (mention)" rows score the stricter `source.text` joined
with an appositive role written right after it ("Tom Clarke, a nursing home owner,"). Quotes continuing a
speaker's (same cue) join that attribution's content, as PolNeAR annotates them as one attribution with
discontinuous content.
"""
from __future__ import annotations

import argparse
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.corpus import brat
from pipeline.evaluation import PRF, count, pairs

WORD = re.compile(r"\w+")


@dataclass
class Span:
    start: int
    end: int
    pieces: tuple[tuple[int, int], ...] = ()

    def tokens(self, text: str) -> set[tuple[int, int]]:
        pieces = self.pieces or ((self.start, self.end),)
        return {(s + m.start(), s + m.end()) for s, e in pieces for m in WORD.finditer(text[s:e])}


@dataclass
class Attr:
    cue: Span | None
    content: Span | None
    source: Span | None
    mention: Span | None = None  # newsclaims only: the source's own words (`source.text`), role joined


@dataclass
class Article:
    name: str
    text: str
    gold: list[Attr]


def read_ann(text: str) -> list[Attr]:
    """The attributions of one .ann file, read by the package's brat reader (`pipeline.corpus.brat`)."""
    standoff = brat.parse_ann(text)
    out = []
    for _, _, arguments in standoff.events:
        roles: dict[str, Span] = {}
        for role, tid in arguments:
            if tid in standoff.spans:
                pieces = tuple(standoff.spans[tid][1])
                roles[re.sub(r"\d+$", "", role)] = Span(pieces[0][0], pieces[-1][1], pieces)
        out.append(Attr(roles.get("Cue"), roles.get("Content"), roles.get("Source")))
    return out


def load(path: Path, split: str, limit: int | None = None) -> list[Article]:
    """Articles of one split, each with the first annotator's attributions."""
    if split == "test":
        raise SystemExit("PolNeAR's test split is kept for release evaluation and is not read here; use train or dev")
    base = path / "data" / split
    if not (base / "text").is_dir():
        raise SystemExit(f"{base}/text not found: PATH must hold PolNeAR's data/{split}/text and attributions")
    articles = []
    for text_path in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text("utf-8")
        articles.append(Article(text_path.stem, text, read_ann(anns[0].read_text("utf-8"))))
        if limit and len(articles) >= limit:
            break
    return articles


def annotators(path: Path, split: str) -> list[tuple[Article, list[list[Attr]]]]:
    """Articles several annotators marked: each with the first annotator's attributions as gold and the others'."""
    base = path / "data" / split
    out = []
    for text_path in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{text_path.stem}_*.ann"))
        if len(anns) > 1:
            first, *others = [read_ann(a.read_text("utf-8")) for a in anns]
            out.append((Article(text_path.stem, text_path.read_text("utf-8"), first), others))
    return out


def agreement(marked: list[tuple[Article, list[list[Attr]]]]) -> dict[str, Scores]:
    """Human agreement on multiply annotated articles (`annotators`; every other annotator scored against the
    first), and newsclaims on the same articles scored against every annotator in turn."""
    if not marked:
        return {}
    pairs = [(article, other) for article, others in marked for other in others]
    human = score([a for a, _ in pairs], [o for _, o in pairs])
    ours = predict_newsclaims([a for a, _ in marked])
    golds = [(Article(a.name, a.text, g), p) for (a, others), p in zip(marked, ours) for g in [a.gold, *others]]
    return {f"annotators vs first ({len(pairs)} pairs)": human,
            f"newsclaims vs each ({len(golds)})": score([a for a, _ in golds], [p for _, p in golds])}


def predict_newsclaims(articles: list[Article], cue_detector: str = "fast") -> list[list[Attr]]:
    import pipeline

    out = []
    texts = [a.text for a in articles]
    for article, result in zip(articles, pipeline.extract_many(texts, cue_detector=cue_detector)):
        preds: list[Attr] = []
        by_cue: dict[tuple[int, int], Attr] = {}
        for a in result.attributions:
            joined = by_cue.get((a.cue.start, a.cue.end))
            if joined is not None and joined.content is not None:
                # a quote continuing the speaker's: PolNeAR makes it part of the same attribution's content
                pieces = (joined.content.pieces or ((joined.content.start, joined.content.end),)) + ((a.content.start, a.content.end),)
                joined.content = Span(pieces[0][0], pieces[-1][1], pieces)
                continue
            source = mention = None
            if a.source and a.source.start is not None:
                end = a.source.end
                if a.source.role and article.text.startswith(", " + a.source.role, end):
                    end += 2 + len(a.source.role)  # PolNeAR's source spans include the appositive
                mention = Span(a.source.start, end)
                source = Span(a.source.phrase.start, a.source.phrase.end) if a.source.phrase else mention
            preds.append(Attr(Span(a.cue.start, a.cue.end), Span(a.content.start, a.content.end), source, mention))
            by_cue[(a.cue.start, a.cue.end)] = preds[-1]
        out.append(preds)
    return out


def predict_textacy(articles: list[Article]) -> list[list[Attr]]:
    warnings.filterwarnings("ignore")
    from textacy.extract.triples import direct_quotations

    import pipeline

    nlp = pipeline.load()
    out = []
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]):
        for doc in nlp.pipe([a.text for a in articles]):
            preds = []
            try:
                triples = list(direct_quotations(doc))
            except Exception:  # textacy raises on some documents; count as finding nothing there
                triples = []
            for t in triples:
                speaker = Span(min(x.idx for x in t.speaker), max(x.idx + len(x) for x in t.speaker)) if t.speaker else None
                cue = Span(min(x.idx for x in t.cue), max(x.idx + len(x) for x in t.cue)) if t.cue else None
                preds.append(Attr(cue, Span(t.content.start_char, t.content.end_char), speaker))
            out.append(preds)
    return out


def matches(text: str, pred: Span | None, gold: Span | None, exact: bool) -> bool:
    if pred is None or gold is None:
        return False
    if exact:
        return pred.start == gold.start and pred.end == gold.end
    g = gold.tokens(text)
    return bool(g) and len(g & pred.tokens(text)) * 2 >= len(g)


def overlaps(text: str, pred: Span | None, gold: Span | None) -> bool:
    return pred is not None and gold is not None and bool(gold.tokens(text) & pred.tokens(text))


@dataclass
class Scores:
    parts: dict[str, PRF] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def score(articles: list[Article], predictions: list[list[Attr]]) -> Scores:
    """Cue, source and content spans scored each on their own (exact and token overlap), and whole attributions;
    one-to-one matching by `pipeline.evaluation` (gold in text order, the first unused prediction that matches)."""
    s = Scores()
    roles = ["cue", "source", "content"]
    if any(p.mention is not None for preds in predictions for p in preds):
        roles.insert(2, "mention")
    for role in roles:
        for exact in (True, False):
            prf = PRF()
            for article, preds in zip(articles, predictions):
                gold = [getattr(g, "source" if role == "mention" else role) for g in article.gold]
                gold = sorted((g for g in gold if g is not None), key=lambda x: x.start)
                pred = [getattr(p, role) for p in preds if getattr(p, role) is not None]
                prf += count(gold, pred, lambda g, p, text=article.text: float(matches(text, p, g, exact)))
            name = "source (mention)" if role == "mention" else role
            s.parts[f"{name} {'exact' if exact else 'overlap'}"] = prf
    whole = PRF()
    for article, preds in zip(articles, predictions):
        gold = sorted(article.gold, key=lambda x: x.cue.start if x.cue else 0)
        same = lambda g, p, text=article.text: float(matches(text, p.cue, g.cue, False)  # noqa: E731
                                                     and overlaps(text, p.content, g.content))
        matched = pairs(gold, preds, same)
        whole += PRF(len(matched), len(preds) - len(matched), len(gold) - len(matched))
        s.errors += missed_and_extra(article, gold, preds, matched)
    s.parts["whole attribution"] = whole
    return s


def missed_and_extra(article: Article, gold: list[Attr], preds: list[Attr], matched: list[tuple]) -> list[str]:
    """The gold attributions no prediction matched and the predicted cues that matched none."""
    found = {id(g) for g, _ in matched}
    used = {id(p) for _, p in matched}
    text = article.text
    errors = []
    for g in gold:
        if id(g) not in found:
            cue = text[g.cue.start:g.cue.end] if g.cue else None
            errors.append(f"{article.name}: missed cue {cue!r}: {text[g.content.start:g.content.end][:70]!r}"
                          if g.content else f"{article.name}: missed cue {cue!r}")
    errors += [f"{article.name}: extra cue {text[p.cue.start:p.cue.end]!r}" for p in preds
               if id(p) not in used and p.cue is not None]
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path)
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    ap.add_argument("--rules-only", action="store_true", help="also score the rules without the learned cue detector")
    ap.add_argument("--accurate", action="store_true", help="also score the accurate cue detector (MiniLM)")
    ap.add_argument("--agreement", action="store_true",
                    help="also score the annotators against each other on the articles several of them marked")
    args = ap.parse_args(argv)
    articles = load(args.path, args.split, args.limit)
    n_gold = sum(len(a.gold) for a in articles)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_gold} gold attributions (first annotator per article)")
    results = {"newsclaims": score(articles, predict_newsclaims(articles))}
    if args.rules_only:
        from pipeline.components.attributions import cue_model

        import pipeline

        with pipeline.load().get_pipe("newsclaims_attributions").detector(cue_model.NO_MODEL):
            results["newsclaims rules only"] = score(articles, predict_newsclaims(articles))
    if args.accurate:
        results["newsclaims accurate"] = score(articles, predict_newsclaims(articles, cue_detector="accurate"))
    results["textacy"] = score(articles, predict_textacy(articles))
    print(f"{'':<24}" + "".join(f"{name:>27}" for name in results))
    print(f"{'':<24}" + "".join(f"{'P':>9}{'R':>9}{'F1':>9}" for _ in results))
    for part in results["newsclaims"].parts:
        print(f"{part:<24}" + "".join(f"{r.parts[part].precision:>9.3f}{r.parts[part].recall:>9.3f}{r.parts[part].f1:>9.3f}"
                                      if part in r.parts else f"{'-':>9}{'-':>9}{'-':>9}" for r in results.values()))
    for e in results["newsclaims"].errors[: args.show_errors]:
        print("  -", e)
    if args.agreement:
        marked = annotators(args.path, args.split)
        agreed = agreement(marked)
        print(f"\nAgreement on the {len(marked)} {args.split} articles several annotators marked "
              f"({sum(len(o) + 1 for _, o in marked)} annotations), token overlap F1:")
        print(f"{'':<24}" + "".join(f"{name:>34}" for name in agreed))
        for part in ("cue overlap", "source overlap", "content overlap", "whole attribution"):
            print(f"{part:<24}" + "".join(f"{r.parts[part].f1:>34.3f}" for r in agreed.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
