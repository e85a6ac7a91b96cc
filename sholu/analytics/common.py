"""What every analytics module shares: theme labels."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

TOPICS_VARIABLE = "SHOLU_TOPICS"      # the same override the topics stage reads


def theme_labels() -> dict[str, str]:
    """Theme id -> Russian label from the taxonomy file. Read as plain JSON: loading the
    topics stage itself would pull in the morphology models."""
    return load_labels(os.environ.get(TOPICS_VARIABLE) or "")


@lru_cache(maxsize=4)
def load_labels(path: str) -> dict[str, str]:
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("sholu.data").joinpath("topics.json").read_text(encoding="utf-8")
        themes = json.loads(text).get("themes", [])
    except (OSError, ValueError, AttributeError):
        return {}                         # labels are a nicety; ids still work without them
    return {t["id"]: t.get("label_ru") or t["id"] for t in themes if isinstance(t, dict) and t.get("id")}
