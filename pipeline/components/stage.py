"""What every newsclaims spaCy stage shares: it carries the data files it reads, saves them with `to_disk`, restores
them with `from_disk`, and runs with them (`resources.using`), so a saved pipeline gives the results it gave when
it was saved, whatever data the installed package ships (an entry added to a data file since, which the saved copy
lacks, is this version's, with a warning: new rules read word lists an older file does not have)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterable

from spacy.tokens import Doc

from .. import resources

LOG = logging.getLogger(__name__)


class DataStage:
    """Base of the stages: `data_files` names the `models/` files the stage reads; `process` does its work."""

    data_files: tuple[str, ...] = ()

    def __init__(self, name: str):
        self.name = name
        self.data: dict[str, Any] = {file: resources.load(file) for file in self.data_files}

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        with resources.using(self.data):
            return self.process(doc)

    def loaded(self) -> None:
        """Called after `from_disk` replaced `data`: rebuild what was built from it (matchers)."""

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for file in self.data_files:
            resources.dump(file, self.data[file], path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "DataStage":
        """The stage's data as saved in `path`; entries a file saved by an older version lacks come from this
        version's packaged file, and a warning names them."""
        self.data = {}
        for file in self.data_files:
            self.data[file], added = resources.with_packaged_keys(file, resources.read_saved(file, Path(path)))
            if added:
                LOG.warning("%s: %s saved by an older newsclaims lacks %s; this version's are used", self.name,
                            resources.file_name(file), ", ".join(added))
        self.loaded()
        return self
