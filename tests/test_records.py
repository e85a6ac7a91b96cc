"""The annotation records (sholu/records.py) and everything that repeats their shape: the
sample corpus's export goes through the records and back unchanged, key order included;
the export contract, the export tables, the store's tables and the API models hold the
records' fields; a field added to a record reaches them or fails here."""
import json
from dataclasses import field, fields, make_dataclass

import pytest

from conftest import BACKENDS, new_target
from sholu.api.schemas import (ANNOTATION_MODELS, EVENT_LEFT_OUT, QUOTE_LEFT_OUT, DocumentRecord,
                               EventPublic, QuotePublic, annotation_model)
from sholu.document import ANNOTATION_FIELDS, EXPORT_FIELDS
from sholu.export.tables import COUNTED, ENTITY_LEFT_OUT, TABLES, TONE_CELLS, record_table
from sholu.records import (ANNOTATIONS, UNSET, Event, Person, Quote, Topic, field_names, filled_later,
                           read_annotations)
from sholu.store import open_store
from sholu.store.schema import (ENTITY_ANNOTATIONS_ONLY, ENTITY_COLUMNS, ENTITY_RECORDS, RECORD_TABLES, SPACE_COLUMNS,
                                TONE_COLUMNS)

# Columns the export tables and the store add to a record's fields: ids and links.
EXPORT_IDS = {"document_id", "quote_id", "event_id", *TONE_CELLS}      # ids, and tone flattened
# What the quote and event lists tell beside the record: the article's, the corpus's.
QUOTE_LIST_EXTRAS = {"document_id", "published", "outlet", "duplicate_of", "times_said",
                     "speaker_tone"}      # the tone column (a record field once the tone stage is in)
EVENT_LIST_EXTRAS = {"reports", "original_reports", "outlets"}


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False)      # compares key order too


def all_items(sample_records, key: str) -> list[dict]:
    return [item for record in sample_records.values() for item in record[key]]


# -- one JSON form --------------------------------------------------------------------

def test_the_sample_export_round_trips_through_the_records(sample_records):
    for record in sample_records.values():
        for key, items in read_annotations(record).items():
            assert as_json([item.to_dict() for item in items]) == as_json(record[key]), key
    assert sum(len(record["quotes"]) for record in sample_records.values()) >= 5


def test_a_quote_reads_as_a_record(sample_records):
    said = next(q for q in all_items(sample_records, "quotes")
                if q["text"].startswith("человек труда является ключевой ценностью"))
    assert Quote.from_dict(said) == Quote(
        speaker="Аида Балаева", speaker_entity_id=said["speaker_entity_id"], speaker_type="person",
        kind="indirect", text=said["text"], start=said["start"], end=said["end"], verb="отметить",
        topics=[Topic("labour_rights", said["topics"][0]["score"])], speaker_tone=said["speaker_tone"],
        quote_id=said["quote_id"], repeat_of=None)


def test_fields_filled_later_stay_absent_until_then(sample_records):
    """A quote fresh from the quotes stage has no themes or store id yet: its record
    writes none back."""
    stored = all_items(sample_records, "quotes")[0]
    fresh = {key: value for key, value in stored.items() if key not in filled_later(Quote)}
    quote = Quote.from_dict(fresh)
    assert quote.topics is UNSET and quote.to_dict() == fresh
    assert list(filled_later(Quote)) == ["topics", "speaker_tone", "quote_id", "repeat_of"]
    assert list(filled_later(Event)) == ["key", "title"]


def test_a_field_the_record_does_not_know_is_refused(sample_records):
    person = all_items(sample_records, "persons")[0]
    with pytest.raises(ValueError, match="Person has no field mood"):
        Person.from_dict({**person, "mood": 0.5})
    with pytest.raises(ValueError, match="Person needs entity_id"):
        Person.from_dict({key: value for key, value in person.items() if key != "entity_id"})


# -- the export contract ------------------------------------------------------------------

def test_the_export_contract_lists_the_records(sample_records):
    assert ANNOTATION_FIELDS == tuple(ANNOTATIONS)
    assert EXPORT_FIELDS[-len(ANNOTATION_FIELDS):] == ANNOTATION_FIELDS
    for record in sample_records.values():
        assert list(record) == [*EXPORT_FIELDS, "url", "skipped_stages", "translations"]


def test_every_record_field_is_a_column_of_its_export_table_or_left_out():
    assert set(COUNTED) | {"topics"} == set(ANNOTATIONS)
    for key, record in ANNOTATIONS.items():
        table = TABLES[key]
        assert table.record is record
        assert set(field_names(record)) - set(table.leave_out) <= set(table.names), key
        assert set(table.names) - set(field_names(record)) <= EXPORT_IDS, key
        assert set(table.leave_out) <= set(field_names(record)), key


