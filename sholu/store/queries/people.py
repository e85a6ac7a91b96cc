"""People, organisations and places: lookups, profiles, and the one definition of
articles per entity, the number of original articles naming it (copies not counted),
read from `entity_stats`, which every write keeps exact (see store/base.py)."""
from __future__ import annotations

from .common import ALL_TIME, EVERYTHING, Scope, Selection, marks, one, rows
from .quotes import quotes_of

PROFILE_LIMIT = 100          # rows of each list in a person's profile
CO_MENTION_WINDOW = 1000     # latest articles of a person over which co-mentions count
TOP = 10


# -- articles per entity -------------------------------------------------------------------

def top_entities(store, kind: str, limit: int, offset: int = 0, selection: Selection = ALL_TIME) -> list[dict]:
    """Entities of `kind` by original articles naming them, then mentions, then name;
    within a period and outlet set when one is chosen (counted from the mentions,
    since `entity_stats` holds the whole corpus)."""
    if not selection.everything:
        return entities_over(store, selection, kind, limit, offset)
    found = rows(store, "SELECT s.entity_id, e.name, s.articles, s.mentions FROM entity_stats s "
                        "JOIN entities e ON e.entity_id = s.entity_id WHERE s.kind = ? AND s.articles > 0 "
                        "ORDER BY s.articles DESC, s.mentions DESC, e.name LIMIT ? OFFSET ?",
                 (kind, limit, offset))
    tones = tone_totals(store, [row[0] for row in found])
    return [{"entity_id": e, "name": n, "articles": a, "mentions": m, "tone": tones.get(e)}
            for e, n, a, m in found]


def tone_totals(store, ids: list[str]) -> dict[str, dict]:
    """Each entity's mentions by tone over original articles, and the net tone
    ((positive - negative) / mentions read); none for an entity no article has toned
    (kept per entity: `entity_tones`, store/aggregates.py)."""
    found = rows(store, "SELECT entity_id, positive, neutral, negative FROM entity_tones "
                        f"WHERE entity_id IN ({marks(ids)})", ids) if ids else []
    return {e: tone_summary(pos, neu, neg) for e, pos, neu, neg in found}


def tone_summary(positive: int, neutral: int, negative: int) -> dict:
    read = positive + neutral + negative
    net = round((positive - negative) / read, 3) if read else 0.0
    return {"positive": positive, "neutral": neutral, "negative": negative, "net": net}


def count_entities(store, kind: str, selection: Selection = ALL_TIME) -> int:
    """Entities of this kind named by original articles: the length of a top list."""
    return over_kind(store, kind, selection, "COUNT(DISTINCT entity_id)",
                     "SELECT COUNT(*) FROM entity_stats WHERE kind = ? AND articles > 0")


def all_mentions(store, kind: str, selection: Selection = ALL_TIME) -> int:
    """Mentions of every entity of `kind` in original articles (of the selection)."""
    return over_kind(store, kind, selection, "COALESCE(SUM(mentions), 0)",
                     "SELECT COALESCE(SUM(mentions), 0) FROM entity_stats WHERE kind = ?")


def over_kind(store, kind: str, selection: Selection, of_sums: str, of_stats: str) -> int:
    """`of_sums` over the selection's per day and outlet counts of `kind` in original
    articles (`daily_entities`, or `entity_outlets` with no period); for the whole
    corpus, `of_stats` read from entity_stats (all kept exact)."""
    if selection.everything:
        return one(store, of_stats, (kind,))
    condition, args = selection.on_sums()
    sums = selection.sums("daily_entities", "entity_outlets")
    return one(store, f"SELECT {of_sums} FROM {sums} WHERE kind = ? AND {condition} AND articles > 0",
               (kind, *args))


def entity_counts(store, entity_id: str) -> dict:
    """One entity's original articles and mentions, and the quotes it is the speaker of."""
    found = rows(store, "SELECT articles, mentions FROM entity_stats WHERE entity_id = ?", (entity_id,))
    articles, mentions = found[0] if found else (0, 0)
    return {"articles": articles, "mentions": mentions, "quotes": quotes_of(store, [entity_id]).get(entity_id, 0)}


def top_persons(store, limit: int, offset: int = 0, selection: Selection = ALL_TIME) -> list[dict]:
    """People by original articles naming them, with their latest positions."""
    found = top_entities(store, "person", limit, offset, selection)
    positions = latest_positions(store, [row["entity_id"] for row in found])
    return [{**row, "positions": positions.get(row["entity_id"], [])} for row in found]


