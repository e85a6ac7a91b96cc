"""An event's title a reader recognises: what, where, who met whom.
«Встреча, Шахтинск: Ербол Аманжолов, Нурлан Тлеубаев и ещё 1 — горняки»,
«Пресс-конференция, Ташкент: Серик Жумабеков, Бахтияр Юсупов», «Референдум, 15.03.2026».
Names stay in the nominative, as the record keeps them: no inflection to get wrong."""
from __future__ import annotations

KINDS = {"meeting": "Встреча", "press_conference": "Пресс-конференция", "other": "Мероприятие",
         "election": "Выборы", "referendum": "Референдум"}
NAMED = 2              # people named in a title; the others counted


def event_title(event: dict) -> str:
    kind = KINDS.get(event.get("type"), "Событие")
    if event.get("type") in ("election", "referendum"):
        return ", ".join(filter(None, [kind, day_of(event.get("date"))]))
    heading = ", ".join(filter(None, [kind, event.get("city"), venue_beside(event)]))
    who = people(event.get("participants") or []) or event.get("organizer")
    whom = event.get("audience")
    if not who:
        return f"{heading} — {whom}" if whom else heading
    return f"{heading}: {who}" + (f" — {whom}" if whom else "")


def venue_beside(event: dict) -> str | None:
    """The venue when it says more than the town («завод Kazkat»), not the town again."""
    venue, city = event.get("venue"), event.get("city")
    return venue if venue and (not city or city.lower() not in venue.lower()) else None


def people(names: list[str]) -> str:
    shown = ", ".join(names[:NAMED])
    more = len(names) - NAMED
    return f"{shown} и ещё {more}" if more > 0 else shown


def day_of(date: str | None) -> str | None:
    """«2026-03-15» → «15.03.2026»."""
    if not date or len(date) != 10:
        return date
    return ".".join(reversed(date.split("-")))
