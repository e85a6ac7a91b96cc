"""Events: reports of one event in several articles grouped by their key."""
from __future__ import annotations

import json

from .common import ALL_TIME, Selection, marks, one, rows
from .quotes import QUOTE_COLUMNS, quote_dict

PARTICIPANT_REPORTS = 200    # reports of one event read for its participants
EVENT_QUOTES = 50            # quotes shown on an event's page
# the order an event's reports came out in (publication day, then stored order), read
# down the key of the kept `event_report_order` (store/aggregates.py)
REPORT_ORDER = "o.published, o.seq, o.event_id"
WALKED_EVENTS = 1000         # events naming one name from which they are walked newest first


def list_events(store, limit: int, offset: int = 0, keys: list[str] | None = None,
                selection: Selection = ALL_TIME) -> list[dict]:
    """One row per event (reports grouped), newest first, with the number of
    reports and how many of them are originals rather than reprints; only the
    events of `keys` when given, else those reported in the selection's articles. An
    event's day is its earliest report's: a report dated by its next-day publication
    joins it. Read from the kept sums (`event_groups`, `event_outlets`) and the event's first
    PARTICIPANT_REPORTS reports."""
    if keys is None and not selection.everything:
        keys = page_keys(store, limit, offset, selection)
        offset = 0
    within = f"AND group_key IN ({marks(keys)})" if keys is not None else ""
    found = rows(store, f"SELECT group_key, last_date FROM event_groups WHERE reports > 0 {within} "
                        "ORDER BY last_date DESC, first_event LIMIT ? OFFSET ?", (*(keys or ()), limit, offset))
    reports = reports_of(store, [key for key, _ in found])
    return [titled(event_row(store, key, reports[key])) for key, _ in found]


def reports_of(store, keys: list[str]) -> dict[str, tuple[int, int, list[str]]]:
    """key -> (articles reporting it, of them originals, their outlets), from the
    per outlet counts (`event_outlets`)."""
    found: dict[str, tuple[int, int, list[str]]] = {key: (0, 0, []) for key in keys}
    for key, outlet, articles, originals in rows(
            store, f"SELECT group_key, outlet, reports, originals FROM event_outlets "
                   f"WHERE group_key IN ({marks(keys)}) AND reports > 0 ORDER BY group_key, outlet", keys):
        total, total_originals, outlets = found[key]
        found[key] = (total + articles, total_originals + originals, [*outlets, outlet])
    return found


def event_row(store, key: str, reports: tuple[int, int, list[str]]) -> dict:
    """The event as its first reports give it: its type, place, organiser, audience and
    everyone they name as taking part (a big event's later reports repeat them)."""
    first = rows(store, "SELECT type, city, city_inferred, venue, organizer, participants, audience FROM events "
                        "WHERE group_key = ? ORDER BY event_id LIMIT ?", (key, PARTICIPANT_REPORTS))
    date = one(store, "SELECT MIN(date) FROM events WHERE group_key = ?", (key,))   # (group_key, date) index
    participants: dict[str, None] = {}
    for row in first:
        participants.update(dict.fromkeys(json.loads(row[5])))
    return {"key": key, "type": min(row[0] for row in first), "date": date, "city": largest(first, 1),
            "city_inferred": bool(min(row[2] for row in first)), "venue": largest(first, 3),
            "organizer": largest(first, 4), "reports": reports[0], "original_reports": reports[1],
            "outlets": reports[2], "participants": list(participants), "audience": largest(first, 6)}


def largest(found: list[tuple], column: int):
    """MAX() of a column in Python: the largest value that is not NULL."""
    return max((row[column] for row in found if row[column] is not None), default=None)


def titled(event: dict) -> dict:
    from ...events.titles import event_title    # here: the events package loads the stage's models

    return {**event, "title": event_title(event)}


def page_keys(store, limit: int, offset: int, selection: Selection) -> list[str]:
    """The keys of a page of the events reported in a selection's articles, newest first."""
    scope = selection.scope(copies=True)
    return [row[0] for row in rows(store, "SELECT e.group_key FROM events e JOIN documents d ON d.id = e.document_id "
                                          f"WHERE {scope.where()} GROUP BY e.group_key "
                                          "ORDER BY COALESCE(MAX(e.date), '') DESC, MIN(e.event_id) LIMIT ? OFFSET ?",
                                   (*scope.args, limit, offset))]