def entities_in(store, scope: Scope, kind: str, limit: int = TOP, offset: int = 0) -> list[dict]:
    """Entities of `kind` by the articles of `scope` naming them."""
    found = rows(store, "SELECT em.entity_id, MIN(em.name), COUNT(*), SUM(em.mentions) FROM entity_mentions em "
                        "JOIN documents d ON d.id = em.document_id "
                        f"WHERE em.kind = ? AND {scope.where()} "
                        "GROUP BY em.entity_id ORDER BY 3 DESC, 4 DESC, 2 LIMIT ? OFFSET ?",
                 (kind, *scope.args, limit, offset))
    return [{"entity_id": e, "name": n, "articles": a, "mentions": m} for e, n, a, m in found]


def entities_over(store, selection: Selection, kind: str, limit: int = TOP, offset: int = 0) -> list[dict]:
    """Entities of `kind` by the original articles of a period and outlet set naming
    them, summed from the per day and outlet counts (`daily_entities`; with no period,
    `entity_outlets`, every day together)."""
    condition, args = selection.on_sums()
    sums = selection.sums("daily_entities", "entity_outlets")
    found = rows(store, f"SELECT a.entity_id, e.name, SUM(a.articles), SUM(a.mentions) FROM {sums} a "
                        f"JOIN entities e ON e.entity_id = a.entity_id WHERE a.kind = ? AND {condition} "
                        "GROUP BY a.entity_id, e.name ORDER BY 3 DESC, 4 DESC, 2 LIMIT ? OFFSET ?",
                 (kind, *args, limit, offset))
    return [{"entity_id": e, "name": n, "articles": a, "mentions": m} for e, n, a, m in found]


def mentions_by(store, ids: list[str], column: str, scope: Scope = EVERYTHING) -> list[tuple]:
    """(entity_id, `column` of the article, articles, mentions) over original articles."""
    return rows(store, f"SELECT em.entity_id, {column}, COUNT(*), SUM(em.mentions) "
                       "FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
                       f"WHERE em.entity_id IN ({marks(ids)}) AND {scope.where()} "
                       f"GROUP BY em.entity_id, {column}", (*ids, *scope.args))


def pairs_named_together(store, limit: int, scope: Scope = EVERYTHING) -> list[tuple]:
    """(id, name, id, name, original articles) of people named in the same articles."""
    return rows(store, "SELECT a.entity_id, ea.name, b.entity_id, eb.name, COUNT(*) FROM entity_mentions a "
                       "JOIN entity_mentions b ON b.document_id = a.document_id AND a.entity_id < b.entity_id "
                       "JOIN documents d ON d.id = a.document_id "
                       "JOIN entities ea ON ea.entity_id = a.entity_id JOIN entities eb ON eb.entity_id = b.entity_id "
                       f"WHERE a.kind = 'person' AND b.kind = 'person' AND {scope.where()} "
                       "GROUP BY a.entity_id, ea.name, b.entity_id, eb.name "
                       "ORDER BY COUNT(*) DESC, ea.name, eb.name LIMIT ?", (*scope.args, limit))


# -- lookups ---------------------------------------------------------------------------------

def entity(store, entity_id: str) -> dict | None:
    found = rows(store, "SELECT entity_id, kind, name FROM entities WHERE entity_id=?", (entity_id,))
    return dict(zip(("entity_id", "kind", "name"), found[0])) if found else None


def person_entities(store) -> list[tuple[str, str]]:
    return rows(store, "SELECT entity_id, name FROM entities WHERE kind='person'")


def persons_named(store, names: list[str]) -> dict[str, str]:
    """name -> entity id for the people among `names` that the store knows."""
    return dict(rows(store, f"SELECT name, MIN(entity_id) FROM entities WHERE kind = 'person' "
                            f"AND name IN ({marks(names)}) GROUP BY name", names))


def spellings(store, ids: set[str]) -> dict[str, set[str]]:
    """Every name each entity was stored under (an article's spelling may differ)."""
    ids = sorted(ids)
    found: dict[str, set[str]] = {}
    for entity_id, name in rows(store, f"SELECT entity_id, name FROM entity_mentions WHERE entity_id IN "
                                       f"({marks(ids)}) UNION SELECT entity_id, name FROM entities "
                                       f"WHERE entity_id IN ({marks(ids)})", ids + ids):
        found.setdefault(entity_id, set()).add(name)
    return found


# -- a person's profile -------------------------------------------------------------------------

