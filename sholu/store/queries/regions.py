"""Articles per region of Kazakhstan: the original articles naming at least one place
of the region (a town, a village, or the region itself). An article naming two towns
of one region counts once for it. Places are matched to regions by the gazetteer.

The counts are read from the sums kept with the documents (`daily_regions`,
`daily_place_names`: store/aggregates.py) while the regions they were kept by
(`place_regions`) are the gazetteer's; when the gazetteer has moved a place since (the
user's entries changed; the next run storing articles brings them in line) they are counted from the
mentions, so the answer is never stale."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from .common import ALL_TIME, Selection, marks, rows
from .periods import check_period, period_of, period_sort_key


def regions(store, by: str = "day", selection: Selection = ALL_TIME) -> list[dict]:
    """Per region: original articles (of the selection), the places named, and a series
    of {period, articles} by day or ISO week; the most covered region first."""
    check_period(by)
    by_region = places_by_region(store)
    kept = kept_regions(store) == {entity_id: region for region, ids in by_region.items() for entity_id in ids}
    counted = kept_counts(store, selection) if kept else None
    found = []
    for region, ids in by_region.items():
        series: dict[str | None, int] = defaultdict(int)
        per_date = counted[0].get(region, []) if kept else articles_per_date(store, ids, selection)
        for published, count in per_date:
            series[period_of(published, by)] += count
        if series:
            named = (sorted({name for entity_id in ids for name in counted[1].get(entity_id, ())}) if kept
                     else places_named(store, ids, selection))
            found.append({"region": region, "places": named, "articles": sum(series.values()),
                          "series": [{"period": period, "articles": series[period]}
                                     for period in sorted(series, key=period_sort_key)]})
    return sorted(found, key=lambda row: (-row["articles"], row["region"]))


def kept_counts(store, selection: Selection) -> tuple[dict[str, list[tuple]], dict[str, set[str]]]:
    """(region -> [(published or None, original articles)], place entity id -> the names
    given it) in the selection, from the kept sums."""
    condition, args = selection.on_sums()
    per_date: dict[str, list[tuple]] = defaultdict(list)
    for region, published, articles in rows(
            store, f"SELECT region, published, SUM(articles) FROM daily_regions WHERE {condition} "
                   "GROUP BY region, published HAVING SUM(articles) > 0", args):
        per_date[region].append((published or None, articles))
    names: dict[str, set[str]] = defaultdict(set)
    for entity_id, name in rows(store, f"SELECT DISTINCT entity_id, name FROM daily_place_names WHERE {condition}",
                                args):
        names[entity_id].add(name)
    return per_date, names


def places_by_region(store) -> dict[str, list[str]]:
    """Region -> the entity ids of the stored places in it."""
    found: dict[str, list[str]] = defaultdict(list)
    for entity_id, region in regions_now(store).items():
        found[region].append(entity_id)
    return found


def regions_now(store) -> dict[str, str]:
    """Stored place's entity id -> its region, as the gazetteer gives it now (only the
    places it puts in a region)."""
    stored = rows(store, "SELECT entity_id, name FROM entities WHERE kind = 'place' ORDER BY entity_id")
    places = gazetteer_places() if stored else {}
    return {entity_id: (places.get(name) or {}).get("region") for entity_id, name in stored
            if (places.get(name) or {}).get("region")}


def kept_regions(store) -> dict[str, str]:
    """Place entity id -> the region the kept sums count it in."""
    return dict(rows(store, "SELECT entity_id, region FROM place_regions"))


def articles_per_date(store, ids: list[str], selection: Selection = ALL_TIME) -> list[tuple]:
    """(published, original articles naming any of the places `ids`): each article once."""
    scope = selection.scope()
    return rows(store, "SELECT d.published, COUNT(DISTINCT em.document_id) FROM entity_mentions em "
                       f"JOIN documents d ON d.id = em.document_id WHERE em.entity_id IN ({marks(ids)}) "
                       f"AND {scope.where()} GROUP BY d.published", (*ids, *scope.args))


def places_named(store, ids: list[str], selection: Selection = ALL_TIME) -> list[str]:
    """The names original articles give the places `ids`."""
    scope = selection.scope()
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
