"""Exports of a real SQLite store (sample corpus + a reprint) to JSONL, CSV, Parquet and
XLSX: every file opens in pandas / openpyxl, tables hold the facts of the articles, text
survives exactly, spreadsheets never run article text, filtered exports stay filtered."""
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import BACKENDS, REPRINT, SAMPLES, export_records, new_target, run_into
from sholu.export import TABLES, export, filtered_records
from sholu.export.xlsx_tables import CELL_LIMIT, CUT_MARKER
from sholu.store import open_store

TRICKY_TEXT = ('Балаева: «Право на труд — основа», сказала она.\n"Цитата", с запятой;\r\n'
               "вторая строка\tс табуляцией и ё, Ә, Қ, Ү.")
FORMULA = '=HYPERLINK("http://example.com","нажми")'


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory) -> str:
    path = new_target(request.param, tmp_path_factory.mktemp("export"), "export")
    run_into(path, SAMPLES, REPRINT)
    return path


@pytest.fixture(scope="module")
def records(db) -> list[dict]:
    return export_records(db)


def tricky_record() -> dict:
    """A record whose strings test quoting, formulas and Excel's cell limit."""
    return {"id": "tricky", "source": "test", "url": None, "outlet": "@outlet", "title": FORMULA,
            "published": "2026-03-01", "language": "ru", "duplicate_of": None,
            "text": "-" + "Ж" * 40_000 + "\x07",
            "persons": [{"name": "Аида Балаева", "positions": ["+председатель", "член «AMANAT»"],
                         "mentions": 2, "spans": [[0, 7]], "entity_id": "per:x"}],
            "organizations": [], "places": [], "dates": [], "topics": [], "constitution_refs": [],
            "events": [], "quotes": [{"speaker": "Аида Балаева", "speaker_entity_id": "per:x",
                                      "speaker_type": "person", "kind": "direct",
                                      "text": TRICKY_TEXT, "start": 0, "end": 10}]}


def read_csv(folder: Path, table: str) -> pd.DataFrame:
    # strings as written: no NA guessing, no number parsing of ids
    return pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)


def texts_by_id(records: list[dict]) -> dict[str, str]:
    return {r["id"]: r["text"] for r in records}


# -- JSONL ---------------------------------------------------------------------------

