"""Entities on real news we did not write: newsclaims against bare spaCy NER on a held-out entity set.

    python -m eval.entity_score SOURCE [--set polnear|wikinews] [--half dev|test|all] [--case upper|title|lower]
        [--json FILE]

The sets (`eval/entity_set.py`): 42 PolNeAR articles (SOURCE a PolNeAR checkout) or 44 WikinewsSum web news pages
(SOURCE a WikinewsSum checkout), each with a dev half (tuned on) and a test half (scored once, at the end).
Matching, per half: a predicted mention matches a gold mention that overlaps it (one-to-one, in text order, a gold
mention of the same kind first). Printed per system:
- per kind and over all five: typed precision, recall and F1 (a match counts only with the same kind);
- `coarse F1`: person / organization+agency / place+venue, the classes a standard NER set has;
- `exact F1`: typed, spans equal;
- `junk`: the share of predicted mentions that overlap no gold mention (not a name of any of our kinds);
- `names typed P` and `names junk`: the same per distinct name (article, text, kind) rather than per mention.
With --case, every article is scored rewritten in capitals, in Title Case or in lower case (each letter
recased where that keeps its length, so the gold offsets hold), for how the stage reads text in odd case.
With --ablate, also newsclaims with each switchable part of the entity stage off (`SWITCHES`).
Bare spaCy is the same English model's NER, mapped PERSON -> person, ORG -> organization, GPE/LOC -> place,
FAC -> venue (spaCy has no agency).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import spacy

import pipeline
from pipeline import nlp as nlp_module
from pipeline import resources
from pipeline.evaluation import PRF

from . import entity_set, held_out
from .seed_score import KINDS

SPACY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "venue"}
COARSE = {"person": "person", "organization": "organization", "agency": "organization", "place": "place",
          "venue": "place"}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str
    text: str


def spacy_mentions(nlp, text: str) -> list[Found]:
    """Bare spaCy NER, mapped to our kinds."""
    return [Found(e.start_char, e.end_char, SPACY_KINDS[e.label_], e.text)
            for e in nlp(text).ents if e.label_ in SPACY_KINDS]


def newsclaims_mentions(nlp, text: str) -> list[Found]:
    """The entity mentions of the full newsclaims pipeline."""
    return [Found(e.start, e.end, e.kind, e.text) for e in pipeline.extract(text, nlp=nlp).entities]


CASES = {"upper": str.upper, "title": str.title, "lower": str.lower}


def recased(text: str, case: str | None) -> str:
    """`text` with every word in the case `case` names (None: as it is), each word recased only where its length
    stays the same."""
    def word(m: re.Match) -> str:
        written, changed = m.group(), CASES[case](m.group())
        return changed if len(changed) == len(written) else written

    return text if case is None else re.sub(r"[^\W\d_]+", word, text)


def overlapping(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def pairs(pred: list[Found], gold: list, kind_of=lambda k: k) -> list[tuple[Found, object | None]]:
    """Each prediction with the gold mention it matches (or None): an overlapping gold mention of the same kind
    first, else any overlapping one; one-to-one, in text order."""
    used: set[int] = set()
    out = []
    for p in pred:
        near = [i for i, g in enumerate(gold) if i not in used and overlapping(p, g)]
        same = [i for i in near if kind_of(gold[i].kind) == kind_of(p.kind)]
        hit = (same or near or [None])[0]
        if hit is not None:
            used.add(hit)
        out.append((p, None if hit is None else gold[hit]))
    return out


@dataclass
class Tally:
    kinds: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KINDS})
    coarse: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    predicted: int = 0
    junk: int = 0
    names: dict[tuple, str] = field(default_factory=dict)  # (file, text, kind) -> right | wrong | junk

    def typed(self) -> PRF:
        return sum(self.kinds.values(), PRF())


def count_typed(tally: Tally, pred: list[Found], gold: list) -> None:
    """Typed matches per kind, and the junk among the predictions."""
    article = {k: PRF(fn=sum(1 for g in gold if g.kind == k)) for k in KINDS}
    for p, g in pairs(pred, gold):
        tally.predicted += 1
        tally.junk += g is None
        if g is not None and g.kind == p.kind:
            article[p.kind] = article[p.kind] + PRF(1, 0, -1)
        elif p.kind in article:
            article[p.kind].fp += 1
    for k in KINDS:
        tally.kinds[k] = tally.kinds[k] + article[k]


def add_article(tally: Tally, file: str, pred: list[Found], gold: list) -> None:
    """Count one article's predictions against its gold."""
    count_typed(tally, pred, gold)
    coarse = [(p, g) for p, g in pairs(pred, gold, COARSE.get) if g is not None and COARSE[g.kind] == COARSE[p.kind]]
    tally.coarse = tally.coarse + PRF(len(coarse), len(pred) - len(coarse), len(gold) - len(coarse))
    spans = {(g.start, g.end, g.kind) for g in gold}
    exact = sum(1 for p in pred if (p.start, p.end, p.kind) in spans)
    tally.exact = tally.exact + PRF(exact, len(pred) - exact, len(gold) - exact)
    for p, g in pairs(pred, gold):
        verdict = "junk" if g is None else "right" if g.kind == p.kind else "wrong"
        key = (file, p.text, p.kind)
        if tally.names.get(key) != "right":
            tally.names[key] = verdict


