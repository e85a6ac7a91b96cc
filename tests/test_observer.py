"""The observer's report: a period and an outlet set through every front end, share of
coverage and tone per subject and outlet (the ODIHR tables), the report page, the quote
explorer and the press-release page, on news reports written for these tests
(tests/fixtures/observer: three outlets, two weeks, one reprint), in a real SQLite file."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import FIXTURES, run_into
from sholu import analytics
from sholu.analytics.shares import subject_table
from sholu.cli import main
from sholu.pipeline import run_records
from sholu.server import create_app
from sholu.services.selection import GROUPS_VARIABLE, Asked, SelectionError, choose
from sholu.store import open_store
from sholu.store.queries.common import Selection

SAPAROV, NURLANOVA = "Ерлан Сапаров", "Айгуль Нурланова"
WEEK_8 = Selection("2026-02-16", "2026-02-22")
WEEK_9 = {"date_from": "2026-02-23", "date_to": "2026-03-01"}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("observer") / "observer.db"
    run_into(path, FIXTURES / "observer")
    return str(path)


@pytest.fixture()
def store(db):
    opened = open_store(db)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as test_client:
        yield test_client


def entity_id(store, name: str) -> str:
    return store.db.execute("SELECT entity_id FROM entities WHERE name = ?", (name,)).fetchone()[0]


# -- the period and the outlet set ------------------------------------------------------

def test_the_period_and_outlets_narrow_the_cli_the_api_and_the_dashboard(db, client):
    """In week 9 DKNews.kz names only the minister; over both weeks it names nobody else."""
    cli = CliRunner().invoke(main, ["persons", "--db", db, "--json", "--from", WEEK_9["date_from"],
                                    "--to", WEEK_9["date_to"], "--outlets", "dknews.kz"])
    assert cli.exit_code == 0, cli.output
    by_cli = [json.loads(line)["name"] for line in cli.output.splitlines()]
    params = {**WEEK_9, "outlets": "dknews.kz"}
    by_api = [row["name"] for row in client.get("/api/persons", params=params).json()["items"]]
    by_page = [row["name"] for row in client.get("/persons", params={**params, "format": "json", "list": "persons"}).json()]
    assert by_cli == by_api == by_page == [NURLANOVA]
    everyone = [row["name"] for row in client.get("/api/persons").json()["items"]]
    assert set(everyone) >= {SAPAROV, NURLANOVA}


def test_a_bad_date_is_refused_with_its_reason(db, client):
    cli = CliRunner().invoke(main, ["report", "--db", db, "--from", "2026-02-30"])
    assert cli.exit_code != 0 and "2026-02-30" in cli.output
    assert client.get("/persons", params={"date_from": "2026-13-01"}).status_code == 400


def test_links_keep_the_period_and_outlets(client):
    page = client.get("/", params={**WEEK_9, "outlets": "BAQ.KZ"}).text
    person_links = re.findall(r'href="(/persons/per:[^"]+)"', page)
    assert person_links and all("date_from=2026-02-23" in link and "outlets=BAQ.KZ" in link for link in person_links)


def test_the_groups_file_names_outlet_sets_and_sides(store, tmp_path, monkeypatch):
    groups = tmp_path / "groups.toml"
    groups.write_text('[outlets]\n"частные" = ["baq.kz", "DKNews.kz"]\n\n[sides]\n"Акимат" = ["Ерлан Сапаров"]\n',
                      encoding="utf-8")
    monkeypatch.setenv(GROUPS_VARIABLE, str(groups))
    assert choose(store, outlets="Частные").outlets == ("BAQ.KZ", "DKNews.kz")
    assert choose(store, outlets="частные, Kazpravda.kz").outlets == ("BAQ.KZ", "DKNews.kz", "Kazpravda.kz")
    assert choose(store, outlets="nobody.example").outlets == ("nobody.example",)    # selects nothing
    table = subject_table(store, Selection(), "person")
    side = {row["outlet"]: row for row in table["rows"] if row["line"] == "side"}
    person = {row["outlet"]: row for row in table["rows"] if row["subject"] == SAPAROV and row["line"] == "subject"}
    assert side["all"]["mentions"] == person["all"]["mentions"] > 0
    groups.write_text("[outlets\n", encoding="utf-8")
    with pytest.raises(SelectionError):
        choose(store, outlets="частные")


# -- share of coverage and tone ------------------------------------------------------------

def test_share_counts_mentions_headlines_and_sentence_characters(store):
    table = subject_table(store, Selection(WEEK_8.date_from, WEEK_8.date_to, ("Kazpravda.kz",)), "person")
    cell = next(r for r in table["rows"] if r["subject"] == SAPAROV and r["outlet"] == "Kazpravda.kz")
    sentences = ["Аким Карагандинской области Ерлан Сапаров открыл новую школу в Караганде.",
                 "Ерлан Сапаров поблагодарил строителей за работу без задержек.",
                 "Ерлан Сапаров попросил ускорить ремонт котельной в Темиртау."]
    # mentions count the headline's too (the nlp stage reads it): three in the bodies and
    # "Сапаров открыл…" in one headline
    assert (cell["articles"], cell["mentions"], cell["headline_mentions"]) == (2, 4, 1)
    assert cell["characters"] == sum(len(s) for s in sentences)
    minister = next(r for r in table["rows"] if r["subject"] == NURLANOVA and r["outlet"] == "Kazpravda.kz")
    assert cell["mention_share"] + minister["mention_share"] == pytest.approx(1.0, abs=1e-3)


def test_copies_count_for_the_outlet_that_reprinted(store):
    """BAQ.KZ's reprint of the forum report names the governor in BAQ.KZ's column."""
    table = subject_table(store, Selection("2026-02-26", "2026-02-27"), "person")
    columns = {r["outlet"]: r["mentions"] for r in table["rows"] if r["subject"] == SAPAROV}
    assert columns["BAQ.KZ"] == columns["Kazpravda.kz"] == 1


def test_top_outlets_and_the_rest_as_others(store):
    table = subject_table(store, Selection(), "person", top_subjects=1, top_outlets=1)
    assert table["outlets"] == ["BAQ.KZ", "others", "all"]       # 3 articles each with Kazpravda.kz: by name
    subjects = {r["subject"] for r in table["rows"]}
    assert subjects == {SAPAROV, "others"}
    assert table["articles"]["BAQ.KZ"] + table["articles"]["others"] == table["articles"]["all"] == 8


def test_tone_columns_fill_the_tone_distribution(db):
    """The tone stage's columns, set here in SQL to known values (the stage's own are
    tested in test_tone), each article taken out of the kept sums before its rows
    change and counted again after, as the store's own writes do."""
    store = open_store(db)
    try:
        saparov = entity_id(store, SAPAROV)
        rewrite(store, ("UPDATE entity_mentions SET tone_positive = 1, tone_neutral = 0, tone_negative = 0 "
                        "WHERE entity_id = ?", (saparov,)),
                ("UPDATE entity_mentions SET tone_negative = 1 WHERE entity_id = ? AND document_id IN "
                 "(SELECT id FROM documents WHERE title LIKE 'Жители Темиртау%')", (saparov,)),
                ("UPDATE quotes SET speaker_tone = NULL", ()),
                ("UPDATE quotes SET speaker_tone = 1 WHERE quote_id = (SELECT MIN(quote_id) FROM quotes)", ()))
        table = subject_table(store, Selection(), "person")
        total = next(r for r in table["rows"] if r["subject"] == SAPAROV and r["outlet"] == "all")
        assert (total["positive"], total["negative"]) == (total["articles"], 1)
        positive = CliRunner().invoke(main, ["quotes", "--db", db, "--tone", "1", "--json"])
        assert len(positive.output.splitlines()) == 1 and json.loads(positive.output)["speaker_tone"] == 1
    finally:
        rewrite(store, ("UPDATE entity_mentions SET tone_positive = NULL, tone_neutral = NULL, tone_negative = NULL",
                        ()), ("UPDATE quotes SET speaker_tone = NULL", ()))
        store.close()


