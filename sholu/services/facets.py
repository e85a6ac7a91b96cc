"""The filters that search, the document list and the export share (facets), turned
into the store's filters."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from .people import person_ids
from .selection import checked_language, choose


@dataclass(frozen=True)
class Facets:
    """`person` is a name in any case form, a surname, or an entity id."""
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    theme: str | None = None
    event: str | None = None
    with_copies: bool = False
    outlets: str | None = None      # outlet and group names, comma-separated
    language: str | None = None     # the articles' language, ISO 639-1 (ru, kk, …)


def store_filters(store, facets: Facets) -> dict:
    """The facets as the store's search filters (a person resolved to entity ids)."""
    filters = {key: value for key, value in asdict(facets).items() if key not in ("person", "outlets")}
    filters["person_ids"] = person_ids(store, facets.person) if facets.person else None
    filters["outlets"] = list(choose(store, outlets=facets.outlets).outlets) if facets.outlets else None
    filters["language"] = checked_language(facets.language)
    return filters