def count_events(store, selection: Selection = ALL_TIME) -> int:
    """How many rows list_events would give without a limit."""
    if selection.everything:
        return one(store, "SELECT COUNT(*) FROM event_groups WHERE reports > 0")
    scope = selection.scope(copies=True)
    return one(store, "SELECT COUNT(DISTINCT e.group_key) FROM events e JOIN documents d ON d.id = e.document_id "
                      f"WHERE {scope.where()}", scope.args)


def events_with(store, text: str, limit: int = 50) -> list[dict]:
    """The newest `limit` events whose participants, organiser or venue name `text` (a
    normalised name), from the names of each report (`event_names`): for a name in
    WALKED_EVENTS events or more the events are walked newest first, each looked up
    by name, else the name's events are read and the newest taken."""
    many = one(store, "SELECT COUNT(*) FROM (SELECT DISTINCT group_key FROM event_names WHERE name = ? LIMIT ?) n",
               (text, WALKED_EVENTS))
    named = ("EXISTS (SELECT 1 FROM event_names n WHERE n.name = ? AND n.group_key = g.group_key)"
             if many >= WALKED_EVENTS else "g.group_key IN (SELECT group_key FROM event_names WHERE name = ?)")
    keys = [key for (key,) in rows(store, f"SELECT g.group_key FROM event_groups g WHERE g.reports > 0 AND {named} "
                                          "ORDER BY g.last_date DESC, g.first_event LIMIT ?", (text, limit))]
    return list_events(store, limit, 0, keys=keys) if keys else []


def event_quotes(store, key: str, limit: int = EVENT_QUOTES) -> list[dict]:
    """What the event's participants said in its reports, each line once, in the order
    the reports came out (of the first PARTICIPANT_REPORTS * 20 quotes of its reports).
    The lines are chosen from the quotes' keys and only the chosen ones read whole: an
    event reported thousands of times has tens of thousands of quotes."""
    chosen: dict[str, str] = {}         # line (its first saying) -> the quote shown
    named: dict[str, set[str]] = {}     # a report's participants (JSON) -> their names
    for quote_id, speaker, line, participants in rows(
            store, "SELECT q.quote_id, q.speaker, COALESCE(q.repeat_of, q.quote_id), e.participants "
                   "FROM event_report_order o JOIN events e ON e.event_id = o.event_id "
                   "JOIN quotes q ON q.document_id = e.document_id "
                   f"WHERE o.group_key = ? ORDER BY {REPORT_ORDER}, q.start LIMIT ?",
            (key, PARTICIPANT_REPORTS * 20)):
        if participants not in named:
            named[participants] = set(json.loads(participants))
        if speaker in named[participants]:
            chosen.setdefault(line, quote_id)
    shown = list(chosen.values())[:limit]
    found = {row[0]: quote_dict(row) for row in rows(
        store, f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.id = q.document_id "
               f"WHERE q.quote_id IN ({marks(shown)})", shown)}
    return [found[quote_id] for quote_id in shown]


def event_reports(store, key: str, limit: int, offset: int = 0) -> tuple[list[dict], int]:
    """A page of an event's reports, earliest first, and how many there are."""
    total = one(store, "SELECT COUNT(*) FROM events WHERE group_key = ?", (key,))
    page = [event_id for (event_id,) in rows(
        store, f"SELECT event_id FROM event_report_order o WHERE group_key = ? ORDER BY {REPORT_ORDER} "
               "LIMIT ? OFFSET ?", (key, limit, offset))]
    found = {row[0]: row for row in rows(
        store, "SELECT e.event_id, e.document_id, d.outlet, d.published, d.title, d.duplicate_of, "
               "e.date, e.city, e.city_inferred, e.venue, e.organizer, e.audience, e.participants, "
               "substr(d.text, 1, 120) FROM events e JOIN documents d ON d.id = e.document_id "
               f"WHERE e.event_id IN ({marks(page)})", page)}
    keys = ("event_id", "document_id", "outlet", "published", "title", "duplicate_of", "date", "city",
            "city_inferred", "venue", "organizer", "audience", "participants", "opening")
    return [{**dict(zip(keys, found[event_id])), "participants": json.loads(found[event_id][12])}
            for event_id in page], total


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
