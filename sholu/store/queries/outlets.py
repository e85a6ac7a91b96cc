"""Outlets: articles per outlet, their first and last appearance, themes, the people
they quote, and reprints (copies other outlets made of their articles)."""
from __future__ import annotations

from collections import defaultdict

from .common import Scope, ratio, rows

TOP_THEMES = 5
TOP_SPEAKERS = 10
TOP = 10


def outlet_counts(store) -> list[dict]:
    """Per outlet (None: not known), most articles first: articles, originals, copies,
    and the first and last publication dates (all its articles, copies included)."""
    found = [{"outlet": outlet, "articles": articles, "originals": articles - copies, "copies": copies,
              "first_date": first, "last_date": last}
             for outlet, articles, copies, first, last in rows(
                 store, "SELECT outlet, COUNT(*), COUNT(duplicate_of), MIN(published), MAX(published) "
                        "FROM documents GROUP BY outlet")]
    return sorted(found, key=lambda row: (-row["articles"], row["outlet"] is None, row["outlet"] or ""))


def outlet_table(store, labels: dict[str, str] | None = None) -> list[dict]:
    """The counts of each outlet with the share of copies, how many of its originals
    others reprinted, its top themes and the people it quotes: every field the
    dashboard, the report and `sholu outlets` show. Themes and speakers count all it
    published, copies included: an outlet that only reprints still chose what to reprint."""
    themes, speakers = themes_per_outlet(store, labels or {}), speakers_per_outlet(store)
    reprinted = reprinted_elsewhere(store)
    return [{**row, "reprint_share": ratio(row["copies"], row["articles"]),
             "originals_reprinted_elsewhere": reprinted.get(row["outlet"], 0),
             "top_themes": themes.get(row["outlet"], []),
             "people_quoted": len(speakers.get(row["outlet"], [])),
             "speakers": speakers.get(row["outlet"], [])[:TOP_SPEAKERS]}
            for row in outlet_counts(store)]


def themes_per_outlet(store, labels: dict[str, str]) -> dict[str | None, list[dict]]:
    """The TOP_THEMES themes of each outlet's articles, copies included."""
    by_outlet: dict[str | None, list[dict]] = defaultdict(list)
    found = rows(store, "SELECT d.outlet, dt.topic, COUNT(*) FROM document_topics dt "
                        "JOIN documents d ON d.id = dt.document_id GROUP BY d.outlet, dt.topic")
    for outlet, topic, articles in sorted(found, key=lambda row: (-row[2], row[1])):
        if len(by_outlet[outlet]) < TOP_THEMES:
            by_outlet[outlet].append({"topic": topic, "label": labels.get(topic, topic), "articles": articles})
    return by_outlet


def speakers_per_outlet(store) -> dict[str | None, list[str]]:
    """Distinct named speakers per outlet, the most quoted first."""
    found = rows(store, "SELECT d.outlet, e.name, COUNT(*) FROM quotes q "
                        "JOIN documents d ON d.id = q.document_id JOIN entities e ON e.entity_id = q.speaker_entity_id "
                        "GROUP BY d.outlet, q.speaker_entity_id, e.name")
    by_outlet: dict[str | None, list[str]] = defaultdict(list)
    for outlet, name, _ in sorted(found, key=lambda row: (-row[2], row[1])):
        by_outlet[outlet].append(name)
    return by_outlet


def reprinted_elsewhere(store) -> dict[str | None, int]:
    """How many of each outlet's originals another outlet copied."""
    return dict(rows(store, "SELECT o.outlet, COUNT(DISTINCT o.id) FROM documents c "
                            "JOIN documents o ON o.id = c.duplicate_of "
                            "WHERE o.outlet IS NULL OR c.outlet IS NULL OR c.outlet <> o.outlet GROUP BY o.outlet"))


def outlets_covering(store, scope: Scope, limit: int = TOP) -> list[dict]:
    """Outlets by the articles of `scope` they published."""
    found = rows(store, f"SELECT COALESCE(d.outlet, '—'), COUNT(*) FROM documents d WHERE {scope.where()} "
                        "GROUP BY COALESCE(d.outlet, '—') ORDER BY 2 DESC, 1 LIMIT ?", (*scope.args, limit))
    return [{"outlet": outlet, "articles": count} for outlet, count in found]


def copied_pairs(store) -> list[tuple]:
    """(copy: id, outlet, published, title, opening; its original: the same), in the
    order the copies were stored: what reprint groups are made of."""
    return rows(store, "SELECT c.id, c.outlet, c.published, c.title, SUBSTR(c.text, 1, 120), "
                       "o.id, o.outlet, o.published, o.title, SUBSTR(o.text, 1, 120) "
                       "FROM documents c JOIN documents o ON o.id = c.duplicate_of ORDER BY c.seq")