def rewrite(store, *statements: tuple[str, tuple]) -> None:
    ids = [row[0] for row in store.db.execute("SELECT id FROM documents").fetchall()]
    with store.transaction():
        for doc_id in ids:
            store.uncount_document(doc_id)
        for sql, args in statements:
            store.db.execute(sql, args)
        for doc_id in ids:
            store.count_document(doc_id)


# -- one set of numbers: the report, the API, the CSV ---------------------------------------

class SectionTables(HTMLParser):
    """The cell texts of the first table of each <section id=...>."""

    def __init__(self):
        super().__init__()
        self.sections: dict[str, list[list[str]]] = {}
        self.section = None
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.tables_seen = 0

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.section, self.tables_seen = dict(attrs).get("id"), 0
        elif tag == "table":
            self.tables_seen += 1
        elif tag == "tr" and self.tables_seen == 1:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.sections.setdefault(self.section, []).append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def test_the_report_the_api_and_the_csv_give_the_same_shares(store, client):
    asked = {"date_from": "2026-02-16", "date_to": "2026-02-27", "outlets": "Kazpravda.kz,BAQ.KZ,DKNews.kz"}
    selection = Asked(**asked).resolve(store)
    parser = SectionTables()
    parser.feed(analytics.render_report(store, selection, top_outlets=2))
    header, *lines = parser.sections["shares-people"]
    columns = {"остальные издания": "others", "все издания": "all"}
    by_report = {}
    for line in lines:
        for heading, cell in zip(header[1:], line[1:]):
            share, mentions = re.fullmatch(r"([\d.]+) % \((\d+)\)", cell).groups()
            by_report[line[0], columns.get(heading, heading)] = (round(float(share), 1), int(mentions))
    api = client.get("/api/analytics/shares", params={**asked, "top_outlets": 2}).json()
    by_api = {(r["subject"], r["outlet"]): (round(100 * r["mention_share"], 1), r["mentions"]) for r in api["rows"]}
    page = client.get("/shares", params={**asked, "top_outlets": 2, "format": "csv", "chart": "shares"})
    assert page.content.startswith("\ufeff".encode())
    rows = csv.DictReader(io.StringIO(page.content.decode("utf-8-sig")))
    by_csv = {(r["subject"], r["outlet"]): (round(100 * float(r["mention_share"]), 1), int(r["mentions"]))
              for r in rows if r["line"] == "subject"}
    assert by_report and by_report == by_api
    assert by_api == by_csv, set(by_api.items()) ^ set(by_csv.items())
    assert by_api[SAPAROV, "all"][1] >= 5 and api["outlets"] == ["BAQ.KZ", "Kazpravda.kz", "others", "all"]


