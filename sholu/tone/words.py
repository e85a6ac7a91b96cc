"""The tone model's tokens and each token's lemma and verb flag: read alike by the
features (`features.py`) and the dependency trees (`syntax.py`)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang.ru.morphology import lemma, parses

TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def tokens(sentence: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(sentence)]


@lru_cache(maxsize=300_000)
def word_reading(form: str) -> tuple[str, bool]:
    """A token's lemma (punctuation as itself) and whether it is a verb form."""
    return (lemma(form) if form[0].isalpha() else form), is_verb(form)


def is_verb(word: str) -> bool:
    return word[0].isalpha() and parses(word)[0].tag.POS in VERB_TAGS
