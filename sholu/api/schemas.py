"""Request and response shapes, named by role: `…Public` is what a client reads,
`…s` the paginated list of it ({items, count}), `…In` what a client sends."""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from ..records import ANNOTATIONS, Record, field_names, field_types, filled_later, nested_records

MAX_DOCUMENTS_PER_REQUEST = 100

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    count: int = Field(description="All matching items, not only this page.")


# -- documents -------------------------------------------------------------------

class DocumentPublic(BaseModel):
    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None = Field(description="YYYY-MM-DD, the article's own date.")
    language: str
    duplicate_of: str | None = Field(description="The first copy's id when this is a reprint.")
    first_words: str = Field(description="The start of the text, for documents without a title.")


class DocumentsPublic(Page[DocumentPublic]):
    pass


def annotation_model(record: type[Record]) -> type[BaseModel]:
    """The model of an annotation record, its fields and types the record's (a field a
    later stage fills may be null); fields it does not know pass through."""
    types, later, nested = field_types(record), filled_later(record), nested_records(record)
    fields: dict[str, Any] = {}
    for name in field_names(record):
        kind = list[annotation_model(nested[name])] if name in nested else types[name]
        fields[name] = ((kind | None, Field(None, description=f"Filled by {later[name]}."))
                        if name in later else (kind, ...))
    return create_model(f"{record.__name__}Record", __config__=ConfigDict(extra="allow"),
                        __doc__=record.__doc__, **fields)


ANNOTATION_MODELS = {key: annotation_model(record) for key, record in ANNOTATIONS.items()}


class TranslationLink(BaseModel):
    """The same article by the same outlet in another language."""
    id: str
    language: str


class DocumentRecord(BaseModel):
    """The export record of ARCHITECTURE.md; fields added to the contract later pass
    through unchanged."""
    model_config = ConfigDict(extra="allow")

    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    language: str
    text: str
    duplicate_of: str | None
    persons: list[ANNOTATION_MODELS["persons"]]
    organizations: list[ANNOTATION_MODELS["organizations"]]
    places: list[ANNOTATION_MODELS["places"]]
    dates: list[ANNOTATION_MODELS["dates"]]
    quotes: list[ANNOTATION_MODELS["quotes"]]
    events: list[ANNOTATION_MODELS["events"]]
    topics: list[ANNOTATION_MODELS["topics"]]
    constitution_refs: list[ANNOTATION_MODELS["constitution_refs"]]
    translations: list[TranslationLink] = []


class SearchHitPublic(BaseModel):
    id: str
    source: str
    title: str = Field(description="The title, or the first words when the article has none.")
    outlet: str | None
    published: str | None
    duplicate_of: str | None
    snippet: str = Field(description="Words around the first match, matches in [brackets].")
    score: float = Field(description="Relevance (negated BM25): higher is better.")


class SearchHitsPublic(Page[SearchHitPublic]):
    count_estimated: bool = Field(False, description="True when `count` is an estimate: past a few "
                                                     "thousand matches the total is extrapolated, not counted.")


# -- people and organisations ----------------------------------------------------

class TonePublic(BaseModel):
    """Mentions by the tone of their sentence towards the entity, over original articles."""

    positive: int
    neutral: int
    negative: int
    net: float = Field(description="(positive - negative) / mentions read, from -1 to 1.")


class PersonPublic(BaseModel):
    entity_id: str
    name: str
    articles: int = Field(description="Original articles naming the person (copies not counted).")
    mentions: int
    tone: TonePublic | None = Field(None, description="None where no article was read for tone.")
    positions: list[str] = Field(description="Positions, the most recently stated first.")


class PersonsPublic(Page[PersonPublic]):
    pass


class PositionStated(BaseModel):
    position: str
    published: str | None = Field(description="The date of the article that states it.")
    document_id: str


class PersonArticle(BaseModel):
    id: str
    published: str | None
    outlet: str | None
    title: str | None
    duplicate_of: str | None
    mentions: int
    first_words: str