def test_jsonl_writes_one_record_per_line(records, tmp_path):
    counts = export(records, "jsonl", tmp_path / "corpus.jsonl")
    lines = (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert counts == {"documents": 6}
    assert [json.loads(line) for line in lines] == records
    assert "«" in lines[0]                     # ensure_ascii=False: Cyrillic stays readable


# -- CSV ------------------------------------------------------------------------------

def test_csv_tables_open_in_pandas_with_the_counted_rows(records, tmp_path):
    counts = export(iter(records), "csv", tmp_path / "csv")
    assert counts["documents"] == 6
    for table, spec in TABLES.items():
        frame = read_csv(tmp_path / "csv", table)
        assert list(frame.columns) == spec.names
        assert len(frame) == counts[table]
    assert not list((tmp_path / "csv").glob(".*.part"))


def test_csv_holds_the_facts_of_the_articles(records, tmp_path):
    export(records, "csv", tmp_path / "csv")
    quotes = read_csv(tmp_path / "csv", "quotes")
    balaeva = quotes[quotes.speaker == "Аида Балаева"]
    assert len(balaeva) >= 4 and set(balaeva.kind) == {"direct", "indirect"}
    assert (balaeva.speaker_entity_id != "").all()

    events = read_csv(tmp_path / "csv", "events")
    kazcink = events[events.venue == "площадка ТОО «Казцинк»"].iloc[0]
    assert kazcink.type == "meeting" and kazcink.city == "Усть-Каменогорск"
    assert kazcink.participants.split(" | ")[0] == "Аида Балаева"
    assert set(events.type) >= {"meeting", "referendum", "election"}

    persons = read_csv(tmp_path / "csv", "persons")
    utebaeva = persons[persons.name == "Мария Утебаева"].iloc[0]
    assert "партии «AMANAT»" in utebaeva.positions

    documents = read_csv(tmp_path / "csv", "documents")
    assert set(documents.outlet) >= {"BAQ.KZ", "Kazpravda.kz", "Zakon.kz"}
    reprint = documents[documents.outlet == "Zakon.kz"].iloc[0]
    assert reprint.duplicate_of == "0a187b1a094c884e"
    assert "labour_rights" in documents.topics.str.split(";").sum()


def test_csv_text_round_trips_exactly(records, tmp_path):
    """Exactly, but for the apostrophe that keeps a formula-like start from running."""
    export([*records, tricky_record()], "csv", tmp_path / "csv")
    documents = read_csv(tmp_path / "csv", "documents")
    expected = {**texts_by_id(records), "tricky": "'" + tricky_record()["text"]}
    assert dict(zip(documents.id, documents.text)) == expected
    tricky = documents[documents.id == "tricky"].iloc[0]
    assert (tricky.title, tricky.outlet) == ("'" + FORMULA, "'@outlet")
    quotes = read_csv(tmp_path / "csv", "quotes")
    assert quotes[quotes.document_id == "tricky"].text.iloc[0] == TRICKY_TEXT
    raw = (tmp_path / "csv" / "documents.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")          # plain UTF-8, no BOM


# -- Parquet --------------------------------------------------------------------------

def test_parquet_tables_are_typed_and_round_trip(records, tmp_path):
    counts = export([*records, tricky_record()], "parquet", tmp_path / "pq")
    tables = {name: pd.read_parquet(tmp_path / "pq" / f"{name}.parquet") for name in TABLES}
    assert {name: len(frame) for name, frame in tables.items()} == counts

    documents = tables["documents"]
    assert dict(zip(documents.id, documents.text)) == texts_by_id([*records, tricky_record()])
    assert documents.persons_count.dtype == "int64"

    persons = tables["persons"]
    balaeva = persons[persons.name == "Аида Балаева"]
    assert any(len(positions) for positions in balaeva.positions)     # list<string>, not text
    assert list(persons[persons.document_id == "tricky"].positions.iloc[0]) == [
        "+председатель", "член «AMANAT»"]

    events = tables["events"]
    assert events.city_inferred.dtype == bool
    assert "Аида Балаева" in list(events[events.type == "meeting"].participants.iloc[1])
    assert tables["places"].lat.dtype == "float64"
    assert tables["topics"].score.dtype == "float64"
    quotes = tables["quotes"]
    assert quotes[quotes.document_id == "tricky"].text.iloc[0] == TRICKY_TEXT


def test_parquet_of_nothing_still_has_every_table(tmp_path):
    counts = export([], "parquet", tmp_path / "pq")
    assert set(counts.values()) == {0}
    frame = pd.read_parquet(tmp_path / "pq" / "quotes.parquet")
    assert list(frame.columns) == TABLES["quotes"].names and frame.empty


# -- XLSX -----------------------------------------------------------------------------

def test_xlsx_has_a_sheet_per_table_with_its_rows(records, tmp_path):
    counts = export(records, "xlsx", tmp_path / "corpus.xlsx")
    book = openpyxl.load_workbook(tmp_path / "corpus.xlsx")
    assert book.sheetnames == list(TABLES)
    for table, spec in TABLES.items():
        rows = list(book[table].values)
        assert list(rows[0]) == spec.names
        assert len(rows) - 1 == counts[table]
    quotes = list(book["quotes"].values)
    speaker, kind = spec_index("quotes", "speaker"), spec_index("quotes", "kind")
    assert {row[kind] for row in quotes[1:] if row[speaker] == "Аида Балаева"} == {"direct", "indirect"}


def spec_index(table: str, column: str) -> int:
    return TABLES[table].names.index(column)


def test_xlsx_stores_formula_like_strings_as_text_and_cuts_long_cells(tmp_path):
    export([tricky_record()], "xlsx", tmp_path / "tricky.xlsx")
    book = openpyxl.load_workbook(tmp_path / "tricky.xlsx")
    row = list(book["documents"].iter_rows(min_row=2))[0]
    title = row[spec_index("documents", "title")]
    assert title.value == FORMULA and title.data_type == "s" and title.quotePrefix
    assert row[spec_index("documents", "outlet")].data_type == "s"
    text = row[spec_index("documents", "text")].value
    assert len(text) <= CELL_LIMIT and text.endswith(CUT_MARKER) and text.startswith("-ЖЖЖ")
    person = list(book["persons"].iter_rows(min_row=2))[0]
    assert person[spec_index("persons", "positions")].value == "+председатель | член «AMANAT»"
    quote = list(book["quotes"].iter_rows(min_row=2))[0]
    assert quote[spec_index("quotes", "text")].value == TRICKY_TEXT


# -- what goes in ---------------------------------------------------------------------

def test_filtered_export_holds_only_the_chosen_outlet(db, tmp_path):
    store = open_store(str(db))
    try:
        counts = export(filtered_records(store, {"outlet": "baq.kz"}), "csv", tmp_path / "baq")
    finally:
        store.close()
    documents = read_csv(tmp_path / "baq", "documents")
    assert counts["documents"] == 1 and list(documents.outlet) == ["BAQ.KZ"]
    quotes = read_csv(tmp_path / "baq", "quotes")
    assert set(quotes.document_id) == set(documents.id) and "Аида Балаева" in set(quotes.speaker)


FILTERS = [{}, {"with_copies": True}, {"outlet": "Zakon.kz", "with_copies": True},
           {"date_from": "2026-03-01"}, {"date_to": "2026-02-28", "with_copies": True},
           {"theme": "labour_rights"}, {"theme": "elections", "with_copies": True},
           {"event": "election"}, {"event": "meeting|2026-02-27|city:уральск", "with_copies": True},
           {"event": "referendum|2026-03-15", "with_copies": True}]


@pytest.mark.parametrize("filters", FILTERS)
def test_filters_without_a_query_agree_with_search(db, filters):
    """Every sample names Kazakhstan, so searching it applies the filters alone."""
    store = open_store(str(db))
    try:
        by_search = {r["id"] for r in filtered_records(store, filters, "казахстан")}
        by_records = {r["id"] for r in filtered_records(store, filters)}
    finally:
        store.close()
    assert by_records == by_search


def test_person_filter_and_query_select_the_same_articles(db):
    store = open_store(str(db))
    try:
        balaeva = [e for e, name in store.person_entities() if name == "Аида Балаева"]
        by_person = {r["id"] for r in filtered_records(store, {"person_ids": balaeva, "with_copies": True})}
        by_query = {r["id"] for r in filtered_records(store, {"with_copies": True}, "Балаевой")}
    finally:
        store.close()
    assert len(by_person) == 4 and by_person == by_query


def test_an_interrupted_export_leaves_no_files(records, tmp_path):
    def failing():
        yield records[0]
        raise RuntimeError("disk gone")

    for fmt, out in (("csv", tmp_path / "csv"), ("parquet", tmp_path / "pq"),
                     ("xlsx", tmp_path / "a.xlsx"), ("jsonl", tmp_path / "a.jsonl")):
        with pytest.raises(RuntimeError):
            export(failing(), fmt, out)
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert leftovers == []


def test_unknown_format_is_refused(records, tmp_path):
    with pytest.raises(ValueError, match="jsonl, csv, parquet, xlsx"):
        export(records, "xml", tmp_path / "x")
