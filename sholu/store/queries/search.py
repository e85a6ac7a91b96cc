"""Full-text search, the document list under the search facets, and the facet counts."""
from __future__ import annotations

from .common import marks, one, rows

FACET_SAMPLE = 1000     # newest matches the search page counts its facets over
RANK_WINDOW = 1000     # the newest matches ranked for a page of hits; past them the total is estimated
TOP = 10


def search_filters(filters: dict) -> tuple[str, list]:
    """SQL conditions for the search facets: outlet or outlet set, date range, language,
    person, theme, event."""
    clauses, args = outlet_dates_language(filters)
    if not filters.get("with_copies"):
        clauses.append("d.duplicate_of IS NULL")
    if filters.get("outlets") is not None:          # an outlet set (groups resolved)
        clauses.append(f"d.outlet IN ({marks(filters['outlets'])})")
        args += filters["outlets"]
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


def outlet_dates_language(filters: dict, on_sums: bool = False) -> tuple[list[str], list]:
    """The outlet (any letter case), date range and language conditions, on `documents d`
    or on the per day × outlet × language sums, where an undated article is on day ''
    (kept out of a range)."""
    on = "" if on_sums else "d."
    clauses, args = [], []
    if filters.get("outlet"):
        clauses.append(f"LOWER({on}outlet) = LOWER(?)")
        args.append(filters["outlet"])
    if filters.get("date_from"):
        clauses.append(f"{on}published >= ?")
        args.append(filters["date_from"])
    if filters.get("date_to"):
        clauses.append(("published <> '' AND " if on_sums else "") + f"{on}published <= ?")
        args.append(filters["date_to"])
    if filters.get("language"):
        clauses.append(f"{on}language = ?")
        args.append(filters["language"])
    return clauses, args


def matching(store, filters: dict, query=None) -> tuple[str, list]:
    """The WHERE on `documents d` for the filters and, when given, a parsed query."""
    where, args = search_filters(filters)
    if query is not None:
        key, document_key = store.SEARCH_KEYS
        where += (f" AND d.{document_key} IN (SELECT s.{key} FROM search_index s "
                  f"WHERE {store.match_sql().condition})")
        args.append(store.query_text(query))
    return f"1=1{where}", args


def refused(err: Exception) -> Exception:
    from ..search import QueryError     # lazily: the query parser loads the morphology

    return QueryError(f"the index cannot run this query ({err})")


