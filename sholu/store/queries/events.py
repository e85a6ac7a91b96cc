"""Events: reports of one event in several articles grouped by their key."""
from __future__ import annotations

import json

from .common import ALL_TIME, Selection, marks, one, rows
from .quotes import QUOTE_COLUMNS, quote_dict

PARTICIPANT_REPORTS = 200    # reports of one event read for its participants
EVENT_QUOTES = 50            # quotes shown on an event's page
OUTLET_OR_DASH = "COALESCE(d.outlet, '—')"


def list_events(store, limit: int, offset: int = 0, keys: list[str] | None = None,
                selection: Selection = ALL_TIME) -> list[dict]:
    """One row per event (reports grouped), newest first, with the number of
    reports and how many of them are originals rather than reprints; only the
    events of `keys` when given. An event's day is its earliest report's: a report
    dated by its next-day publication joins it. Without `keys`, the events reported in the
    selection's articles."""
    if keys is None:
        keys = page_keys(store, limit, offset, selection)
        offset = 0
    found = rows(store, "SELECT e.group_key, MIN(e.type), MIN(e.date), MAX(e.city), MIN(e.city_inferred), "
                        "MAX(e.venue), MAX(e.organizer), "
                        f"COUNT(DISTINCT e.document_id), {store.concat(OUTLET_OR_DASH, ',', distinct=True)}, "
                        "COUNT(DISTINCT CASE WHEN d.duplicate_of IS NULL THEN e.document_id END), MAX(e.audience) "
                        f"FROM events e JOIN documents d ON d.id = e.document_id WHERE e.group_key IN ({marks(keys)}) "
                        "GROUP BY e.group_key ORDER BY COALESCE(MAX(e.date), '') DESC, MIN(e.event_id) "
                        "LIMIT ? OFFSET ?", (*keys, limit, offset))
    return [titled({**event_row(row), "participants": event_participants(store, row[0])}) for row in found]


def event_row(row) -> dict:
    return {"key": row[0], "type": row[1], "date": row[2], "city": row[3],
            "city_inferred": bool(row[4]), "venue": row[5], "organizer": row[6],
            "reports": row[7], "original_reports": row[9], "outlets": row[8].split(","), "audience": row[10]}


def titled(event: dict) -> dict:
    from ...events.titles import event_title    # here: the events package loads the stage's models

    return {**event, "title": event_title(event)}


def page_keys(store, limit: int, offset: int, selection: Selection) -> list[str]:
    """The keys of a page of events, newest first."""
    if selection.everything:    # from the events table alone: no join over every event
        return [row[0] for row in rows(store, "SELECT group_key FROM events GROUP BY group_key "
                                              "ORDER BY COALESCE(MAX(date), '') DESC, MIN(event_id) "
                                              "LIMIT ? OFFSET ?", (limit, offset))]
    scope = selection.scope(copies=True)
    return [row[0] for row in rows(store, "SELECT e.group_key FROM events e JOIN documents d ON d.id = e.document_id "
                                          f"WHERE {scope.where()} GROUP BY e.group_key "
                                          "ORDER BY COALESCE(MAX(e.date), '') DESC, MIN(e.event_id) LIMIT ? OFFSET ?",
                                   (*scope.args, limit, offset))]


def count_events(store, selection: Selection = ALL_TIME) -> int:
    """How many rows list_events would give without a limit."""
    scope = selection.scope(copies=True)
    return one(store, "SELECT COUNT(DISTINCT e.group_key) FROM events e JOIN documents d ON d.id = e.document_id "
                      f"WHERE {scope.where()}", scope.args)


def event_participants(store, key: str) -> list[str]:
    """Everyone its reports name as taking part (from the first reports of a big one)."""
    found: dict[str, None] = {}
    for (names,) in rows(store, "SELECT participants FROM events WHERE group_key = ? ORDER BY event_id LIMIT ?",
                         (key, PARTICIPANT_REPORTS)):
        found.update(dict.fromkeys(json.loads(names)))
    return list(found)


