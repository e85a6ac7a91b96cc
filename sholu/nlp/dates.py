"""Dates named in Russian (and some Kazakh) news text, resolved to YYYY-MM-DD.

Only calendar days count: a year alone («в 2022 году»), a month alone («в марте»), a week
(«на этой неделе»), a time («в 14:00») or a number that merely looks like a date is not one.
Anything that needs the publication date («вчера», «во вторник») is left out when that date
is unknown: we never guess. A day without a year takes the publication date's year, else
that of a day the text dates in full (in its own sentence, else the nearest that is no term's
edge), else is left out.

Rules for the ambiguous cases (P is the publication date):
- «15 марта» without a year takes P's year; if that lands more than 9 months before P the
  text means next year's day; more than 10 months after P, last year's (a January article
  about «25 декабря» speaks of the December just gone, while a February one about
  «до 1 декабря» still means this year's).
- A bare weekday («во вторник») is the latest such day on or before P: news mostly reports
  what already happened.
- «в прошлый/минувший вторник»: Tuesday of the calendar week (Monday to Sunday) before P's;
  «в этот вторник»: Tuesday of P's week; «в следующий/будущий вторник»: Tuesday of the week
  after P's; «в ближайший/предстоящий вторник»: the first Tuesday after P.
- A range («14–15 марта», «с 1 по 5 апреля», «с 30 марта по 2 апреля») or a pair
  («14 и 15 марта») gives both days, each with the whole phrase as its words; the first day
  takes the year of the last one (the year before when the range crosses New Year).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from ..lang import kk, pack_for

# --- month names -----------------------------------------------------------------------
# Every case of a Russian month name (марта, марте, мартом; мая, маем) and the newsroom
# short forms (янв., сент.), then Kazakh names with any short suffix (наурызда, сәуірдің):
# the words are the language folders'; the first three letters name the month in both.
RUSSIAN = pack_for("ru")
KAZAKH_LETTERS = kk.LETTERS
MONTH = (rf"(?:{RUSSIAN.month_pattern}|{kk.MONTH_PATTERN}|{RUSSIAN.short_month_pattern})"
         rf"(?![{KAZAKH_LETTERS}])")
MONTH_BY_PREFIX = {**RUSSIAN.months, **kk.MONTHS}

# --- the patterns ----------------------------------------------------------------------
DAY = r"\d{1,2}(?:-?(?:ого|го|ое|е))?"           # 15, 15-го, 1-е
YEAR_WORD = rf"(?:года|году|год|гг?\.|г(?![{KAZAKH_LETTERS}])|жыл[{KAZAKH_LETTERS}]*)"
# A number glued to a letter, a dot, a comma, a slash, a dash or «№» is part of something
# else (a decree number, an amount, a version), so a date never starts right after one.
NOT_AFTER_NUMBER_PART = r"(?<![\w.,:/№+–—-])"
RELATIVE_YEAR = {"прошл": -1, "минувш": -1, "прошедш": -1, "текущ": 0, "этого": 0,
                 "нынешн": 0, "сего": 0, "следующ": 1, "будущ": 1, "наступающ": 1}

WORDY_DATE = re.compile(rf"""
    {NOT_AFTER_NUMBER_PART}
    (?:(?P<year_before>\d{{4}})\s+жыл(?:ғы|дың)\s+)?     # Kazakh order: 2026 жылғы (жылдың) 15 наурыз
    (?:со?\s+(?P<from_day>{DAY})(?:\s+(?P<from_month>{MONTH}))?\s+(?:по|до)\s+
                                                       # с 1 по 5 апреля, с 30 марта по …
      |(?P<range_day>{DAY})(?:\s+(?P<range_month>{MONTH}))?(?:\s*[-–—]\s*|\s+и\s+))?
                                                       # 14–15 марта, 14 и 15 марта
    (?P<day>{DAY})\s+(?P<month>{MONTH})
    (?:,?\s+(?P<year>\d{{4}})(?!\d)(?:\s*{YEAR_WORD})?   # site headers write «15 декабря, 2025»
      |\s+(?P<relative_year>{"|".join(RELATIVE_YEAR)})[а-яё]*\s+года)?
    """, re.IGNORECASE | re.VERBOSE)

# 27.01.2023 or 27/01/2023, not the head or tail of a longer dotted number (IP, version).
DOTTED_DATE = re.compile(rf"""
    {NOT_AFTER_NUMBER_PART}
    (?P<day>\d{{1,2}})(?P<sep>[./])(?P<month>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})
    (?!\d|[.,/]\d)(?:\s*{YEAR_WORD})?
    """, re.IGNORECASE | re.VERBOSE)

ISO_DATE = re.compile(rf"{NOT_AFTER_NUMBER_PART}(?P<year>\d{{4}})-(?P<month>\d{{2}})-"
                      r"(?P<day>\d{2})(?!\d|-\d)")

# Software versions write dates too («версия 1.10.2023»); those are not events.
VERSION_BEFORE = re.compile(r"(?:верси[яиюей]|version|сборк[аиу]|build|v)\s*$", re.IGNORECASE)

DAY_OFFSETS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2,
               "кеше": -1, "бүгін": 0, "ертең": 1}                      # Kazakh
RELATIVE_DAY = re.compile(r"\b(?:позавчера|вчера|сегодня|послезавтра|завтра|кеше|бүгін|ертең)\b", re.IGNORECASE)
# Kazakh puts the month first too: «наурыздың 15-і», «2026 жылғы наурыздың 15-інде».
MONTH_FIRST = re.compile(rf"{NOT_AFTER_NUMBER_PART}(?:(?P<year>\d{{4}})\s+жыл(?:ғы|дың)\s+)?"
                         rf"(?P<month>{kk.MONTH_PATTERN})\s+(?P<day>\d{{1,2}})-(?:[{KAZAKH_LETTERS}]+)",
                         re.IGNORECASE)

WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4,
            "субботу": 5, "воскресенье": 6}
QUALIFIER_ENDINGS = r"(?:ый|ий|ую|ое|ее|от|у|о)"
WEEKDAY_PHRASE = re.compile(rf"""
    \bво?\s+
    (?:(?P<qualifier>(?:прошл|минувш|прошедш|эт|следующ|будущ|ближайш|предстоящ)
        {QUALIFIER_ENDINGS})\s+)?
    (?P<weekday>{"|".join(WEEKDAYS)})\b
    (?!\s+(?:обитания|проживания|молод[её]жи|общества))   # «в среду обитания» is no day
    """, re.IGNORECASE | re.VERBOSE)

# Words that make a date the edge of a term rather than a day of the text's events.
BOUND_BEFORE = re.compile(r"(?:^|\s)(?:со?|до|ко?|по|позднее|позже)\s+$", re.IGNORECASE)
BOUND_AFTER = re.compile(r"\s+(?:бастап|дейін|шейін)\b", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"[.!?…][»\"”)]*\s+(?=[«\"(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])|\n")

NINE_MONTHS = timedelta(days=274)
TEN_MONTHS = timedelta(days=304)
EARLIEST_YEAR, LATEST_YEAR = 1800, 2200

Mention = tuple[re.Match, list[date]]    # a pattern's match and the days it names


# --- small helpers -----------------------------------------------------------------------
def parse_published(published: str | None) -> date | None:
    """The publication date, or None when absent or not a real YYYY-MM-DD date."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def calendar_day(year: int, month: int | None, day: int) -> date | None:
    """A real calendar day in a plausible range, or None (31.02, month 13, year 0042)."""
    if month is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    """3 from «марта», «мар.», «наурызда»; None for a word that names no month."""
    return MONTH_BY_PREFIX.get(word.lower()[:3])


