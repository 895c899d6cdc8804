"""ClaimReview reading under hostile input: one bad item is one failed item, references resolve without copies,
field sizes and links are bounded at import, and exported JSON-LD cannot close its <script> block."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.factchecks import claimreview
from pipeline.factchecks.claimreview import FactCheck, Problem
from pipeline.factchecks.export import script_safe_json

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "corpora" / "factchecks" / "checkers-desk.jsonld"


def review(**fields) -> dict:
    return {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://checks.example/1",
            "claimReviewed": "The city hired 40 new teachers.", "author": {"@type": "Organization", "name": "Desk"},
            "reviewRating": {"@type": "Rating", "alternateName": "False"}, **fields}


def test_deeply_nested_json_ld_is_one_problem_and_the_other_files_still_read(tmp_path):
    deep_file = tmp_path / "deep.jsonld"
    deep_file.write_text("[" * 10_000 + "]" * 10_000)
    deep_block = tmp_path / "deep.html"
    deep_block.write_text('<html><script type="application/ld+json">' + "[" * 10_000 + "]" * 10_000 +
                          '</script><script type="application/ld+json">' + json.dumps(review()) + "</script></html>")
    items = [i for path in (deep_file, deep_block, GOOD) for i in claimreview.read(path)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [p.message for p in problems if "nested too deeply" in p.message] and len(problems) == 2
    assert sum(isinstance(i, FactCheck) for i in items) == 1 + sum(isinstance(i, FactCheck) for i in claimreview.read(GOOD))


def test_references_resolve_by_reference_not_by_copy():
    shared = {"@id": "#org", "@type": "Organization", "name": "Desk", "url": "https://desk.example/"}
    graph = {"@graph": [shared] + [review(url=f"https://checks.example/{n}", author={"@id": "#org"})
                                   for n in range(3)]}
    nodes = list(claimreview.claim_reviews(graph))
    authors = [node["author"] for node in nodes]
    assert all(a["name"] == "Desk" for a in authors)
    assert all(dict.__getitem__(node, "author") == {"@id": "#org"} for node in nodes)  # nothing expanded in place


def test_a_fan_out_of_references_reads_each_node_once():
    """Three levels of nodes, each referencing the next 3,000 times (the attack of issue 13): reading the
    ClaimReview looks at what it needs, never expanding the 27 billion paths."""
    level3 = [{"@id": f"#c{n}", "@type": "Thing", "name": f"c{n}"} for n in range(3)]
    level2 = [{"@id": f"#b{n}", "@type": "Thing", "part": [{"@id": f"#c{n % 3}"}] * 3000} for n in range(3)]
    level1 = {"@id": "#a", "@type": "Thing", "part": [{"@id": "#b0"}, {"@id": "#b1"}, {"@id": "#b2"}] * 1000}
    graph = {"@graph": level3 + level2 + [level1, review(itemReviewed={"@id": "#a"})]}
    [item] = claimreview.from_json(graph, "fan-out")
    assert isinstance(item, FactCheck) and item.claim == "The city hired 40 new teachers."


def test_a_claim_too_long_to_be_a_claim_fails_alone():
    huge = FactCheck(id="https://checks.example/2", claim="word " * 2_000_000, url="https://checks.example/2")
    ok = FactCheck(id="x", claim="The bridge is 40 miles long.")
    assert isinstance(claimreview.checked(huge), Problem) and "over the limit of 5,000" in claimreview.checked(huge).message
    assert claimreview.checked(ok) is ok


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "data:text/html,<script>", "ftp://x.example/"])
def test_only_http_links_are_imported(url):
    [item] = claimreview.from_json(review(url=url), "evil")
    assert isinstance(claimreview.checked(item), Problem)
    [item] = claimreview.from_json(review(author={"@type": "Organization", "name": "Desk", "url": url}), "evil")
    kept = claimreview.checked(item)
    assert isinstance(kept, FactCheck) and kept.publisher_url is None and "left out" in kept.warnings[-1]


def test_long_fields_are_cut_with_a_warning():
    [item] = claimreview.from_json(review(name="t" * 10_000), "long")
    kept = claimreview.checked(item)
    assert len(kept.title) == claimreview.MAX_FIELD_CHARS and "title cut" in kept.warnings[-1]


def test_exported_json_ld_cannot_close_its_script_block():
    evil = {"claimReviewed": "x </script><script>alert(1)</script> <!-- & y", "url": "https://x.example/</script>"}
    text = script_safe_json(evil)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == evil


def test_import_counts_a_bad_item_as_failed_and_keeps_the_rest(tmp_path):
    from pipeline.store import Store

    path = tmp_path / "mixed.jsonld"
    path.write_text(json.dumps([review(url="javascript:alert(1)"), review(claimReviewed="y" * 6_000),
                                review(url="https://checks.example/ok")]))
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    from pipeline.linking.embed import shared

    report = store.import_factchecks(claimreview.read(path), shared())
    assert report.counts()["imported"] == 1 and report.counts()["failed"] == 2 and report.read == 3
