"""Share of voice: who is named, how often, and (for people) how often they speak."""
from __future__ import annotations

from collections import defaultdict

from ..store.queries import people
from ..store.queries.common import ALL_TIME, Selection, ratio
from ..store.queries.periods import period_of, period_sort_key
from ..store.queries.quotes import quotes_by

KINDS = ("person", "organization")
BREAKDOWNS = ("total", "outlet", "day", "week")


def share_of_voice(store, kind: str = "person", by: str = "total", limit: int = 20,
                   selection: Selection = ALL_TIME) -> list[dict]:
    """The `limit` entities of `kind` named in the most original articles, each with
    articles, mentions, its share of all mentions of that kind and, for people, quotes.
    With `by` other than "total" each entity also gets a `breakdown` list per outlet,
    day or week."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}: expected one of {', '.join(BREAKDOWNS)}")
    leaders = leading_entities(store, kind, limit, selection)
    ids = [entity["entity_id"] for entity in leaders]
    if kind == "person":
        # quotes come per outlet from the same query the breakdown uses; summed here
        quotes = totals_by_entity(quotes_by(store, ids, "d.outlet", selection.scope()))
        for entity in leaders:
            entity["quotes"] = quotes.get(entity["entity_id"], 0)
    if by != "total":
        attach_breakdown(store, leaders, kind, by, selection)
    return leaders


def leading_entities(store, kind: str, limit: int, selection: Selection = ALL_TIME) -> list[dict]:
    """The top list of `kind` (articles per entity as the store defines it) with each
    entity's share of all mentions of that kind."""
    total = people.all_mentions(store, kind, selection)
    return [{**row, "mention_share": ratio(row["mentions"], total)}
            for row in people.top_entities(store, kind, limit, 0, selection)]


def totals_by_entity(rows: list[tuple]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for entity_id, _, count in rows:
        totals[entity_id] += count
    return totals


def attach_breakdown(store, leaders: list[dict], kind: str, by: str, selection: Selection = ALL_TIME) -> None:
    """Counts per outlet or period. Days are summed into weeks here in Python: each
    article has one date, so the sums stay exact."""
    column = "d.outlet" if by == "outlet" else "d.published"
    bucket = (lambda value: value) if by == "outlet" else (lambda value: period_of(value, by))
    empty = {"articles": 0, "mentions": 0, **({"quotes": 0} if kind == "person" else {})}
    ids = [entity["entity_id"] for entity in leaders]
    cells: dict[str, dict] = defaultdict(dict)
    scope = selection.scope()
    for entity_id, value, articles, mentions in people.mentions_by(store, ids, column, scope):
        cell = cells[entity_id].setdefault(bucket(value), dict(empty))
        cell["articles"] += articles
        cell["mentions"] += mentions
    if kind == "person":
        for entity_id, value, quotes in quotes_by(store, ids, column, scope):
            cells[entity_id].setdefault(bucket(value), dict(empty))["quotes"] += quotes
    key_name = "outlet" if by == "outlet" else "period"
    for entity in leaders:
        entity["breakdown"] = [{key_name: key, **cell}
                               for key, cell in ordered_cells(cells[entity["entity_id"]], by)]


def ordered_cells(cells: dict, by: str) -> list[tuple]:
    if by == "outlet":          # the outlets that name the entity most first
        return sorted(cells.items(),
                      key=lambda item: (-item[1]["articles"], item[0] is None, item[0] or ""))
    return sorted(cells.items(), key=lambda item: period_sort_key(item[0]))
