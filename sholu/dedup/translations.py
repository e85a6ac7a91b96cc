"""Translations: an outlet's article and its version in another language (Kazinform,
Khabar and Egemen publish the same report in Kazakh and in Russian). A corpus stage
run after linking, on the batch and the stored articles it may pair with: two originals
of one outlet in different languages, published at most a day apart, are versions of
one article when the text supports it:

- they name the same people, organisations and places (a person written in Kazakh and
  in Russian has one entity_id): at least one in common and a third of all they name;
- they carry the same numbers and dates (digits in the text, years aside, and the dates
  the nlp stage resolved): half of all either carries; with no number in either, the
  names alone decide, two in common and most of them;
- their lengths are within a factor of two.

Each article has at most one version per other language, the best supported one; a
stored article already paired in a language is not paired again."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..store.queries.periods import parse_day

ENTITY_FIELDS = ("persons", "organizations", "places")
NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
YEARS = range(1900, 2101)           # a bare year: any two articles of one campaign share it
MIN_NAMES_SHARE = 1 / 3
MIN_NUMBERS_SHARE = 1 / 2
NAMES_ALONE_SHARE = 3 / 5
MAX_LENGTH_RATIO = 2.0
DAYS_APART = 1


@dataclass(frozen=True)
class Version:
    id: str
    language: str
    outlet: str
    day: date
    names: frozenset[str]          # entity ids
    numbers: frozenset[str]        # numbers of the text and resolved dates
    length: int


def link_translations(docs: list, batch) -> list:
    """Each original's versions in other languages: `translations`, [{id, language}].
    A corpus in one language (the batch's and the store's) costs one look at the store."""
    here = [version for version in map(version_of, docs) if version is not None]
    if len({version.language for version in here} | set(batch.store.languages())) < 2:
        here = []
    stored = stored_candidates(batch.store, here, {doc.id for doc in docs})
    chosen = best_pairs(here, [*here, *stored])
    languages = {version.id: version.language for version in [*here, *stored]}
    for doc in docs:
        doc.translations = [{"id": other, "language": languages[other]} for other in sorted(chosen.get(doc.id, ()))]
    return docs


def link_stored(store) -> int:
    """Every stored original paired with its versions in other languages, as if all had
    been read in one batch: for articles stored before this stage, or read in runs that
    never met. Links already made stay; run again, it finds nothing new. Only articles
    with an article of their outlet in another language a day apart or less are read."""
    ids = with_other_language_near(store.dated_originals())
    versions = [version for version in (version_of(store.document(doc_id)) for doc_id in ids) if version]
    chosen: dict[str, set[str]] = {}
    for a, b in store.translation_links():
        chosen.setdefault(a, set()).add(b)
    before = {(a, b) for a, linked in chosen.items() for b in linked}
    made = {(a, b) for a, linked in best_pairs(versions, versions, chosen).items() for b in linked
            if a < b and (a, b) not in before}
    with store.transaction():
        store.add_translations(sorted(made))
    return len(made)


def with_other_language_near(originals: list[tuple[str, str, str, str]]) -> list[str]:
    """The ids of (id, language, outlet, published) rows whose outlet published in
    another language within DAYS_APART days."""
    languages: dict[tuple[str, date], set[str]] = {}
    dated = [(doc_id, language, outlet, day) for doc_id, language, outlet, published in originals
             if (day := parse_day(published)) is not None]
    for _, language, outlet, day in dated:
        languages.setdefault((outlet, day), set()).add(language)
    return [doc_id for doc_id, language, outlet, day in dated
            if any(languages.get((outlet, day + timedelta(days=shift)), set()) - {language}
                   for shift in range(-DAYS_APART, DAYS_APART + 1))]


def version_of(doc) -> Version | None:
    """What a pairing compares of an original with an outlet, a day and some names."""
    day = parse_day(doc.published)
    names = frozenset(e["entity_id"] for field in ENTITY_FIELDS for e in getattr(doc, field) if e.get("entity_id"))
    if doc.duplicate_of or not doc.outlet or day is None or not names:
        return None
    dates = {mention["date"] for mention in doc.dates if mention.get("date")}
    return Version(doc.id, doc.language, doc.outlet, day, names, frozenset(numbers_in(doc.text) | dates),
                   len(doc.text))


def numbers_in(text: str) -> set[str]:
    """The text's numbers, digit groups joined («1 200» = «1200»), decimal commas as points."""
    found = {re.sub(r"\s", "", number).replace(",", ".") for number in NUMBER.findall(text)}
    return {number for number in found if not (number.isdigit() and int(number) in YEARS)}


def stored_candidates(store, versions: list[Version], batch_ids: set[str]) -> list[Version]:
    """The stored originals the batch's versions may pair with, each read once."""
    ids: dict[str, None] = {}
    for version in versions:
        first, last = version.day - timedelta(days=DAYS_APART), version.day + timedelta(days=DAYS_APART + 1)
        # a version shares a third of all the names either names: of this one's, at least that
        shared = max(1, math.ceil(len(version.names) * MIN_NAMES_SHARE - 1e-9))
        ids.update(dict.fromkeys(store.translation_candidates(
            version.outlet, version.language, (first.isoformat(), last.isoformat()), version.names, shared,
            batch_ids)))
    found = (version_of(store.document(doc_id)) for doc_id in ids)
    return [version for version in found if version is not None]


def best_pairs(versions: list[Version], candidates: list[Version],
               chosen: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """Pairs by their support, best first, each article taking one version per language
    (`chosen`: pairs already made, which keep their places)."""
    by_day = candidates_by_day(candidates)
    scored = sorted(((score, a.id, b.id) for a in versions for b in near(a, by_day)
                     if a.id != b.id and (score := support(a, b)) is not None), reverse=True)
    languages = {version.id: version.language for version in candidates}
    chosen = {} if chosen is None else chosen
    for _, a, b in scored:
        taken = {languages.get(x) for x in chosen.get(a, ())}, {languages.get(x) for x in chosen.get(b, ())}
        if languages[b] not in taken[0] and languages[a] not in taken[1]:
            chosen.setdefault(a, set()).add(b)
            chosen.setdefault(b, set()).add(a)
    return chosen


def candidates_by_day(candidates: list[Version]) -> dict[tuple[str, date], list[Version]]:
    by_day: dict[tuple[str, date], list[Version]] = {}
    for candidate in candidates:
        by_day.setdefault((candidate.outlet, candidate.day), []).append(candidate)
    return by_day


def near(version: Version, by_day: dict[tuple[str, date], list[Version]]) -> list[Version]:
    """The candidates of the version's outlet within DAYS_APART of its day."""
    days = (version.day + timedelta(days=shift) for shift in range(-DAYS_APART, DAYS_APART + 1))
    return [candidate for day in days for candidate in by_day.get((version.outlet, day), ())]


def support(a: Version, b: Version) -> float | None:
    """How well the texts say `a` and `b` are one article (None: they are not)."""
    if a.language == b.language or a.outlet != b.outlet or abs((a.day - b.day).days) > DAYS_APART:
        return None
    if max(a.length, b.length) > MAX_LENGTH_RATIO * max(1, min(a.length, b.length)):
        return None
    names = share(a.names, b.names)
    if a.numbers or b.numbers:
        numbers = share(a.numbers, b.numbers)
        agree = names >= MIN_NAMES_SHARE and numbers >= MIN_NUMBERS_SHARE
    else:
        numbers = 0.0
        agree = names >= NAMES_ALONE_SHARE and len(a.names & b.names) >= 2
    return names + numbers if agree else None


def share(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
