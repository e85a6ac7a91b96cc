"""What the dashboard reads, from the one query layer (`store.queries`), with the
whole-corpus aggregates remembered until the store changes: an aggregate over tens
of thousands of articles is read once, not on every visit."""
from __future__ import annotations

import functools
from collections import OrderedDict
from threading import Lock

from ..store.queries import documents, events, outlets, people, periods, quotes, regions, search, themes
from ..store.queries.common import (ALL_TIME, EVERYTHING, Scope, Selection, from_outlet, naming,  # noqa: F401
                                    on_theme, rows)

TOP = 10
FACET_SAMPLE = search.FACET_SAMPLE
gazetteer_places = regions.gazetteer_places

_SAVED: OrderedDict[tuple, tuple] = OrderedDict()     # least recently used first
_SAVED_LOCK = Lock()
SAVED_MAX = 512


def store_version(store) -> tuple:
    """What changes with every write: every document counted in or out of the kept
    sums raises `store_changes` (store/aggregates.py), a new one MAX(seq) too; two
    index reads, not a scan. Read once per request (a server keeps a store open for
    the next one, counting the requests it served: `served`)."""
    request = getattr(store, "served", None)
    known = getattr(store, "sholu_web_version", None)
    if known is None or known[0] != request:
        store.sholu_web_version = (request, tuple(rows(store, "SELECT (SELECT MAX(seq) FROM documents), changes "
                                                              "FROM store_changes")[0]))
    return store.sholu_web_version[1]


def corpus_aggregate(store, name, compute):
    """`compute(store)`, remembered until the store changes."""
    version, key = store_version(store), (store.path, name)
    with _SAVED_LOCK:
        saved = _SAVED.get(key)
        if saved and saved[0] == version:
            _SAVED.move_to_end(key)
            return saved[1]
    value = compute(store)
    with _SAVED_LOCK:
        _SAVED[key] = (version, value)
        _SAVED.move_to_end(key)
        while len(_SAVED) > SAVED_MAX:
            _SAVED.popitem(last=False)
    return value


def remembered(compute):
    """An aggregate of (store, *args) kept by corpus_aggregate."""
    @functools.wraps(compute)
    def cached(store, *args, **kwargs):
        name = (compute.__module__, compute.__name__, args, tuple(sorted(kwargs.items())))
        return corpus_aggregate(store, name, lambda s: compute(s, *args, **kwargs))
    return cached


# -- remembered aggregates ---------------------------------------------------------------

outlets_covering = remembered(outlets.outlets_covering)
themes_in = remembered(themes.themes_in)
entities_in = remembered(people.entities_in)
speakers_in = remembered(quotes.speakers_in)
speakers_on = remembered(quotes.speakers_on)
positions_over_time = remembered(people.positions_over_time)
co_mentioned = remembered(people.co_mentioned)     # a person's latest 1,000 articles' people
events_with = remembered(events.events_with)       # 50 events, each read from its first 200 reports
quote_themes = remembered(quotes.quote_themes)
events_per_day = remembered(events.events_per_day)
stored_languages = remembered(documents.stored_languages)


@remembered
def top_people(store, limit: int = TOP, selection: Selection = ALL_TIME) -> list[dict]:
    """The people named in most original articles (of the selection), with their quotes
    (all of them)."""
    leaders = people.top_entities(store, "person", limit, 0, selection)
    said = quotes.quotes_of(store, [row["entity_id"] for row in leaders])
    return [{**row, "quotes": said.get(row["entity_id"], 0)} for row in leaders]


@remembered
def coverage(store, scope: Scope = EVERYTHING, by: str | None = None, selection: Selection = ALL_TIME) -> list[dict]:
    """Original articles (and, for the whole corpus, copies) per day or ISO week, every
    period from the first to the last (those of the selection when it has dates), quiet
    ones as zeros; undated articles are left out of the series."""
    first, last = rows(store, f"SELECT MIN(d.published), MAX(d.published) FROM documents d "
                              f"WHERE {scope.with_copies().where()}", scope.args)[0]
    first, last = selection.date_from or first, selection.date_to or last
    by = by or periods.best_period(first, last)
    cells = documents.articles_per_period(store, by, scope)
    span = (periods.all_periods(periods.period_of(first[:10], by), periods.period_of(last[:10], by), by)
            if first and last else [])          # labels, not days: a week's label is 2026-W09
    ordered = sorted({*span, *(p for p in cells if p)}, key=periods.period_sort_key)
    return [{"period": p, "originals": cells[p][0] if p in cells else 0, "copies": cells[p][1] if p in cells else 0}
            for p in ordered]


@remembered
def region_coverage(store, selection: Selection = ALL_TIME) -> list[dict]:
    """Per region of Kazakhstan: original articles naming its places (once per article)."""
    return [{"region": row["region"], "articles": row["articles"]}
            for row in regions.regions(store, "day", selection)]


@remembered
def event_cities(store) -> list[dict]:
    """Cities with events, where the gazetteer knows their coordinates."""
    places = regions.gazetteer_places()
    found = []
    for city, count in events.events_per_city(store):
        place = places.get(city)
        if place and place["lat"] is not None:
            found.append({"city": city, "events": count, "lat": place["lat"], "lon": place["lon"]})
    return found


# -- read as they are asked ---------------------------------------------------------------

articles_in = documents.articles_in
copies_of = documents.copies_of
reprint_group = documents.reprint_group
persons_named = people.persons_named
entity_counts = people.entity_counts
event_reports = events.event_reports
event_keys_of = events.event_keys_of
facet_counts = search.facet_counts
facet_sample = search.facet_sample
