"""A key shared by reports of one real event in different outlets. A vote is national:
its type and day. A gathering: its type, day and place — the city (stated or inferred
from the venue, so «в Усть-Каменогорске» and «на площадке «Казцинка»» agree), else the
venue's organisation. Without a day or a place there is nothing safe to group on."""
from __future__ import annotations

from ..lang import LanguagePack, stage_pack
from ..nlp.gazetteer import load_gazetteer, lookup_key

VOTES = ("election", "referendum")
LEGAL_FORMS = frozenset({"тоо", "ао", "оао", "зао", "рга", "рги", "гкп", "ип", "ооо", "пао"})


def event_key(event: dict, doc) -> str | None:
    date = event.get("date")
    if not date:
        return None
    if event["type"] in VOTES:
        return f"{event['type']}|{date}"
    place = place_key(event, doc)
    return f"{event['type']}|{date}|{place}" if place else None


def place_key(event: dict, doc) -> str | None:
    if event.get("city"):
        return "city:" + lookup_key(event["city"])
    venue = event.get("venue")
    if not venue:
        return None
    organization = organization_in(venue, doc)
    if organization:
        return "org:" + lookup_key(organization)
    return "venue:" + venue_lemmas(venue, stage_pack(doc.language))


def organization_in(venue: str, doc) -> str | None:
    """The organisation the venue names: one of the article's own, as the nlp stage
    normalised it, else one the gazetteer finds in the venue text."""
    text = doc.text or ""
    for org in getattr(doc, "organizations", []):
        surfaces = {text[s:e] for s, e in org.get("spans", [])} | {org["name"]}
        if any(surface and surface in venue for surface in surfaces):
            return canonical(org["name"])
    found = [m for m in load_gazetteer().find(venue) if m.kind == "organization"]
    return found[0].entry.name if found else None


def canonical(name: str) -> str:
    entry = load_gazetteer().lookup(name)
    return entry.name if entry is not None else name


def venue_lemmas(venue: str, pack: LanguagePack) -> str:
    words = [pack.lemma(w) for w in pack.morphology.WORD.findall(venue) if w.lower() not in LEGAL_FORMS]
    return " ".join(words)
