"""What a plain-text page says about itself: the outlet and date it states the way a reader
would take them, where no container or HTML metadata gave them.

- the masthead: the page's first line names the site, and the site is known
  (data/outlets.csv), a domain, or signs the copyright line («Павлодар Онлайн» …
  «© 2026 Павлодар Онлайн»);
- a messenger channel's title («Новости Актобе | Telegram-канал», «Telegram-канал «…»»,
  «Канал «Городские вести | Главное» (Viber)», «Қала жаңалықтары | Ресми арна»), which is no headline;
- a wire's dateline opening the body («ПАВЛОДАР. 12 мая. СтепьМедиа – …»: the agency and the
  date) or a newspaper's («КОКШЕТАУ, 14 мая 2026 года. Вчера …»), and a byline under the body
  that names the outlet («Марина КОВАЛЬ, «Северный курьер»»);
- a broadcast transcript's opening line: the channel or station and the air date
  («…на телеканале «Астана Жаңалықтары» от 5 мая 2026 года», «Телеканал Хабар, эфир от
  12.03.2026», ««Шалқар» радиосының 2026 жылғы 5 мамырдағы хабарынан»);
- the page date: a labelled line («Опубликовано: 14 марта 2026, 10:15», «Жарияланды:
  …») or a dateline right above the body (a stamp under the headline, a post's time
  stamp), never a weekday-led render date of the masthead («Понедельник, 15 декабря,
  2025») and never a date inside the article's own sentences.
"""
from __future__ import annotations

import re

from . import outlet as outlets
from .body import BYLINE, WORD, Body, TITLE_REACH, is_chrome, label_line, squash
from .dates import calendar_date, dates_in, month_by_prefix

MASTHEAD_MAX_WORDS = 4
HEADER_MAX_WORDS = 40
QUOTED = r"[«\"“]([^»\"”]{2,40})[»\"”]"
CAPITALISED_RUN = r"([A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][\w-]*(?:\s+(?:[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ0-9][\w-]*)){0,2})"

COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)", re.IGNORECASE)
MESSENGER = r"(?:telegram|телеграм|whatsapp|ватсап|viber|вайбер)"
MESSENGER_CHANNEL = rf"(?:(?:ресми|официальный)\s+)?(?:{MESSENGER}[- ]?)?(?:канал|арна)\w*"
# «Новости Актобе | Telegram-канал», «Қала жаңалықтары | Ресми арна», with the messenger in brackets after
CHANNEL_TITLE = re.compile(
    rf"^[«\"]?(?P<name>[^|—–«»\"]{{2,40}}?)[»\"]?\s*[|—–-]\s*(?:{MESSENGER_CHANNEL}|{MESSENGER})"
    rf"(?:\s*\({MESSENGER}\))?$", re.IGNORECASE)
# «Telegram-канал «Голос Актобе»», «Канал «Городские вести | Главное» (Viber)»: the name before a «|»
# After the name only the messenger in brackets or a separator and a note («| 12 тыс.
# подписчиков»): «Канал «Хабар 24» покажет финал» is a headline about a channel.
CHANNEL_NAMED = re.compile(rf"^{MESSENGER_CHANNEL}\s+[«\"“](?P<name>[^»\"”|]{{2,40}}?)\s*(?:\|[^»\"”]*)?[»\"”]"
                           rf"\s*(?:\({MESSENGER}\)|[|·•,—–-].*)?$", re.IGNORECASE)

# A wire's or a newspaper's dateline opening the body: «КОКШЕТАУ, 14 мая 2026 года.», «ПАВЛОДАР.
# 2026 жылғы 6 мамыр. ДалаИнфо –»: a town, a date, a full stop, maybe the agency and a dash.
DATELINE_TOWN = re.compile(r"^[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][\w-]+(?:\s+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][\w-]+)?\s*[,.]\s+")
DATELINE_END = re.compile(r"^(?:\s*(?:года|г\.|ж\.))?\s*(?:[.–—]|/)")
# An unknown agency is quoted or shaped like a brand: a capital inside a word, a hyphen, a
# digit, Latin letters («КазТАГ», «Интерфакс-Казахстан»); a plain word before a dash is the
# report's own first word («ПАВЛОДАР. 12 мая 2026 года. Сегодня – День медика …»).
BRAND_SHAPE = re.compile(r"\w[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]|-|\d|[A-Za-z]|[«\"]")
YEARLESS_DAY = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)")
WIRE_AGENCY = re.compile(rf"^\s*[.–—/]?\s*[(/]?(?P<agency>{outlets.KAZAKH_NAME})[)/]?\s*[–—]\s+(?=[«\"A-ZА-ЯЁӘІҢҒҮҰҚӨҺ])")
# A broadcaster named with its kind: Russian after the word, Kazakh before it.
BROADCASTER_RU = re.compile(
    rf"\b(?i:телеканал|радиостанци|радио|телерадиокомпани)\w*\s+(?:{QUOTED}|{CAPITALISED_RUN})")
