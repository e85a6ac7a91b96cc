"""Outlets: articles per outlet, their first and last appearance, themes, the people
they quote, and reprints (copies other outlets made of their articles)."""
from __future__ import annotations

from collections import defaultdict

from .common import ALL_TIME, EVERYTHING, Scope, Selection, ratio, rows

TOP_THEMES = 5
TOP_SPEAKERS = 10
TOP = 10


def outlet_counts(store, scope: Scope = EVERYTHING) -> list[dict]:
    """Per outlet (None: not known), most articles first: articles, originals, copies,
    and the first and last publication dates (all its articles, copies included)."""
    every = scope.with_copies()
    found = [{"outlet": outlet, "articles": articles, "originals": articles - copies, "copies": copies,
              "first_date": first, "last_date": last}
             for outlet, articles, copies, first, last in rows(
                 store, "SELECT d.outlet, COUNT(*), COUNT(d.duplicate_of), MIN(d.published), MAX(d.published) "
                        f"FROM documents d WHERE {every.where()} GROUP BY d.outlet", every.args)]
    return sorted(found, key=lambda row: (-row["articles"], row["outlet"] is None, row["outlet"] or ""))


def outlets_over(store, selection: Selection = ALL_TIME) -> list[dict]:
    """`outlet_counts` of a period and outlet set, summed from the per day and outlet
    counts (`daily_documents`) instead of the articles."""
    condition, args = selection.on_sums()
    found = [{"outlet": outlet or None, "articles": articles, "originals": articles - copies, "copies": copies,
              "first_date": first, "last_date": last}
             for outlet, articles, copies, first, last in rows(
                 store, "SELECT outlet, SUM(articles), SUM(copies), MIN(NULLIF(published, '')), "
                        f"MAX(NULLIF(published, '')) FROM daily_documents WHERE {condition} GROUP BY outlet "
                        "HAVING SUM(articles) > 0", args)]
    return sorted(found, key=lambda row: (-row["articles"], row["outlet"] is None, row["outlet"] or ""))


def outlet_table(store, labels: dict[str, str] | None = None, scope: Scope = EVERYTHING) -> list[dict]:
    """The counts of each outlet with the share of copies, how many of its originals
    others reprinted, its top themes and the people it quotes: every field the
    dashboard, the report and `sholu outlets` show. Themes and speakers count all it
    published, copies included: an outlet that only reprints still chose what to reprint."""
    themes, speakers = themes_per_outlet(store, labels or {}, scope), speakers_per_outlet(store, scope)
    reprinted = reprinted_elsewhere(store, scope)
    return [{**row, "reprint_share": ratio(row["copies"], row["articles"]),
             "originals_reprinted_elsewhere": reprinted.get(row["outlet"], 0),
             "top_themes": themes.get(row["outlet"], []),
             "people_quoted": len(speakers.get(row["outlet"], [])),
             "speakers": speakers.get(row["outlet"], [])[:TOP_SPEAKERS]}
            for row in outlet_counts(store, scope)]


def themes_per_outlet(store, labels: dict[str, str], scope: Scope = EVERYTHING) -> dict[str | None, list[dict]]:
    """The TOP_THEMES themes of each outlet's articles, copies included."""
    by_outlet: dict[str | None, list[dict]] = defaultdict(list)
    every = scope.with_copies()
    found = rows(store, "SELECT d.outlet, dt.topic, COUNT(*) FROM document_topics dt "
                        f"JOIN documents d ON d.id = dt.document_id WHERE {every.where()} "
                        "GROUP BY d.outlet, dt.topic", every.args)
    for outlet, topic, articles in sorted(found, key=lambda row: (-row[2], row[1])):
        if len(by_outlet[outlet]) < TOP_THEMES:
            by_outlet[outlet].append({"topic": topic, "label": labels.get(topic, topic), "articles": articles})
    return by_outlet


def speakers_per_outlet(store, scope: Scope = EVERYTHING) -> dict[str | None, list[str]]:
    """Distinct named speakers per outlet, the most quoted first."""
    every = scope.with_copies()
    found = rows(store, "SELECT d.outlet, e.name, COUNT(*) FROM quotes q "
                        "JOIN documents d ON d.id = q.document_id JOIN entities e ON e.entity_id = q.speaker_entity_id "
                        f"WHERE {every.where()} GROUP BY d.outlet, q.speaker_entity_id, e.name", every.args)
    by_outlet: dict[str | None, list[str]] = defaultdict(list)
    for outlet, name, _ in sorted(found, key=lambda row: (-row[2], row[1])):
        by_outlet[outlet].append(name)
    return by_outlet


def reprinted_elsewhere(store, scope: Scope = EVERYTHING) -> dict[str | None, int]:
    """How many of each outlet's originals (those in `scope`) another outlet copied."""
    return dict(rows(store, "SELECT d.outlet, COUNT(DISTINCT d.id) FROM documents c "
                            "JOIN documents d ON d.id = c.duplicate_of "
                            f"WHERE (d.outlet IS NULL OR c.outlet IS NULL OR c.outlet <> d.outlet) AND {scope.where()} "
                            "GROUP BY d.outlet", scope.args))


def outlets_covering(store, scope: Scope, limit: int = TOP) -> list[dict]:
    """Outlets by the articles of `scope` they published."""
    found = rows(store, f"SELECT COALESCE(d.outlet, '—'), COUNT(*) FROM documents d WHERE {scope.where()} "
                        "GROUP BY COALESCE(d.outlet, '—') ORDER BY 2 DESC, 1 LIMIT ?", (*scope.args, limit))
    return [{"outlet": outlet, "articles": count} for outlet, count in found]


def copied_pairs(store, scope: Scope = EVERYTHING) -> list[tuple]:
    """(copy: id, outlet, published, title, opening; its original: the same), in the
    order the copies were stored: what reprint groups are made of; only the copies
    in `scope`."""
    every = scope.with_copies()
    return rows(store, "SELECT d.id, d.outlet, d.published, d.title, SUBSTR(d.text, 1, 120), "
                       "o.id, o.outlet, o.published, o.title, SUBSTR(o.text, 1, 120) "
                       f"FROM documents d JOIN documents o ON o.id = d.duplicate_of WHERE {every.where()} "
                       "ORDER BY d.seq", every.args)


def outlet_names(store) -> list[str]:
    """Every outlet some stored article names."""
    return [name for (name,) in rows(store, "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL")]
