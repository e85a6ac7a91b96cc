"""Meetings, press conferences and other gatherings. Every sentence that announces one
(«состоялась встреча», «Во встрече приняли участие», «Встреча прошла …») joins the
article's frame of that type: reports retell one event. A sentence naming another city
than the frame's starts a new frame: a tour of several towns. Precision first: a sentence
that names a gathering it does not report (a talk show, a match, a meeting called off or
of years ago) announces none, and a gathering dated over a month before the article is
recalled, not reported."""
from __future__ import annotations

import re

from .article import Article
from .audience import audience_in
from .frame import Frame
from .sentences import Sentence
from .triggers import gathering_type
from .venues import city_in_name, city_of_venue
from .when import days_between, gathering_date, is_gathering_date
from .where import CitiesSeen, city_in, venue_in
from .who import organizer_in, participants_in

RECALLED_AFTER_DAYS = 31
# what may follow an item's opening date: a year word, a time, then a full stop or the line's end
ITEM_DATE_END = re.compile(r"^(?:\s*(?:года|г\.|ж\.))?(?:\s*,?\s*\d{1,2}:\d{2})?\s*(?:\.|\]|$)")


def gathering_frames(article: Article) -> list[Frame]:
    frames: list[Frame] = []
    latest: dict[str, tuple[Frame, CitiesSeen]] = {}      # per type: its last frame, that frame's cities
    for sentence in article.sentences:
        kind = gathering_type(sentence.folded, article.pack)
        if kind and reports_a_gathering(article, sentence):
            add_trigger(article, frames, latest, kind, sentence)
    items = item_starts(article)
    for i, frame in enumerate(frames):
        start = paragraph_start(article.text, frame.start) if i == 0 else frame.start
        end = frames[i + 1].start if i + 1 < len(frames) else len(article.text)
        describe(article, frame, start, item_end(items, frame, end))
    return [frame for frame in frames if not long_before(article, frame)]


def item_starts(article: Article) -> list[int]:
    """Where a feed's or a digest's next item begins: a paragraph that is a post's stamp
    («📢 12.05.2026, 09:30») or opens with its own date and a full stop («13 мая. …»)."""
    text, starts = article.text, []
    for day in article.dates:
        line_start = text.rfind("\n", 0, day.start) + 1
        line_end = text.find("\n", day.end)
        before, after = text[line_start:day.start], text[day.end:line_end if line_end >= 0 else len(text)]
        if not any(char.isalnum() for char in before) and ITEM_DATE_END.match(after):
            starts.append(line_start)
    return starts


def item_end(items: list[int], frame: Frame, end: int) -> int:
    """A gathering's people are those of its own item: the stretch ends where the item
    after its last announcing sentence begins."""
    last = frame.sentences[-1].start
    return min([end, *(start for start in items if start > last)])


def long_before(article: Article, frame: Frame) -> bool:
    """A gathering the text dates more than a month before the article: a past one it
    recalls («26 декабря провел митинг»), not one it reports."""
    days = days_between(frame.date, article.published) if frame.date_source == "text" else None
    return days is not None and days > RECALLED_AFTER_DAYS


def add_trigger(article: Article, frames: list[Frame], latest: dict, kind: str, sentence: Sentence) -> None:
    """The sentence joins the last frame of its type, unless it names another city."""
    here = CitiesSeen()
    here.add(article, sentence)
    last, seen = latest.get(kind, (None, None))
    if last is not None and not other_city(seen.city, here.city):
        last.sentences.append(sentence)
        seen.join(here)
    else:
        frames.append(Frame(kind, [sentence]))
        latest[kind] = (frames[-1], here)


def reports_a_gathering(article: Article, sentence: Sentence) -> bool:
    """Precision first: a broadcast, an interview, a match, a cancelled meeting or one of
    years ago named in the sentence is not a gathering the article reports."""
    pack = article.pack
    if pack.not_a_gathering.search(sentence.folded) or pack.long_ago.search(sentence.folded):
        return False
    published = article.published or ""
    this_year = int(published[:4]) if published[:4].isdigit() else 9999
    return not any(int(year) < this_year for year in pack.in_year.findall(sentence.folded))


def other_city(known: str | None, city: str | None) -> bool:
    return city is not None and known is not None and city != known


def describe(article: Article, frame: Frame, start: int, end: int) -> None:
    """Fills the frame from its own sentences; people and audience from its stretch of
    the article (`start` to `end`)."""
    frame.organizer = organizer_in(article, frame.sentences, start, end)
    venue = venue_in(article, frame.sentences, frame.organizer)
    frame.venue = venue.text if venue else None
    frame.city = city_in(article, frame.sentences) or city_just_before(article, frame)
    if frame.city is None and venue is not None:
        frame.city = city_of_venue(venue.organization) or city_in_name(venue.organization or venue.text)
        frame.city_inferred = frame.city is not None
    frame.date, frame.date_source = gathering_date(article, frame.sentences)
    if frame.date_source == "published":
        frame.date, frame.date_source = date_just_before(article, frame) or (frame.date, frame.date_source)
    frame.participants = participants_in(article, frame.sentences, start, end)
    frame.audience = audience_in(article, frame.sentences, start, end)
    if frame.type == "press_conference":
        from_the_lead(article, frame)


def from_the_lead(article: Article, frame: Frame) -> None:
    """«Прокуратура 18 марта обнародовала итоги … — сказал он на брифинге»: the lead tells
    when and where the news was made public; a briefing whose own sentences give no day
    or town took place then and there."""
    lead = article.sentences[0] if article.sentences else None
    if lead is None or lead in frame.sentences or not article.pack.made_public.search(lead.folded):
        return
    if frame.date_source != "text":
        days = [d for d in article.within(article.dates, lead.start, lead.end) if is_gathering_date(article, lead, d)]
        if days:
            frame.date, frame.date_source = days[0].name, "text"
    if frame.city is None or frame.city_inferred:
        seen = CitiesSeen()
        seen.add(article, lead)
        if seen.city:
            frame.city, frame.city_inferred = seen.city, False


def city_just_before(article: Article, frame: Frame) -> str | None:
    """«… прибыл с рабочей поездкой в Шахтинск. Здесь состоялась встреча»: the town the
    sentence before, in the same paragraph, says someone was in or went to."""
    before = sentence_just_before(article, frame)
    if before is None:
        return None
    seen = CitiesSeen()
    seen.add(article, before)
    return seen.located


def date_just_before(article: Article, frame: Frame) -> tuple[str, str] | None:
    """«… 17 апреля побывали в Аральске. В Доме культуры они встретились с жителями»: a
    gathering its own sentences leave undated took place on the one day the sentence
    before, in the same paragraph, gives (not a vote's day, a bound or a day to come)."""
    before = sentence_just_before(article, frame)
    if before is None:
        return None
    days = {d.name for d in article.within(article.dates, before.start, before.end)
            if is_gathering_date(article, before, d)}
    return (days.pop(), "text") if len(days) == 1 else None


def sentence_just_before(article: Article, frame: Frame) -> Sentence | None:
    """The sentence before the frame's first, when the same paragraph holds both."""
    before = article.sentences.last_from(frame.start - 1)
    if before is None or "\n" in article.text[before.end:frame.start]:
        return None
    return before


def paragraph_start(text: str, offset: int) -> int:
    """People named just before the first announcing sentence, in its paragraph («Аида
    Балаева посетила Жезказган. Там состоялась встреча …»), may be its participants."""
    return text.rfind("\n", 0, offset) + 1