BROADCASTER_KK = re.compile(rf"(?:{QUOTED}|{CAPITALISED_RUN})\s+(?i:радиосы|телеарнасы|арнасы)\w*")
# …and the line presents a broadcast of it: a transcript, a programme, an air date.
BROADCAST_WORD = re.compile(
    r"\b(?:расшифровк|стенограмм|запис|выпуск|эфир|программ|передач|хабары(?:нан|нда)|"
    r"бағдарламасы(?:нан|нда)|үзінді)\w*", re.IGNORECASE)
# Russian dates the broadcast «от …» or «эфир(а) …»; Kazakh by the attributive ending on
# the date («28 наурыздағы»).
AIR_DATE_BEFORE_RU = re.compile(r"(?:\bот|\bэфир\w*)\s*$", re.IGNORECASE)
AIR_DATE_KK = re.compile(r"(?:ғы|гі|дағы|дегі|тағы|тегі)$", re.IGNORECASE)

PUBLISHED_LABEL = re.compile(
    r"^(?:опубликовано|дата публикации|дата|обновлено|published|posted|жарияланды|"
    r"жарияланған\s+(?:күні|уақыты)|жариялану\s+уақыты)\s*:?\s*", re.IGNORECASE)
WEEKDAY_FIRST = re.compile(
    r"^(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)\b", re.IGNORECASE)


# --- the outlet ------------------------------------------------------------------------------
def stated_outlet(body: Body) -> str | None:
    return (channel_title(body.before) or broadcast_header(opening(body))[0] or masthead(body)
            or wire_agency(body) or byline_outlet(body.after[:TITLE_REACH]))


def wire_agency(body: Body) -> str | None:
    """The agency a wire's dateline names before its dash («ПАВЛОДАР. 12 мая. СтепьМедиа – …»)."""
    _, end = body_dateline(body)
    found = WIRE_AGENCY.match(body.lines[0][end:]) if end else None
    if not found:
        return None
    name = found.group("agency").strip(" «»\"")
    known = outlets.canonical(name)
    return known or (name if BRAND_SHAPE.search(found.group("agency")) else None)


def byline_outlet(after: list[str]) -> str | None:
    """The outlet a byline under the body names («Марина КОВАЛЬ, «Северный курьер»»)."""
    for line in after:
        found = BYLINE.match(line.strip())
        if found:
            return outlets.canonical(found.group("outlet")) or found.group("outlet").strip()
    return None


def masthead(body: Body) -> str | None:
    """The page's first line when it is a site's name the page confirms."""
    if not body.before:
        return None
    name = body.before[0].strip()
    if len(name.split()) > MASTHEAD_MAX_WORDS:
        return None
    known = outlets.canonical(name) or (outlets.from_url(name) if re.fullmatch(outlets.DOMAIN, name) else None)
    if known or re.search(r"[.!?:;|]", name):
        return known
    signed = any(COPYRIGHT.search(line) and squash(name) in squash(line)
                 for line in body.before[1:] + body.inside + body.after)
    return name if signed else None


def headline(body: Body) -> str | None:
    """The body's title unless it is the messenger channel's name above the posts."""
    return None if body.title and channel_header(body.title) else body.title


def channel_header(line: str) -> re.Match | None:
    return CHANNEL_NAMED.match(line.strip()) or CHANNEL_TITLE.match(line.strip())


def channel_title(before: list[str]) -> str | None:
    """«Политика KZ | Telegram-канал», «Telegram-канал «Голос Актобе»» among the first lines."""
    for line in before[:TITLE_REACH]:
        found = channel_header(line)
        name = found.group("name").strip(" «»\"") if found else ""
        if name and not is_chrome(name, WORD.findall(name)):        # «Поделиться | Telegram»
            return name
    return None


