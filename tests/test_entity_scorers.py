"""The held-out entity set (eval/entity_set.py), its scorer (eval/entity_score.py) and the CoNLL-2003 reader and
scorer (eval/conll_score.py), on stand-ins: no PolNeAR or CoNLL text is bundled."""
import hashlib
import json
from collections import Counter

import pytest

from eval import conll_score, entity_score, entity_set
from eval.entity_score import Found


def test_the_committed_set_is_42_articles_in_two_halves_with_checked_offsets_and_no_texts():
    rows = [json.loads(line) for line in entity_set.GOLD.read_text("utf-8").splitlines()]
    assert len(rows) == 42 and Counter(r["half"] for r in rows) == {"dev": 21, "test": 21}
    assert len({r["file"] for r in rows}) == 42 and all(r["polnear_split"] in ("train", "dev") for r in rows)
    for r in rows:
        assert set(r) == {"file", "polnear_split", "half", "sha1", "mentions"} and len(r["sha1"]) == 40
        spans = [(start, end) for start, end, _, _ in r["mentions"]]
        assert spans == sorted(spans) and all(e <= s2 for (_, e), (s2, _) in zip(spans, spans[1:]))
        for start, end, kind, name in r["mentions"]:
            assert kind in ("person", "agency", "organization", "venue", "place") and len(name) == end - start


def polnear_like(tmp_path, text, mentions, sha1=None):
    (tmp_path / "data" / "train" / "text").mkdir(parents=True)
    (tmp_path / "data" / "train" / "text" / "a.txt").write_text(text, "utf-8")
    entry = {"file": "a.txt", "polnear_split": "train", "half": "dev", "mentions": mentions,
             "sha1": sha1 or hashlib.sha1(text.encode()).hexdigest()}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(entry) + "\n", "utf-8")
    return gold


def test_the_set_is_rebuilt_from_a_checkout_and_refuses_other_texts_or_offsets(tmp_path):
    text = "Ana Ruiz met the FBI in Fresno."
    gold = polnear_like(tmp_path, text, [[0, 8, "person", "Ana Ruiz"], [17, 20, "agency", "FBI"]])
    [article] = entity_set.load(tmp_path, "dev", gold)
    assert [text[m.start:m.end] for m in article.mentions] == ["Ana Ruiz", "FBI"]
    assert entity_set.load(tmp_path, "test", gold) == []
    with pytest.raises(entity_set.SetError, match="differs"):
        entity_set.load(tmp_path, None, polnear_like(tmp_path / "b", text, [], sha1="0" * 40))
    with pytest.raises(entity_set.SetError, match="offsets"):
        entity_set.load(tmp_path, None, polnear_like(tmp_path / "c", text, [[0, 3, "person", "Ruiz"]]))


def test_the_web_news_set_is_44_pages_of_distinct_stories_with_checked_offsets_and_no_texts():
    rows = [json.loads(line) for line in entity_set.GOLDS["wikinews"].read_text("utf-8").splitlines()]
    assert len(rows) == 44 and Counter(r["half"] for r in rows) == {"dev": 22, "test": 22}
    assert len({r["story"] for r in rows}) == 44 and max(Counter(r["outlet"] for r in rows).values()) <= 2
    for r in rows:
        assert set(r) == {"file", "story", "source", "url", "outlet", "half", "sha1", "mentions"}
        for start, end, kind, name in r["mentions"]:
            assert kind in ("person", "agency", "organization", "venue", "place") and len(name) == end - start


def wikinews_like(tmp_path, text, sha1=None):
    """A stand-in for WikinewsSum's cleaned_endataset.json with one English source, and a gold file for it."""
    stories = [{"title": "t", "text": "", "sources": [{"language": "fr", "maintext": "x"},
                                                      {"language": "en", "maintext": text, "url": "http://a/b"}]}]
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / entity_set.WIKINEWS_FILE
    source.write_text("".join(json.dumps(s) + "\n" for s in stories), "utf-8")
    entry = {"file": "wikinews-000-1", "story": 0, "source": 1, "url": "http://a/b", "outlet": "a", "half": "test",
             "sha1": sha1 or hashlib.sha1(text.encode()).hexdigest(), "mentions": [[0, 8, "person", "Ana Ruiz"]]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(entry) + "\n", "utf-8")
    return source, gold


def test_the_web_news_set_is_rebuilt_from_the_file_or_a_checkout_and_refuses_another_text(tmp_path):
    text = "Ana Ruiz met the FBI in Fresno."
    source, gold = wikinews_like(tmp_path, text)
    [article] = entity_set.load(source, "test", gold)
    assert article.text == text and article.file == "wikinews-000-1"
    entity_set.wikinews_stories.cache_clear()
    with pytest.raises(entity_set.SetError, match="differs"):
        entity_set.load(wikinews_like(tmp_path / "b", "Another text.")[0], None, gold)
    with pytest.raises(entity_set.SetError, match="not a WikinewsSum checkout"):
        entity_set.load(tmp_path, None, gold)  # a directory without the commit that holds the file


def test_typed_scores_count_a_wrong_kind_against_both_sides_and_junk_apart():
    gold = [Found(0, 8, "person", "Ana Ruiz"), Found(17, 20, "agency", "FBI"), Found(24, 30, "place", "Fresno")]
    pred = [Found(0, 8, "person", "Ana Ruiz"), Found(17, 20, "organization", "FBI"), Found(31, 35, "person", "Junk")]
    tally = entity_score.Tally()
    entity_score.add_article(tally, "a", pred, gold)
    assert (tally.typed().tp, tally.typed().fp, tally.typed().fn) == (1, 2, 2)
    assert tally.junk == 1 and tally.predicted == 3
    assert tally.coarse.tp == 2  # agency and organization are one class for a standard NER set
    assert sorted(tally.names.values()) == ["junk", "right", "wrong"]


IOB1 = """-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- O O

BRUSSELS NNP I-NP I-LOC
"""


def test_conll_files_become_texts_with_character_offsets():
    docs = conll_score.read_conll_text(IOB1)
    assert [d.text for d in docs] == ["EU rejects German call .\nPeter Blackburn", "BRUSSELS"]
    first = docs[0]
    assert [(first.text[e.start:e.end], e.cls) for e in first.entities] == [
        ("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER")]
    assert conll_score.entity_tags(["B-PER", "I-PER", "B-PER", "O", "I-LOC"]) == [(0, 2, "PER"), (2, 3, "PER"),
                                                                                 (4, 5, "LOC")]


def test_conll_scoring_is_exact_or_overlapping_and_leaves_misc_out():
    [doc, _] = conll_score.read_conll_text(IOB1)
    pred = [conll_score.Span(0, 2, "ORG"), conll_score.Span(11, 17, "LOC"), conll_score.Span(25, 30, "PER")]
    exact = conll_score.tally(pred, doc.entities, exact=True)
    overlap = conll_score.tally(pred, doc.entities, exact=False)
    assert (exact["ORG"].tp, exact["PER"].tp, exact["PER"].fp, exact["PER"].fn) == (1, 0, 1, 1)
    assert overlap["PER"].tp == 1
    assert exact["LOC"].fp == 0  # "German" is MISC: a prediction over it counts neither way
