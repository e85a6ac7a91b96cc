"""Which documents an export holds: the same filters as search (outlet, date range,
language, person, theme, event, copies left out unless asked for), through the store's public
methods only. With a query the store's own search decides; without one there is
nothing for full-text search to match, so the filters are applied to each record."""
from __future__ import annotations

from collections.abc import Iterator

SEARCH_PAGE = 1_000
ENTITY_FIELDS = ("persons", "organizations", "places")


def filtered_records(store, filters: dict | None = None, query=None) -> Iterator[dict]:
    """Export records of the stored documents that match `filters` (the dict that
    `store.search` takes) and, when given, the search `query` (text or parsed)."""
    filters = filters or {}
    if query:
        wanted = matching_ids(store, parsed(query), filters)
        for doc in store.documents():
            if doc.id in wanted:
                yield doc.to_record()
        return
    keep = RecordFilter(filters)
    for doc in store.documents():
        record = doc.to_record()
        if keep(record):
            yield record


def parsed(query):
    if hasattr(query, "fts"):
        return query
    from ..store.search import parse_query       # raises QueryError for a bad query
    return parse_query(query)


def matching_ids(store, query, filters: dict) -> set[str]:
    """Ids of every hit, page by page: only ids are kept, not the hits' texts."""
    ids: set[str] = set()
    offset = 0
    while True:
        hits, total, estimated = store.search(query, filters, SEARCH_PAGE, offset)
        ids.update(hit["id"] for hit in hits)
        offset += len(hits)
        if not hits or (offset >= total and not estimated):
            return ids


class RecordFilter:
    """The conditions of `store.sqlite.search_filters`, read off an export record."""

    def __init__(self, filters: dict):
        self.filters = filters
        # for the event filter: the events of documents holding the wanted event, so
        # that a reprint, whose events join its original's, is matched like the store does
        self.holders: dict[str, list[tuple[str, str | None, str, str]]] = {}

    def __call__(self, record: dict) -> bool:
        f = self.filters
        return ((f.get("with_copies") or not record.get("duplicate_of"))
                and (not f.get("outlet") or (record.get("outlet") or "").lower() == f["outlet"].lower())
                and (f.get("outlets") is None or record.get("outlet") in f["outlets"])
                and in_dates(record.get("published"), f.get("date_from"), f.get("date_to"))
                and (not f.get("language") or record.get("language") == f["language"])
                and (f.get("person_ids") is None or names_any(record, set(f["person_ids"])))
                and (not f.get("theme") or any(t.get("topic") == f["theme"] for t in record.get("topics") or []))
                and (not f.get("event") or self.has_event(record, f["event"])))

    def has_event(self, record: dict, wanted: str) -> bool:
        events = self.group_keys(record)
        if any(wanted in (kind, key) for kind, _, key, _ in events):
            self.holders[record["id"]] = events
            return True
        return False

    def group_keys(self, record: dict) -> list[tuple[str, str | None, str, str]]:
        """(type, venue, group key, event id) per event, keyed as the store keys them:
        the event's own key, else its original's event of that type, else its own id."""
        result = []
        for index, event in enumerate(record.get("events") or []):
            event_id = f"{record['id']}:{index}"
            key = (event.get("key") or self.original_key(record.get("duplicate_of"), event)
                   or event_id)
            result.append((event.get("type"), event.get("venue"), key, event_id))
        return result

    def original_key(self, original_id: str | None, event: dict) -> str | None:
        same_type = [e for e in self.holders.get(original_id, []) if e[0] == event.get("type")]
        same_type.sort(key=lambda e: (e[1] != event.get("venue"), e[3]))
        return same_type[0][2] if same_type else None


def in_dates(published: str | None, date_from: str | None, date_to: str | None) -> bool:
    if not (date_from or date_to):
        return True
    return (published is not None and (not date_from or published >= date_from)
            and (not date_to or published <= date_to))


def names_any(record: dict, entity_ids: set[str]) -> bool:
    return any(entity.get("entity_id") in entity_ids
               for field in ENTITY_FIELDS for entity in record.get(field) or [])
