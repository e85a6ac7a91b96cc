"""Position titles of the region that the dictionary does not know as titles."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .inflect import case_forms


@lru_cache(maxsize=1)
def extra_titles() -> frozenset[str]:
    return frozenset(form.lower() for word in title_words() for form in case_forms(word))


def title_words() -> list[str]:
    raw = resources.files("sholu.data").joinpath("titles.txt").read_text(encoding="utf-8")
    return [w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#")]


def is_extra_title(word: str) -> bool:
    return word.lower() in extra_titles()