def broadcast_header(lines: list[str]) -> tuple[str | None, str | None]:
    """(station, air date) from the line that introduces a transcript: it names both, and
    presents a broadcast («Расшифровка эфира…», «…хабарынан үзінді»)."""
    for line in lines:
        if len(line.split()) > HEADER_MAX_WORDS or not BROADCAST_WORD.search(line):
            continue
        station = BROADCASTER_RU.search(line) or BROADCASTER_KK.search(line)
        day = air_date(line) if station else None
        if day:
            name = next(group for group in station.groups() if group).strip()
            return outlets.canonical(name) or outlets.known_tail(name) or name, day
    return None, None


def air_date(line: str) -> str | None:
    for day, match in dates_in(line):
        if AIR_DATE_BEFORE_RU.search(line[:match.start()]) or AIR_DATE_KK.search(match.group()):
            return day
    return None


# --- the date -----------------------------------------------------------------------------------
def stated_date(body: Body) -> str | None:
    return (labelled_date(body) or dateline(body.before) or body_dateline(body)[0]
            or broadcast_header(opening(body))[1])


def body_dateline(body: Body) -> tuple[str | None, int]:
    """(date, where the dateline ends in the first line) of a body that opens with a town and
    a date («КОКШЕТАУ, 14 мая 2026 года. Вчера …», «Павлодар, 2026 жылғы 6 мамыр.»); a
    date without its year takes the one year all full dates in the body share, else is none."""
    first = body.lines[0] if body.lines else ""
    town = DATELINE_TOWN.match(first)
    if not town:
        return None, 0
    rest = first[town.end():]
    day, length = dateline_day(rest, body)
    closing = DATELINE_END.match(rest[length:]) if length else None
    if not closing:
        return None, 0
    return day, town.end() + length + closing.end()


def dateline_day(text: str, body: Body) -> tuple[str | None, int]:
    found = leading_date(text)
    if found:
        return found[0], found[1].end()
    yearless = YEARLESS_DAY.match(text)
    month = month_by_prefix(yearless.group(2).lower()[:3]) if yearless else None
    if not month:
        return None, 0
    year = only_year(body.text)
    day = calendar_date(year, str(month), yearless.group(1)) if year else None
    return day, yearless.end()


def leading_date(line: str) -> tuple[str, re.Match] | None:
    """The full date a line opens with, and its match."""
    found = dates_in(line)
    return found[0] if found and found[0][1].start() == 0 else None


def only_year(text: str) -> str | None:
    """The year of the text's full dates when they all share one: a report that also cites
    a law «от 3 марта 2015 года» gives no year to a dateline's «12 мая»."""
    years = {day[:4] for day, _ in dates_in(text)}
    return years.pop() if len(years) == 1 else None


def labelled_date(body: Body) -> str | None:
    """«Опубликовано: 14 марта 2026, 10:15» above, within or right below the body."""
    for line in body.before + body.inside + body.after[:TITLE_REACH]:
        label = PUBLISHED_LABEL.match(squash_edges(line))
        found = leading_date(squash_edges(line)[label.end():]) if label else None
        if found:
            return found[0]
    return None


def dateline(before: list[str]) -> str | None:
    """A stamp line right above the body that starts with a date: the stamp under a
    headline («12 апреля 2026, 14:20 | Просмотров: 3 418»), a post's time stamp; not a
    headline that starts with one («15 марта 2026 года пройдёт референдум»)."""
    for line in reversed(before[-TITLE_REACH:]):
        line = squash_edges(line)
        if WEEKDAY_FIRST.match(line) or label_line(line).label != "chrome":
            continue
        found = leading_date(line)
        if found:
            return found[0]
    return None


def opening(body: Body) -> list[str]:
    """The lines where a transcript introduces itself: above the body, its title, its first line."""
    return [*body.before[-TITLE_REACH:], *([body.title] if body.title else []), *body.lines[:1]]


def squash_edges(line: str) -> str:
    """The line without emoji, bullets or brackets before its first word or number."""
    return re.sub(r"^[^\w«\"]+", "", line.strip())
