"""Articles per campaign theme."""
from __future__ import annotations

from .common import ALL_TIME, EVERYTHING, Scope, Selection, rows

TOP = 10


def topic_stats(store, selection: Selection = ALL_TIME) -> list[dict]:
    """Per theme found in some article of the selection: documents, originals, copies
    (summed from the per day, outlet and language counts, `daily_topics`)."""
    condition, args = selection.on_sums()
    found = rows(store, "SELECT topic, SUM(articles), SUM(articles) - SUM(copies), SUM(copies) FROM daily_topics "
                        f"WHERE {condition} GROUP BY topic HAVING SUM(articles) > 0 ORDER BY 3 DESC, 2 DESC, topic",
                 args)
    return [dict(zip(("topic", "articles", "originals", "copies"), row)) for row in found]


def themes_in(store, scope: Scope, limit: int = TOP) -> list[dict]:
    """Themes by the articles of `scope` on them."""
    found = rows(store, "SELECT t.topic, COUNT(*) FROM document_topics t JOIN documents d ON d.id = t.document_id "
                        f"WHERE {scope.where()} GROUP BY t.topic ORDER BY 2 DESC, 1 LIMIT ?", (*scope.args, limit))
    return [{"topic": topic, "articles": count} for topic, count in found]


def themes_per_date(store, selection: Selection = ALL_TIME) -> list[tuple]:
    """(theme, published or None, original articles of the selection) for every theme
    and date, from the articles per theme, day and outlet (`daily_topics`)."""
    condition, args = selection.on_sums()
    return [(topic, published or None, articles) for topic, published, articles in rows(
        store, f"SELECT topic, published, SUM(articles - copies) FROM daily_topics WHERE {condition} "
               "GROUP BY topic, published HAVING SUM(articles - copies) > 0", args)]
