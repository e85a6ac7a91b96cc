"""The events stage: campaign events an article reports — meetings, press conferences and
other gatherings (date, city, venue, organiser, participants, audience) and the elections
and referendums it names (type and date).

Each event is a dict: type (meeting | election | referendum | press_conference | other),
date (YYYY-MM-DD or None) with date_source ("text": the article dates it; "published": the
article's own date stands in for a gathering reported without one; None), city with
city_inferred (True when the city comes from the venue through `sholu/data/venues.csv`),
venue, organizer, participants (person names), audience, and the sentence that announced it
(trigger, start, end: offsets into the text). `event_key` groups reports of one event
across outlets."""
from __future__ import annotations

import re

from ..document import Document
from .article import Article
from .gatherings import gathering_frames
from .keys import event_key
from .titles import event_title
from .venues import settlement_name
from .votes import vote_frames

__all__ = ["annotate_events", "event_key", "extract_events"]


def extract_events(doc: Document) -> list[dict]:
    article = Article.from_doc(doc)
    frames = gathering_frames(article) + vote_frames(article)
    events = [frame.record() for frame in sorted(frames, key=lambda f: f.start)]
    return with_dateline(doc, events)


# «ШЫМКЕНТ. 9 марта.», «ТАШКЕНТ, 20 мар – Sputnik.», «Астана, 5 марта. КазТАГ –»: a town in
# capitals, or written as a name when a day follows.
DATELINE = re.compile(r"^\s*(?:([А-ЯЁӘҒҚҢӨҰҮҺІ][А-ЯЁӘҒҚҢӨҰҮҺІ -]{2,30})|"
                      r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+){0,2})(?=\s*[.,]\s*\d{1,2}\s+[а-яё]))\s*[.,]\s*")


def with_dateline(doc: Document, events: list[dict]) -> list[dict]:
    """«ШЫМКЕНТ. 9 марта. …»: an agency dateline says where and when the reported
    gathering took place, when its own sentences do not."""
    match = DATELINE.match(doc.text)
    city = settlement_name((match.group(1) or match.group(2)).strip()) if match else None
    if city is None:
        return events
    date = next((d["date"] for d in doc.dates if d["start"] - match.end() < 3 and d["start"] >= match.end()), None)
    for event in events:
        if event["type"] in ("meeting", "press_conference", "other"):
            if event["city"] is None or event["city_inferred"]:
                event["city"], event["city_inferred"] = city, False
            if date and event["date_source"] != "text":
                event["date"], event["date_source"] = date, "text"
    return events


def annotate_events(doc: Document) -> Document:
    """The pipeline stage: reads text, published, persons, organizations, places, dates
    (and quotes, when that stage ran first); writes events."""
    doc.events = extract_events(doc)
    for event in doc.events:
        event["key"] = event_key(event, doc)     # groups reports of one event across outlets
        event["title"] = event_title(event)
    return doc
