"""Articles per region of Kazakhstan: the original articles naming at least one place
of the region (a town, a village, or the region itself). An article naming two towns
of one region counts once for it. Places are matched to regions by the gazetteer."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from .common import EVERYTHING, Scope, marks, rows
from .periods import check_period, period_of, period_sort_key


def regions(store, by: str = "day", scope: Scope = EVERYTHING) -> list[dict]:
    """Per region: original articles (of `scope`), the places named, and a series of
    {period, articles} by day or ISO week; the most covered region first."""
    check_period(by)
    found = []
    for region, ids in places_by_region(store).items():
        series: dict[str | None, int] = defaultdict(int)
        for published, count in articles_per_date(store, ids, scope):
            series[period_of(published, by)] += count
        if series:
            found.append({"region": region, "places": places_named(store, ids, scope),
                          "articles": sum(series.values()),
                          "series": [{"period": period, "articles": series[period]}
                                     for period in sorted(series, key=period_sort_key)]})
    return sorted(found, key=lambda row: (-row["articles"], row["region"]))


def places_by_region(store) -> dict[str, list[str]]:
    """Region -> the entity ids of the stored places in it."""
    places = gazetteer_places()
    found: dict[str, list[str]] = defaultdict(list)
    for entity_id, name in rows(store, "SELECT entity_id, name FROM entities WHERE kind = 'place'"):
        region = (places.get(name) or {}).get("region")
        if region:
            found[region].append(entity_id)
    return found


def articles_per_date(store, ids: list[str], scope: Scope = EVERYTHING) -> list[tuple]:
    """(published, original articles naming any of the places `ids`): each article once."""
    return rows(store, "SELECT d.published, COUNT(DISTINCT em.document_id) FROM entity_mentions em "
                       f"JOIN documents d ON d.id = em.document_id WHERE em.entity_id IN ({marks(ids)}) "
                       f"AND {scope.where()} GROUP BY d.published", (*ids, *scope.args))


def places_named(store, ids: list[str], scope: Scope = EVERYTHING) -> list[str]:
    """The names original articles give the places `ids`."""
    return sorted(name for (name,) in rows(
        store, "SELECT DISTINCT em.name FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
               f"WHERE em.entity_id IN ({marks(ids)}) AND {scope.where()}", (*ids, *scope.args)))


@lru_cache(maxsize=1)
def gazetteer_places() -> dict[str, dict]:
    """Place name -> region and coordinates, read from the gazetteer files (shipped and
    the user's) without building the matcher, which a reader does not need."""
    from ...nlp.gazetteer import shipped_entries, user_entries

    places = {}
    for entry in shipped_entries() + user_entries():
        if entry.is_place:
            region = entry.region or (entry.name if entry.kind == "region" else None)
            places.setdefault(entry.name, {"region": region, "lat": entry.lat, "lon": entry.lon})
    return places
