"""What each read endpoint asks the store: plain functions of a store, run on the
request's store thread (see session.py), returning what the schemas describe."""
from __future__ import annotations

from dataclasses import dataclass

from ..cli import first_words, match_person
from ..store.search import parse_query, snippet
from ..topics.taxonomy import themes


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


@dataclass(frozen=True)
class Facets:
    """The filters shared by the document list and search; `person` is a name in any
    case form, a surname, or an entity id."""
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    theme: str | None = None
    event: str | None = None
    with_copies: bool = False


def person_ids(store, name_or_id: str) -> list[str]:
    entity = store.entity(name_or_id)
    if entity and entity["kind"] == "person":
        return [entity["entity_id"]]
    return [entity_id for entity_id, _ in match_person(store.person_entities(), name_or_id)]


def store_filters(store, facets: Facets) -> dict:
    """The facets as the store's search filters (a person resolved to entity ids)."""
    filters = {key: getattr(facets, key) for key in
               ("outlet", "date_from", "date_to", "theme", "event", "with_copies")}
    filters["person_ids"] = person_ids(store, facets.person) if facets.person else None
    return filters


def page_of(rows: list, total: int) -> dict:
    return {"items": rows, "count": total}


def sliced(rows: list, paging: Paging) -> list:
    """The page out of the first offset+limit rows, for store lists that take only a limit."""
    return rows[paging.offset:paging.offset + paging.limit]


def documents(store, facets: Facets, q: str | None, paging: Paging) -> dict:
    match = parse_query(q) if q else None
    rows, total = store.list_documents(store_filters(store, facets), paging.limit, paging.offset, match)
    return page_of(rows, total)


def document(store, doc_id: str) -> dict | None:
    doc = store.document(doc_id)
    return doc.to_record() if doc else None


def search(store, q: str, facets: Facets, paging: Paging, marks: tuple[str, str] = ("[", "]")) -> dict:
    query = parse_query(q)
    hits, total = store.search(query, store_filters(store, facets), paging.limit, paging.offset)
    return page_of([search_hit(hit, query.lemmas, marks) for hit in hits], total)


def search_hit(hit: dict, lemmas: set[str], marks: tuple[str, str] = ("[", "]")) -> dict:
    text = hit.pop("text")
    return {**hit, "title": hit["title"] or first_words(text), "snippet": snippet(text, lemmas, marks=marks),
            "score": -hit["score"]}     # bm25 is lower-is-better; clients expect the opposite


def persons(store, paging: Paging) -> dict:
    rows = store.top_persons(paging.limit, paging.offset)
    return page_of(rows, store.count_entities("person"))


def person_profile(store, entity_id: str) -> dict | None:
    entity = store.entity(entity_id)
    if entity is None or entity["kind"] != "person":
        return None
    return store.person_profile(entity_id)


def organizations(store, paging: Paging) -> dict:
    rows = store.top_organizations(paging.limit, paging.offset)
    return page_of(rows, store.count_entities("organization"))


def quotes(store, speaker: str | None, topic: str | None, paging: Paging) -> dict:
    speaker_ids = person_ids(store, speaker) if speaker else None
    if speaker_ids == []:
        return page_of([], 0)       # nobody by that name: no quotes, not every quote
    rows = store.list_quotes(speaker_ids, topic, paging.offset + paging.limit)
    return page_of(sliced(rows, paging), store.count_quotes(speaker_ids, topic))


def events(store, paging: Paging) -> dict:
    rows = store.list_events(paging.limit, paging.offset)
    return page_of(rows, store.count_events())


def outlets(store, paging: Paging) -> dict:
    rows = store.outlet_stats()
    return page_of(sliced(rows, paging), len(rows))


def topics(store, paging: Paging) -> dict:
    """Every theme of the taxonomy, with its labels, and any stored theme the current
    taxonomy no longer has; themes no article has count zero."""
    counted = {row["topic"]: row for row in store.topic_stats()}
    rows = [{**zero_counts(theme.id), **counted.pop(theme.id, {}),
             "label_ru": theme.label_ru, "label_en": theme.label_en} for theme in themes()]
    rows += [{**row, "label_ru": None, "label_en": None} for row in counted.values()]
    rows.sort(key=lambda row: (-row["originals"], -row["articles"], row["topic"]))
    return page_of(sliced(rows, paging), len(rows))


def zero_counts(topic: str) -> dict:
    return {"topic": topic, "articles": 0, "originals": 0, "copies": 0}
