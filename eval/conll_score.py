"""Entities on a standard news NER set: CoNLL-2003 English (Reuters, 1996), newsclaims against bare spaCy NER.

    python -m eval.conll_score CONLL_FILE [--limit N] [--json FILE]

CONLL_FILE: a CoNLL-2003 split as distributed (token POS chunk NER per line, IOB1 or IOB2, `-DOCSTART-` between
documents); it is not bundled (Reuters' licence). Each document is one text: its tokens joined by spaces, its
sentences by newlines. Our kinds are mapped to CoNLL's classes: person -> PER, organization and agency -> ORG,
place and venue -> LOC; spaCy's PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC. Gold MISC spans are left out, and a
prediction overlapping one counts neither way. Printed per system: P/R/F1 with spans equal (CoNLL's own measure)
and with spans overlapping, overall and per class.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import spacy

import pipeline
from pipeline import resources

from pipeline.evaluation import PRF

OUR_CLASSES = {"person": "PER", "organization": "ORG", "agency": "ORG", "place": "LOC", "venue": "LOC"}
SPACY_CLASSES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
CLASSES = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    cls: str


@dataclass
class Document:
    text: str
    entities: list[Span]  # MISC included


def entity_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """The (first, last + 1, class) token ranges of IOB1 or IOB2 tags."""
    out, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        prefix, cls = (tag.split("-", 1) + [""])[:2] if tag != "O" else ("O", "")
        continues = start is not None and prefix == "I" and cls == out_cls
        if start is not None and not continues:
            out.append((start, i, out_cls))
            start = None
        if prefix in ("B", "I") and start is None:
            start, out_cls = i, cls
    return out


def document_of(sentences: list[list[tuple[str, str]]]) -> Document:
    """One document's text and entities with character offsets."""
    lines, entities, at = [], [], 0
    for sentence in sentences:
        tokens = [t for t, _ in sentence]
        starts, pos = [], at
        for t in tokens:
            starts.append(pos)
            pos += len(t) + 1
        for first, last, cls in entity_tags([tag for _, tag in sentence]):
            entities.append(Span(starts[first], starts[last - 1] + len(tokens[last - 1]), cls))
        lines.append(" ".join(tokens))
        at = pos
    return Document("\n".join(lines), entities)


def read_conll(path: Path) -> list[Document]:
    """The documents of a CoNLL-2003 file."""
    return read_conll_text(path.read_text(encoding="utf-8"))


def read_conll_text(conll: str) -> list[Document]:
    """The documents of CoNLL-2003 data."""
    docs, sentences, sentence = [], [], []
    for line in conll.splitlines() + [""]:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if sentence:
                sentences.append(sentence)
                sentence = []
            if cols and sentences:
                docs.append(document_of(sentences))
                sentences = []
            continue
        sentence.append((cols[0], cols[-1]))
    if sentences:
        docs.append(document_of(sentences))
    return docs


def tally(pred: list[Span], gold: list[Span], exact: bool) -> dict[str, PRF]:
    """Matches per class: a prediction of the right class whose span equals (or overlaps) a gold one, one-to-one;
    predictions overlapping a MISC span are left out."""
    misc = [g for g in gold if g.cls == "MISC"]
    gold = [g for g in gold if g.cls != "MISC"]
    pred = [p for p in pred if not any(p.start < m.end and m.start < p.end for m in misc)]
    counts = {c: PRF(fn=sum(1 for g in gold if g.cls == c)) for c in CLASSES}
    used: set[int] = set()
    for p in pred:
        hit = next((i for i, g in enumerate(gold) if i not in used and g.cls == p.cls and
                    ((g.start, g.end) == (p.start, p.end) if exact else (p.start < g.end and g.start < p.end))), None)
        if hit is None:
            counts[p.cls].fp += 1
        else:
            used.add(hit)
            counts[p.cls] = counts[p.cls] + PRF(1, 0, -1)
    return counts


def systems(model: str | None = None, learned_ner: bool = False) -> dict:
    """The systems compared, each a function from text to mapped spans; `model`: the English pipeline under both
    (default: the one in models/pipeline.json); `learned_ner`: also newsclaims with the fine-tuned MiniLM NER."""
    bare = spacy.load(model or resources.load("pipeline")["spacy_model"])
    runs = {"bare spaCy NER": lambda t: [Span(e.start_char, e.end_char, SPACY_CLASSES[e.label_])
                                         for e in bare(t).ents if e.label_ in SPACY_CLASSES]}
    for name, ner in (("newsclaims", "spacy"), ("newsclaims, MiniLM NER", "minilm")):
        if ner == "spacy" or learned_ner:
            nlp = pipeline.load(model, ner=ner)
            runs[name] = (lambda nlp: lambda t: [Span(e.start, e.end, OUR_CLASSES[e.kind])
                                                 for e in pipeline.extract(t, nlp=nlp).entities])(nlp)
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conll", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--model", help="another English spaCy pipeline (a package name or a path) under both")
    parser.add_argument("--learned-ner", action="store_true", help="also newsclaims with the MiniLM NER (--ner minilm)")
    args = parser.parse_args(argv)
    docs = read_conll(args.conll)[: args.limit]
    print(f"{args.conll}: {len(docs)} documents, {sum(len(d.entities) for d in docs)} entities (MISC included)")
    figures = {}
    for name, run in systems(args.model, args.learned_ner).items():
        totals = {mode: {c: PRF() for c in CLASSES} for mode in ("exact", "overlap")}
        for d in docs:
            pred = run(d.text)
            for mode in totals:
                for c, prf in tally(pred, d.entities, mode == "exact").items():
                    totals[mode][c] = totals[mode][c] + prf
        figures[name] = {mode: {"f1": sum(t.values(), PRF()).f1, **{c: t[c].f1 for c in CLASSES},
                                "p": sum(t.values(), PRF()).precision, "r": sum(t.values(), PRF()).recall}
                         for mode, t in totals.items()}
        for mode, f in figures[name].items():
            print(f"  {name:<16} {mode:<8} P {f['p']:.3f} R {f['r']:.3f} F1 {f['f1']:.3f}   "
                  + "  ".join(f"{c} {f[c]:.3f}" for c in CLASSES))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
