"""Access to the data files in `models/` (word lists, patterns, weights, settings): one place, read once.

The files ship inside the package as `pipeline.models` (the checkout's top-level `models/`, mapped by
pyproject.toml), read through `importlib.resources`; `NEWSCLAIMS_MODELS` may name another directory holding the same
files. A missing or unreadable file is a `DataFileError` naming it, never a silent fallback.

A spaCy stage carries its own copy of the files it reads (saved by its `to_disk`, restored by `from_disk`) and runs
`with using(self.data):`, so what it computes comes from the data it was built or loaded with.
"""
from __future__ import annotations

import io
import json
import os
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

PACKAGE = "pipeline.models"
OVERRIDE = "NEWSCLAIMS_MODELS"

_active: ContextVar[Mapping[str, Any]] = ContextVar("newsclaims_data", default={})
_memo: ContextVar[dict | None] = ContextVar("newsclaims_derived", default=None)  # `derived` within one `using`


class DataFileError(FileNotFoundError):
    """A data file of `models/` is missing or cannot be read; the message names the file."""


def models_dir():
    """The directory the data files are read from: `NEWSCLAIMS_MODELS`, else the package's own `pipeline.models`."""
    configured = os.environ.get(OVERRIDE)
    if configured:
        return Path(configured)
    return importlib_resources.files(PACKAGE)


def read_bytes(filename: str) -> bytes:
    """The bytes of `models/<filename>`, or a `DataFileError` that names it."""
    where = models_dir()
    try:
        return where.joinpath(filename).read_bytes()
    except OSError as e:
        hint = f" (from {OVERRIDE}={os.environ[OVERRIDE]})" if os.environ.get(OVERRIDE) else ""
        raise DataFileError(f"newsclaims data file {where.joinpath(filename)}{hint} cannot be read: "
                            f"{e.strerror or type(e).__name__}") from None


def file_name(name: str) -> str:
    """The file a data name is kept in: "units" in units.json, "cue_head.npz" as it is."""
    return name if name.endswith(".npz") else f"{name}.json"


def parse(name: str, raw: bytes, where: str) -> Any:
    """The content of data file `name` from its bytes: JSON, or a .npz archive as a dict of arrays; a
    `DataFileError` naming `where` when it is neither."""
    try:
        if name.endswith(".npz"):
            import numpy as np

            with np.load(io.BytesIO(raw)) as saved:
                return {key: saved[key] for key in saved.files}
        return json.loads(raw.decode("utf-8"))
    except (ValueError, OSError) as e:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise DataFileError(f"newsclaims data file {where} cannot be read: {e}") from None


@lru_cache(maxsize=None)
def packaged(name: str) -> Any:
    """The packaged data file `models/<name>.json` (or `<name>.npz`, as a dict of arrays), parsed and cached."""
    return parse(name, read_bytes(file_name(name)), file_name(name))


def load(name: str) -> Any:
    """The data file `name` (`"units"` for units.json, `"cue_head.npz"`): the running stage's copy when it carries
    one, else the packaged file. Treat it as read-only."""
    active = _active.get()
    return active[name] if name in active else packaged(name)


@contextmanager
def using(data: Mapping[str, Any]) -> Iterator[None]:
    """Within the block, `load` returns `data`'s entries instead of the packaged files (a stage's own data)."""
    token, memo = _active.set({**_active.get(), **data}), _memo.set({})
    try:
        yield
    finally:
        _memo.reset(memo)
        _active.reset(token)


_derived: dict[tuple, tuple[tuple, Any]] = {}


def derived(build: Callable[..., Any], *names: str) -> Any:
    """`build(*files)` for the data files `names` as `load` sees them now, computed once per distinct set of files
    (lookup tables built from word lists)."""
    memo = _memo.get()
    if memo is not None and build in memo:  # the fast path: asked before within the same `using`
        return memo[build]
    files = tuple(load(name) for name in names)
    key = (build, tuple(map(id, files)))
    if key not in _derived:
        _derived[key] = (files, build(*files))  # the files are held so that their ids stay theirs
    if memo is not None:
        memo[build] = _derived[key][1]
    return _derived[key][1]


def dump(name: str, data: Any, directory: Path) -> None:
    """Write one data file into `directory` as `load` reads it (a stage's `to_disk`)."""
    if name.endswith(".npz"):
        import numpy as np

        np.savez(directory / name, **data)
    else:
        (directory / file_name(name)).write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")


def with_packaged_keys(name: str, saved: Any) -> tuple[Any, list[str]]:
    """A saved data file with the top-level entries it lacks taken from this version's packaged file (a pipeline
    saved by an older newsclaims reads word lists added since), and the names of those entries; arrays and
    non-mapping files as they are."""
    if name.endswith(".npz") or not isinstance(saved, dict):
        return saved, []
    packaged_data = packaged(name)
    missing = [key for key in packaged_data if key not in saved]
    return ({**saved, **{key: packaged_data[key] for key in missing}} if missing else saved), missing


def read_saved(name: str, directory: Path) -> Any:
    """One data file written by `dump` (a stage's `from_disk`), or a `DataFileError` naming it."""
    path = directory / file_name(name)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DataFileError(f"newsclaims stage data file {path} cannot be read: {e.strerror or e}") from None
    return parse(name, raw, str(path))
