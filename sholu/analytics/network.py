"""Who appears with whom: pairs of people named in the same original articles."""
from __future__ import annotations

import json

from ..store.queries import events, people
from ..store.queries.common import ALL_TIME, Selection


def co_occurrence(store, limit: int = 50, selection: Selection = ALL_TIME) -> list[dict]:
    """Pairs of people named together in original articles (of the selection), most
    shared articles first, each with the events (grouped reports, of the whole corpus)
    that list both among the participants."""
    rows = people.pairs_named_together(store, limit, selection.scope())
    spellings = people.spellings(store, {r[0] for r in rows} | {r[2] for r in rows})
    groups = event_groups(store)
    pairs = []
    for a_id, a_name, b_id, b_name, articles in rows:
        # the SQL orders a pair by id so it is counted once; people read it by name
        (a_id, a_name), (b_id, b_name) = sorted([(a_id, a_name), (b_id, b_name)], key=lambda p: p[1])
        shared = [describe(event) for event in groups
                  if event["participants"] & spellings.get(a_id, set())
                  and event["participants"] & spellings.get(b_id, set())]
        pairs.append({"person_a": {"entity_id": a_id, "name": a_name},
                      "person_b": {"entity_id": b_id, "name": b_name},
                      "articles": articles, "shared_events": shared})
    return sorted(pairs, key=lambda p: (-p["articles"], p["person_a"]["name"], p["person_b"]["name"]))


def event_groups(store) -> list[dict]:
    """Events reported in original articles, reports sharing a group key merged."""
    groups: dict[str, dict] = {}
    for key, kind, day, city, venue, participants in events.original_reports(store):
        group = groups.setdefault(key, {"key": key, "type": kind, "date": day, "city": city,
                                        "venue": venue, "participants": set()})
        for field, value in (("date", day), ("city", city), ("venue", venue)):
            group[field] = group[field] or value
        group["participants"].update(json.loads(participants or "[]"))
    return sorted(groups.values(), key=lambda g: (g["date"] or "", g["key"]))


def describe(event: dict) -> dict:
    return {field: event[field] for field in ("key", "type", "date", "city", "venue")}
