"""From text to records: `extract` for one article, `extract_many` and `outcomes` for batches.

The Doc each text is run as is made here (`prepared_doc`): our tokenization, and the parse of a Title Case headline
sentence-cased for the attribution stage (`doc._.recased_headline`), so no stage runs the `Language` itself.
Records are built from a finished `Doc` here and only here (`from_doc`). Batches never stop on one bad document:
`outcomes` yields, for every input in order, the result or the reason it was skipped or failed.
"""
from __future__ import annotations

import multiprocessing
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as nlp_module
from . import resources
from .components.recasing import recased_headline
from .components.extensions import RECASED_HEADLINE, register_extensions
from .from_doc import result_from_doc
from .readers import Document
from .records import Article, Result, text_id


class ExtractionError(Exception):
    """A document could not be processed; the message names it and says why."""


@dataclass
class Outcome:
    """What became of one input document: `processed` with a result, or `skipped`/`failed` with a reason."""

    origin: str
    status: str  # processed | skipped | failed
    result: Result | None = None
    reason: str | None = None


def load(model: str | None = None, cue_detector: str = "fast", ner: str = "spacy") -> Language:
    """The spaCy `Language` with every newsclaims stage (shared within the process); `cue_detector="accurate"`
    finds attribution cues with the accurate detector (several times slower); `ner="minilm"` finds names with the
    fine-tuned MiniLM NER instead of the English model's (`components.ner`; slower)."""
    return nlp_module.shared(model, cue_detector, ner)


def article_of(text: str, metadata: dict[str, Any]) -> Article:
    meta = {k: (None if v is None else str(v)) for k, v in metadata.items() if k in Article.__dataclass_fields__}
    meta["id"] = meta.get("id") or text_id(text)
    return Article(**meta)


