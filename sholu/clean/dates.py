"""Publication dates: the scraper's ` date YYYY-MM-DD ` marker and dates given by a
container (JSONL, CSV, HTML metadata) in the forms newsrooms write them."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..lang import pack_for

DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})")
WORDY = re.compile(r"^(\d{1,2})\s+([а-яёa-z]+)\.?,?\s+(\d{4})", re.IGNORECASE)
ENGLISH_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}


def take_date_marker(text: str) -> tuple[str | None, str]:
    """(date, text without the marker); the marker is the scraper's, not the article's."""
    match = DATE_MARKER.match(text)
    if not match:
        return None, text
    return normalise_date(match.group(1)), text[match.end():]


def normalise_date(value: str | None) -> str | None:
    """YYYY-MM-DD, or None when the value is not a real calendar date."""
    if not value:
        return None
    value = value.strip()
    for pattern, order in ((ISO, "ymd"), (DOTTED, "dmy"), (WORDY, "dmy")):
        match = pattern.match(value)
        if match:
            parts = dict(zip(order, match.groups()))
            return calendar_date(parts["y"], parts["m"], parts["d"])
    return None


def calendar_date(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else month_by_prefix(month.lower()[:3])
    try:
        return date(int(year), month_number or 0, int(day)).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=64)
def month_by_prefix(prefix: str) -> int | None:
    """A month's first three letters: Russian as its pack has them, English as metadata
    writes them."""
    return pack_for("ru").months.get(prefix) or ENGLISH_MONTHS.get(prefix)
