"""Hugging Face datasets: typed features, save_to_disk, Parquet, the dataset card, exact round trips."""
from __future__ import annotations

import datasets
import yaml

from pipeline.corpus import hf


def test_round_trip_is_exact_from_disk_and_from_parquet(odd_results, tmp_path):
    hf.write(odd_results, tmp_path)
    for path in (tmp_path, tmp_path / "dataset", tmp_path / "data" / "train.parquet"):
        items = hf.read(path)
        assert [i.error for i in items] == [None] * 3, path
        assert [i.result for i in items] == odd_results, path


def test_spans_are_sequences_of_structs_not_json_strings(odd_results, tmp_path):
    hf.write(odd_results, tmp_path)
    rows = datasets.load_from_disk(str(tmp_path / "dataset"))["train"]
    assert isinstance(rows.features["entities"], datasets.List)
    assert rows.features["quantities"].feature["value"] == datasets.Value("float64")
    first = rows[0]
    assert first["quantities"][2]["low"] == 0.4 and first["attributions"][4]["source"] is None
    assert first["claims"][1]["quantities"] == ["q2", "q3"]


def test_the_card_lists_features_and_counts_and_load_dataset_reads_it(odd_results, tmp_path):
    hf.write(odd_results, tmp_path)
    card = (tmp_path / "README.md").read_text("utf-8")
    header = yaml.safe_load(card.split("---")[1])
    assert [f["name"] for f in header["dataset_info"]["features"]] == list(hf.FEATURES)
    assert header["dataset_info"]["splits"][0]["num_examples"] == 3
    assert "| entities | 10 |" in card and "## How it was made" in card
    loaded = datasets.load_dataset(str(tmp_path), split="train")
    assert loaded.num_rows == 3 and loaded.features == hf.FEATURES


def test_a_row_that_breaks_the_contract_is_reported_alone(odd_results, tmp_path):
    rows = hf.dataset(odd_results)
    broken = rows.map(lambda row, i: {"text": "shorter"} if i == 1 else {}, with_indices=True)
    broken.save_to_disk(str(tmp_path / "broken"))
    items = hf.read(tmp_path / "broken")
    assert items[0].result == odd_results[0] and items[2].result == odd_results[2]
    assert items[1].origin == "rows[1]" and "text[" in items[1].error
