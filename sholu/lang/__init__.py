"""Language packs: everything a stage needs to read one language (its word lists, its
trigger patterns, its morphology), one folder per language. A stage asks for the pack
of the document's language; a language with no pack has no pack, never another one's.

Cheap to import: a pack's module is imported on first request, its word lists read on
first use, and its morphology loads pymorphy only when a word is first analysed."""
from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from .pack import LanguagePack, read_word_list

__all__ = ["LanguagePack", "has_pack", "known_codes", "pack_for", "prose_stop_words", "stage_pack"]

PACK_MODULES = {"ru": "sholu.lang.ru", "kk": "sholu.lang.kk"}     # ISO 639-1 code -> module defining PACK
DEFAULT_CODE = "ru"


def has_pack(code: str | None) -> bool:
    return code in PACK_MODULES


def known_codes() -> tuple[str, ...]:
    return tuple(PACK_MODULES)


@lru_cache(maxsize=None)
def pack_for(code: str | None) -> LanguagePack | None:
    """The pack of a language (ISO 639-1), or None when there is none."""
    if not has_pack(code):
        return None
    return import_module(PACK_MODULES[code]).PACK


def stage_pack(code: str | None) -> LanguagePack:
    """The pack a stage reads a document with. The pipeline skips documents whose
    language has no pack; a stage called directly on one reads it as Russian, as
    every stage did before packs existed."""
    return pack_for(code) or pack_for(DEFAULT_CODE)


# Folders with a stopwords.txt, pack or not: the clean stage tells prose from page chrome
# by function words before the language is known.
STOP_WORD_FOLDERS = ("sholu.lang.ru", "sholu.lang.kk", "sholu.lang.en")


@lru_cache(maxsize=1)
def prose_stop_words() -> frozenset[str]:
    """Function words of every language with a list, lowercased."""
    return frozenset(w.lower() for folder in STOP_WORD_FOLDERS for w in read_word_list(folder, "stopwords"))