def test_a_report_of_many_outlets_stays_short(tmp_path):
    """Forty outlets: the report shows the top ones and the rest as one row."""
    db = tmp_path / "many.db"
    store = open_store(str(db))
    try:
        run_records([{"outlet": f"outlet-{n:02d}.example", "published": f"2026-03-{1 + n % 20:02d}",
                      "text": f"Депутат Марат Оспанов выступил на встрече с избирателями в посёлке номер {n}."}
                     for n in range(40)], store)
        html = analytics.render_report(store, Selection("2026-03-01", "2026-03-31"))
    finally:
        store.close()
    parser = SectionTables()
    parser.feed(html)
    outlets = parser.sections["outlets"]
    assert len(outlets) == 1 + analytics.shares.TOP_OUTLETS + 1          # heading, top, the rest
    assert outlets[-1][0].startswith("остальные издания (32)") and outlets[-1][1] == "32"
    assert len(html) < 120_000 and "@media print" in html and "<script" not in html.lower()


# -- quote explorer and press-release page ------------------------------------------------

def test_the_quote_explorer_searches_words_speaker_period_and_outlets(client):
    tariffs = client.get("/quotes", params={"words": "тариф", "format": "json", "list": "quotes"}).json()
    assert tariffs and all("тариф" in q["text"].lower() for q in tariffs)
    week = client.get("/quotes", params={**WEEK_9, "outlets": "DKNews.kz", "format": "json", "list": "quotes"}).json()
    assert week and all(q["outlet"] == "DKNews.kz" and q["published"] >= "2026-02-23" for q in week)
    api = client.get("/api/quotes", params={**WEEK_9, "outlets": "DKNews.kz", "speaker": "Нурлановой"}).json()
    assert [q["quote_id"] for q in api["items"]] == [q["quote_id"] for q in week if q["speaker"] == NURLANOVA]
    table = client.get("/quotes", params={"words": "тариф", "format": "csv", "chart": "quotes"}).content
    assert table.startswith("\ufeff".encode()) and "тариф" in table.decode("utf-8-sig").lower()