def day_number(day: str) -> int:
    """15 from «15», «15-го», «1-е»."""
    return int(re.match(r"\d+", day).group())


def nearest_year_day(month: int, day: int, published: date) -> date | None:
    """A day named without a year: the publication year, moved to next year when that puts
    it more than nine months before publication, to last year when more than ten after."""
    candidate = calendar_day(published.year, month, day)
    if candidate is None:
        return None
    if candidate < published - NINE_MONTHS:
        return calendar_day(published.year + 1, month, day)
    if candidate > published + TEN_MONTHS:
        return calendar_day(published.year - 1, month, day)
    return candidate


# --- one function per kind of date ---------------------------------------------------------
def explicit_year(match: re.Match, published: date | None) -> int | None:
    """The year a wordy date states, directly or as «прошлого года»; None when it states none."""
    if match["year"] or match["year_before"]:
        return int(match["year"] or match["year_before"])
    if match["relative_year"] and published:
        stem = next(s for s in RELATIVE_YEAR if match["relative_year"].lower().startswith(s))
        return published.year + RELATIVE_YEAR[stem]
    return None


def wordy_dates(match: re.Match, published: date | None) -> list[date]:
    """«15 марта 2026 года», «15 марта», and the ranges and pairs «14–15 марта»,
    «с 1 по 5 апреля», «с 30 марта по 2 апреля 2026 года», «14 и 15 марта»."""
    end = wordy_end(match, published)
    first_day = match["from_day"] or match["range_day"]
    if end is None or not first_day:
        return [end] if end else []
    first_month = month_number(match["from_month"] or match["range_month"] or match["month"])
    start = range_start(day_number(first_day), first_month, end)
    return [start, end] if start else [end]


