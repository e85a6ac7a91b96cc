"""Pages of the store's lists, as the REST API and the dashboard show them: plain
functions of a store returning {"items": [...], "count": total}."""
from __future__ import annotations

from dataclasses import dataclass

from ..store.queries import events as event_queries
from ..store.queries import outlets as outlet_queries
from ..store.queries import people, quotes as quote_queries, search as search_queries, themes
from ..store.queries.documents import document as stored_document
from .facets import Facets, store_filters
from .people import person_ids
from .selection import ASKED_NOTHING, Asked
from .text import first_words


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def page_of(rows: list, total: int) -> dict:
    return {"items": rows, "count": total}


def sliced(rows: list, paging: Paging) -> list:
    """The page out of the first offset+limit rows, for store lists that take only a limit."""
    return rows[paging.offset:paging.offset + paging.limit]


def documents(store, facets: Facets, q: str | None, paging: Paging) -> dict:
    from ..store.search import parse_query

    match = parse_query(q) if q else None
    rows, total = search_queries.list_documents(store, store_filters(store, facets),
                                                paging.limit, paging.offset, match)
    return page_of(rows, total)


def document(store, doc_id: str) -> dict | None:
    doc = stored_document(store, doc_id)
    return doc.to_record() if doc else None


def search(store, q: str, facets: Facets, paging: Paging, marks: tuple[str, str] = ("[", "]")) -> dict:
    from ..store.search import parse_query

    query = parse_query(q)
    hits, total, estimated = search_queries.search(store, query, store_filters(store, facets),
                                                   paging.limit, paging.offset)
    return {**page_of([search_hit(hit, query.lemmas, marks) for hit in hits], total), "count_estimated": estimated}


def search_hit(hit: dict, lemmas: set[str], marks: tuple[str, str] = ("[", "]")) -> dict:
    """A hit with its snippet and a title (its first words when it has none)."""
    from ..store.search import snippet

    text = hit.pop("text")
    return {**hit, "title": hit["title"] or first_words(text), "snippet": snippet(text, lemmas, marks=marks),
            "score": -hit["score"]}     # bm25 is lower-is-better; clients expect the opposite


def persons(store, paging: Paging, asked: Asked = ASKED_NOTHING) -> dict:
    selection = asked.resolve(store)
    return page_of(people.top_persons(store, paging.limit, paging.offset, selection),
                   people.count_entities(store, "person", selection))


def person_profile(store, entity_id: str) -> dict | None:
    entity = people.entity(store, entity_id)
    if entity is None or entity["kind"] != "person":
        return None
    return people.person_profile(store, entity_id)


def organizations(store, paging: Paging, asked: Asked = ASKED_NOTHING) -> dict:
    selection = asked.resolve(store)
    rows = people.top_entities(store, "organization", paging.limit, paging.offset, selection)
    return page_of(rows, people.count_entities(store, "organization", selection))


def quotes(store, speaker: str | None, topic: str | None, paging: Paging, words: str | None = None,
           tone: int | None = None, asked: Asked = ASKED_NOTHING) -> dict:
    """Quotes newest first, narrowed by speaker (any form), theme, words, tone, period
    and outlet set: the quote explorer, the API's list and the CLI's."""
    speaker_ids = person_ids(store, speaker) if speaker else None
    if speaker_ids == []:
        return page_of([], 0)       # nobody by that name: no quotes, not every quote
    search = quote_queries.QuoteSearch(words, tone, asked.resolve(store))
    rows = quote_queries.list_quotes(store, speaker_ids, topic, paging.limit, search, paging.offset)
    total, estimated = quote_queries.counted_or_estimated(store, speaker_ids, topic, search)
    return {**page_of(rows, total), "count_estimated": estimated}


def events(store, paging: Paging, asked: Asked = ASKED_NOTHING) -> dict:
    selection = asked.resolve(store)
    return page_of(event_queries.list_events(store, paging.limit, paging.offset, selection=selection),
                   event_queries.count_events(store, selection))


def outlets(store, paging: Paging, asked: Asked = ASKED_NOTHING) -> dict:
    """Per outlet: articles, originals, copies and the dates of the first and last."""
    selection = asked.resolve(store)
    rows = [{"outlet": row["outlet"], "articles": row["articles"], "originals": row["originals"],
             "copies": row["copies"], "first_published": row["first_date"], "last_published": row["last_date"]}
            for row in outlet_queries.outlets_over(store, selection)]
    return page_of(sliced(rows, paging), len(rows))


def topics(store, paging: Paging, asked: Asked = ASKED_NOTHING) -> dict:
    """Every theme of the taxonomy, with its labels, and any stored theme the current
    taxonomy no longer has; themes no article (of the selection) has count zero."""
    from ..topics.taxonomy import themes as taxonomy

    counted = {row["topic"]: row for row in themes.topic_stats(store, asked.resolve(store))}
    rows = [{**zero_counts(theme.id), **counted.pop(theme.id, {}),
             "label_ru": theme.label_ru, "label_en": theme.label_en} for theme in taxonomy()]
    rows += [{**row, "label_ru": None, "label_en": None} for row in counted.values()]
    rows.sort(key=lambda row: (-row["originals"], -row["articles"], row["topic"]))
    return page_of(sliced(rows, paging), len(rows))


def zero_counts(topic: str) -> dict:
    return {"topic": topic, "articles": 0, "originals": 0, "copies": 0}
