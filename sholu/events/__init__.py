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

from ..document import Document
from .article import Article
from .gatherings import gathering_frames
from .headings import with_dateline, with_headline_town
from .keys import event_key
from .titles import event_title
from .votes import vote_frames

__all__ = ["annotate_events", "event_key", "extract_events"]


def extract_events(doc: Document) -> list[dict]:
    article = Article.from_doc(doc)
    frames = gathering_frames(article) + vote_frames(article)
    events = [frame.record() for frame in sorted(frames, key=lambda f: f.start)]
    return with_headline_town(doc, with_dateline(doc, events))


def annotate_events(doc: Document) -> Document:
    """The pipeline stage: reads text, title, published, persons, organizations, places,
    dates (and quotes, when that stage ran first); writes events."""
    doc.events = extract_events(doc)
    for event in doc.events:
        event["key"] = event_key(event, doc)     # groups reports of one event across outlets
        event["title"] = event_title(event)
    return doc
