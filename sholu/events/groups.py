"""Reports of one event across outlets: a corpus stage run just before the store. Two
gatherings of one type are one event when their days are at most a day apart (one outlet
dates it by the day, another by its next-day publication) and their towns do not differ,
and when the people they name agree: two shared participants, or one report naming only
people the other names too, in the same town or at a press conference (one a day per
speaker). As the stage's own key, one type, one day and one town are one event, people
named or not. An event that joins another takes that event's key, which the store keeps
as its group."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..nlp.gazetteer import lookup_key
from .when import days_between

VOTES = ("election", "referendum")
FAR = 1 << 20          # days between two reports when one's date is no day


@dataclass(frozen=True)
class Report:
    key: str                  # the group it belongs to
    type: str
    date: str
    city: str | None
    people: frozenset[str]    # participants, as lookup keys


def group_events(docs: list, batch) -> list:
    known = KnownReports(batch.store)
    for doc in docs:            # a reprint too: its key may differ from its original's group
        for index, event in enumerate(doc.events):
            report = report_of(event, f"{doc.id}:{index}")
            if report is None:
                continue
            group = known.group_of(report, doc.id)
            if group is not None:
                event["key"] = group
            elif doc.duplicate_of and not event.get("key"):
                continue        # the store gives it its original's group, unknown here
            known.add(doc.id, report if group is None else report_in(report, group))
    return docs


def report_of(event: dict, event_id: str) -> Report | None:
    if event["type"] in VOTES or not event.get("date"):
        return None
    people = frozenset(lookup_key(name) for name in event.get("participants") or [])
    return Report(event.get("key") or event_id, event["type"], event["date"], event.get("city"), people)


def report_in(report: Report, key: str) -> Report:
    return Report(key, report.type, report.date, report.city, report.people)


def same_event(a: Report, b: Report) -> bool:
    days = days_apart(a.date, b.date)
    if a.type != b.type or days > 1:
        return False
    if a.city and b.city and lookup_key(a.city) != lookup_key(b.city):
        return False
    if days == 0 and a.city and b.city:
        return True             # as the stage's own key: a type, a day, a town
    shared = len(a.people & b.people)
    # one report names only people the other names too: not the same person meeting others
    within = shared >= 1 and (a.people <= b.people or b.people <= a.people)
    return shared >= 2 or (within and (bool(a.city and b.city) or a.type == "press_conference"))


def days_apart(a: str, b: str) -> int:
    days = days_between(a, b)
    return abs(days) if days is not None else FAR


class KnownReports:
    """The reports a new one may join: the store's, and the batch's so far."""

    def __init__(self, store):
        self.store = store
        self.batch: dict[tuple[str, str], list[tuple[str, Report]]] = {}   # (type, day) -> (document id, report)

    def group_of(self, report: Report, doc_id: str) -> str | None:
        candidates = self.nearby(report, doc_id)
        if any(other.key == report.key for other in candidates):
            return report.key
        return next((other.key for other in candidates if same_event(report, other)), None)

    def nearby(self, report: Report, doc_id: str) -> list[Report]:
        first, last = shifted(report.date, -1), shifted(report.date, 1)
        stored = [Report(key, report.type, day, city, frozenset(lookup_key(n) for n in names))
                  for key, day, city, names in self.store.events_between(report.type, first, last, doc_id)]
        here = [other for day in dict.fromkeys((first, report.date, last))
                for owner, other in self.batch.get((report.type, day), []) if owner != doc_id]
        return stored + here

    def add(self, doc_id: str, report: Report) -> None:
        self.batch.setdefault((report.type, report.date), []).append((doc_id, report))


def shifted(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day
