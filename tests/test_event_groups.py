"""Reports of one event in several outlets grouped into one event, on a sample written for
these tests (`tests/fixtures/events-news`: four reports of a minister's meeting with
miners and a reprint of one, three of a press conference abroad, the minister's next
meeting, and five articles that name a gathering none of which is an event of the day).
The whole pipeline runs into a real SQLite file and a PostgreSQL schema, in two runs, so
that reports join events of the batch and of the store."""
from __future__ import annotations

import json

import pytest

from fastapi.testclient import TestClient

from conftest import BACKENDS, FIXTURES, new_target, run_into
from sholu.events.groups import Report, same_event
from sholu.server import create_app
from sholu.store import open_store
from sholu.store.queries import events as event_queries
from sholu.store.queries.common import one, rows
from sholu.store.queries.events import count_events, events_per_day, list_events
from sholu.store.queries.quotes import QUOTE_COLUMNS, quote_dict

SAMPLE = FIXTURES / "events-news" / "reports.jsonl"


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("events-news")
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    first, rest = folder / "first.jsonl", folder / "rest.jsonl"
    first.write_text(lines[0], encoding="utf-8")          # the first report, stored alone
    rest.write_text("".join(lines[1:]), encoding="utf-8")
    db = new_target(request.param, folder, "events")
    run_into(db, first, jobs=1)
    run_into(db, rest, jobs=1)
    return db


@pytest.fixture(scope="module")
def events(db) -> list[dict]:
    store = open_store(str(db))
    try:
        assert one(store, "SELECT COUNT(*) FROM events") == 9      # no report of the five others
        assert count_events(store) == 3
        return list_events(store, limit=10)
    finally:
        store.close()


def by_city(events: list[dict], city: str) -> dict:
    [event] = [e for e in events if e["city"] == city]
    return event


def test_five_outlets_report_one_meeting_dated_a_day_apart(events):
    meeting = by_city(events, "Шахтинск")
    assert (meeting["type"], meeting["reports"], meeting["original_reports"]) == ("meeting", 5, 4)
    assert set(meeting["outlets"]) == {"Kazinform", "Tengrinews.kz", "BAQ.KZ", "Orda.kz", "Kazpravda.kz"}
    assert meeting["date"] == "2026-03-11"
    assert meeting["participants"][:3] == ["Ербол Аманжолов", "Нурлан Тлеубаев", "Бахыт Сарсенов"]


def test_a_press_conference_abroad_is_one_event_with_its_city(events):
    conference = by_city(events, "Ташкент")
    assert (conference["type"], conference["reports"], conference["date"]) == ("press_conference", 3, "2026-03-20")


def test_the_same_minister_two_days_later_elsewhere_is_another_event(events):
    assert by_city(events, "Астана")["reports"] == 1


def test_each_event_has_a_title_a_reader_recognises(events):
    assert by_city(events, "Ташкент")["title"] == "Пресс-конференция, Ташкент: Серик Жумабеков, Бахтияр Юсупов"
    assert by_city(events, "Шахтинск")["title"].startswith(
        "Встреча, Шахтинск, Дом культуры горняков: Ербол Аманжолов, Нурлан Тлеубаев")


def test_the_event_page_shows_the_quotes_said_there(events, db):
    key = by_city(events, "Шахтинск")["key"]
    with TestClient(create_app(str(db))) as client:
        page = client.get(f"/events/{key}", params={"format": "json"}).json()
        html = client.get(f"/events/{key}").text
    said = {(q["speaker"], q["text"][:20]) for q in page["lists"]["quotes"]}
    assert ("Ербол Аманжолов", "Мы заменим вентиляци") in said
    assert all(speaker in by_city(events, "Шахтинск")["participants"] for speaker, _ in said)
    assert "Мы заменим вентиляцию" in html and "Встреча, Шахтинск" in html


def quotes_in_one_query(store, key: str, limit: int, read: int) -> list[dict]:
    """The event page's quotes as one ordered join gives them (its reads before they
    were chosen from the quotes' keys)."""
    said: dict[str, dict] = {}
    for row in rows(store, f"SELECT {QUOTE_COLUMNS}, e.participants FROM events e "
                           "JOIN quotes q ON q.document_id = e.document_id JOIN documents d ON d.id = e.document_id "
                           "WHERE e.group_key = ? ORDER BY COALESCE(d.published, ''), d.seq, e.event_id, q.start LIMIT ?",
                    (key, read)):
        quote = quote_dict(row[:-1])
        if quote["speaker"] in json.loads(row[-1]):
            said.setdefault(quote["repeat_of"] or quote["quote_id"], quote)
    return list(said.values())[:limit]


