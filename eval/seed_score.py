"""Score newsclaims against hand-made gold annotations (the seed article's format, see ../shared/README.md).

    python -m eval.seed_score [ARTICLE.txt GOLD.json ...]     # default: the seed, then corpora/gold/*

Matching rules, one per stage:
- entities: a prediction matches a gold mention of the same kind whose span overlaps it (one-to-one, in text
  order); precision, recall and F1 per kind and overall (micro).
- quantities: a gold quantity is found when a prediction overlaps its span; its value is right when equal within
  1e-6 relative (the value, or for a range its low/high); its qualifier is right when it equals the gold one (or one
  of `accept_qualifier`). A prediction overlapping a `not_quantities` span is a false positive.
- attributions: a gold attribution is found when a prediction's cue overlaps the gold cue and its content overlaps
  the gold content. The source is right when the predicted canonical source equals the gold `resolved` (case and
  a leading "the" ignored); the content is right when the prediction covers at least half of the gold content's
  tokens (token overlap).
- claims: a gold claim's quantity is looked up in the gold quantities; the predicted claim holding a quantity that
  overlaps it is right when its source matches (gold null = the outlet: a claim with no attribution).
Predictions and gold inside `ignore` spans (photo credits) count neither way.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluation import PRF, pairs

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT.parent / "shared" / "seed" / "article.txt"
SEED_GOLD = ROOT.parent / "shared" / "seed" / "gold.json"
OWN_GOLD = ROOT / "corpora" / "gold"
KINDS = ("person", "agency", "organization", "venue", "place")


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def inside_any(span: dict, regions: list[dict]) -> bool:
    return any(overlaps(span, r) for r in regions)


def tokens(text: str, start: int, end: int) -> set[tuple[int, int]]:
    """The word tokens of text[start:end] as absolute (start, end) pairs."""
    return {(start + m.start(), start + m.end()) for m in re.finditer(r"\w+", text[start:end])}


def same_name(a: str | None, b: str | None) -> bool:
    norm = lambda s: re.sub(r"^(the|a|an)\s+", "", (s or "").strip().lower().replace("’", "'"))  # noqa: E731
    return a is not None and b is not None and norm(a) == norm(b)


@dataclass
class Scores:
    entities: dict[str, PRF] = field(default_factory=dict)
    quantities: Counter = field(default_factory=Counter)  # gold, found, value_right, value_and_qualifier_right, extra
    not_quantities_reported: list[str] = field(default_factory=list)
    attributions: Counter = field(default_factory=Counter)  # gold, found, predicted, source_and_cue_right,
    # content_right, all_right
    claims: Counter = field(default_factory=Counter)  # gold, source_right
    misses: list[str] = field(default_factory=list)

    @property
    def entity_total(self) -> PRF:
        total = PRF()
        for prf in self.entities.values():
            total = total + prf
        return total


def score_entities(pred: list[dict], gold: list[dict], scores: Scores) -> None:
    for kind in KINDS:
        g = [e for e in gold if e["kind"] == kind]
        p = [e for e in pred if e["kind"] == kind]
        matched = pairs(g, p, lambda a, b: float(overlaps(a, b)))
        found, used = {id(a) for a, _ in matched}, {id(b) for _, b in matched}
        scores.misses += [f"entity missed: {ge['text']!r} ({kind})" for ge in g if id(ge) not in found]
        scores.misses += [f"entity extra: {pe['text']!r} ({kind})" for pe in p if id(pe) not in used]
        scores.entities[kind] = PRF(len(matched), len(p) - len(matched), len(g) - len(matched))


def value_right(pred: dict, gold: dict) -> bool:
    close = lambda a, b: a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))  # noqa: E731
    if "value" in gold and gold["value"] is not None:
        return close(pred.get("value"), gold["value"])
    return close(pred.get("low"), gold.get("low")) and close(pred.get("high"), gold.get("high"))


def score_quantities(pred: list[dict], gold: dict, scores: Scores) -> None:
    used = set()
    for gq in gold["quantities"]:
        scores.quantities["gold"] += 1
        hit = next((pq for pq in pred if overlaps(pq, gq)), None)
        if hit is None:
            scores.misses.append(f"quantity missed: {gq['text']!r}")
            continue
        used.add(hit["id"])
        scores.quantities["found"] += 1
        if value_right(hit, gq):
            scores.quantities["value_right"] += 1
            accepted = gq.get("accept_qualifier") or [gq.get("qualifier", "=")]
            if hit["qualifier"] in accepted:
                scores.quantities["value_and_qualifier_right"] += 1
            else:
                scores.misses.append(f"quantity qualifier: {gq['text']!r} got {hit['qualifier']}, want {accepted}")
        else:
            scores.misses.append(f"quantity value: {gq['text']!r} got {hit.get('value')}, want {gq.get('value')}")
    for pq in pred:
        if inside_any(pq, gold.get("not_quantities", [])):
            scores.not_quantities_reported.append(pq["text"])
        elif pq["id"] not in used:
            scores.quantities["extra"] += 1


def score_attributions(text: str, pred: list[dict], gold: list[dict], scores: Scores) -> None:
    scores.attributions["predicted"] = len(pred)
    for ga in gold:
        scores.attributions["gold"] += 1
        hits = [pa for pa in pred if overlaps(pa["cue"], ga["cue"]) and overlaps(pa["content"], ga["content"])]
        if not hits:
            scores.misses.append(f"attribution missed: {ga['resolved']} {ga['cue']['text']!r} {ga['content']['text'][:50]!r}")
            continue
        pa = max(hits, key=lambda p: len(tokens(text, p["content"]["start"], p["content"]["end"])
                                         & tokens(text, ga["content"]["start"], ga["content"]["end"])))
        scores.attributions["found"] += 1
        source = pa["source"]["canonical"] if pa["source"] else None
        source_ok = same_name(source, ga["resolved"])
        gold_tokens = tokens(text, ga["content"]["start"], ga["content"]["end"])
        covered = gold_tokens & tokens(text, pa["content"]["start"], pa["content"]["end"])
        content_ok = len(covered) * 2 >= len(gold_tokens)
        scores.attributions["source_and_cue_right"] += source_ok
        scores.attributions["content_right"] += content_ok
        scores.attributions["all_right"] += source_ok and content_ok
        if not source_ok:
            scores.misses.append(f"attribution source: {ga['content']['text'][:40]!r} got {source!r}, want {ga['resolved']!r}")
        if not content_ok:
            scores.misses.append(f"attribution content: got {pa['content']['text'][:60]!r}, want {ga['content']['text'][:60]!r}")


def score_claims(result: dict, gold: dict, scores: Scores) -> None:
    by_text = {q["text"]: q for q in gold["quantities"]}
    for gc in gold["claims"]:
        scores.claims["gold"] += 1
        gq = by_text[gc["quantity"]]
        pq = next((q for q in result["quantities"] if overlaps(q, gq)), None)
        claim = next((c for c in result["claims"] if pq and pq["id"] in c["quantities"]), None)
        if claim is None:
            scores.misses.append(f"claim missed: {gc['quantity']!r}")
            continue
        if gc["source"] is None:
            ok = claim["attribution"] is None
        else:
            ok = claim["attribution"] is not None and same_name(claim["source"], gc["source"])
        scores.claims["source_right"] += ok
        if not ok:
            scores.misses.append(f"claim source: {gc['quantity']!r} got {claim['source']!r} "
                                 f"(attribution {claim['attribution']}), want {gc['source']!r}")


def without_ignored(items: list[dict], ignore: list[dict]) -> list[dict]:
    return [x for x in items if not inside_any(x, ignore)]


def score(result: dict, gold: dict) -> Scores:
    """Every stage's scores for one article's result (a newsclaims/1 dict) against its gold annotations."""
    text = result["text"]
    ignore = gold.get("ignore", [])
    scores = Scores()
    score_entities(without_ignored(result["entities"], ignore), without_ignored(gold["entities"], ignore), scores)
    score_quantities(without_ignored(result["quantities"], ignore), gold, scores)
    score_attributions(text, [a for a in result["attributions"] if not inside_any(a["cue"], ignore)],
                       gold["attributions"], scores)
    score_claims(result, gold, scores)
    return scores


def gold_pairs() -> list[tuple[Path, Path]]:
    """(article, gold) pairs: the seed when ../shared is there, then every corpora/gold/*.json."""
    pairs = [(SEED_TEXT, SEED_GOLD)] if SEED_GOLD.exists() else []
    pairs += [(p.with_suffix(".txt"), p) for p in sorted(OWN_GOLD.glob("*.json"))]
    return pairs


def report(name: str, s: Scores) -> str:
    lines = [f"== {name}", "entities       P      R      F1    (same kind, overlapping span)"]
    for kind in KINDS:
        prf = s.entities[kind]
        lines.append(f"  {kind:<12} {prf.precision:.3f}  {prf.recall:.3f}  {prf.f1:.3f}  tp={prf.tp} fp={prf.fp} fn={prf.fn}")
    t = s.entity_total
    lines.append(f"  {'all':<12} {t.precision:.3f}  {t.recall:.3f}  {t.f1:.3f}")
    lines.append(f"quantities     found {s.quantities['found']}/{s.quantities['gold']}, value right {s.quantities['value_right']}, "
                 f"value+qualifier right {s.quantities['value_and_qualifier_right']}, not-quantities reported "
                 f"{len(s.not_quantities_reported)}, other predictions {s.quantities['extra']}")
    lines.append(f"attributions   found {s.attributions['found']}/{s.attributions['gold']}, source+cue right "
                 f"{s.attributions['source_and_cue_right']}, content right {s.attributions['content_right']}, all right "
                 f"{s.attributions['all_right']}; predicted {s.attributions['predicted']}")
    lines.append(f"claims         source right {s.claims['source_right']}/{s.claims['gold']}")
    lines += [f"  - {m}" for m in s.misses]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    import pipeline

    pairs = [(Path(a), Path(b)) for a, b in zip(argv[::2], argv[1::2])] if argv else gold_pairs()
    if not pairs:
        print("no gold data found (../shared/seed or corpora/gold)", file=sys.stderr)
        return 2
    for text_path, gold_path in pairs:
        text = text_path.read_text("utf-8")
        result = pipeline.extract(text, path=str(text_path)).to_dict()
        print(report(str(text_path), score(result, json.loads(gold_path.read_text("utf-8")))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
