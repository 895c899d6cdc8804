"""UIMA CAS XMI for INCEpTION: exact round trips, UTF-16 offsets in the file, annotations made by hand as gold,
per-document errors, and a type system INCEpTION can take as layers."""
from __future__ import annotations

import copy
import zipfile
from pathlib import Path

from cassis import load_cas_from_xmi, load_typesystem
from lxml import etree

from pipeline import corpus
from pipeline.corpus import xmi
from pipeline.corpus.graph import graph_of
from pipeline.records import Article, Entity, Quantity, Result

NEWSCLAIMS = "{http:///newsclaims.ecore}"
SOFA = "{http:///uima/cas.ecore}Sofa"

NEWS = [
    "The unemployment rate rose to 4.2 percent in March, up from 3.9 percent, the Labor Department said on Friday. "
    "\u201cWe expect it to fall,\u201d said Janet Yellen, the Treasury Secretary.",
    "Police in Columbus, Ohio, said 3 people were injured. According to the Centers for Disease Control and "
    "Prevention, about 1 in 5 adults had been vaccinated by May.",
    "\U0001f389 Shares of Apple rose 3% on Tuesday, analysts at Goldman Sachs said.\r\n"
    "\u201cIt was a great quarter,\u201d Tim Cook told reporters, adding that sales reached $90 billion.",
]


def pieces(result: Result) -> list[tuple[str, str, int, int]]:
    """(what, text, start, end) of every span in a result."""
    out = [(f"entity {e.id}", e.text, e.start, e.end) for e in result.entities]
    out += [(f"quantity {q.id}", q.text, q.start, q.end) for q in result.quantities]
    out += [(f"claim {c.id}", c.text, c.start, c.end) for c in result.claims]
    for a in result.attributions:
        out += [(f"cue of {a.id}", a.cue.text, a.cue.start, a.cue.end),
                (f"content of {a.id}", a.content.text, a.content.start, a.content.end)]
        if a.source and a.source.text is not None:
            out.append((f"source of {a.id}", a.source.text, a.source.start, a.source.end))
        if a.source and a.source.phrase:
            out.append((f"phrase of {a.id}", a.source.phrase.text, a.source.phrase.start, a.source.phrase.end))
    return out


def round_trip(results: list[Result], out: Path) -> list[Result]:
    """Results written and read back, every item without error."""
    xmi.write(results, out)
    items = xmi.read(out)
    assert [i.error for i in items] == [None] * len(results)
    return [i.result for i in items]


def spans_in_file(path: Path) -> dict[str, etree._Element]:
    """The newsclaims.Span elements of a written XMI by rid."""
    return {e.get("rid"): e for e in etree.parse(str(path)).getroot().iter(f"{NEWSCLAIMS}Span")}


def test_odd_results_round_trip_exactly(odd_results, tmp_path):
    back = round_trip(odd_results, tmp_path)
    assert back == odd_results
    assert [r.to_json() for r in back] == [r.to_json() for r in odd_results]  # 3400 stays an int, 12.0 a float
    for result in back:
        for what, text, start, end in pieces(result):
            assert result.text[start:end] == text, what


def test_real_pipeline_output_round_trips(run, tmp_path):
    results = [Result.from_dict(run(text, id=f"news-{n}", title=f"News {n}", outlet="Wire" if n else None,
                                    published="2024-03-01", url=None, path=f"in/{n}.txt"))
               for n, text in enumerate(NEWS)]
    assert all(sum(len(getattr(r, layer)) for r in results) > 0
               for layer in ("entities", "quantities", "attributions", "claims"))
    back = round_trip(results, tmp_path)
    assert back == results
    assert [r.to_json() for r in back] == [r.to_json() for r in results]
    for result in back:
        for what, text, start, end in pieces(result):
            assert result.text[start:end] == text, what


