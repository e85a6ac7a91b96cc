"""Full-text search, the document list under the search facets, and the facet counts."""
from __future__ import annotations

from .common import marks, one, rows

FACET_SAMPLE = 5000
TOP = 10


def search_filters(filters: dict) -> tuple[str, list]:
    """SQL conditions for the search facets: outlet or outlet set, date range, person, theme, event."""
    clauses, args = [], []
    if not filters.get("with_copies"):
        clauses.append("d.duplicate_of IS NULL")
    if filters.get("outlet"):
        clauses.append("LOWER(d.outlet) = LOWER(?)")
        args.append(filters["outlet"])
    if filters.get("outlets") is not None:          # an outlet set (groups resolved)
        clauses.append(f"d.outlet IN ({marks(filters['outlets'])})")
        args += filters["outlets"]
    if filters.get("date_from"):
        clauses.append("d.published >= ?")
        args.append(filters["date_from"])
    if filters.get("date_to"):
        clauses.append("d.published <= ?")
        args.append(filters["date_to"])
    if filters.get("person_ids") is not None:
        clauses.append(f"d.id IN (SELECT document_id FROM entity_mentions "
                       f"WHERE entity_id IN ({marks(filters['person_ids'])}))")
        args += filters["person_ids"]
    if filters.get("theme"):
        clauses.append("d.id IN (SELECT document_id FROM document_topics WHERE topic = ?)")
        args.append(filters["theme"])
    if filters.get("event"):
        clauses.append("d.id IN (SELECT document_id FROM events WHERE type = ? OR group_key = ?)")
        args += [filters["event"], filters["event"]]
    return "".join(f" AND {c}" for c in clauses), args


def matching(store, filters: dict, query=None) -> tuple[str, list]:
    """The WHERE on `documents d` for the filters and, when given, a parsed query."""
    where, args = search_filters(filters)
    if query is not None:
        where += f" AND d.id IN (SELECT s.document_id FROM search_index s WHERE {store.match_sql()[0]})"
        args.append(store.query_text(query))
    return f"1=1{where}", args


def refused(err: Exception) -> Exception:
    from ..search import QueryError     # lazily: the query parser loads the morphology

    return QueryError(f"the index cannot run this query ({err})")


def search(store, query, filters: dict, limit: int, offset: int) -> tuple[list[dict], int]:
    """(hits best first, total count) for a parsed query and filters."""
    where, args = search_filters(filters)
    condition, rank, rank_takes_query = store.match_sql()
    text = store.query_text(query)
    base = f"FROM search_index s JOIN documents d ON d.id = s.document_id WHERE {condition} {where}"
    rank_args = (text,) if rank_takes_query else ()
    try:
        total = one(store, f"SELECT COUNT(*) {base}", (text, *args))
        found = rows(store, f"SELECT d.id, d.source, d.title, d.outlet, d.published, d.duplicate_of, "
                            f"d.text, {rank} {base} ORDER BY 8, d.seq LIMIT ? OFFSET ?",
                     (*rank_args, text, *args, limit, offset))
    except store.errors as err:
        raise refused(err) from err
    keys = ("id", "source", "title", "outlet", "published", "duplicate_of", "text", "score")
    return [dict(zip(keys, row)) for row in found], total


def list_documents(store, filters: dict, limit: int, offset: int, match=None) -> tuple[list[dict], int]:
    """(documents newest first, undated last; total) for the search facets;
    `match`, a parsed query, narrows them without reordering."""
    condition, args = matching(store, filters, match)
    try:
        total = one(store, f"SELECT COUNT(*) FROM documents d WHERE {condition}", args)
        found = rows(store, "SELECT d.id, d.source, d.url, d.outlet, d.title, d.published, d.language, "
                            f"d.duplicate_of, substr(d.text, 1, 80) FROM documents d WHERE {condition} "
                            "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT ? OFFSET ?",
                     (*args, limit, offset))
    except store.errors as err:
        raise refused(err) from err
    keys = ("id", "source", "url", "outlet", "title", "published", "language", "duplicate_of", "first_words")
    return [dict(zip(keys, row)) for row in found], total


def facet_counts(store, condition: str, args: list, limit: int = TOP) -> dict[str, list[dict]]:
    """Counts per outlet, theme, person and event type over the documents matching
    `condition` (a WHERE on `documents d`), for the search page's facets. Past
    FACET_SAMPLE matches they count the newest FACET_SAMPLE (the page says so): the
    cost of a page must not grow with the corpus."""
    # the matching ids are found once (a full-text match is the costly part), then counted
    ids = [row[0] for row in rows(store, f"SELECT d.id FROM documents d WHERE {condition} "
                                         f"ORDER BY d.seq DESC LIMIT {FACET_SAMPLE}", args)]
    inner = marks(ids)
    outlets = rows(store, f"SELECT d.outlet, COUNT(*) FROM documents d WHERE d.id IN ({inner}) "
                          "AND d.outlet IS NOT NULL GROUP BY d.outlet ORDER BY 2 DESC, 1 LIMIT ?", (*ids, limit))
    themes = rows(store, f"SELECT topic, COUNT(*) FROM document_topics WHERE document_id IN ({inner}) "
                         "GROUP BY topic ORDER BY 2 DESC, 1 LIMIT ?", (*ids, limit))
    people = rows(store, "SELECT entity_id, MIN(name), COUNT(*) FROM entity_mentions "
                         f"WHERE kind = 'person' AND document_id IN ({inner}) "
                         "GROUP BY entity_id ORDER BY 3 DESC, 2 LIMIT ?", (*ids, limit))
    events = rows(store, f"SELECT type, COUNT(DISTINCT document_id) FROM events WHERE document_id IN ({inner}) "
                         "GROUP BY type ORDER BY 2 DESC, 1 LIMIT ?", (*ids, limit))
    return {"outlet": [{"value": o, "count": c} for o, c in outlets],
            "theme": [{"value": t, "count": c} for t, c in themes],
            "person": [{"value": e, "label": n, "count": c} for e, n, c in people],
            "event": [{"value": t, "count": c} for t, c in events]}
