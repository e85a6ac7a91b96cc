"""Dates into periods. Done in Python from the stored YYYY-MM-DD strings so that the SQL
stays portable (SQLite and PostgreSQL name their date functions differently)."""
from __future__ import annotations

from datetime import date, timedelta

PERIODS = ("day", "week")


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: expected one of {', '.join(PERIODS)}")
    return by


def parse_day(published: str | None) -> date | None:
    """The date of a stored `published` value; None when absent or malformed."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def period_of(published: str | None, by: str) -> str | None:
    """'2026-02-27' for a day, '2026-W09' for its ISO week; None for an undated article."""
    day = parse_day(published)
    if day is None:
        return None
    if by == "day":
        return day.isoformat()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def period_sort_key(period: str | None) -> tuple[int, str]:
    """Dated periods in order, the undated bucket last."""
    return (1, "") if period is None else (0, period)


def all_periods(first: str, last: str, by: str) -> list[str]:
    """Every period label from `first` to `last` (labels as `period_of` makes them),
    so that a chart shows quiet days or weeks as zeros."""
    start, end = parse_day(first_day(first, by)), parse_day(first_day(last, by))
    step = timedelta(days=1 if by == "day" else 7)
    periods = []
    while start is not None and end is not None and start <= end:
        periods.append(period_of(start.isoformat(), by))
        start += step
    return periods


def first_day(period: str, by: str) -> str:
    """The first day of a period label made by `period_of`."""
    if by == "day":
        return period
    year, week = period.split("-W")
    return date.fromisocalendar(int(year), int(week), 1).isoformat()


def best_period(first: str | None, last: str | None) -> str:
    """Days for a campaign of a few weeks, weeks for anything longer."""
    start, end = parse_day(first), parse_day(last)
    if start and end and (end - start).days > 60:
        return "week"
    return "day"