def test_the_package_api_writes_and_reads_xmi(odd_results, tmp_path):
    paths = corpus.export(odd_results, "xmi", tmp_path / "out")
    assert [p.name for p in paths] == ["typesystem.xml", "1-odd-1.xmi", "2-odd-2.xmi", "3-empty.xmi"]
    assert [i.result for i in corpus.load(tmp_path / "out", "xmi")] == odd_results


def test_offsets_in_the_file_count_utf16_code_units(odd_results, tmp_path):
    result = odd_results[0]
    path = xmi.write([result], tmp_path)[1]
    root = etree.parse(str(path)).getroot()
    assert next(root.iter(SOFA)).get("sofaString") == result.text  # CRLF, NBSP and all
    spans = spans_in_file(path)
    person = result.entities[0]  # "José Núñez", after "🎉" (one code point, two UTF-16 units)
    assert int(spans["e1"].get("begin")) == person.start + 1
    assert int(spans["e5"].get("begin")) == result.entities[4].start + 8  # after 🎉, 𝐁𝐨𝐥𝐝 and 👩‍👩‍👧
    starts = {s.id: s.start for s in graph_of(result).spans}
    for rid, element in spans.items():
        start = starts[rid]
        assert int(element.get("begin")) == len(result.text[:start].encode("utf-16-le")) // 2, rid


def test_annotations_made_by_hand_import_as_gold_with_defaults(odd_results, tmp_path):
    path = xmi.write([odd_results[0]], tmp_path)[1]
    ts = load_typesystem(tmp_path / "typesystem.xml")
    cas = load_cas_from_xmi(path, typesystem=ts)
    text = cas.sofa_string
    Span, Link = ts.get_type("newsclaims.Span"), ts.get_type("newsclaims.Link")
    by_rid = {s.rid: s for s in cas.select(Span)}
    cas.remove(by_rid["e2"])  # an annotator deletes "Zürich"
    start = text.index("Officials")
    # as INCEpTION writes what it adds: no rid, order 0, Booleans false
    officials = Span(begin=start, end=start + len("Officials"), label="organization", order=0, source_continued=False)
    start = text.index("half")
    half = Span(begin=start, end=start + 4, label="quantity", order=0, source_continued=False)
    cas.add_all([officials, half])
    cas.add(Link(begin=half.begin, end=half.end, Governor=by_rid["c3"], Dependent=half, order=0))  # no kind
    cas.to_xmi(path)

    [item] = xmi.read(tmp_path)
    assert item.error is None
    result = item.result
    assert [e.text for e in result.entities] == ["José\u00a0Núñez", "Ministry of Health", "MoH", "Ahmed", "Officials"]
    # the next free ids: e2 is free again
    assert result.entities[-1] == Entity("e2", "Officials", officials.begin, officials.end, "organization", "GOLD",
                                         "Officials")
    assert result.quantities[-1] == Quantity("q6", "half", half.begin, half.end, None)  # kind count, qualifier =
    assert result.claims[2].quantities == ["q4", "q6"]
    assert result.quantities[:5] == odd_results[0].quantities
    assert result.attributions == odd_results[0].attributions


