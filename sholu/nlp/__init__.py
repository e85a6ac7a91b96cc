"""NLP: the people (with positions), organisations, places and dates of an article,
normalised and resolved. Natasha finds and tags; the gazetteer, the repair rules and
the normalisers in this package fix what it gets wrong on Kazakhstan's news."""
from __future__ import annotations

from dataclasses import replace

from ..document import Document
from .acronyms import merge_acronyms, merged_into
from .coordinated import coordinated_regions
from .dates import find_dates
from .gazetteer import load_gazetteer
from .headline import headline_of, joined, split_headline, texts_to_parse
from .kazakh import analyse_kazakh
from .local import local_bodies, resolve_generic_bodies, with_complements
from .models import taggers
from .names import normalise_person
from .nesting import governments, name_span, nest_owners, split_brackets, split_lists
from .normalise import organisation_name, place_name
from .parse import Mention, Parsed, parse, parse_many
from .people import Person, entity_id, resolve_people
from .positions import find_positions
from .recall import missed_people, missed_sites, only_titles, repeated_people
from .repair import repair

FEMININE_OBLIQUE = ("овой", "евой", "ёвой", "иной", "ыной", "ской", "цкой", "ская", "цкая")
FEMININE_NOMINATIVE = ("ова", "ева", "ёва", "ина", "ына")
FEMININE_ACCUSATIVE = ("ову", "еву", "ёву", "ину", "ыну")
ENTITY_KINDS = ("persons", "organizations", "places")
OBLIQUE_SURNAME_ENDINGS = ((("ову", "еву", "ёву", "ину", "ыну"), "Dat"), (("овым", "евым", "иным", "ыным"), "Ins"),
                           (("овой", "евой", "иной", "ыной"), "Gen"), (("ове", "еве", "ине", "ыне"), "Loc"))


def preload() -> None:
    """Load the models and the gazetteer now (before worker processes fork)."""
    taggers()
    load_gazetteer()


def annotate(doc: Document, parsed: Parsed | None = None) -> Document:
    """The pipeline stage: fills persons, organizations, places and dates, reading the
    headline with the body (`parsed`: the two already parsed with others, see
    `parse_together`). Kazakh has its own tagger, which reads both the same way."""
    if doc.language == "kk":
        for key, value in analyse_kazakh(doc.text, doc.published, headline_of(doc)).items():
            setattr(doc, key, value)
        return doc
    found = analyse_parsed(parsed or joined(parse_many(texts_to_parse(doc)), headline_of(doc)), doc.published,
                           doc.outlet)
    title = headline_of(doc)
    for key in ENTITY_KINDS:
        setattr(doc, key, split_headline(found[key], title))
    doc.dates = find_dates(doc.text, doc.published) if title else found["dates"]
    return doc


def annotate_dates(doc: Document) -> Document:
    """The dates alone (a copy inherits its entities but reads its own dates)."""
    doc.dates = find_dates(doc.text, doc.published)
    return doc


def analyse_text(text: str, published: str | None = None, outlet: str | None = None) -> dict:
    """Entities of one text in the export contract's shape; spans are [start, end]
    offsets into `text`."""
    return analyse_parsed(parse(text), published, outlet)


def analyse_parsed(parsed: Parsed, published: str | None = None, outlet: str | None = None) -> dict:
    text = parsed.text
    mentions = repeated_people(parsed, missed_people(parsed, repair(parsed, load_gazetteer().find(text))))
    mentions = missed_sites(parsed, mentions, outlet)
    mentions = coordinated_regions(parsed, [m for m in mentions if not only_titles(parsed, m)])
    mentions = split_lists(parsed, split_brackets(parsed, nest_owners(parsed, mentions)))
    mentions = local_bodies(parsed, with_complements(parsed, governments(parsed, mentions)))
    for mention in mentions:
        mention.name = mention.name or normal_name(parsed, mention)
    for mention in mentions:
        mention.name = mention.same_as.name if mention.same_as else mention.name
    persons = [m for m in mentions if m.kind == "person" and m.name]
    bodies = frozenset(i for m in mentions if m.kind == "organization" for i in range(m.first, m.last + 1))
    titles = find_positions(parsed, persons, bodies)
    people = resolve_people(parsed, persons, titles)
    places = grouped(parsed, mentions, "place")
    return {
        "persons": [person_record(p) for p in people],
        "organizations": resolve_generic_bodies(grouped(parsed, mentions, "organization"), places),
        "places": places,
        "dates": find_dates(text, published),
    }


