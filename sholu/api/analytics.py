"""The analytics of `sholu.analytics` as read endpoints under /api/analytics/. Their
shapes are that package's (plain dicts and lists), so no response models here."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from .. import analytics
from ..services.session import Session

router = APIRouter(prefix="/api/analytics", tags=["analytics"])

Period = Annotated[Literal["day", "week"], Query(description="Bucket dates by day or ISO week.")]


@router.get("/summary")
async def summary(session: Session) -> dict[str, Any]:
    """Documents, originals, copies, outlets, the date range and how much was extracted."""
    return await session.run(analytics.summary)


@router.get("/timeline")
async def timeline(session: Session, by: Period = "day") -> list[dict[str, Any]]:
    """Original articles and copies per period; undated ones last."""
    return await session.run(analytics.timeline, by=by)


@router.get("/themes")
async def themes_over_time(session: Session, by: Period = "day") -> list[dict[str, Any]]:
    """Per theme: original articles and their series over time."""
    return await session.run(analytics.themes_over_time, by=by)


@router.get("/regions")
async def regions_over_time(session: Session, by: Period = "day") -> list[dict[str, Any]]:
    """Per region of Kazakhstan: original articles naming a place in it, over time."""
    return await session.run(analytics.regions_over_time, by=by)


@router.get("/share-of-voice")
async def share_of_voice(
    session: Session,
    kind: Annotated[Literal["person", "organization"], Query()] = "person",
    by: Annotated[Literal["total", "outlet", "day", "week"], Query(description="Breakdown.")] = "total",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    """The most named people or organisations, their share of mentions, (people) quotes, and tone."""
    return await session.run(analytics.share_of_voice, kind=kind, by=by, limit=limit)


@router.get("/co-occurrence")
async def co_occurrence(session: Session,
                        limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
    """Pairs of people named together, with the events listing both."""
    return await session.run(analytics.co_occurrence, limit=limit)


@router.get("/outlets")
async def outlets(session: Session) -> list[dict[str, Any]]:
    """Per outlet: articles, copies, reprints elsewhere, themes and speakers."""
    return await session.run(analytics.outlets)


@router.get("/reprints")
async def reprints(session: Session) -> list[dict[str, Any]]:
    """Groups of near-identical articles with where the text appeared first."""
    return await session.run(analytics.reprints)
