"""Publication dates: the scraper's ` date YYYY-MM-DD ` marker, dates given by a
container (JSONL, CSV, HTML metadata) in the forms newsrooms write them, and full dates
inside a line of the page (`dates_in`) for the page's own statements (see imprint.py)."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..lang import pack_for

DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})")
WORDY = re.compile(r"^(\d{1,2})\s+([а-яёa-z]+)\.?,?\s+(\d{4})", re.IGNORECASE)
# The same forms anywhere in a line, and the Kazakh «2026 жылғы 28 наурыз(дағы)»; each
# pattern's groups in the order its `order` names them.
DATES_IN_LINE = (
    (re.compile(r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"), "ymd"),
    (re.compile(r"(?<![\d.,/])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d.]\d)"), "dmy"),
    (re.compile(r"(?<![\d.,])(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})(?!\d)"), "dmy"),
    (re.compile(r"(?<![\d.,])(\d{4})\s+жыл\w*\s+(\d{1,2})\s+([^\W\d_]+)", re.IGNORECASE), "ydm"),
)
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


def dates_in(line: str) -> list[tuple[str, re.Match]]:
    """Every full calendar date written in the line, (YYYY-MM-DD, its match), in line order."""
    found = []
    for pattern, order in DATES_IN_LINE:
        for match in pattern.finditer(line):
            parts = dict(zip(order, match.groups()))
            day = calendar_date(parts["y"], parts["m"], parts["d"])
            if day:
                found.append((day, match))
    return sorted(found, key=lambda item: item[1].start())


def calendar_date(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else month_by_prefix(month.lower()[:3])
    try:
        return date(int(year), month_number or 0, int(day)).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=64)
def month_by_prefix(prefix: str) -> int | None:
    """A month's first three letters: Russian and Kazakh as their packs have them, English
    as metadata writes them."""
    return pack_for("ru").months.get(prefix) or pack_for("kk").months.get(prefix) or ENGLISH_MONTHS.get(prefix)
