"""Coverage over time: the corpus as a whole, articles per period, themes and regions."""
from __future__ import annotations

from collections import defaultdict

from ..store.queries import documents, regions, themes
from ..store.queries.common import ALL_TIME, Selection
from ..store.queries.periods import check_period, period_of, period_sort_key
from .common import theme_labels


def summary(store, selection: Selection = ALL_TIME) -> dict:
    """Documents, originals, copies, outlets (all, and those with originals), the date
    range of all documents and how much was extracted."""
    return documents.summary(store, selection)


def timeline(store, by: str = "day", selection: Selection = ALL_TIME) -> list[dict]:
    """Original articles and copies per day or ISO week ('2026-W09'); period None
    holds the undated ones, listed last."""
    check_period(by)
    cells: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
    for published, articles, copies in documents.articles_per_day(store, selection):
        cell = cells[period_of(published, by)]
        cell[0] += articles - copies
        cell[1] += copies
    return [{"period": period, "articles": cells[period][0], "copies": cells[period][1]}
            for period in sorted(cells, key=period_sort_key)]


def themes_over_time(store, by: str = "day", selection: Selection = ALL_TIME) -> list[dict]:
    """Per theme: its Russian label, original articles on it, and a series of
    {period, articles}; the most covered theme first."""
    check_period(by)
    labels = theme_labels()
    series: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    for topic, published, articles in themes.themes_per_date(store, selection):
        series[topic][period_of(published, by)] += articles
    rows = [{"topic": topic, "label": labels.get(topic, topic), "articles": sum(counts.values()),
             "series": [{"period": period, "articles": count}
                        for period, count in sorted(counts.items(), key=lambda i: period_sort_key(i[0]))]}
            for topic, counts in series.items()]
    return sorted(rows, key=lambda row: (-row["articles"], row["topic"]))


def regions_over_time(store, by: str = "day", selection: Selection = ALL_TIME) -> list[dict]:
    """Per region of Kazakhstan: original articles naming a place in it (an article
    counts once per region), the places named, and a series of {period, articles}."""
    return regions.regions(store, by, selection)