MAX_CHUNK = 1000  # characters without whitespace that spaCy's tokenizer is given at once
LONG_CHUNK = re.compile(r"\S{%d,}" % (MAX_CHUNK + 1))


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp`'s tokenization of `text`, with any run of more than `MAX_CHUNK` characters without whitespace tokenized
    in pieces of `MAX_CHUNK` (spaCy's tokenizer strips affixes one at a time, so a run of 20,000 quote marks costs it
    the square of its length). The Doc's text is `text` exactly."""
    if not LONG_CHUNK.search(text):
        return nlp.make_doc(text)
    pieces, start = [], 0
    for m in LONG_CHUNK.finditer(text):
        pieces.append(text[start:m.start()])
        pieces += [text[i:min(i + MAX_CHUNK, m.end())] for i in range(m.start(), m.end(), MAX_CHUNK)]
        start = m.end()
    pieces.append(text[start:])
    return Doc.from_docs([nlp.make_doc(p) for p in pieces if p], ensure_whitespace=False)


def headline_parse(nlp: Language, text: str) -> Doc | None:
    """The parse, by the model's components (`nlp_module.model_run`), of the Title Case headline of `text`
    sentence-cased, for an `nlp` with the entity or attribution stage; None when there is no such headline or
    stage."""
    readers = {"newsclaims_attributions", "newsclaims_entities"} & set(nlp_module.factories(nlp))
    recased = recased_headline(text) if readers else None
    return nlp_module.model_run(nlp, make_doc(nlp, recased)) if recased else None  # tokenized as the article is


def prepared_doc(nlp: Language, text: str) -> Doc:
    """The Doc `nlp` runs for `text`: `make_doc`, with `doc._.recased_headline` set (`headline_parse`)."""
    doc = make_doc(nlp, text)
    register_extensions(doc_names=(RECASED_HEADLINE,), span_names=())
    doc._.set(RECASED_HEADLINE, headline_parse(nlp, text))
    return doc


def check_text(text: Any, max_chars: int) -> str:
    if not isinstance(text, str):
        raise ExtractionError(f"text must be a str, not {type(text).__name__}")
    if len(text) > max_chars:
        raise ExtractionError(f"text of {len(text):,} characters is over the limit of {max_chars:,}")
    return text


def extract(text: str, nlp: Language | None = None, **metadata: Any) -> Result:
    """Entities, quantities, attributions and claims of one article. Metadata: id, title, url, outlet, published, path."""
    nlp = nlp or load()
    text = check_text(text, nlp.max_length - 1)
    return result_from_doc(nlp(prepared_doc(nlp, text)), article_of(text, metadata))


def as_document(item: Any, n: int) -> Document:
    """An input of `extract_many`: a str, a dict with "text", a (text, metadata) pair, or a `Document`."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(f"#{n}", item, {})
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], dict):
        return Document(f"#{n}", item[0], dict(item[1]))
    if isinstance(item, dict):
        meta = {k: v for k, v in item.items() if k != "text"}
        return Document(str(meta.get("id", f"#{n}")), item.get("text"), meta)
    return Document(f"#{n}", status="failed", reason=f"cannot read a {type(item).__name__} as an article")


def process_batch(nlp: Language, docs: list[Document]) -> list[Outcome]:
    """Outcomes of one batch, in order. A batch that fails is redone one document at a time to isolate the bad one."""
    out: list[Outcome | None] = [None] * len(docs)
    todo = []
    max_chars = nlp.max_length - 1
    for i, d in enumerate(docs):
        if d.status != "ok":
            out[i] = Outcome(d.origin, d.status, reason=d.reason)
        elif not isinstance(d.text, str):
            out[i] = Outcome(d.origin, "failed", reason="no text")
        elif not d.text.strip():
            out[i] = Outcome(d.origin, "skipped", reason="empty: no text")
        elif len(d.text) > max_chars:
            out[i] = Outcome(d.origin, "skipped", reason=f"too long: {len(d.text):,} characters, over the limit of {max_chars:,}")
        else:
            todo.append(i)
    try:
        done = list(nlp.pipe([prepared_doc(nlp, docs[i].text) for i in todo]))
    except Exception:
        done = None
    for k, i in enumerate(todo):
        d = docs[i]
        try:
            doc = done[k] if done is not None else nlp(prepared_doc(nlp, d.text))
            out[i] = Outcome(d.origin, "processed", result=result_from_doc(doc, article_of(d.text, d.metadata)))
        except Exception as e:  # one document's failure is reported, never raised out of a batch
            out[i] = Outcome(d.origin, "failed", reason=f"pipeline error: {type(e).__name__}: {e}")
    return out  # type: ignore[return-value]


def batches(items: Iterable[Any], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for n, item in enumerate(items, start=1):
        batch.append(as_document(item, n))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_worker_nlp: Language | None = None


def allow_length(nlp: Language, max_chars: int | None) -> Language:
    """`nlp`, taking texts of up to `max_chars` characters (spaCy's own limit raised where it is lower)."""
    if max_chars:
        nlp.max_length = max(nlp.max_length, max_chars + 1)
    return nlp


def _worker_init(model: str | None, cue_detector: str, max_chars: int | None, ner: str = "spacy") -> None:
    global _worker_nlp
    _worker_nlp = allow_length(nlp_module.build(model, cue_detector=cue_detector, ner=ner), max_chars)


def _worker_batch(docs: list[Document]) -> list[Outcome]:
    assert _worker_nlp is not None
    return process_batch(_worker_nlp, docs)


def outcomes(items: Iterable[Any], batch_size: int | None = None, n_process: int = 1,
             model: str | None = None, cue_detector: str = "fast", max_chars: int | None = None,
             ner: str = "spacy") -> Iterator[Outcome]:
    """An `Outcome` for every input, in input order. With n_process > 1, batches go to worker processes, each
    building the same pipeline (model, cue detector and NER). `max_chars` raises the longest text processed above
    models/pipeline.json's `max_chars`."""
    batch_size = batch_size or resources.load("pipeline")["batch_size"]
    if n_process <= 1:
        nlp = allow_length(load(model, cue_detector, ner), max_chars)
        for batch in batches(items, batch_size):
            yield from process_batch(nlp, batch)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(n_process, initializer=_worker_init, initargs=(model, cue_detector, max_chars, ner)) as pool:
        for result in pool.imap(_worker_batch, batches(items, batch_size)):
            yield from result


def extract_many(items: Iterable[Any], batch_size: int | None = None, n_process: int = 1,
                 model: str | None = None, on_error: str = "raise", cue_detector: str = "fast",
                 ner: str = "spacy") -> Iterator[Result]:
    """Results for many articles, streamed in input order.

    Items are texts, dicts with "text" and metadata, or (text, metadata) pairs. A document that cannot be processed
    raises `ExtractionError` naming it (`on_error="raise"`) or is left out (`on_error="skip"`).
    """
    if on_error not in ("raise", "skip"):
        raise ValueError('on_error must be "raise" or "skip"')
    for outcome in outcomes(items, batch_size=batch_size, n_process=n_process, model=model,
                            cue_detector=cue_detector, ner=ner):
        if outcome.result is not None:
            yield outcome.result
        elif on_error == "raise":
            raise ExtractionError(f"{outcome.origin}: {outcome.status}: {outcome.reason}")
