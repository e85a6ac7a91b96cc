"""The dashboard's own aggregates: portable SQL over the store's tables, each bounded
(LIMIT, GROUP BY) so a page stays quick at 100,000 articles. A `Scope` is the set of
original articles a page is about (a person's, an outlet's, a theme's …)."""
from __future__ import annotations

import functools
import json
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from threading import Lock

from ..analytics.common import marks, query
from ..analytics.periods import best_period, period_of, period_sort_key

TOP = 10


@dataclass(frozen=True)
class Scope:
    """A condition on `documents d` with its arguments; originals only unless `copies`."""
    condition: str = "1=1"
    args: tuple = ()
    copies: bool = False

    def where(self) -> str:
        return self.condition if self.copies else f"d.duplicate_of IS NULL AND {self.condition}"

    def with_copies(self) -> "Scope":
        return Scope(self.condition, self.args, True)


EVERYTHING = Scope()


def naming(entity_id: str) -> Scope:
    return Scope("d.id IN (SELECT document_id FROM entity_mentions WHERE entity_id = ?)", (entity_id,))


def from_outlet(outlet: str) -> Scope:
    return Scope("d.outlet = ?", (outlet,)) if outlet != "—" else Scope("d.outlet IS NULL")


def on_theme(topic: str) -> Scope:
    return Scope("d.id IN (SELECT document_id FROM document_topics WHERE topic = ?)", (topic,))


# -- whole-corpus aggregates, kept until the store changes -----------------------------

_SAVED: OrderedDict[tuple, tuple] = OrderedDict()     # least recently used first
_SAVED_LOCK = Lock()
SAVED_MAX = 512


def store_version(store) -> tuple:
    """What changes with every write: a new document raises MAX(seq), a document saved
    again in place (a new pipeline version) raises MAX(stored_at). Read once per store
    object, which lives for one request."""
    if getattr(store, "sholu_web_version", None) is None:
        store.sholu_web_version = tuple(query(store, "SELECT MAX(seq), COUNT(*), MAX(stored_at) FROM documents")[0])
    return store.sholu_web_version


def corpus_aggregate(store, name, compute):
    """`compute(store)`, remembered until the store changes: an aggregate over tens of
    thousands of articles is read once, not on every visit."""
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
        name = (compute.__name__, args, tuple(sorted(kwargs.items())))
        return corpus_aggregate(store, name, lambda s: compute(s, *args, **kwargs))
    return cached


@remembered
def top_people(store, limit: int = TOP) -> list[dict]:
    """The people named in most original articles (from the entity_stats summary) with
    their quotes, counted through the speaker index."""
    leaders = store.top_entities("person", limit)
    ids = [row["entity_id"] for row in leaders]
    quotes = dict(query(store, "SELECT speaker_entity_id, COUNT(*) FROM quotes "
                               f"WHERE speaker_entity_id IN ({marks(ids)}) GROUP BY speaker_entity_id", ids))
    return [{**row, "quotes": quotes.get(row["entity_id"], 0)} for row in leaders]


# -- coverage ----------------------------------------------------------------------

@remembered
def coverage(store, scope: Scope = EVERYTHING, by: str | None = None) -> list[dict]:
    """Original articles (and, for the whole corpus, copies) per day or ISO week;
    undated articles are left out of the series and counted apart."""
    rows = query(store, f"SELECT d.published, COUNT(*), COUNT(d.duplicate_of) FROM documents d "
                        f"WHERE {scope.with_copies().where()} GROUP BY d.published",
                 scope.args)
    dated = [row for row in rows if row[0]]
    by = by or best_period(min((r[0] for r in dated), default=None), max((r[0] for r in dated), default=None))
    cells: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for published, documents, copies in dated:
        cell = cells[period_of(published, by)]
        cell[0] += documents - copies
        cell[1] += copies
    ordered = sorted((p for p in cells if p), key=period_sort_key)
    return [{"period": p, "originals": cells[p][0], "copies": cells[p][1]} for p in ordered]


