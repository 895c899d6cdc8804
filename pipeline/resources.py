"""Access to the data files in `models/` (word lists, patterns, settings): one place, read once."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

MODELS_DIR = Path(os.environ.get("NEWSCLAIMS_MODELS", Path(__file__).resolve().parent.parent / "models"))


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The JSON data file `models/<name>.json`, parsed (cached: treat it as read-only)."""
    path = MODELS_DIR / f"{name}.json"
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(
            f"newsclaims data file {path} is missing; set NEWSCLAIMS_MODELS to the project's models/ directory"
        ) from None