def reports_in_one_query(store, key: str, limit: int, offset: int) -> list[str]:
    return [event_id for (event_id,) in rows(
        store, "SELECT e.event_id FROM events e JOIN documents d ON d.id = e.document_id WHERE e.group_key = ? "
               "ORDER BY COALESCE(d.published, ''), d.seq, e.event_id LIMIT ? OFFSET ?", (key, limit, offset))]


@pytest.mark.parametrize("participant_reports", [1, 200])
def test_the_event_page_reads_what_one_ordered_join_gives(db, events, monkeypatch, participant_reports):
    monkeypatch.setattr(event_queries, "PARTICIPANT_REPORTS", participant_reports)
    store = open_store(str(db))
    try:
        for key in [event["key"] for event in events]:
            for limit in (1, 2, 50):
                assert (event_queries.event_quotes(store, key, limit)
                        == quotes_in_one_query(store, key, limit, participant_reports * 20))
            for limit, offset in ((1, 0), (2, 1), (20, 0), (20, 3)):
                reports, total = event_queries.event_reports(store, key, limit, offset)
                assert [r["event_id"] for r in reports] == reports_in_one_query(store, key, limit, offset)
                assert total == one(store, "SELECT COUNT(*) FROM events WHERE group_key = ?", (key,))
        assert any(event_queries.event_quotes(store, event["key"]) for event in events)
    finally:
        store.close()


@pytest.mark.parametrize("walked", [1, 1000])
def test_events_named_are_those_whose_reports_name_them(db, events, monkeypatch, walked):
    """A person's or organisation's events, found by the reports' names, against the
    reports read one by one (participants, organiser, venue), whether the events are
    walked newest first or the name's read first."""
    monkeypatch.setattr(event_queries, "WALKED_EVENTS", walked)
    store = open_store(str(db))
    try:
        reports = rows(store, "SELECT group_key, participants, organizer, venue FROM events")
        names = {name for _, participants, *others in reports for name in [*json.loads(participants), *others]
                 if name}
        assert len(names) > 3
        for name in [*names, "Никто Не Назван"]:
            named = {key for key, participants, *others in reports if name in [*json.loads(participants), *others]}
            assert {event["key"] for event in event_queries.events_with(store, name)} == named, name
        for name in names:
            listed = [event["key"] for event in list_events(store, 50) if event["key"] in
                      {e["key"] for e in event_queries.events_with(store, name)}]
            assert [event["key"] for event in event_queries.events_with(store, name, limit=1)] == listed[:1]
    finally:
        store.close()


def report(date: str, city: str | None, *people: str, kind: str = "meeting"):
    return Report("k", kind, date, city, frozenset(people))


@pytest.mark.parametrize("a, b, same", [
    (report("2026-03-11", "Астана", "токаев", "иванов"), report("2026-03-12", None, "токаев", "иванов"), True),
    (report("2026-03-11", "Астана", "токаев", "иванов"), report("2026-03-12", "Астана", "токаев"), True),
    (report("2026-03-11", "Астана", "токаев", "иванов"), report("2026-03-12", "Астана", "токаев", "петров"), False),
    (report("2026-03-11", "Астана", "токаев", "иванов"), report("2026-03-11", "Алматы", "токаев", "иванов"), False),
    (report("2026-03-11", None, "токаев", "иванов"), report("2026-03-13", None, "токаев", "иванов"), False),
    (report("2026-03-11", None, "токаев", kind="press_conference"),
     report("2026-03-12", None, "токаев", "смаилов", kind="press_conference"), True),
    (report("2026-03-11", None, "токаев"), report("2026-03-11", None, "токаев", "смаилов"), False),
    (report("2026-03-11", "Астана", "токаев"), report("2026-03-11", "Астана", "токаев", kind="press_conference"),
     False),
    (report("2026-03-11", "Астана", "токаев"), report("2026-03-11", "астана", "смаилов"), True),
], ids=["two shared, one town unknown", "one shared, a subset, same town", "the same man meeting another",
        "another town", "two days apart", "a speaker's press conference", "one shared, no town",
        "another kind", "one day, one town (the stage's key)"])
def test_when_two_reports_tell_one_event(a, b, same):
    assert same_event(a, b) is same and same_event(b, a) is same


def test_the_timeline_counts_each_event_once_on_its_day(db):
    store = open_store(str(db))
    try:
        per_day = {(row["date"], row["type"]): row["events"] for row in events_per_day(store)}
    finally:
        store.close()
    assert per_day == {("2026-03-11", "meeting"): 1, ("2026-03-13", "meeting"): 1,
                       ("2026-03-20", "press_conference"): 1}