@remembered
def outlets_covering(store, scope: Scope, limit: int = TOP) -> list[dict]:
    rows = query(store, f"SELECT COALESCE(d.outlet, '—'), COUNT(*) FROM documents d WHERE {scope.where()} "
                        "GROUP BY COALESCE(d.outlet, '—') ORDER BY 2 DESC, 1 LIMIT ?", (*scope.args, limit))
    return [{"outlet": outlet, "articles": count} for outlet, count in rows]


@remembered
def themes_in(store, scope: Scope, limit: int = TOP) -> list[dict]:
    rows = query(store, "SELECT t.topic, COUNT(*) FROM document_topics t JOIN documents d ON d.id = t.document_id "
                        f"WHERE {scope.where()} GROUP BY t.topic ORDER BY 2 DESC, 1 LIMIT ?", (*scope.args, limit))
    return [{"topic": topic, "articles": count} for topic, count in rows]


@remembered
def entities_in(store, scope: Scope, kind: str, limit: int = TOP) -> list[dict]:
    rows = query(store, "SELECT em.entity_id, MIN(em.name), COUNT(*), SUM(em.mentions) FROM entity_mentions em "
                        "JOIN documents d ON d.id = em.document_id "
                        f"WHERE em.kind = ? AND {scope.where()} "
                        "GROUP BY em.entity_id ORDER BY 3 DESC, 4 DESC, 2 LIMIT ?",
                 (kind, *scope.args, limit))
    return [{"entity_id": e, "name": n, "articles": a, "mentions": m} for e, n, a, m in rows]


@remembered
def speakers_in(store, scope: Scope, limit: int = TOP) -> list[dict]:
    rows = query(store, "SELECT q.speaker_entity_id, MIN(q.speaker), COUNT(*) FROM quotes q "
                        "JOIN documents d ON d.id = q.document_id "
                        f"WHERE q.speaker_entity_id IS NOT NULL AND {scope.where()} "
                        "GROUP BY q.speaker_entity_id ORDER BY 3 DESC, 2 LIMIT ?", (*scope.args, limit))
    return [{"entity_id": e, "name": n, "quotes": c} for e, n, c in rows]


@remembered
def speakers_on(store, topic: str, limit: int = TOP) -> list[dict]:
    """Who is quoted on a theme, by number of quotes."""
    rows = query(store, "SELECT speaker_entity_id, MIN(speaker), COUNT(*) FROM quotes "
                        "WHERE speaker_entity_id IS NOT NULL AND topics LIKE ? "
                        "GROUP BY speaker_entity_id ORDER BY 3 DESC, 2 LIMIT ?", (f'%"{topic}"%', limit))
    return [{"entity_id": e, "name": n, "quotes": c} for e, n, c in rows]


def articles_in(store, scope: Scope, limit: int, offset: int = 0) -> tuple[list[dict], int]:
    """A page of a scope's articles, newest first, copies included and marked."""
    every = scope.with_copies()
    total = query(store, f"SELECT COUNT(*) FROM documents d WHERE {every.where()}", scope.args)[0][0]
    rows = query(store, "SELECT d.id, d.outlet, d.published, d.title, d.duplicate_of, substr(d.text, 1, 120) "
                        f"FROM documents d WHERE {every.where()} "
                        "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT ? OFFSET ?",
                 (*scope.args, limit, offset))
    keys = ("id", "outlet", "published", "title", "duplicate_of", "opening")
    return [dict(zip(keys, row)) for row in rows], total


# -- people and organisations ----------------------------------------------------------

@remembered
def positions_over_time(store, entity_id: str) -> list[dict]:
    """Each stated position with the first and last dates it was stated and how often."""
    rows = query(store, "SELECT position, MIN(published), MAX(published), COUNT(DISTINCT document_id) "
                        "FROM positions WHERE entity_id = ? GROUP BY position "
                        "ORDER BY MIN(COALESCE(published, '9999')), 1", (entity_id,))
    return [{"position": p, "first": f, "last": l, "articles": n} for p, f, l, n in rows]


