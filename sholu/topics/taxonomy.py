"""The theme taxonomy: `sholu/data/topics.json`, or the file `$SHOLU_TOPICS` names."""
from __future__ import annotations

import json
import math
import os
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .words import is_content, surface_forms, term_lemmas

ENV_VARIABLE = "SHOLU_TOPICS"


@dataclass(frozen=True, eq=False)     # compared and hashed by identity: cheap dict keys
class Term:
    text: str
    forms: tuple[str, ...]                  # its content words as written
    lemmas: tuple[frozenset[str], ...]      # the lemmas each of them may have
    weight: float
    is_name: bool       # written with a capital: an institution, counted inside names
    needs_company: bool = False     # a context term: counts beside one of its theme's own terms


@dataclass(frozen=True)
class Theme:
    id: str
    label_ru: str
    label_en: str
    description: str
    terms: tuple[Term, ...]


def taxonomy_path() -> str:
    """The user's file when $SHOLU_TOPICS is set; "" for the shipped one."""
    return os.environ.get(ENV_VARIABLE) or ""


def themes() -> tuple[Theme, ...]:
    return load_themes(taxonomy_path())


@lru_cache(maxsize=8)
def load_themes(path: str) -> tuple[Theme, ...]:
    entries = checked(json.loads(read_taxonomy(path)), path or "sholu/data/topics.json")
    sharing = Counter(term for entry in entries for term in set(map(str.lower, all_terms(entry))))
    return tuple(build_theme(entry, sharing) for entry in entries)


def checked(taxonomy: dict, where: str) -> list[dict]:
    """The theme entries, or an error naming the file and what is wrong with it."""
    entries = taxonomy.get("themes") if isinstance(taxonomy, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{where}: expected {{\"themes\": [...]}} with at least one theme")
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("id") or not isinstance(entry.get("terms"), list):
            raise ValueError(f"{where}: every theme needs an \"id\" and a list of \"terms\": {entry!r:.80}")
    return entries


def read_taxonomy(path: str) -> str:
    if path:
        return Path(path).read_text(encoding="utf-8")
    return resources.files("sholu.data").joinpath("topics.json").read_text(encoding="utf-8")


def all_terms(entry: dict) -> list[str]:
    return entry["terms"] + entry.get("context_terms", [])


def build_theme(entry: dict, sharing: Counter) -> Theme:
    """Its terms, then its context terms: words of an act any body performs («голосование»,
    «дауыс беру»: a union votes on its contract), the theme's only beside its own terms."""
    own = (build_term(text, sharing[text.lower()]) for text in entry["terms"])
    context = (build_term(text, sharing[text.lower()], True) for text in entry.get("context_terms", []))
    terms = (*own, *context)
    return Theme(
        id=entry["id"],
        label_ru=entry.get("label_ru", entry["id"]),
        label_en=entry.get("label_en", entry["id"]),
        description=entry.get("description", ""),
        terms=tuple(term for term in terms if term.forms),
    )


def build_term(text: str, shared_by: int, needs_company: bool = False) -> Term:
    forms = tuple(form for form in surface_forms(text) if is_content(form))
    lemmas = term_lemmas(forms)
    weight = term_weight(forms, max(shared_by, 1))
    return Term(text, forms, lemmas, weight, any(char.isupper() for char in text), needs_company)


def term_weight(forms: tuple[str, ...], shared_by: int) -> float:
    """A phrase is stronger evidence than a word, a rare word than a common one, and a
    term several themes list says less about each."""
    if len(forms) > 1:
        base = 1.0 + 0.5 * (min(len(forms), 3) - 1)
    else:
        base = word_specificity(forms[0]) if forms else 0.0
    return base / math.sqrt(shared_by)


def word_specificity(form: str) -> float:
    """0.6 for the commonest news words («закон», «выборы») up to 1.0 for rare ones
    («пенсия», «поправка»), from their share of the Navec news corpus; unknown words
    («маслихат») are rare."""
    from .vectors import log_frequency

    share = log_frequency(form)
    if share is None:
        return 1.0
    # ln(share) of -9 or more is very common, -12 or less rare
    return min(1.0, max(0.6, 0.6 + 0.4 * (-9.0 - share) / 3.0))