class CoMentioned(BaseModel):
    entity_id: str
    name: str
    articles: int


class PersonProfile(BaseModel):
    entity_id: str
    name: str
    positions: list[PositionStated]
    articles: list[PersonArticle]
    co_mentioned: list[CoMentioned]


class OrganizationPublic(BaseModel):
    entity_id: str
    name: str
    articles: int = Field(description="Original articles naming it (copies not counted).")
    mentions: int
    tone: TonePublic | None = Field(None, description="None where no article was read for tone.")


class OrganizationsPublic(Page[OrganizationPublic]):
    pass


# -- quotes and events -----------------------------------------------------------

class QuotePublic(BaseModel):
    quote_id: str
    speaker: str | None
    speaker_entity_id: str | None
    speaker_type: str
    kind: str = Field(description="direct or indirect")
    text: str
    verb: str | None
    topics: list[str]
    repeat_of: str | None = Field(description="The first quote saying the same, in another article.")
    speaker_tone: int | None = Field(None, description="The tone of the quote's sentence towards its "
                                                       "speaker: -1, 0, 1; null when it states none.")
    document_id: str
    published: str | None
    outlet: str | None
    duplicate_of: str | None
    times_said: int
    speaker_tone: int | None = Field(None, description="-1, 0 or 1: the quote's tone; null until read.")


# The record fields (sholu/records.py) that the quote and event lists leave out, the
# document endpoint carrying them; tests/test_records.py holds both models to the records.
QUOTE_LEFT_OUT = ("start", "end", "in_title")
EVENT_LEFT_OUT = ("date_source", "trigger", "start", "end")


class QuotesPublic(Page[QuotePublic]):
    count_estimated: bool = Field(False, description="True when `count` is an estimate: the quotes of a common "
                                                     "word are counted up to a few thousand, then estimated.")


class EventPublic(BaseModel):
    key: str
    type: str
    title: str = Field(description="What, where, who met whom: «Встреча, Шахтинск: Ербол Аманжолов — горняки».")
    date: str | None
    city: str | None
    city_inferred: bool = Field(description="The city was inferred from the venue.")
    venue: str | None
    organizer: str | None
    audience: str | None
    participants: list[str]
    reports: int
    original_reports: int
    outlets: list[str]


class EventsPublic(Page[EventPublic]):
    pass


# -- outlets and themes ----------------------------------------------------------

class OutletPublic(BaseModel):
    outlet: str | None = Field(description="None for articles whose outlet is not known.")
    articles: int
    originals: int
    copies: int
    first_published: str | None
    last_published: str | None


class OutletsPublic(Page[OutletPublic]):
    pass


class TopicPublic(BaseModel):
    topic: str
    label_ru: str | None
    label_en: str | None
    articles: int
    originals: int
    copies: int


class TopicsPublic(Page[TopicPublic]):
    pass


# -- writing ---------------------------------------------------------------------

class DocumentIn(BaseModel):
    """One article, the fields of a JSONL feed line."""
    model_config = ConfigDict(extra="forbid")    # a misspelt field should not vanish silently

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD or DD.MM.YYYY.")
    outlet: str | None = None

    @model_validator(mode="after")
    def has_content(self) -> DocumentIn:
        if not (self.text or "").strip() and not (self.html or "").strip():
            raise ValueError("each document needs a non-empty 'text' or 'html'")
        return self


class DocumentsIn(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_DOCUMENTS_PER_REQUEST)


class IngestProblem(BaseModel):
    source: str
    reason: str


class IngestSummary(BaseModel):
    read: int
    new: int
    duplicates: int
    skipped: int
    seconds: float
    store: dict[str, int] = Field(description="Totals of the whole store after the run.")


class IngestResult(BaseModel):
    stored: list[str] = Field(description="Ids of the stored documents, in request order.")
    errors: list[IngestProblem]
    summary: IngestSummary