@remembered
def quote_themes(store, entity_id: str) -> list[str]:
    """The themes of a person's quotes (over at most 2,000 of them), for the theme filter."""
    found = set()
    for (topics,) in query(store, "SELECT topics FROM quotes WHERE speaker_entity_id = ? LIMIT 2000", (entity_id,)):
        found.update(json.loads(topics))
    return sorted(found)


def persons_named(store, names: list[str]) -> dict[str, str]:
    """name -> entity id for the people among `names` that the store knows."""
    return dict(query(store, f"SELECT name, MIN(entity_id) FROM entities WHERE kind = 'person' "
                             f"AND name IN ({marks(names)}) GROUP BY name", names))


def entity_counts(store, entity_id: str) -> dict:
    articles, mentions = query(store, "SELECT COUNT(*), COALESCE(SUM(mentions), 0) FROM entity_mentions "
                                      "WHERE entity_id = ?", (entity_id,))[0]
    quotes = query(store, "SELECT COUNT(*) FROM quotes WHERE speaker_entity_id = ?", (entity_id,))[0][0]
    return {"articles": articles, "mentions": mentions, "quotes": quotes}


# -- events ---------------------------------------------------------------------------

def events_with(store, text: str, limit: int = 50) -> list[dict]:
    """Events whose participants, organiser or venue name `text` (a normalised name)."""
    keys = [key for (key,) in query(
        store, "SELECT DISTINCT group_key FROM events WHERE participants LIKE ? OR organizer = ? OR venue = ? "
               "LIMIT ?", (f'%{json.dumps(text, ensure_ascii=False)}%', text, text, limit))]
    return store.list_events(limit, 0, keys=keys) if keys else []


def event_reports(store, key: str, limit: int, offset: int = 0) -> tuple[list[dict], int]:
    """A page of an event's reports, earliest first, and how many there are."""
    total = query(store, "SELECT COUNT(*) FROM events WHERE group_key = ?", (key,))[0][0]
    rows = query(store, "SELECT e.event_id, e.document_id, d.outlet, d.published, d.title, d.duplicate_of, "
                        "e.date, e.city, e.city_inferred, e.venue, e.organizer, e.audience, e.participants, "
                        "substr(d.text, 1, 120) FROM events e JOIN documents d ON d.id = e.document_id "
                        "WHERE e.group_key = ? ORDER BY COALESCE(d.published, ''), d.seq LIMIT ? OFFSET ?",
                 (key, limit, offset))
    keys = ("event_id", "document_id", "outlet", "published", "title", "duplicate_of", "date", "city",
            "city_inferred", "venue", "organizer", "audience", "participants", "opening")
    return [{**dict(zip(keys, row)), "participants": json.loads(row[12])} for row in rows], total


@remembered
def events_per_day(store) -> list[dict]:
    rows = query(store, "SELECT date, type, COUNT(DISTINCT group_key) FROM events WHERE date IS NOT NULL "
                        "GROUP BY date, type ORDER BY 1, 2")
    return [{"date": d, "type": t, "events": n} for d, t, n in rows]


@remembered
def event_cities(store) -> list[dict]:
    """Cities with events, where the gazetteer knows their coordinates."""
    places = gazetteer_places()
    rows = query(store, "SELECT city, COUNT(DISTINCT group_key) FROM events WHERE city IS NOT NULL "
                        "GROUP BY city ORDER BY 2 DESC")
    found = []
    for city, events in rows:
        place = places.get(city)
        if place and place["lat"] is not None:
            found.append({"city": city, "events": events, "lat": place["lat"], "lon": place["lon"]})
    return found


# -- regions --------------------------------------------------------------------------