def normal_name(parsed: Parsed, mention: Mention) -> str:
    if mention.kind == "person":
        names = [t for t in apostrophes_glued(parsed.words(mention)) if t.text[:1].isalpha()]
        return normalise_person([t.text for t in names], name_cases(names), gender_of(names))
    words = [t for t in parsed.words(mention) if t.pos != "PUNCT" or t.text in "«»\"“”"]
    if mention.kind == "organization":
        return organisation_name(parsed.words(mention), parsed.text, mention.start)
    return place_name(words)


APOSTROPHES = "’'ʼ`"


def apostrophes_glued(tokens: list) -> list:
    """A name written with an apostrophe (О’Рейли, д’Арк) made one word again: the
    tokenizer splits it there. The word takes its last piece's morphology, and one
    apostrophe (’) whichever the writer typed, so both spellings are one person."""
    glued = []
    for token in tokens:
        if glued and glued[-1].end == token.start and (token.text in APOSTROPHES or glued[-1].text[-1] == "’"):
            text = glued[-1].text + ("’" if token.text in APOSTROPHES else token.text)
            glued[-1] = replace(token, start=glued[-1].start, text=text)
        else:
            glued.append(token)
    return glued


def name_cases(words) -> list[str | None]:
    """The tagger's case of each word; where it read the whole name as nominative but
    the surname's ending is oblique only (Сапарову, Сапаровым), that ending's case."""
    cases = [t.case for t in words]
    surname = words[-1].text.lower() if words else ""
    oblique = next((case for endings, case in OBLIQUE_SURNAME_ENDINGS if surname.endswith(endings)), None)
    if oblique and all(case in (None, "Nom") for case in cases):
        return [oblique] * len(words)
    return cases


def gender_of(words) -> str | None:
    """The tagger's gender, corrected by feminine surname endings it often misses."""
    surname = words[-1] if words else None
    if surname and surname.text.lower().endswith(FEMININE_OBLIQUE):
        return "Fem"
    if surname and surname.case == "Acc" and surname.text.lower().endswith(FEMININE_ACCUSATIVE):
        return "Fem"
    if len(words) > 1 and words[0].case == "Acc" and words[0].text.lower().endswith(("у", "ю")):
        return "Fem"       # a man's first name in the accusative ends in -а/-я (Даригу, not Бекболата)
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


def grouped(parsed: Parsed, mentions: list[Mention], kind: str) -> list[dict]:
    """One record per distinct entity of a kind, with every mention's span."""
    records: dict[str, dict] = {}
    for mention in mentions:
        if mention.kind != kind or not mention.name:
            continue
        record = records.setdefault(mention.name.lower(), new_record(kind, mention))
        record["spans"].append(list(name_span(parsed, mention)))
        record["mentions"] += 1
    if kind != "organization":
        return list(records.values())
    return merge_acronyms(merge_short_forms(list(records.values())), parsed.text)


def merge_short_forms(records: list[dict]) -> list[dict]:
    """«Общенациональной коалиции» after «Общенациональной коалиции «За …»», or
    «Комиссии» after «Комиссии по конституционной реформе», or «Атамекен» beside
    «Национальная палата предпринимателей «Атамекен»»: the same body, named short."""
    return merged_into(records, lambda record: next(
        (other for other in records if other is not record and names_short(record["name"], other["name"])), None))


def names_short(short: str, full: str) -> bool:
    """The full name's opening words, or the name it quotes."""
    short, full = short.lower(), full.lower()
    return full.startswith(short + " ") or any(full.endswith(f"{mark}{short}{end}") for mark, end in QUOTED)


QUOTED = (("«", "»"), ("“", "”"), ('"', '"'))


def new_record(kind: str, mention: Mention) -> dict:
    record = {"name": mention.name, "mentions": 0, "spans": [], "entity_id": entity_id(kind, mention.name)}
    if kind == "place":
        entry = mention.entry
        record.update({"lat": getattr(entry, "lat", None), "lon": getattr(entry, "lon", None),
                       "region": getattr(entry, "region", None)})
    return record


def parse_together(docs: list[Document]) -> list[dict]:
    """The nlp stage's common work for a chunk: Slovnet tags all their Russian sentences
    (headlines with bodies) in a few batched calls; each document then gets its own `parsed`."""
    russian = [doc for doc in docs if doc.language != "kk"]     # Kazakh has its own tagger
    parts = [texts_to_parse(doc) for doc in russian]
    parsed = iter(parse_many([text for texts in parts for text in texts]))
    joined_up = {id(doc): joined([next(parsed) for _ in texts], headline_of(doc)) for doc, texts in zip(russian, parts)}
    return [{"parsed": joined_up.get(id(doc))} for doc in docs]