def events_with(store, text: str, limit: int = 50) -> list[dict]:
    """Events whose participants, organiser or venue name `text` (a normalised name)."""
    keys = [key for (key,) in rows(
        store, "SELECT DISTINCT group_key FROM events WHERE participants LIKE ? OR organizer = ? OR venue = ? "
               "LIMIT ?", (f'%{json.dumps(text, ensure_ascii=False)}%', text, text, limit))]
    return list_events(store, limit, 0, keys=keys) if keys else []


def event_quotes(store, key: str, limit: int = EVENT_QUOTES) -> list[dict]:
    """What the event's participants said in its reports, each line once, in the order
    the reports came out."""
    found = rows(store, f"SELECT {QUOTE_COLUMNS}, e.participants FROM events e "
                        "JOIN quotes q ON q.document_id = e.document_id JOIN documents d ON d.id = e.document_id "
                        "WHERE e.group_key = ? ORDER BY COALESCE(d.published, ''), d.seq, q.start LIMIT ?",
                 (key, PARTICIPANT_REPORTS * 20))
    said: dict[str, dict] = {}
    for row in found:
        quote = quote_dict(row[:-1])
        if quote["speaker"] in json.loads(row[-1]):
            said.setdefault(quote["repeat_of"] or quote["quote_id"], quote)
    return list(said.values())[:limit]


def event_reports(store, key: str, limit: int, offset: int = 0) -> tuple[list[dict], int]:
    """A page of an event's reports, earliest first, and how many there are."""
    total = one(store, "SELECT COUNT(*) FROM events WHERE group_key = ?", (key,))
    found = rows(store, "SELECT e.event_id, e.document_id, d.outlet, d.published, d.title, d.duplicate_of, "
                        "e.date, e.city, e.city_inferred, e.venue, e.organizer, e.audience, e.participants, "
                        "substr(d.text, 1, 120) FROM events e JOIN documents d ON d.id = e.document_id "
                        "WHERE e.group_key = ? ORDER BY COALESCE(d.published, ''), d.seq LIMIT ? OFFSET ?",
                 (key, limit, offset))
    keys = ("event_id", "document_id", "outlet", "published", "title", "duplicate_of", "date", "city",
            "city_inferred", "venue", "organizer", "audience", "participants", "opening")
    return [{**dict(zip(keys, row)), "participants": json.loads(row[12])} for row in found], total


def events_per_day(store, selection: Selection = ALL_TIME) -> list[dict]:
    """Events of the selection's articles by their day (the earliest report's, as
    list_events gives it) and type."""
    scope = selection.scope(copies=True)
    found = rows(store, "SELECT day, kind, COUNT(*) FROM (SELECT MIN(e.date) AS day, MIN(e.type) AS kind "
                        "FROM events e JOIN documents d ON d.id = e.document_id "
                        f"WHERE e.date IS NOT NULL AND {scope.where()} GROUP BY e.group_key) AS grouped "
                        "GROUP BY day, kind ORDER BY 1, 2", scope.args)
    return [{"date": d, "type": t, "events": n} for d, t, n in found]


def events_per_city(store) -> list[tuple[str, int]]:
    return rows(store, "SELECT city, COUNT(DISTINCT group_key) FROM events WHERE city IS NOT NULL "
                       "GROUP BY city ORDER BY 2 DESC")


def event_keys_of(store, doc_id: str) -> dict[str, str]:
    """event_id -> the key of the event it reports."""
    return dict(rows(store, "SELECT event_id, group_key FROM events WHERE document_id = ?", (doc_id,)))


def original_reports(store) -> list[tuple]:
    """(key, type, date, city, venue, participants) of each report in an original article."""
    return rows(store, "SELECT e.group_key, e.type, e.date, e.city, e.venue, e.participants FROM events e "
                       "JOIN documents d ON d.id = e.document_id WHERE d.duplicate_of IS NULL ORDER BY e.event_id")
