"""spaCy DocBin: exact round trips, spans on tokens, extensions restored on load, and `spacy train` takes it."""
from __future__ import annotations

import subprocess
import sys

import spacy
from spacy.tokens import DocBin

from pipeline.corpus import docbin

from .conftest import odd_result


def test_round_trip_is_exact(odd_results, tmp_path):
    docbin.write(odd_results, tmp_path)
    items = docbin.read(tmp_path / "corpus.spacy")
    assert [i.error for i in items] == [None] * 3
    assert [i.result for i in items] == odd_results


def test_the_doc_holds_every_layer_on_whole_tokens():
    result = odd_result()
    doc = docbin.doc_of(result)
    assert doc.text == result.text
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents][:2] == [("José\u00a0Núñez", "person", "José\u00a0Núñez"),
                                                                    ("Zürich", "place", "Zürich")]
    assert [s.text for s in doc.spans["quantities"]] == [q.text for q in result.quantities]
    assert [s.id_ for s in doc.spans["cues"]] == ["a1", "a2", "a3", "a4", "a5"]
    assert "40" in [t.text for t in doc]  # cut out of the Arabic run where a quantity starts


def test_extensions_come_back_on_load(tmp_path):
    docbin.write([odd_result()], tmp_path)
    [doc] = DocBin().from_disk(tmp_path / "corpus.spacy").get_docs(spacy.blank("en").vocab)
    half = next(s for s in doc.spans["quantities"] if s.text == "about half")
    assert half._.newsclaims["low"] == 0.4 and half._.newsclaims["qualifier"] == "~"
    assert doc.spans["cues"][2]._.newsclaims["detected_by"] == "model"
    assert doc._.newsclaims_article["outlet"] == "Odd Times"


def test_a_doc_from_another_tool_gives_its_entities(tmp_path):
    nlp = spacy.blank("en")
    doc = nlp("Ann Lee met Bob.")
    doc.ents = [doc.char_span(0, 7, label="person"), doc.char_span(12, 15, label="PER")]
    bin_ = DocBin()
    bin_.add(doc)
    bin_.add(nlp("Fine."))
    bin_.to_disk(tmp_path / "x.spacy")
    bad, good = docbin.read(tmp_path / "x.spacy")
    assert "label 'PER'" in bad.error  # not one of our kinds: said, not dropped
    assert good.result.text == "Fine." and good.result.article.id == "doc-2"


def test_spacy_train_takes_the_export(odd_results, tmp_path):
    docbin.write(odd_results * 4, tmp_path)
    config = tmp_path / "config.cfg"
    run = lambda *args: subprocess.run([sys.executable, "-m", "spacy", *args], capture_output=True, text=True,  # noqa: E731
                                       timeout=600)
    made = run("init", "config", str(config), "--lang", "en", "--pipeline", "ner", "--optimize", "efficiency")
    assert made.returncode == 0, made.stderr
    trained = run("train", str(config), "--output", str(tmp_path / "model"), "--paths.train",
                  str(tmp_path / "corpus.spacy"), "--paths.dev", str(tmp_path / "corpus.spacy"),
                  "--training.max_steps", "4", "--training.eval_frequency", "2")
    assert trained.returncode == 0, trained.stdout[-2000:] + trained.stderr[-2000:]
    labels = spacy.load(tmp_path / "model" / "model-last").get_pipe("ner").labels
    assert set(labels) == {"person", "place", "agency"}


def test_spans_on_whitespace_and_empty_spans_keep_their_offsets(tmp_path):
    from pipeline.records import Article, Entity, Quantity, Result

    text = "Ann Lee  said 5 people came."
    result = Result(Article("ws"), text, [Entity("e1", "Ann Lee ", 0, 8, "person", "PERSON", "Ann Lee"),
                                          Entity("e2", "", 8, 8, "place", "GPE", "")],
                    [Quantity("q1", " 5", 13, 15, 5.0)])
    docbin.write([result], tmp_path)
    [item] = docbin.read(tmp_path)
    assert item.error is None and item.result == result
