"""Where a gathering took place, from what heads the article rather than from the
gathering's own sentences: an agency dateline («ШЫМКЕНТ. 9 марта. …») and the headline
(«В Шахтинске министр встретился с горняками»). Either gives a gathering its town only
when its sentences, or its venue, say none; a headline only when the article reports one
gathering."""
from __future__ import annotations

import re

from ..document import Document
from ..lang import stage_pack
from .venues import settlement_name

GATHERINGS = ("meeting", "press_conference", "other")
# «ШЫМКЕНТ. 9 марта.», «ТАШКЕНТ, 20 мар – Sputnik.», «Астана, 5 марта. КазТАГ –»,
# «Павлодар, 2026 жылғы 6 мамыр.»: a town in capitals, or written as a name when a day follows.
DATELINE = re.compile(r"^\s*(?:([А-ЯЁӘҒҚҢӨҰҮҺІ][А-ЯЁӘҒҚҢӨҰҮҺІ -]{2,30})|"
                      r"([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі][а-яёәғқңөұүһі]+){0,2})"
                      r"(?=\s*[.,]\s*(?:\d{4}\s+жыл\w*\s+)?\d{1,2}\s+[а-яёәғқңөұүһі]))\s*[.,]\s*")
IN_TOWN = re.compile(r"(?:^|[\s(«\"])[Вв]о?\s+([А-ЯЁ][\w-]+)")


def with_dateline(doc: Document, events: list[dict]) -> list[dict]:
    """«ШЫМКЕНТ. 9 марта. …»: an agency dateline says where and when the reported
    gathering took place, when its own sentences do not."""
    match = DATELINE.match(doc.text)
    city = settlement_name((match.group(1) or match.group(2)).strip()) if match else None
    if city is None:
        return events
    date = next((d["date"] for d in doc.dates if d["start"] - match.end() < 3 and d["start"] >= match.end()), None)
    for event in (e for e in events if e["type"] in GATHERINGS):
        if event["city"] is None or event["city_inferred"]:
            event["city"], event["city_inferred"] = city, False
        if date and event["date_source"] != "text":
            event["date"], event["date_source"] = date, "text"
    return events


def with_headline_town(doc: Document, events: list[dict]) -> list[dict]:
    """«В Шахтинске министр встретился с горняками»: the town the headline puts the
    article's only gathering in."""
    gatherings = [e for e in events if e["type"] in GATHERINGS]
    if len(gatherings) != 1 or not (gatherings[0]["city"] is None or gatherings[0]["city_inferred"]):
        return events
    city = headline_town(doc.title or "", doc.language)
    if city is not None:
        gatherings[0]["city"], gatherings[0]["city_inferred"] = city, False
    return events


def headline_town(title: str, language: str | None) -> str | None:
    pack = stage_pack(language)
    for match in IN_TOWN.finditer(title):
        word = match.group(1)
        city = settlement_name(word) or settlement_name(pack.lemma(word).title())
        if city is not None:
            return city
    return None