def test_malformed_documents_give_errors_naming_them_and_the_rest_load(odd_results, tmp_path):
    results = []
    for n in range(6):
        result = copy.deepcopy(odd_results[0])
        result.article.id = f"odd-{n}"
        results.append(result)
    paths = xmi.write(results, tmp_path)
    corrupt = {
        1: lambda s: s[: len(s) // 2],  # cut off
        2: lambda s: s.replace('begin="14" end="24" label="person"', 'begin="9000" end="9010" label="person"'),
        3: lambda s: s.replace('Dependent="', 'Dependent="98765', 1),
        4: lambda s: s.replace('qualifier="~"', 'qualifier="≈"'),
        5: lambda s: s.replace('value="0.5"', 'value="a half"'),
    }
    for n, change in corrupt.items():
        text = paths[n + 1].read_text("utf-8")
        assert change(text) != text
        paths[n + 1].write_text(change(text), "utf-8")

    items = xmi.read(tmp_path)
    assert [i.origin for i in items] == [p.name for p in paths[1:]]
    assert items[0].error is None and items[0].result == results[0]
    q3 = results[5].quantities[2]
    problems = ["not well-formed XML", "offsets do not fit the text: Not mapping external offset [9000]",
                "xmi:id 98765", "'≈' is not one of", f"span q3 at {q3.start}-{q3.end}: value is 'a half', not a number"]
    for item, problem in zip(items[1:], problems):
        assert item.result is None
        assert item.error.startswith(f"{item.origin}: ") and problem in item.error, item.error


def test_a_document_without_type_system_gives_an_error(odd_results, tmp_path):
    path = xmi.write(odd_results[:1], tmp_path)[1]
    (tmp_path / "typesystem.xml").unlink()
    [item] = xmi.read(path)
    assert item.result is None and "no typesystem.xml" in item.error


def test_inception_exports_zip_or_folder_with_type_system_xml(odd_results, tmp_path):
    paths = xmi.write(odd_results, tmp_path / "out")
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as z:
        z.write(paths[0], "export/TypeSystem.xml")
        for path in paths[1:]:
            z.write(path, f"export/annotation/{path.name}")
    items = xmi.read(tmp_path / "export.zip")
    assert [i.origin for i in items] == [f"export.zip/export/annotation/{p.name}" for p in paths[1:]]
    assert [i.result for i in items] == odd_results

    paths[0].rename(paths[0].with_name("TypeSystem.xml"))
    assert [i.result for i in xmi.read(tmp_path / "out")] == odd_results
    assert [i.result for i in xmi.read(paths[2])] == odd_results[1:2]  # one .xmi, its type system beside it


def test_type_system_loads_and_has_inception_span_and_relation_layers(tmp_path):
    xmi.write([], tmp_path)
    ts = load_typesystem(tmp_path / "typesystem.xml")
    span, link = ts.get_type("newsclaims.Span"), ts.get_type("newsclaims.Link")
    features = {f.name: f.rangeType.name for f in span.features}
    assert all(r.startswith("uima.cas.") for r in features.values())  # only primitive features: a span layer
    assert {features[n] for n in ("value", "low", "base")} == {"uima.cas.String"}  # exact, and None survives Java
    assert features["source_continued"] == "uima.cas.Boolean" and features["ner_label"] == "uima.cas.String"
    references = {f.name: f.rangeType.name for f in link.features if not f.rangeType.name.startswith("uima.cas.")}
    assert references == {"Governor": "newsclaims.Span", "Dependent": "newsclaims.Span"}  # a relation layer
    assert ts.contains_type("de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData")


def test_text_and_values_xml_cannot_hold_round_trip(tmp_path):
    text = "NUL\x00 vertical\x0btab, form\x0cfeed, \ufffe, a \uffff and 🎉 Zoë\x01."  # (a lone surrogate is no
    # valid record: records.validate refuses it)
    name = "form\x0cfeed"
    start = text.index(name)
    result = Result(Article("ctl\x07", title="bell\x07"), text,
                    [Entity("e1", name, start, start + len(name), "person", "PERSON", name)])
    path = xmi.write([result], tmp_path)[1]
    root = etree.parse(str(path)).getroot()  # well-formed XML 1.0
    sofa = next(root.iter(SOFA)).get("sofaString")
    assert len(sofa) == len(text) and sofa.count("\ufffd") == 6
    assert int(spans_in_file(path)["e1"].get("begin")) == start
    assert round_trip([result], tmp_path) == [result]


def test_file_names_are_safe_unique_and_deterministic():
    ids = ["a/b", "a:b", "a b", "...", "sha1:0123456789abcdef", "x" * 300]
    results = [Result(Article(i), "") for i in ids]
    names = xmi.file_names(results)
    assert names == ["1-a_b.xmi", "2-a_b.xmi", "3-a_b.xmi", "4-article.xmi", "5-sha1_0123456789abcdef.xmi",
                     f"6-{'x' * 64}.xmi"]
    assert xmi.file_names(results) == names and len({n.lower() for n in names}) == len(names)
