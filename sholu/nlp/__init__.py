"""NLP: the people (with positions), organisations, places and dates of an article,
normalised and resolved. Natasha finds and tags; the gazetteer, the repair rules and
the normalisers in this package fix what it gets wrong on Kazakhstan's news."""
from __future__ import annotations

from ..document import Document
from .dates import find_dates
from .gazetteer import load_gazetteer
from .kazakh import analyse_kazakh
from .models import taggers
from .names import normalise_person
from .normalise import organisation_name, place_name
from .parse import Mention, Parsed, parse
from .people import Person, entity_id, resolve_people
from .positions import find_positions
from .repair import repair

FEMININE_OBLIQUE = ("овой", "евой", "ёвой", "иной", "ыной", "ской", "цкой", "ская", "цкая")
FEMININE_NOMINATIVE = ("ова", "ева", "ёва", "ина", "ына")


def preload() -> None:
    """Load the models and the gazetteer now (before worker processes fork)."""
    taggers()
    load_gazetteer()


def annotate(doc: Document, parsed: Parsed | None = None) -> Document:
    """The pipeline stage: fills persons, organizations, places and dates (`parsed`:
    the text already parsed with others, see `parse_many`)."""
    found = (analyse_kazakh(doc.text, doc.published) if doc.language == "kk"
             else analyse_parsed(parsed or parse(doc.text), doc.published))
    for key, value in found.items():
        setattr(doc, key, value)
    return doc


def annotate_dates(doc: Document) -> Document:
    """The dates alone (a copy inherits its entities but reads its own dates)."""
    doc.dates = find_dates(doc.text, doc.published)
    return doc


def analyse_text(text: str, published: str | None = None) -> dict:
    """Entities of one text in the export contract's shape; spans are [start, end]
    offsets into `text`."""
    return analyse_parsed(parse(text), published)


def analyse_parsed(parsed: Parsed, published: str | None = None) -> dict:
    text = parsed.text
    mentions = repair(parsed, load_gazetteer().find(text))
    for mention in mentions:
        mention.name = mention.name or normal_name(parsed, mention)
    persons = [m for m in mentions if m.kind == "person" and m.name]
    titles = find_positions(parsed, persons)
    people = resolve_people(parsed, persons, titles)
    return {
        "persons": [person_record(p) for p in people],
        "organizations": grouped(mentions, "organization"),
        "places": grouped(mentions, "place"),
        "dates": find_dates(text, published),
    }


def normal_name(parsed: Parsed, mention: Mention) -> str:
    words = [t for t in parsed.words(mention) if t.pos != "PUNCT" or t.text in "«»\"“”"]
    if mention.kind == "person":
        names = [t for t in words if t.text[:1].isalpha()]
        return normalise_person([t.text for t in names], [t.case for t in names], gender_of(names))
    if mention.kind == "organization":
        return organisation_name(parsed.words(mention), parsed.text, mention.start)
    return place_name(words)


def gender_of(words) -> str | None:
    """The tagger's gender, corrected by feminine surname endings it often misses."""
    surname = words[-1] if words else None
    if surname and surname.text.lower().endswith(FEMININE_OBLIQUE):
        return "Fem"
    if surname and surname.text.lower().endswith(FEMININE_NOMINATIVE) and surname.case == "Nom":
        return "Fem"
    genders = [t.feats.get("Gender") for t in words if t.feats.get("Gender")]
    return genders[-1] if genders else None


def person_record(person: Person) -> dict:
    return {
        "name": person.name,
        "positions": person.positions,
        "mentions": len(person.spans),
        "spans": sorted([list(span) for span in person.spans]),
        "references": sorted([list(span) for span in person.references]),
        "entity_id": entity_id("person", person.name),
    }


def grouped(mentions: list[Mention], kind: str) -> list[dict]:
    """One record per distinct entity of a kind, with every mention's span."""
    records: dict[str, dict] = {}
    for mention in mentions:
        if mention.kind != kind or not mention.name:
            continue
        record = records.setdefault(mention.name.lower(), new_record(kind, mention))
        record["spans"].append([mention.start, mention.end])
        record["mentions"] += 1
    return merge_short_forms(list(records.values())) if kind == "organization" else list(records.values())


def merge_short_forms(records: list[dict]) -> list[dict]:
    """«Общенациональной коалиции» after «Общенациональной коалиции «За …»», or
    «Комиссии» after «Комиссии по конституционной реформе»: the same body, named short."""
    kept = []
    for record in records:
        full = next((other for other in records if other is not record
                     and other["name"].lower().startswith(record["name"].lower() + " ")), None)
        if full is None:
            kept.append(record)
            continue
        full["spans"] = sorted(full["spans"] + record["spans"])
        full["mentions"] += record["mentions"]
    return kept


def new_record(kind: str, mention: Mention) -> dict:
    record = {"name": mention.name, "mentions": 0, "spans": [], "entity_id": entity_id(kind, mention.name)}
    if kind == "place":
        entry = mention.entry
        record.update({"lat": getattr(entry, "lat", None), "lon": getattr(entry, "lon", None),
                       "region": getattr(entry, "region", None)})
    return record


def parse_together(docs: list[Document]) -> list[dict]:
    """The nlp stage's common work for a chunk: Slovnet tags all their Russian sentences
    in a few batched calls; each document then gets its own `parsed`."""
    from .parse import parse_many

    russian = [doc for doc in docs if doc.language != "kk"]     # Kazakh has its own tagger
    parsed = dict(zip(map(id, russian), parse_many([doc.text for doc in russian])))
    return [{"parsed": parsed.get(id(doc))} for doc in docs]