def test_the_press_release_page_orders_copies_by_publication(store, client):
    original = store.db.execute("SELECT id FROM documents WHERE title LIKE 'В Караганде прошёл форум%'").fetchone()[0]
    copy = store.db.execute("SELECT id, duplicate_of FROM documents WHERE outlet = 'BAQ.KZ' "
                            "AND title LIKE 'Форум молодёжи%'").fetchone()
    assert copy[1] == original
    members = client.get(f"/reprints/{copy[0]}", params={"format": "json", "list": "copies"}).json()
    assert [(m["outlet"], m["published"], m["days_after_first"]) for m in members] == \
        [("Kazpravda.kz", "2026-02-26", 0), ("BAQ.KZ", "2026-02-27", 1)]
    assert client.get("/reprints/nothing").status_code == 404


def test_every_report_section_counts_the_selection(store, client):
    """Week 9: the governor is named in two original articles (the farmers' meeting and
    the forum; BAQ.KZ's reprint is a copy), not the five of both weeks."""
    selection = Asked(**WEEK_9).resolve(store)
    parser = SectionTables()
    parser.feed(analytics.render_report(store, selection))
    people = {row[0]: row[1] for row in parser.sections["people"][1:]}
    api = client.get("/api/analytics/share-of-voice", params=WEEK_9).json()
    assert people[SAPAROV] == str(next(p["articles"] for p in api if p["name"] == SAPAROV)) == "2"
    whole = client.get("/api/analytics/share-of-voice").json()
    assert next(p["articles"] for p in whole if p["name"] == SAPAROV) == 5
    timeline = [row[0] for row in parser.sections["timeline"][1:]]
    assert timeline == [f"2026-02-{day}" for day in range(23, 29)] + ["2026-03-01"]      # quiet days too


def test_events_are_those_reported_in_the_period(client, store):
    """Whatever events the stage finds here, the period keeps those of its articles."""
    every = client.get("/api/events", params={"limit": 200}).json()["items"]
    week = client.get("/api/events", params={"limit": 200, **WEEK_9}).json()["items"]
    dates = dict(store.db.execute("SELECT id, published FROM documents").fetchall())
    reported = {key for (key, doc) in store.db.execute("SELECT group_key, document_id FROM events").fetchall()
                if "2026-02-23" <= (dates[doc] or "") <= "2026-03-01"}
    assert reported, "the farmers' meeting and the forum are events of week 9"
    assert {e["key"] for e in week} == reported and len(week) <= len(every)


def test_the_outlets_page_sorts_and_keeps_the_selection(client):
    by_name = client.get("/outlets", params={"sort": "name", "format": "json", "list": "outlets"}).json()
    assert [row["outlet"] for row in by_name] == ["BAQ.KZ", "DKNews.kz", "Kazpravda.kz"]
    by_copies = client.get("/outlets", params={"sort": "copies", "format": "json", "list": "outlets"}).json()
    assert by_copies[0]["outlet"] == "BAQ.KZ" and by_copies[0]["copies"] == 1      # the forum reprint
    week = client.get("/outlets", params={**WEEK_9, "format": "json", "list": "outlets"}).json()
    assert {row["outlet"]: row["articles"] for row in week} == {"BAQ.KZ": 2, "DKNews.kz": 1, "Kazpravda.kz": 1}


def test_exports_and_search_take_the_outlet_set(db):
    """The shipped groups file's "state media" holds Kazpravda.kz, not BAQ.KZ or DKNews.kz."""
    exported = CliRunner().invoke(main, ["export", "--db", db, "--outlets", "state media", "--from", "2026-02-23"])
    assert exported.exit_code == 0, exported.output
    assert [json.loads(line)["outlet"] for line in exported.output.splitlines()] == ["Kazpravda.kz"]
    found = CliRunner().invoke(main, ["search", "Сапаров", "--db", db, "--json", "--outlets", "baq.kz,dknews.kz"])
    assert found.exit_code == 0, found.output
    assert {json.loads(line)["outlet"] for line in found.output.splitlines()} == {"BAQ.KZ"}


def test_the_quote_explorer_shows_and_filters_tone(db, client):
    store = open_store(db)
    try:
        with store.db:
            store.db.execute("UPDATE quotes SET speaker_tone = -1 WHERE quote_id = (SELECT MIN(quote_id) FROM quotes)")
        negative = client.get("/quotes", params={"tone": "negative"}).text
        assert negative.count('class="quote-row"') == 1 and 'class="tone tone-1">негативно<' in negative
        assert 'class="quote-row"' not in client.get("/quotes", params={"tone": "positive"}).text
    finally:
        with store.db:
            store.db.execute("UPDATE quotes SET speaker_tone = NULL")
        store.close()
