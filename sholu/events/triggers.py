"""The type of gathering a sentence announces, by its language's trigger patterns
(`sholu/lang/<code>/triggers.py`): the first type whose pattern matches."""
from __future__ import annotations

from ..lang import LanguagePack


def gathering_type(sentence: str, pack: LanguagePack) -> str | None:
    for kind, pattern in pack.event_triggers:
        if pattern.search(sentence):
            return kind
    return None
