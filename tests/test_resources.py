"""The data files of models/: shipped in the package, read through importlib.resources, overridable by
NEWSCLAIMS_MODELS, and a missing or unreadable file is an error that names it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline import resources

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def models_copy(tmp_path, monkeypatch):
    """A copy of models/ that NEWSCLAIMS_MODELS points to, with nothing cached from the packaged files."""
    for path in (ROOT / "models").glob("*.*"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setenv("NEWSCLAIMS_MODELS", str(tmp_path))
    monkeypatch.setattr(resources, "packaged", resources.packaged.__wrapped__)
    return tmp_path


def test_the_data_files_are_the_package_pipeline_models(monkeypatch):
    monkeypatch.delenv("NEWSCLAIMS_MODELS", raising=False)
    where = resources.models_dir()
    assert where.joinpath("units.json").is_file() and where.joinpath("cue_head.npz").is_file()
    assert Path(str(where)).resolve() == (ROOT / "models").resolve()  # the checkout's models/, installed editable


def test_every_file_of_models_is_declared_as_package_data():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert config["package-dir"]["pipeline.models"] == "models"
    patterns = config["package-data"]["pipeline.models"]
    for path in (ROOT / "models").glob("*.*"):
        assert path.suffix == ".py" or any(path.match(p) for p in patterns), f"{path.name} would not ship"


def test_newsclaims_models_points_elsewhere(models_copy):
    (models_copy / "pipeline.json").write_text('{"batch_size": 7}', "utf-8")
    assert resources.load("pipeline") == {"batch_size": 7}


def test_a_missing_file_is_an_error_naming_it(models_copy):
    (models_copy / "cue_model.json").unlink()
    with pytest.raises(resources.DataFileError, match=r"cue_model\.json.*NEWSCLAIMS_MODELS"):
        resources.load("cue_model")


def test_a_missing_file_stops_the_stage_that_needs_it_instead_of_switching_it_off(models_copy):
    import spacy

    (models_copy / "cue_model.json").unlink()
    with pytest.raises(resources.DataFileError, match=r"cue_model\.json"):
        spacy.blank("en").add_pipe("newsclaims_attributions")


@pytest.mark.parametrize("name, content", [("units", "{not json"), ("numbers", b"\xff\xfe\x00"),
                                           ("cue_head.npz", b"not an archive")])
def test_an_unreadable_file_is_an_error_naming_it(models_copy, name, content):
    target = models_copy / (name if name.endswith(".npz") else f"{name}.json")
    target.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(resources.DataFileError, match=name.split(".")[0]):
        resources.load(name)


def test_using_overrides_within_the_block_only():
    packaged = resources.load("pipeline")
    with resources.using({"pipeline": {"batch_size": 1}}):
        assert resources.load("pipeline") == {"batch_size": 1}
        assert resources.load("units") is resources.packaged("units")
    assert resources.load("pipeline") is packaged


def test_derived_tables_follow_the_data_they_were_built_from():
    def count(data):
        return len(data)

    assert resources.derived(count, "pipeline") == len(resources.packaged("pipeline"))
    with resources.using({"pipeline": {"a": 1}}):
        assert resources.derived(count, "pipeline") == 1
    assert resources.derived(count, "pipeline") == len(resources.packaged("pipeline"))