@remembered
def region_coverage(store) -> list[dict]:
    """Per region of Kazakhstan: articles naming its places, summed over the places
    from the entity_stats summary (originals only; an article naming two towns of one
    region counts twice). Places are matched to regions by the gazetteer."""
    places = gazetteer_places()
    counts: dict[str, int] = defaultdict(int)
    for name, articles in query(store, "SELECT e.name, s.articles FROM entity_stats s "
                                       "JOIN entities e ON e.entity_id = s.entity_id "
                                       "WHERE s.kind = 'place' AND s.articles > 0"):
        region = (places.get(name) or {}).get("region")
        if region:
            counts[region] += articles
    rows = [{"region": region, "articles": count} for region, count in counts.items()]
    return sorted(rows, key=lambda row: (-row["articles"], row["region"]))


@lru_cache(maxsize=1)
def gazetteer_places() -> dict[str, dict]:
    """Place name -> region and coordinates, read from the gazetteer files (shipped and
    the user's) without building the matcher, which a web page does not need."""
    from ..nlp.gazetteer import shipped_entries, user_entries

    places = {}
    for entry in shipped_entries() + user_entries():
        if entry.is_place:
            region = entry.region or (entry.name if entry.kind == "region" else None)
            places.setdefault(entry.name, {"region": region, "lat": entry.lat, "lon": entry.lon})
    return places


# -- search facets ----------------------------------------------------------------------

FACET_SAMPLE = 5000


def facet_counts(store, condition: str, args: list, limit: int = TOP) -> dict[str, list[dict]]:
    """Counts per outlet, theme, person and event type over the documents matching
    `condition` (a WHERE on `documents d`), for the search page's facets. Past
    FACET_SAMPLE matches they count the newest FACET_SAMPLE (the page says so): the
    cost of a page must not grow with the corpus."""
    # the matching ids are found once (a full-text match is the costly part), then counted
    ids = [row[0] for row in query(store, f"SELECT d.id FROM documents d WHERE {condition} "
                                          f"ORDER BY d.seq DESC LIMIT {FACET_SAMPLE}", args)]
    inner = marks(ids)
    outlets = query(store, f"SELECT d.outlet, COUNT(*) FROM documents d WHERE d.id IN ({inner}) "
                           "AND d.outlet IS NOT NULL GROUP BY d.outlet ORDER BY 2 DESC, 1 LIMIT ?", (*ids, limit))
    themes = query(store, f"SELECT topic, COUNT(*) FROM document_topics WHERE document_id IN ({inner}) "
                          "GROUP BY topic ORDER BY 2 DESC, 1 LIMIT ?", (*ids, limit))
    people = query(store, "SELECT entity_id, MIN(name), COUNT(*) FROM entity_mentions "
                          f"WHERE kind = 'person' AND document_id IN ({inner}) "
                          "GROUP BY entity_id ORDER BY 3 DESC, 2 LIMIT ?", (*ids, limit))
    events = query(store, f"SELECT type, COUNT(DISTINCT document_id) FROM events WHERE document_id IN ({inner}) "
                          "GROUP BY type ORDER BY 2 DESC, 1 LIMIT ?", (*ids, limit))
    return {"outlet": [{"value": o, "count": c} for o, c in outlets],
            "theme": [{"value": t, "count": c} for t, c in themes],
            "person": [{"value": e, "label": n, "count": c} for e, n, c in people],
            "event": [{"value": t, "count": c} for t, c in events]}


# -- articles -------------------------------------------------------------------------

def copies_of(store, doc_id: str, original: str | None) -> list[dict]:
    """The other members of the article's reprint group, the original first."""
    root = original or doc_id
    rows = query(store, "SELECT id, outlet, published, title, duplicate_of FROM documents "
                        "WHERE (id = ? OR duplicate_of = ?) AND id <> ? "
                        "ORDER BY duplicate_of IS NOT NULL, COALESCE(published, ''), seq",
                 (root, root, doc_id))
    return [dict(zip(("id", "outlet", "published", "title", "duplicate_of"), row)) for row in rows]


def event_keys_of(store, doc_id: str) -> dict[str, str]:
    """event_id -> the key of the event it reports."""
    return dict(query(store, "SELECT event_id, group_key FROM events WHERE document_id = ?", (doc_id,)))
