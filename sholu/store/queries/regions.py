"""Articles per region of Kazakhstan: the original articles naming at least one place
of the region (a town, a village, or the region itself). An article naming two towns
of one region counts once for it. Places are matched to regions by the gazetteer."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from .common import rows
from .periods import check_period, period_of, period_sort_key


def regions(store, by: str = "day") -> list[dict]:
    """Per region: original articles, the places named, and a series of
    {period, articles} by day or ISO week; the most covered region first."""
    check_period(by)
    series: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    places: dict[str, set] = defaultdict(set)
    for published, names in places_per_article(store):
        for region, named in by_region(names).items():
            series[region][period_of(published, by)] += 1
            places[region] |= named
    found = [{"region": region, "places": sorted(places[region]), "articles": sum(counts.values()),
              "series": [{"period": period, "articles": count}
                         for period, count in sorted(counts.items(), key=lambda i: period_sort_key(i[0]))]}
             for region, counts in series.items()]
    return sorted(found, key=lambda row: (-row["articles"], row["region"]))


def places_per_article(store):
    """(published, [place names]) of each original article naming a place."""
    named: dict[str, tuple] = {}
    for doc_id, published, name in rows(
            store, "SELECT em.document_id, d.published, em.name FROM entity_mentions em "
                   "JOIN documents d ON d.id = em.document_id "
                   "WHERE em.kind = 'place' AND d.duplicate_of IS NULL"):
        named.setdefault(doc_id, (published, []))[1].append(name)
    return named.values()


def by_region(names: list[str]) -> dict[str, set]:
    """The regions of the places named, each with the names that put it there."""
    places = gazetteer_places()
    found: dict[str, set] = defaultdict(set)
    for name in names:
        region = (places.get(name) or {}).get("region")
        if region:
            found[region].add(name)
    return found


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