def latest_positions(store, ids: list[str]) -> dict[str, list[str]]:
    """Each person's positions, the latest stated first, then the most often, then by
    name (from the per day counts): one statement for a page of people, not one each."""
    found = rows(store, "SELECT entity_id, position, MAX(published), SUM(reports) FROM position_days "
                        f"WHERE entity_id IN ({marks(ids)}) GROUP BY entity_id, position", ids)
    positions: dict[str, list[str]] = {}
    ordered = sorted(found, key=lambda row: (-row[3], row[1]))
    ordered.sort(key=lambda row: row[2], reverse=True)      # stable: ties keep the order above
    for entity_id, position, *_ in ordered:
        positions.setdefault(entity_id, []).append(position)
    return positions


def positions_over_time(store, entity_id: str) -> list[dict]:
    """Each stated position with the first and last dates it was stated and how often."""
    found = rows(store, "SELECT position, MIN(published), MAX(published), COUNT(DISTINCT document_id) "
                        "FROM positions WHERE entity_id = ? GROUP BY position "
                        "ORDER BY MIN(COALESCE(published, '9999')), 1", (entity_id,))
    return [{"position": p, "first": f, "last": l, "articles": n} for p, f, l, n in found]


def person_profile(store, entity_id: str, limit: int = PROFILE_LIMIT) -> dict:
    """Positions as stated over time, articles and the people most often named with
    them; each list the latest `limit` rows, with the totals."""
    positions = rows(store, "SELECT position, published, document_id FROM positions WHERE entity_id=? "
                            "ORDER BY COALESCE(published, '') DESC, position LIMIT ?", (entity_id, limit))
    named = one(store, "SELECT COUNT(*) FROM entity_mentions WHERE entity_id=?", (entity_id,))
    return {"entity_id": entity_id, "name": entity(store, entity_id)["name"],
            "positions": [{"position": p, "published": d, "document_id": i} for p, d, i in reversed(positions)],
            "articles": person_articles(store, entity_id, limit),
            "articles_total": named,
            "co_mentioned": co_mentioned(store, entity_id)}


def person_articles(store, entity_id: str, limit: int) -> list[dict]:
    """The latest `limit` articles naming the person, copies included, oldest first
    (found down the key of person_article_order, store/aggregates.py)."""
    found = rows(store, "SELECT d.id, d.published, d.outlet, d.title, d.duplicate_of, em.mentions, "
                        "substr(d.text, 1, 80) FROM (SELECT document_id, published, seq FROM person_article_order "
                        "WHERE entity_id = ? ORDER BY published DESC, seq DESC LIMIT ?) o "
                        "JOIN documents d ON d.id = o.document_id "
                        "JOIN entity_mentions em ON em.document_id = o.document_id AND em.entity_id = ? "
                        "ORDER BY o.published DESC, o.seq DESC", (entity_id, limit, entity_id))
    keys = ("id", "published", "outlet", "title", "duplicate_of", "mentions", "first_words")
    return [dict(zip(keys, row)) for row in reversed(found)]


def co_mentioned(store, entity_id: str, window: int = CO_MENTION_WINDOW, limit: int = 50) -> list[dict]:
    """People named in the same original articles, over the person's latest `window`."""
    latest = ("SELECT document_id FROM person_article_order WHERE entity_id = ? AND original = 1 "
              "ORDER BY published DESC, seq DESC LIMIT ?")     # down its key (store/aggregates.py)
    person = "other.kind = 'person' AND other.entity_id <> ?"     # one row per article and person
    if store.planner_estimates:
        # PostgreSQL's planner prices a thousand lookups by article over reading every
        # person's mention (0.1 against 0.5 s at 100k articles): each article's people
        # are read in turn (a LATERAL subquery, kept apart by OFFSET 0)
        found = rows(store, f"SELECT other.entity_id, other.name, COUNT(*) FROM ({latest}) l CROSS JOIN LATERAL "
                            "(SELECT entity_id, name FROM entity_mentions other WHERE other.document_id = l.document_id "
                            f"AND {person} OFFSET 0) other GROUP BY other.entity_id, other.name ORDER BY 3 DESC, 2 LIMIT ?",
                     (entity_id, window, entity_id, limit))
    else:
        found = rows(store, f"SELECT other.entity_id, other.name, COUNT(*) FROM entity_mentions other "
                            f"WHERE {person} AND other.document_id IN ({latest}) GROUP BY other.entity_id, other.name "
                            "ORDER BY 3 DESC, 2 LIMIT ?", (entity_id, entity_id, window, limit))
    return [{"entity_id": e, "name": n, "articles": c} for e, n, c in found]
