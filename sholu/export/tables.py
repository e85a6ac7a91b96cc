"""The export's tables: one row per document, and one row per thing a document carries
(person, organisation, place, quote, event, topic, date, constitution reference).

JSONL keeps the nested record; CSV, Parquet and XLSX need flat rows, so each table
here names its typed columns and how to read its rows out of one export record; the
tables of annotations take their columns from the records (`sholu/records.py`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import get_args, get_origin

from ..records import (ConstitutionRef, DateMention, EntityTone, Event, Organization, Person, Place, Quote,
                       Record, Topic, field_names, field_types, identifiers, nested_records)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "str"        # str | int | float | bool | list (of strings)
    joiner: str = " | "      # how a list reads in a single CSV or XLSX cell


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: Callable[[dict], Iterator[dict]]
    record: type[Record] | None = None      # the record of each row, for tables of annotations
    leave_out: tuple[str, ...] = ()         # its fields the table has no column for

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]


def text(*names: str) -> list[Column]:
    return [Column(name) for name in names]


def integer(*names: str) -> list[Column]:
    return [Column(name, "int") for name in names]


# -- rows of each table ---------------------------------------------------------------

COUNTED = ("persons", "organizations", "places", "quotes", "events", "dates", "constitution_refs")


def document_rows(record: dict) -> Iterator[dict]:
    row = {key: record.get(key) for key in ("id", "source", "url", "outlet", "title", "published",
                                            "language", "duplicate_of", "text")}
    row["topics"] = [topic["topic"] for topic in record.get("topics") or []]
    row["translations"] = [version["id"] for version in record.get("translations") or []]
    for key in COUNTED:
        row[f"{key}_count"] = len(record.get(key) or [])
    yield row


# -- tables of annotation records ------------------------------------------------------

def record_table(key: str, record: type[Record], first: tuple[str, ...] = (),
                 leave_out: tuple[str, ...] = (), computed: dict | None = None,
                 joiners: dict | None = None) -> Table:
    """One row per item of an export record's `key` list: document_id, the `first`
    columns, then every other field of `record` in its order but those left out (a
    field added to the record becomes a column here by itself). `computed`: name ->
    (export record, index, item) -> value, for columns the item does not carry or may lack."""
    computed = {"document_id": lambda doc, index, item: doc["id"], **(computed or {})}
    rest = [name for name in field_names(record) if name not in first and name not in leave_out]
    columns = tuple(Column(name, column_kind(record, name), (joiners or {}).get(name, " | "))
                    for name in ("document_id", *first, *rest))

    def rows(doc: dict) -> Iterator[dict]:
        for index, item in enumerate(doc.get(key) or []):
            yield {column.name: computed[column.name](doc, index, item) if column.name in computed
                   else cell(item.get(column.name), column) for column in columns}

    return Table(columns, rows, record, leave_out)


def column_kind(record: type[Record], name: str) -> str:
    """The column kind of a field's type (str, int, float, bool, a list of strings, or
    of records, each written as its first field: a topic as its id)."""
    if name not in field_names(record):
        return TONE_KINDS.get(name, "str")     # a computed column: an id, or a tone count
    kind = field_types(record)[name]
    if get_origin(kind) is list:
        if get_args(kind)[0] is str or name in nested_records(record):
            return "list"
    elif found := [k for k in COLUMN_KINDS if k == kind or k in get_args(kind)]:
        return COLUMN_KINDS[found[0]]      # X or X | None
    raise TypeError(f"{record.__name__}.{name} ({kind}) has no flat column: add it to leave_out")


COLUMN_KINDS = {str: "str", bool: "bool", int: "int", float: "float"}


def cell(value, column: Column):
    if column.kind == "list":
        return identifiers(value)
    if column.kind == "bool":
        return bool(value)
    return value


def tone_cell(key: str):
    return lambda doc, index, entity: (entity.get("tone") or {}).get(key)


# a person's or organisation's tone (an object in the JSON export) as columns of its own
# (the column names and kinds read off the EntityTone record, so a field added there is a column)
TONE_CELLS = {f"tone_{key}": tone_cell(key) for key in field_names(EntityTone)}
TONE_KINDS = {f"tone_{key}": COLUMN_KINDS[kind] for key, kind in field_types(EntityTone).items()}
ENTITY_LEFT_OUT = ("spans", "title_spans", "tone", "tone_mentions")


def quote_id(doc: dict, index: int, quote: dict) -> str:
    # records read from the store carry their id; others get the store's scheme
    return quote.get("quote_id") or f"{doc['id']}:{index}"


def event_id(doc: dict, index: int, event: dict) -> str:
    return f"{doc['id']}:{index}"


TABLES: dict[str, Table] = {
    "documents": Table((*text("id", "source", "url", "outlet", "title", "published", "language",
                              "duplicate_of", "text"),
                        Column("topics", "list", ";"), Column("translations", "list", ";"),
                        *integer(*(f"{key}_count" for key in COUNTED))), document_rows),
    "persons": record_table("persons", Person, first=("entity_id", *TONE_CELLS),
                            leave_out=("references", *ENTITY_LEFT_OUT),
                            computed=TONE_CELLS),
    "organizations": record_table("organizations", Organization, first=("entity_id", *TONE_CELLS),
                                  leave_out=ENTITY_LEFT_OUT, computed=TONE_CELLS),
    "places": record_table("places", Place, first=("entity_id", "name", "lat", "lon", "region"),
                           leave_out=("spans", "title_spans")),
    "quotes": record_table("quotes", Quote, first=("quote_id", "speaker", "speaker_entity_id",
                                                   "speaker_type", "kind", "verb"),
                           computed={"quote_id": quote_id}, joiners={"topics": ";"}),
    "events": record_table("events", Event, first=("event_id",), leave_out=("trigger", "start", "end"),
                           computed={"event_id": event_id}),
    "topics": record_table("topics", Topic),
    "dates": record_table("dates", DateMention),
    "constitution_refs": record_table("constitution_refs", ConstitutionRef),
}


def table_rows(record: dict) -> Iterator[tuple[str, dict]]:
    """(table name, row) for everything one record contributes to the tables."""
    for name, table in TABLES.items():
        for row in table.rows(record):
            yield name, row


def flat_cell(value, column: Column):
    """The value as one spreadsheet cell: lists joined, None left empty."""
    if column.kind == "list":
        return column.joiner.join(map(str, value))
    return value
