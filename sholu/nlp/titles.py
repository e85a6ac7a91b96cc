"""Position titles of the region that the dictionary does not know as titles."""
from __future__ import annotations

from functools import lru_cache

from ..lang import pack_for
from .inflect import case_forms
from .models import parses


@lru_cache(maxsize=1)
def extra_titles() -> frozenset[str]:
    return frozenset(form.lower() for word in title_words() for form in case_forms(word))


@lru_cache(maxsize=1)
def title_forms() -> dict[str, str]:
    """Each case form of an extra title -> its nominative («акима» -> «аким», «елбасы»
    stays: pymorphy would decline these wrongly or not at all)."""
    return {form.lower(): word for word in title_words() for form in case_forms(word)}


def title_nominative(word: str) -> str | None:
    return title_forms().get(word.lower())


def title_words() -> list[str]:
    """`sholu/lang/ru/titles.txt`: titles of Russian texts of the region."""
    return list(pack_for("ru").titles)


def is_extra_title(word: str) -> bool:
    return word.lower() in extra_titles()


def is_honorific(word: str) -> bool:
    """«госпожа», «господина», «мистер»: a form of address, not a position."""
    return any(p.normal_form in pack_for("ru").honorifics for p in parses(word.lower())[:1])
