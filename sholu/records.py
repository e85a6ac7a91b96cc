"""The annotation records: what the stages find in an article, one small class each.

Each record has one JSON form, the dict of the export contract (ARCHITECTURE.md):
`to_dict()` writes it with the fields in declaration order, `from_dict()` reads it back,
so `Quote.from_dict(d).to_dict() == d`, key order included. The Document keeps the dicts;
these classes are the one place their shape is declared: the export tables, the store's
tables and the API schemas take their fields from here (or a test holds them to it).

A field a later stage fills (a quote's themes, its store id) is declared with `later()`:
it is absent from the dict until that stage has run, and from the record likewise.
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from typing import get_args, get_type_hints


class Unset:
    """A field a later stage has not filled yet: left out of the dict."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset()


def later(by: str):
    """A field filled after the record is made, `by` a later stage or the store."""
    return field(default=UNSET, metadata={"filled_by": by})


class Record:
    """A value with one JSON form (dataclass fields, in order, as dict keys)."""

    def to_dict(self) -> dict:
        return {f.name: dumped(getattr(self, f.name)) for f in fields(self)
                if getattr(self, f.name) is not UNSET}

    @classmethod
    def from_dict(cls, data: dict):
        unknown = [key for key in data if key not in field_names(cls)]
        if unknown:
            raise ValueError(f"{cls.__name__} has no field {', '.join(unknown)}")
        missing = [f.name for f in fields(cls) if f.name not in data and f.default is MISSING]
        if missing:
            raise ValueError(f"{cls.__name__} needs {', '.join(missing)}")
        nested = nested_records(cls)
        return cls(**{key: loaded(nested.get(key), value) for key, value in data.items()})


def dumped(value):
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list):
        return [dumped(item) for item in value]
    return value


def loaded(record_class: type[Record] | None, value):
    if record_class is not None and value is not None:
        return [record_class.from_dict(item) for item in value]
    return value


@cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@cache
def field_types(cls: type) -> dict:
    """Each field's type, the annotations resolved."""
    return get_type_hints(cls)


@cache
def nested_records(cls: type) -> dict[str, type[Record]]:
    """The fields that hold a list of records (a quote's topics): name -> record class."""
    found = {}
    for name, kind in field_types(cls).items():
        inner = [arg for arg in get_args(kind) if isinstance(arg, type) and issubclass(arg, Record)]
        if inner:
            found[name] = inner[0]
    return found


def filled_later(cls: type) -> dict[str, str]:
    """Fields absent until a later stage fills them: name -> who fills them."""
    return {f.name: f.metadata["filled_by"] for f in fields(cls) if "filled_by" in f.metadata}


def identifiers(items: list | None) -> list:
    """A list field as flat values: strings as they are, records (dicts) as their first
    field (a quote's topics as theme ids), for a table cell or a store column."""
    return [next(iter(item.values())) if isinstance(item, dict) else item for item in items or []]


Spans = list[list[int]]        # [[start, end], ...]: offsets into the article's text
# A name in the headline: [[start, end], ...] offsets into the article's `title`.
TitleSpans = list[list[int]]


# -- entities (the nlp stage) --------------------------------------------------------

@dataclass
class EntityTone(Record):
    """How an article speaks of one entity: its mentions by the tone of their sentence."""

    positive: int              # mentions in a sentence praising it
    neutral: int
    negative: int              # mentions in a sentence criticising it
    net: float                 # (positive - negative) / mentions read


@dataclass
class MentionTone(Record):
    """The tone of one mention's sentence towards the entity, as the tone stage read it."""

    start: int                 # the mention, offsets into the text
    end: int
    tone: int                  # -1 negative, 0 neutral, 1 positive
    confidence: float          # the model's probability of that tone


@dataclass
class Person(Record):
    """A person the article names, with every mention and the positions it gives them."""

    name: str                  # nominative "Имя Фамилия"
    positions: list[str]       # nominative
    mentions: int
    spans: Spans               # the name's mentions
    references: Spans          # pronouns and role nouns resolved to the person
    entity_id: str
    title_spans: TitleSpans = field(default_factory=list)   # the name in the headline
    tone: EntityTone = later("the tone stage")       # over the entity's mentions in the article
    tone_mentions: list[MentionTone] = later("the tone stage")


@dataclass
class Organization(Record):
    """An organisation the article names."""

    name: str
    mentions: int
    spans: Spans
    entity_id: str
    title_spans: TitleSpans = field(default_factory=list)
    tone: EntityTone = later("the tone stage")       # over the entity's mentions in the article
    tone_mentions: list[MentionTone] = later("the tone stage")


@dataclass
class Place(Record):
    """A place the article names, located when the gazetteer knows it."""

    name: str
    mentions: int
    spans: Spans
    entity_id: str
    lat: float | None          # from the gazetteer, when it knows the place
    lon: float | None
    region: str | None
    title_spans: TitleSpans = field(default_factory=list)


@dataclass
class DateMention(Record):
    """A date the article states, resolved to a day."""

    text: str                  # the words as written
    date: str                  # YYYY-MM-DD, resolved against the article's date
    start: int
    end: int


# -- quotes, themes, events ----------------------------------------------------------

@dataclass
class Topic(Record):
    """A campaign theme of an article (or a quote) and how strongly it carries it."""

    topic: str                 # a theme id of the taxonomy
    score: float


@dataclass
class Quote(Record):
    """Direct or indirect speech and who said it."""

    speaker: str | None
    speaker_entity_id: str | None
    speaker_type: str          # person | organization | group | unknown
    kind: str                  # direct | indirect
    text: str
    start: int
    end: int
    verb: str | None           # the verb of saying, as a lemma
    in_title: bool = False     # said in the headline: start/end are offsets into `title`
    topics: list[Topic] = later("the quote topics stage")
    speaker_tone: int | None = later("the tone stage")   # the quote's sentence towards its speaker
    quote_id: str = later("the store")               # "<document id>:<index>"
    repeat_of: str | None = later("the store")       # the first quote saying the same elsewhere


@dataclass
class Event(Record):
    """A meeting, election, referendum or other gathering the article reports."""

    type: str                  # meeting | election | referendum | press_conference | other
    date: str | None
    date_source: str | None    # "text" | "published" | None
    city: str | None
    city_inferred: bool        # the city comes from the venue
    venue: str | None
    organizer: str | None
    participants: list[str]
    audience: str | None
    trigger: str               # the sentence that announced it
    start: int
    end: int
    key: str | None = later("the events stage")    # groups reports of one event across outlets
    title: str | None = later("the events stage")  # «Встреча, Шахтинск: Ербол Аманжолов — горняки»


@dataclass
class ConstitutionRef(Record):
    """A reference to an article (and paragraph) of the Constitution."""

    article: int
    paragraph: int | None
    text: str
    start: int
    end: int


# The annotation fields of a Document, in export order, and the record of each item.
ANNOTATIONS: dict[str, type[Record]] = {
    "persons": Person,
    "organizations": Organization,
    "places": Place,
    "dates": DateMention,
    "quotes": Quote,
    "events": Event,
    "topics": Topic,
    "constitution_refs": ConstitutionRef,
}


def read_annotations(record: dict) -> dict[str, list[Record]]:
    """The annotation lists of an export record, as records."""
    return {key: [cls.from_dict(item) for item in record[key]] for key, cls in ANNOTATIONS.items()}
