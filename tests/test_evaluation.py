"""pipeline.evaluation: one-to-one matching, exact and overlap rows, typed entity rows, value accuracy."""
from __future__ import annotations

import copy

from pipeline.evaluation import PRF, count, evaluate, exact, overlap, pairs, table
from pipeline.records import Article, Entity, Quantity, Result

from odd_texts import odd_result


def test_identical_results_score_one_everywhere():
    report = evaluate([odd_result()], [odd_result()])
    assert report.articles == 1 and report.unmatched == []
    assert all(r.exact.f1 == 1.0 and r.overlap.f1 == 1.0 for r in report.rows), table(report)
    assert all(right == n == 5 for right, n in report.values.values())


def test_matching_is_one_to_one_and_takes_the_largest_overlap():
    a, b, c = (Entity("x", "", s, e, "person", "P", "") for s, e in ((0, 10), (0, 3), (2, 10)))
    assert pairs([a], [b, c], overlap) == [(a, c)]
    assert count([a, a], [c], overlap) == PRF(1, 0, 1)
    assert count([a], [b], exact) == PRF(0, 1, 1)


def test_a_wrong_kind_is_wrong_typed_and_right_untyped():
    gold = odd_result()
    pred = copy.deepcopy(gold)
    pred.entities[0].kind = "organization"  # José Núñez
    report = evaluate([gold], [pred])
    rows = {(r.layer, r.kind): r for r in report.rows}
    assert rows[("entities", "person")].exact == PRF(1, 0, 1)
    assert rows[("entities", "organization")].exact == PRF(0, 1, 0)
    assert rows[("entities", "all")].exact == PRF(4, 1, 1)
    assert rows[("entities", "any kind")].exact == PRF(5, 0, 0)


def test_a_shifted_span_counts_for_overlap_only_and_values_are_compared():
    gold = odd_result()
    pred = copy.deepcopy(gold)
    q = pred.quantities[1]  # "3,400 people"
    q.start, q.text, q.value = q.start + 6, q.text[6:], 34.0
    report = evaluate([gold], [pred])
    rows = {(r.layer, r.kind): r for r in report.rows}
    assert rows[("quantities", "all")].exact == PRF(4, 1, 1)
    assert rows[("quantities", "all")].overlap == PRF(5, 0, 0)
    assert report.values["value"] == [4, 5] and report.values["unit"] == [5, 5]


def test_articles_are_matched_by_id_and_a_missing_one_counts_as_missed():
    gold = [odd_result(), Result(Article("b"), "Ann spoke.", [Entity("e1", "Ann", 0, 3, "person", "P", "Ann")])]
    other_text = Result(Article("b"), "Ann spoke!")
    report = evaluate(gold, [odd_result(), other_text])
    assert report.articles == 1 and "differs" in report.unmatched[0]
    report = evaluate(gold, [odd_result()])
    rows = {(r.layer, r.kind): r for r in report.rows}
    assert report.articles == 2 and rows[("entities", "person")].exact.fn == 1


def test_agreement_f1_does_not_depend_on_the_order():
    a = odd_result()
    b = copy.deepcopy(a)
    b.quantities = b.quantities[:3] + [Quantity("q9", "Zürich", 56, 62, 1.0)]
    ab = {(r.layer, r.kind): r.exact.f1 for r in evaluate([a], [b]).rows}
    ba = {(r.layer, r.kind): r.exact.f1 for r in evaluate([b], [a]).rows}
    assert ab == ba and ab[("quantities", "all")] < 1.0


def test_the_matching_does_not_depend_on_which_side_is_gold():
    a = Result(Article("x"), "0123456789012345678901", [Entity("e1", "0123456789", 0, 10, "person", "P", "x"),
                                                         Entity("e2", "567890123456789", 5, 20, "person", "P", "x")])
    b = Result(Article("x"), a.text, [Entity("e1", "5678901234", 5, 15, "person", "P", "x"),
                                      Entity("e2", "012", 0, 3, "person", "P", "x")])
    ab, ba = evaluate([a], [b]), evaluate([b], [a])
    assert ab.rows[0].overlap == ba.rows[0].overlap == PRF(2, 0, 0)


def test_an_article_only_predicted_counts_as_extra():
    gold = [odd_result()]
    extra = Result(Article("more"), "Ann spoke.", [Entity("e1", "Ann", 0, 3, "person", "P", "Ann")])
    report = evaluate(gold, [odd_result(), extra])
    rows = {(r.layer, r.kind): r for r in report.rows}
    assert report.articles == 2 and "not in the gold" in report.unmatched[0]
    assert rows[("entities", "person")].exact.fp == 1


def test_identical_empty_spans_overlap():
    empty = Entity("e1", "", 3, 3, "person", "P", "")
    assert overlap(empty, empty) == 1.0 and exact(empty, empty) == 1.0