def wordy_end(match: re.Match, published: date | None) -> date | None:
    """The last (or only) day of a wordy date; None when no year can be known."""
    month, day = month_number(match["month"]), day_number(match["day"])
    year = explicit_year(match, published)
    if year is not None:
        return calendar_day(year, month, day)
    if published and month:
        return nearest_year_day(month, day, published)
    return None                            # no year and no publication date: never guess


def range_start(day: int, month: int | None, end: date) -> date | None:
    """The first day of a range shares the year of its end, except across New Year
    («с 28 декабря по 3 января»); a start not before the end is no range."""
    start = calendar_day(end.year, month, day)
    if start and start >= end and month > end.month:
        start = calendar_day(end.year - 1, month, day)
    return start if start and start < end else None


def numeric_dates(match: re.Match, text: str) -> list[date]:
    """«27.01.2023», «2026-03-15»; nothing when a version number precedes it."""
    if VERSION_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return []
    day = calendar_day(int(match["year"]), int(match["month"]), int(match["day"]))
    return [day] if day else []


def month_first_date(match: re.Match, published: date | None) -> list[date]:
    """«наурыздың 15-і», «2026 жылғы наурыздың 15-інде»."""
    month, day = month_number(match["month"]), int(match["day"])
    if match["year"]:
        found = calendar_day(int(match["year"]), month, day)
    else:
        found = nearest_year_day(month, day, published) if published and month else None
    return [found] if found else []


def relative_day(match: re.Match, published: date) -> list[date]:
    """«вчера», «сегодня», «послезавтра»."""
    return [published + timedelta(days=DAY_OFFSETS[match.group().lower()])]


def weekday_date(match: re.Match, published: date) -> list[date]:
    """«во вторник», «в прошлую пятницу», «в эту субботу», «в следующий четверг»."""
    weekday = WEEKDAYS[match["weekday"].lower()]
    qualifier = (match["qualifier"] or "").lower()
    week_start = published - timedelta(days=published.weekday())
    if qualifier.startswith(("прошл", "минувш", "прошедш")):
        return [week_start + timedelta(days=weekday - 7)]
    if qualifier.startswith("эт"):
        return [week_start + timedelta(days=weekday)]
    if qualifier.startswith(("следующ", "будущ")):
        return [week_start + timedelta(days=weekday + 7)]
    if qualifier.startswith(("ближайш", "предстоящ")):
        return [published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)]
    return [published - timedelta(days=(published.weekday() - weekday) % 7)]


