"""Read endpoints: open to anyone who can reach the server."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from ..services import reads as queries
from ..services.facets import Facets
from ..services.reads import Paging
from ..services.selection import Asked
from .schemas import (DocumentRecord, DocumentsPublic, EventsPublic, OrganizationsPublic,
                      OutletsPublic, PersonProfile, PersonsPublic, QuotesPublic, SearchHitsPublic,
                      TopicsPublic)
from ..services.session import Session

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000_000     # past it the databases' integers overflow: a 422, never a 500

router = APIRouter(prefix="/api")


def paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 20,
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0) -> Paging:
    return Paging(limit, offset)


Language = Annotated[str | None, Query(pattern="^[A-Za-z]{2,3}$",
                                      description="The articles' language, ISO 639-1: ru, kk, …")]


def facets(
    outlet: Annotated[str | None, Query(description="Outlet, e.g. Kazpravda.kz (any case).")] = None,
    date_from: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    person: Annotated[str | None, Query(description="Naming this person: any case form, "
                                                    "a surname or an entity id.")] = None,
    theme: Annotated[str | None, Query(description="On this theme, e.g. labour_rights.")] = None,
    event: Annotated[str | None, Query(description="Reporting an event of this type or key.")] = None,
    outlets: Annotated[str | None, Query(description="Outlets and outlet groups, comma-separated.")] = None,
    language: Language = None,
) -> Facets:
    return Facets(outlet=outlet, date_from=date_from and date_from.isoformat(),
                  date_to=date_to and date_to.isoformat(), person=person, theme=theme, event=event,
                  outlets=outlets, language=language)


def period_and_outlets(
    date_from: Annotated[date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    outlets: Annotated[str | None, Query(description="Outlets and outlet groups of the groups file, "
                                                     "comma-separated, e.g. 'state media,BAQ.KZ'.")] = None,
    language: Language = None,
) -> Asked:
    return Asked(date_from and date_from.isoformat(), date_to and date_to.isoformat(), outlets, language)


Pages = Annotated[Paging, Depends(paging)]
Filters = Annotated[Facets, Depends(facets)]
Chosen = Annotated[Asked, Depends(period_and_outlets)]


def found(item: dict | None, what: str) -> dict:
    if item is None:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return item


@router.get("/documents", response_model=DocumentsPublic, tags=["documents"])
async def list_documents(
    session: Session, filters: Filters, pages: Pages,
    q: Annotated[str | None, Query(description="Full-text query (see /api/search); "
                                               "the order stays newest first.")] = None,
    with_copies: Annotated[bool, Query(description="Include reprints.")] = True,
):
    """Stored documents, newest first (undated last)."""
    return await session.run(queries.documents, replace(filters, with_copies=with_copies), q, pages)


@router.get("/documents/{doc_id}", response_model=DocumentRecord, tags=["documents"],
            responses={404: {"description": "No document with this id."}})
async def get_document(session: Session, doc_id: str):
    """One document as its export record: entities, quotes, events, topics and the rest."""
    return found(await session.run(queries.document, doc_id), "document")


@router.get("/search", response_model=SearchHitsPublic, tags=["documents"],
            responses={400: {"description": "The query cannot be searched; the detail says why."}})
async def search(
    session: Session, filters: Filters, pages: Pages,
    q: Annotated[str, Query(min_length=1, description='Words (all must occur), "a phrase", '
                                                      "a OR b, -excluded, prefix*; any word form.")],
    with_copies: Annotated[bool, Query(description="Include reprints.")] = False,
):
    """Full-text search on lemmas, best match first."""
    return await session.run(queries.search, q, replace(filters, with_copies=with_copies), pages)


@router.get("/persons", response_model=PersonsPublic, tags=["people"])
async def list_persons(session: Session, pages: Pages, chosen: Chosen):
    """People by the number of original articles naming them (in the period and outlets)."""
    return await session.run(queries.persons, pages, chosen)


@router.get("/persons/{entity_id}", response_model=PersonProfile, tags=["people"],
            responses={404: {"description": "No person with this entity id."}})
async def get_person(session: Session, entity_id: str):
    """A person's positions with the dates they were stated, articles, and the people
    named with them."""
    return found(await session.run(queries.person_profile, entity_id), "person")


@router.get("/organizations", response_model=OrganizationsPublic, tags=["people"])
async def list_organizations(session: Session, pages: Pages, chosen: Chosen):
    """Organisations by the number of original articles naming them (in the period and outlets)."""
    return await session.run(queries.organizations, pages, chosen)


@router.get("/quotes", response_model=QuotesPublic, tags=["quotes and events"])
async def list_quotes(
    session: Session, pages: Pages, chosen: Chosen,
    speaker: Annotated[str | None, Query(description="Any case form, a surname or an entity id.")] = None,
    topic: Annotated[str | None, Query(description="A theme, e.g. digital_rights.")] = None,
    words: Annotated[str | None, Query(description="Words the quote contains.")] = None,
    tone: Annotated[int | None, Query(ge=-1, le=1, description="The quote's tone: -1, 0 or 1.")] = None,
):
    """Who said what, newest first; `times_said` counts the articles repeating a line."""
    return await session.run(queries.quotes, speaker, topic, pages, words, tone, chosen)


@router.get("/events", response_model=EventsPublic, tags=["quotes and events"])
async def list_events(session: Session, pages: Pages, chosen: Chosen):
    """Events, newest first, reports of one event in several outlets grouped; those
    reported in the period and outlets when given."""
    return await session.run(queries.events, pages, chosen)


@router.get("/outlets", response_model=OutletsPublic, tags=["outlets and themes"])
async def list_outlets(session: Session, pages: Pages, chosen: Chosen):
    """Per outlet: articles, originals, copies, first and last publication date."""
    return await session.run(queries.outlets, pages, chosen)


@router.get("/topics", response_model=TopicsPublic, tags=["outlets and themes"])
async def list_topics(session: Session, pages: Pages, chosen: Chosen):
    """Per campaign theme: articles, originals and copies (in the period, outlets and language)."""
    return await session.run(queries.topics, pages, chosen)