def search(store, query, filters: dict, limit: int, offset: int) -> tuple[list[dict], int, bool]:
    """(hits best first, total, whether the total is an estimate) for a parsed query
    and filters. Matches are ranked a window at a time: the newest RANK_WINDOW
    passing the filters (in stored order) best first, then the next older window,
    so a page reads as many windows as its depth, never every match: a common word
    in a million articles costs what it costs in a few thousand. The windows count
    the total when they hold every match; past that, the total is estimated. Only
    the page's rows are read whole."""
    where, args = search_filters(filters)
    ranking = store.match_sql()
    text = store.query_text(query)
    rank_args = (text,) if ranking.rank_takes_query else ()
    window = RANK_WINDOW * -(-(offset + limit) // RANK_WINDOW)      # whole windows, as deep as the page
    matches = (f"FROM search_index s JOIN {store.SEARCHED_DOCUMENTS} ON {joined(store, 's')} "
               f"WHERE {ranking.condition} {where}")
    newest = f"SELECT d.seq AS seq, {ranking.carried} AS ranked {matches} ORDER BY {ranking.newest} DESC LIMIT {window}"
    try:
        ranked = rows(store, "SELECT seq, score, found, oldest FROM (SELECT w.seq AS seq, "
                             f"{ranking.rank} AS score, (ROW_NUMBER() OVER (ORDER BY w.seq DESC) - 1) / {RANK_WINDOW} "
                             f"AS newer, COUNT(*) OVER () AS found, MIN(w.seq) OVER () AS oldest FROM ({newest}) w) r "
                             "ORDER BY newer, score, seq LIMIT ? OFFSET ?",
                      (*rank_args, text, *args, limit, offset))
        in_window, oldest = ranked[0][2:] if ranked else (0, None)
        if not ranked and offset:           # a page past the last
            in_window, oldest = rows(store, f"SELECT COUNT(*), MIN(w.seq) FROM ({newest}) w", (text, *args))[0]
        if in_window < window:
            total, estimated = in_window, False
        else:
            total, estimated = max(estimate(store, text, matches, args, in_window, oldest), in_window), True
    except store.errors as err:
        raise refused(err) from err
    return hits_of(store, [row[:2] for row in ranked]), total, estimated


def estimate(store, text: str, matches: str, args: list, in_window: int, oldest: int) -> int:
    """How many documents match and pass the filters, not counted one by one: the
    planner's estimate where the backend has one (PostgreSQL); else the windows'
    matches spread over the whole store as thickly as over the stored documents they
    reach back to (counting every match read every doclist: 46 ms for a phrase at
    100,000 articles on SQLite, ten times that at a million)."""
    if store.planner_estimates:
        return store.estimated_rows(f"SELECT 1 {matches}", (text, *args))
    # apart: SQLite reads one end of an index only for a lone MIN or MAX (together, 50 ms at 100k)
    first, last = rows(store, "SELECT (SELECT MIN(seq) FROM documents), (SELECT MAX(seq) FROM documents)")[0]
    return round(in_window * (last - first + 1) / max(last - oldest + 1, 1))


def joined(store, alias: str) -> str:
    """The join of the index's rows (as `alias`) to their documents: on the index's key."""
    key, document_key = store.SEARCH_KEYS
    return f"d.{document_key} = {alias}.{key}"


def hits_of(store, ranked: list[tuple]) -> list[dict]:
    """The page's rows, in the ranked order."""
    keys = ("id", "source", "title", "outlet", "published", "duplicate_of", "text")
    found = {row[0]: row[1:] for row in rows(
        store, f"SELECT seq, {', '.join(keys)} FROM documents WHERE seq IN ({marks(ranked)})",
        [seq for seq, _ in ranked])}
    return [{**dict(zip(keys, found[seq])), "score": score} for seq, score in ranked]


def list_documents(store, filters: dict, limit: int, offset: int, match=None) -> tuple[list[dict], int]:
    """(documents newest first, undated last; total) for the search facets;
    `match`, a parsed query, narrows them without reordering."""
    condition, args = matching(store, filters, match)
    try:
        total = counted_by_day(store, filters) if match is None else None
        if total is None:
            total = one(store, f"SELECT COUNT(*) FROM documents d WHERE {condition}", args)
        found = rows(store, "SELECT d.id, d.source, d.url, d.outlet, d.title, d.published, d.language, "
                            f"d.duplicate_of, substr(d.text, 1, 80) FROM documents d WHERE {condition} "
                            "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT ? OFFSET ?",
                     (*args, limit, offset))
    except store.errors as err:
        raise refused(err) from err
    keys = ("id", "source", "url", "outlet", "title", "published", "language", "duplicate_of", "first_words")
    return [dict(zip(keys, row)) for row in found], total


def counted_by_day(store, filters: dict) -> int | None:
    """The number of documents passing outlet, date, language and copy filters, summed
    from the articles per day, outlet and language (`daily_documents`) instead of counting the rows;
    None for the other filters, which those sums cannot answer."""
    if any(filters.get(name) is not None for name in ("person_ids", "theme", "event", "outlets")):
        return None
    clauses, args = outlet_dates_language(filters, on_sums=True)
    column = "articles" if filters.get("with_copies") else "articles - copies"
    where = " AND ".join(["1=1", *clauses])
    return one(store, f"SELECT COALESCE(SUM({column}), 0) FROM daily_documents WHERE {where}", args)


def facet_sample(store, filters: dict, query=None) -> list[str]:
    """The ids of the newest FACET_SAMPLE documents passing the filters and matching
    the parsed query, if any: read down the index's matches newest first (as the
    ranked windows are), not by sorting every match."""
    if query is None:
        condition, args = matching(store, filters)
        return [row[0] for row in rows(store, f"SELECT d.id FROM documents d WHERE {condition} "
                                              f"ORDER BY d.seq DESC LIMIT {FACET_SAMPLE}", args)]
    where, args = search_filters(filters)
    ranking = store.match_sql()
    try:
        return [row[0] for row in rows(store, f"SELECT d.id FROM search_index s JOIN {store.SEARCHED_DOCUMENTS} ON "
                                              f"{joined(store, 's')} WHERE {ranking.condition} {where} "
                                              f"ORDER BY {ranking.newest} DESC LIMIT {FACET_SAMPLE}",
                                       (store.query_text(query), *args))]
    except store.errors as err:
        raise refused(err) from err


def facet_counts(store, ids: list[str], limit: int = TOP) -> dict[str, list[dict]]:
    """Counts per outlet, theme, person and event type over the documents `ids` (the
    facet_sample of a search), for the search page's facets. Past FACET_SAMPLE matches
    they count the newest FACET_SAMPLE (the page says so): the cost of a page must not
    grow with the corpus."""
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
