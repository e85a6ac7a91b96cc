"""The analytics of `sholu.analytics` as read endpoints under /api/analytics/. Their
shapes are that package's (plain dicts and lists), so no response models here."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from .. import analytics
from ..analytics.shares import TOP_OUTLETS, TOP_SUBJECTS, subject_table
from ..services.session import Session
from .reads import Chosen

router = APIRouter(prefix="/api/analytics", tags=["analytics"])

Period = Annotated[Literal["day", "week"], Query(description="Bucket dates by day or ISO week.")]


async def within(session: Session, chosen: Chosen, work, **kwargs):
    """`work(store, selection=…)`, the period and outlet set resolved on the store's thread."""
    return await session.run(lambda store: work(store, selection=chosen.resolve(store), **kwargs))


@router.get("/summary")
async def summary(session: Session, chosen: Chosen) -> dict[str, Any]:
    """Documents, originals, copies, outlets, the date range and how much was extracted."""
    return await within(session, chosen, analytics.summary)


@router.get("/timeline")
async def timeline(session: Session, chosen: Chosen, by: Period = "day") -> list[dict[str, Any]]:
    """Original articles and copies per period; undated ones last."""
    return await within(session, chosen, analytics.timeline, by=by)


@router.get("/themes")
async def themes_over_time(session: Session, chosen: Chosen, by: Period = "day") -> list[dict[str, Any]]:
    """Per theme: original articles and their series over time."""
    return await within(session, chosen, analytics.themes_over_time, by=by)


@router.get("/shares")
async def shares(
    session: Session, chosen: Chosen,
    kind: Annotated[Literal["person", "organization"], Query()] = "person",
    top_subjects: Annotated[int, Query(ge=1, le=200)] = TOP_SUBJECTS,
    top_outlets: Annotated[int, Query(ge=1, le=200)] = TOP_OUTLETS,
) -> dict[str, Any]:
    """Share of coverage and tone per subject and outlet (OSCE/ODIHR tables): one row per
    subject (the top ones, "others", and the sides of the groups file) and outlet column
    (the top ones, "others", "all"): articles, mentions, headline mentions, sentence
    characters, their shares in the outlet, and positive/neutral/negative mentions."""
    return await within(session, chosen, subject_table, kind=kind, top_subjects=top_subjects,
                        top_outlets=top_outlets)


@router.get("/regions")
async def regions_over_time(session: Session, chosen: Chosen, by: Period = "day") -> list[dict[str, Any]]:
    """Per region of Kazakhstan: original articles naming a place in it, over time."""
    return await within(session, chosen, analytics.regions_over_time, by=by)


@router.get("/share-of-voice")
async def share_of_voice(
    session: Session, chosen: Chosen,
    kind: Annotated[Literal["person", "organization"], Query()] = "person",
    by: Annotated[Literal["total", "outlet", "day", "week"], Query(description="Breakdown.")] = "total",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    """The most named people or organisations, their share of mentions and (people) quotes."""
    return await within(session, chosen, analytics.share_of_voice, kind=kind, by=by, limit=limit)


@router.get("/co-occurrence")
async def co_occurrence(session: Session, chosen: Chosen,
                        limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
    """Pairs of people named together, with the events listing both."""
    return await within(session, chosen, analytics.co_occurrence, limit=limit)


@router.get("/outlets")
async def outlets(session: Session, chosen: Chosen) -> list[dict[str, Any]]:
    """Per outlet: articles, copies, reprints elsewhere, themes and speakers."""
    return await within(session, chosen, analytics.outlets)


@router.get("/reprints")
async def reprints(session: Session, chosen: Chosen) -> list[dict[str, Any]]:
    """Groups of near-identical articles with where the text appeared first."""
    return await within(session, chosen, analytics.reprints)