# --- putting it together ---------------------------------------------------------------------
def date_mentions(text: str, published: date | None) -> list[Mention]:
    """Every match of every pattern with the days it names (possibly none)."""
    found = [(m, wordy_dates(m, published)) for m in WORDY_DATE.finditer(text)]
    found += [(m, month_first_date(m, published)) for m in MONTH_FIRST.finditer(text)]
    for pattern in (DOTTED_DATE, ISO_DATE):
        found += [(m, numeric_dates(m, text)) for m in pattern.finditer(text)]
    if published:
        found += [(m, relative_day(m, published)) for m in RELATIVE_DAY.finditer(text)]
        found += [(m, weekday_date(m, published)) for m in WEEKDAY_PHRASE.finditer(text)]
        return found
    return dated_by_the_text(found, text)


def dated_by_the_text(found: list[Mention], text: str) -> list[Mention]:
    """With no publication date, a day named without a year («5 марта» beside «15 марта
    2026 года») takes the year of a day the text gives in full, by the same nine-or-ten-months
    rule: an article states its year once. «вчера», a weekday and «прошлого года» still need
    the publication date."""
    stated = [(match, days[-1]) for match, days in found if days]
    if not stated:
        return found
    breaks = sentence_breaks(text)
    resolved = []
    for match, days in found:
        if not days and match.re in YEARLESS and not match.groupdict().get("relative_year"):
            days = YEARLESS[match.re](match, year_anchor(match, stated, text, breaks))
        resolved.append((match, days))
    return resolved


def year_anchor(match: re.Match, stated: list[tuple[re.Match, date]], text: str, breaks: list[int]) -> date:
    """The full date a yearless day borrows its year from: the nearest in its own sentence;
    else the nearest that dates the text's events rather than bounding a term («с 1 января
    2027 года», «до 1 июля 2026 года», «2027 жылдың 1 қаңтарынан бастап»: a date of effect
    or a deadline often lies a year ahead of the text's time); else the nearest."""
    sentence = bisect_right(breaks, match.start())
    own = [item for item in stated if bisect_right(breaks, item[0].start()) == sentence]
    events = [item for item in stated if not bounds_a_term(item[0], text)]
    nearest = own or events or stated
    return min(nearest, key=lambda item: abs(item[0].start() - match.start()))[1]


def bounds_a_term(match: re.Match, text: str) -> bool:
    """«с 1 января 2027 года», «до 15 апреля», «к 1 мая», «2027 жылдың 1 қаңтарынан бастап»."""
    return bool(BOUND_BEFORE.search(text[max(0, match.start() - 16):match.start()])
                or BOUND_AFTER.match(text, match.end()))


def sentence_breaks(text: str) -> list[int]:
    return [found.end() for found in SENTENCE_BREAK.finditer(text)]


YEARLESS = {WORDY_DATE: wordy_dates, MONTH_FIRST: month_first_date}


def without_overlaps(found: list[Mention]) -> list[Mention]:
    """The earliest (then longest) of overlapping matches: one piece of text, one reading."""
    kept, last_end = [], -1
    for match, days in sorted(found, key=lambda item: (item[0].start(), -item[0].end())):
        if match.start() >= last_end:
            kept.append((match, days))
            last_end = match.end()
    return kept


def find_dates(text: str, published: str | None) -> list[dict]:
    """Every date the text names, resolved against the article's publication date
    (`published`, YYYY-MM-DD or None). Each item: {"text": the words as written,
    "date": "YYYY-MM-DD", "start": int, "end": int} (offsets into text), in text order."""
    mentions = without_overlaps(date_mentions(text, parse_published(published)))
    return [{"text": match.group(), "date": day.isoformat(),
             "start": match.start(), "end": match.end()}
            for match, days in mentions for day in days]