def report(name: str, tally: Tally) -> dict:
    """The figures of one system on one half, as printed and as written by --json."""
    names = list(tally.names.values())
    row = {"kinds": {k: {"p": prf.precision, "r": prf.recall, "f1": prf.f1, "gold": prf.tp + prf.fn}
                     for k, prf in tally.kinds.items()},
           "typed": {"p": tally.typed().precision, "r": tally.typed().recall, "f1": tally.typed().f1},
           "coarse_f1": tally.coarse.f1, "exact_f1": tally.exact.f1,
           "junk": tally.junk / tally.predicted if tally.predicted else 0.0, "predicted": tally.predicted,
           "names": len(names), "names_typed_p": names.count("right") / len(names) if names else 0.0,
           "names_junk": names.count("junk") / len(names) if names else 0.0}
    kinds = "  ".join(f"{k[:6]} {v['p']:.2f}/{v['r']:.2f}/{v['f1']:.2f}" for k, v in row["kinds"].items())
    print(f"  {name:<22} typed P {row['typed']['p']:.3f} R {row['typed']['r']:.3f} F1 {row['typed']['f1']:.3f}"
          f" | coarse F1 {row['coarse_f1']:.3f} | exact F1 {row['exact_f1']:.3f} | junk {row['junk']:.3f}"
          f" | names typed P {row['names_typed_p']:.3f}, junk {row['names_junk']:.3f} ({row['names']})")
    print(f"  {'':<22} P/R/F1 by kind: {kinds}")
    return row


SWITCHES = ("read_recased_headline", "known_places", "learned_kinds")  # the entity stage's parts, by config


def without(part: str, model: str | None):
    """The full newsclaims pipeline with one part of the entity stage switched off through its config."""
    nlp = nlp_module.build(model)
    nlp.replace_pipe("newsclaims_entities", "newsclaims_entities", config={part: False})
    return nlp


def systems(model: str | None = None, ablate: bool = False, learned_ner: bool = False) -> dict:
    """The systems compared, each a function from text to mentions, loaded once; `model`: the English pipeline
    under both (default: the one in models/pipeline.json); `ablate`: also newsclaims without each switchable part
    of the entity stage; `learned_ner`: also newsclaims with the fine-tuned MiniLM NER."""
    newsclaims = pipeline.load(model)
    bare = spacy.load(model or resources.load("pipeline")["spacy_model"])
    runs = {"bare spaCy NER": lambda t: spacy_mentions(bare, t),
            "newsclaims": lambda t: newsclaims_mentions(newsclaims, t)}
    if learned_ner:
        learned = pipeline.load(model, ner="minilm")
        runs["newsclaims, MiniLM NER"] = lambda t: newsclaims_mentions(learned, t)
    for part in SWITCHES if ablate else ():
        runs[f"  without {part}"] = (lambda nlp: lambda t: newsclaims_mentions(nlp, t))(without(part, model))
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = held_out.scorer_parser(__doc__, "a PolNeAR checkout (data/train/text and data/dev/text), or for "
                                    "--set wikinews a WikinewsSum checkout", entity_set.GOLDS)
    parser.add_argument("--model", help="another English spaCy pipeline (a package name or a path) under both")
    parser.add_argument("--ablate", action="store_true", help="also newsclaims without each switchable part")
    parser.add_argument("--learned-ner", action="store_true", help="also newsclaims with the MiniLM NER (--ner minilm)")
    parser.add_argument("--case", choices=sorted(CASES), help="score the articles rewritten in this case")
    args = parser.parse_args(argv)
    load = held_out.set_loader(entity_set.load, entity_set.GOLDS, args)
    articles = held_out.loaded(load, args.polnear, args.half, entity_set.SetError)
    if articles is None:
        return 2
    runs = systems(args.model, args.ablate, args.learned_ner)
    figures = {}
    for half, chosen in held_out.by_half(articles, args.half):
        print(f"{half}: {len(chosen)} articles, {sum(len(a.mentions) for a in chosen)} gold mentions")
        figures[half] = {}
        for name, run in runs.items():
            tally = Tally()
            for a in chosen:
                add_article(tally, a.file, run(recased(a.text, args.case)), a.mentions)
            figures[half][name] = report(name, tally)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