def test_a_field_added_to_a_record_becomes_an_export_column(sample_records):
    scored = make_dataclass("ScoredPerson", [("salience", float | None, None)], bases=(Person,))
    table = record_table("persons", scored, first=("entity_id", *TONE_CELLS),
                         leave_out=("references", *ENTITY_LEFT_OUT), computed=TONE_CELLS)
    assert table.names == [*TABLES["persons"].names, "salience"]
    assert table.columns[-1].kind == "float"
    record = next(r for r in sample_records.values() if r["persons"])
    record = {**record, "persons": [{**p, "salience": 0.25} for p in record["persons"]]}
    assert {row["salience"] for row in table.rows(record)} == {0.25}


def test_a_field_no_flat_column_can_hold_must_be_left_out():
    spanned = make_dataclass("SpannedPerson", [("titles", list[list[int]], field(default_factory=list))],
                             bases=(Person,))
    with pytest.raises(TypeError, match="SpannedPerson.titles"):
        record_table("persons", spanned, first=("entity_id",), leave_out=("references", *ENTITY_LEFT_OUT))


# -- the store ------------------------------------------------------------------------

@pytest.fixture(scope="module", params=BACKENDS)
def store(request, tmp_path_factory):
    store = open_store(new_target(request.param, tmp_path_factory.mktemp("records"), "records"))
    yield store
    store.close()


def table_columns(store, table: str) -> set[str]:
    cursor = store.db.execute(f"SELECT * FROM {table} LIMIT 0")
    return {column[0] for column in cursor.description}


def test_the_migrated_record_tables_have_a_column_for_each_stored_field(store):
    """A field added to a quote or an event needs a migration adding its column."""
    for table, layout in RECORD_TABLES.items():
        assert table_columns(store, table) == set(layout.columns) | set(TONE_COLUMNS.get(table, ())), table
        record_fields = set(field_names(layout.record))
        assert record_fields <= set(layout.columns) | set(layout.leave_out), table
        assert set(layout.leave_out) <= record_fields, table


def test_each_entity_field_is_a_column_or_kept_in_the_annotations(store):
    assert table_columns(store, "entity_mentions") == {"document_id", "kind", *ENTITY_COLUMNS,
                                                       *TONE_COLUMNS["entity_mentions"], *SPACE_COLUMNS}
    assert "position" in table_columns(store, "positions")
    assert set(ENTITY_RECORDS) == {key for key, record in ANNOTATIONS.items()
                                   if "entity_id" in field_names(record)}
    for key, record in ENTITY_RECORDS.items():
        known = set(ENTITY_COLUMNS) | set(TONE_COLUMNS["entity_mentions"]) | set(ENTITY_ANNOTATIONS_ONLY) | {"positions"}
        assert set(field_names(record)) <= known, key
        assert set(ENTITY_COLUMNS) <= set(field_names(record)), key


# -- the API --------------------------------------------------------------------------

def test_the_document_record_model_has_the_records_fields_in_order():
    for key, record in ANNOTATIONS.items():
        model = ANNOTATION_MODELS[key]
        assert list(model.model_fields) == list(field_names(record)), key
        required = [f.name for f in fields(record) if f.name not in filled_later(record)]
        assert [name for name, f in model.model_fields.items() if f.is_required()] == required, key
    assert list(annotation_model(make_dataclass("TonedQuote", [("tone", float | None, None)],
                                                bases=(Quote,))).model_fields)[-1] == "tone"


def test_the_api_gives_the_sample_records_back_unchanged(sample_records):
    for record in sample_records.values():
        served = DocumentRecord.model_validate(record).model_dump(mode="json")
        assert served == record
        for key in ANNOTATIONS:
            assert as_json(served[key]) == as_json(record[key]), key


def test_the_quote_and_event_lists_know_every_record_field():
    """A field added to a quote or an event is shown in the lists or named as left out."""
    quote_fields = set(field_names(Quote))
    assert set(QUOTE_LEFT_OUT) <= quote_fields
    assert set(QuotePublic.model_fields) == (quote_fields - set(QUOTE_LEFT_OUT)) | QUOTE_LIST_EXTRAS
    event_fields = set(field_names(Event))
    assert set(EVENT_LEFT_OUT) <= event_fields
    assert set(EventPublic.model_fields) == (event_fields - set(EVENT_LEFT_OUT)) | EVENT_LIST_EXTRAS
