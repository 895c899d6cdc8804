"""brat standoff: exact round trips, PolNeAR's convention, corrections made in brat, malformed files."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.corpus import brat

from .conftest import odd_result


def every_span_holds(result) -> None:
    data = result.to_dict()
    from pipeline.records import offset_problems

    assert offset_problems(data) == []


def test_round_trip_is_exact(odd_results, tmp_path):
    brat.write(odd_results, tmp_path)
    items = brat.read(tmp_path)
    assert [i.error for i in items] == [None] * len(odd_results)
    assert [i.result for i in items] == odd_results
    for item in items:
        every_span_holds(item.result)


def test_crlf_and_astral_offsets_are_characters_of_the_txt_as_written(tmp_path):
    result = odd_result()
    brat.write([result], tmp_path)
    assert (tmp_path / "odd-1.txt").read_bytes() == result.text.encode("utf-8")  # CRLF kept
    ann = brat.parse_ann((tmp_path / "odd-1.ann").read_text("utf-8"))
    kind, pieces, shown = next(v for v in ann.spans.values() if v[0] == "Person" and "Ahmed" in v[2])
    assert result.text[pieces[0][0]:pieces[0][1]] == "Ahmed" == shown


def test_attributions_follow_polnear(tmp_path):
    brat.write([odd_result()], tmp_path)
    ann = brat.parse_ann((tmp_path / "odd-1.ann").read_text("utf-8"))
    event_id, trigger, arguments = ann.events[0]
    roles = dict(arguments)
    assert trigger.startswith("Attribution:") and set(roles) == {"Cue", "Content", "Source", "Phrase"}
    assert ann.spans[roles["Source"]][0] == "Source" and ann.spans[roles["Content"]][0] == "Content"
    assert ann.spans[trigger.split(":")[1]][1] == ann.spans[roles["Cue"]][1]  # the trigger is over the cue


def test_annotation_conf_declares_every_type_used(odd_results, tmp_path):
    brat.write(odd_results, tmp_path)
    conf = (tmp_path / "annotation.conf").read_text("utf-8")
    declared = {line.split("\t")[0] for line in conf.splitlines() if line and not line.startswith("[")}
    for ann_path in tmp_path.glob("*.ann"):
        ann = brat.parse_ann(ann_path.read_text("utf-8"))
        used = {kind for kind, _, _ in ann.spans.values()} | {kind for kind, _, _ in ann.relations}
        used |= {name for name, _, _ in ann.attributes}
        assert used <= declared, used - declared


def test_a_polnear_file_reads_as_gold_attributions(tmp_path):
    text = "The New York Post reports that the team avoided the room, sources said."
    (tmp_path / "post.txt").write_text(text, encoding="utf-8")
    (tmp_path / "post.ann").write_text(
        "T1\tSource 0 17\tThe New York Post\nT2\tCue 18 25\treports\nT3\tContent 26 56\tthat the team avoided "
        "the room\nT4\tAttribution 18 25\treports\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tContent 26 39;40 56\tthat the team avoided the room\nT6\tCue 66 70\tsaid\nT7\tAttribution 66 70\tsaid\n"
        "E2\tAttribution:T7 Content:T5 Cue:T6\n", encoding="utf-8")
    [item] = brat.read(tmp_path)
    assert item.error is None
    first, second = item.result.attributions
    assert (first.source.text, first.cue.text, first.content.text) == ("The New York Post", "reports",
                                                                         "that the team avoided the room")
    assert second.source is None and second.content.text == "that the team avoided the room"  # discontinuous: covered


def test_corrections_made_in_brat_come_back(tmp_path):
    result = odd_result()
    brat.write([result], tmp_path)
    ann_path = tmp_path / "odd-1.ann"
    lines = ann_path.read_text("utf-8").splitlines()
    start = result.text.index("Officials")
    lines = [line.replace("Person 203 208", "Organization 203 208") for line in lines]  # Ahmed: another kind
    lines.append(f"T99\tPerson {start} {start + 9}\tOfficials")  # a new mention, no note
    ann_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [item] = brat.read(tmp_path)
    assert item.error is None
    entities = {e.text: e for e in item.result.entities}
    assert entities["Ahmed"].kind == "organization"
    assert (entities["Officials"].id, entities["Officials"].label) == ("e6", "GOLD")


def test_a_malformed_file_is_reported_and_the_others_load(odd_results, tmp_path):
    brat.write(odd_results, tmp_path)
    broken = tmp_path / "odd-2.ann"
    broken.write_text(re.sub(r"\tPerson (\d+) (\d+)\t", "\tPerson \\1 9999\t", broken.read_text("utf-8"), count=1),
                      encoding="utf-8")
    (tmp_path / "orphan.ann").write_text("T1\tPerson 0 3\tAnn\n", encoding="utf-8")
    items = {i.origin: i for i in brat.read(tmp_path)}
    assert "fall outside the text" in items["odd-2.ann"].error
    assert "orphan.txt is missing" in items["orphan.ann"].error
    assert items["odd-1.ann"].result == odd_results[0] and items["empty.ann"].result == odd_results[2]


def test_text_that_does_not_match_the_offsets_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Ann Lee spoke.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPerson 0 7\tAnn Lie\n", encoding="utf-8")
    [item] = brat.read(Path(tmp_path / "a.ann"))
    assert item.result is None and "'Ann Lee', the .ann says 'Ann Lie'" in item.error


def test_tabs_in_a_span_round_trip(tmp_path):
    from pipeline.records import Article, Entity, Result

    result = Result(Article("tab"), "Ann\tLee said so.", [Entity("e1", "Ann\tLee", 0, 7, "person", "PERSON", "Ann")])
    brat.write([result], tmp_path)
    assert [i.result for i in brat.read(tmp_path)] == [result]


def test_events_and_relations_that_do_not_fit_are_named(tmp_path):
    (tmp_path / "a.txt").write_text("Ann said 5 people came.", encoding="utf-8")
    head = "T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\nT3\tContent 9 22\t5 people came\nT4\tQuantity 9 17\t5 people\n"
    cases = {
        "E1\tAttribution:T2 Cue:T2 Content:T3 Content2:T1\n": "two Content arguments",
        "E1\tAttribution:T2 Cue:T2 Content:T9\n": "its Content T9 is not a Content span",
        "E1\tAttribution:T2 Cue:T2 Content:T1\n": "its Content T1 is not a Content span",
        "E1\tAttribution:T2 Cue:T2 Content:T3\nR1\tCites Arg1:T1 Arg2:T4\n": "unknown relation type 'Cites'",
        "E1\tAttribution:T2 Cue:T2 Content:T3\nR1\tStates Arg1:T1 Arg2:T4\n": "must link a Claim to a Quantity",
        "E1\tAttribution:T2 Cue:T2 Content:T3\nA1\tQualifier T1 about\n": "Qualifier cannot be set on T1",
    }
    for lines, message in cases.items():
        (tmp_path / "a.ann").write_text(head + lines, encoding="utf-8")
        [item] = brat.read(tmp_path)
        assert item.error and message in item.error, (lines, item.error)


def test_an_unreadable_metadata_line_fails_only_the_files_it_may_describe(odd_results, tmp_path):
    brat.write(odd_results, tmp_path)
    lines = (tmp_path / "articles.jsonl").read_text("utf-8").splitlines()
    (tmp_path / "articles.jsonl").write_text("\n".join([lines[0], lines[1][:20], lines[2]]) + "\n", encoding="utf-8")
    items = {i.origin: i for i in brat.read(tmp_path)}
    assert items["odd-1.ann"].result == odd_results[0] and items["empty.ann"].result == odd_results[2]
    assert "articles.jsonl cannot be read (line 2" in items["odd-2.ann"].error
