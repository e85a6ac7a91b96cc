"""Russian full-text search on the sample corpus in a real SQLite file: word forms,
phrases, filters, snippets and clear errors."""
import json

import pytest
from click.testing import CliRunner

from conftest import BACKENDS, REPRINT, SAMPLES, new_target, run_into
from sholu.cli import main
from sholu.store import open_store
from sholu.store.schema import MIGRATION_TEMPLATES
from sholu.store.search import QueryError, lemma, parse_query, snippet

IDS = {"000": "588bd3998d5ed979", "001": "b2ab2304434d01fe", "002": "0a187b1a094c884e",
       "003": "325a2765071262cc", "004": "576aa575d5e2807e"}


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):
    path = new_target(request.param, tmp_path_factory.mktemp("search"), "search")
    run_into(path, SAMPLES, REPRINT)
    return path


def found(db, query: str, **filters) -> set[str]:
    store = open_store(str(db))
    try:
        hits, total, estimated = store.search(parse_query(query), filters, 50, 0)
    finally:
        store.close()
    assert (total, estimated) == (len(hits), False)
    return {hit["id"] for hit in hits}


def ids(*samples: str) -> set[str]:
    return {IDS[s] for s in samples}


def test_word_forms_are_found_by_their_lemmas(db):
    assert found(db, "трудовой коллектив") == ids("000", "001", "002", "003", "004")
    assert found(db, '"трудовой коллектив"') == ids("001", "002", "003", "004")


def test_a_surname_in_any_case_finds_every_article_about_the_person(db):
    assert found(db, "Балаевой") == found(db, "Балаева") == ids("001", "002", "003")


def test_or_exclusion_and_prefix(db):
    assert found(db, "Жезказган OR Усть-Каменогорск") == ids("001", "003")
    assert found(db, "референдум -Пономарев") == ids("000", "001", "004")
    assert found(db, "цифров*") == ids("002", "003")


def test_copies_are_left_out_unless_asked_for(db):
    assert found(db, "Ставкин") == ids("002")
    assert len(found(db, "Ставкин", with_copies=True)) == 2


def test_filters_narrow_the_hits(db):
    assert found(db, "Балаева", outlet="BAQ.KZ") == ids("003")
    assert found(db, "Балаева", date_from="2026-02-28") == ids("003")
    assert found(db, "Балаева", date_to="2026-02-28") == ids("002")
    assert found(db, "референдум", theme="digital_rights") == ids("002", "003")
    assert found(db, "Конституция", event="election") == ids("004")


def test_snippets_mark_the_matched_forms():
    text = "В диалоге с трудовым коллективом также приняли участие депутаты."
    assert "[трудовым] [коллективом]" in snippet(text, parse_query("трудовой коллектив").lemmas)


@pytest.mark.parametrize("query, reason", [
    ('"незакрытая кавычка', "unclosed quote"), ("OR выборы", "OR needs"), ("!!! ???", "no word"),
    ("-референдум", "no word"),
])
def test_malformed_queries_are_clear_errors(query, reason):
    with pytest.raises(QueryError, match=reason):
        parse_query(query)


def test_cli_search_json_hits(db):
    result = CliRunner().invoke(main, ["search", "Балаевой", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.stderr
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert {h["id"] for h in hits} == ids("001", "002", "003")
    for hit in hits:
        assert {"id", "source", "title", "outlet", "published", "snippet"} <= set(hit)
        assert "[Балаев" in hit["snippet"]


def test_cli_bad_query_is_an_error_not_a_crash(db):
    result = CliRunner().invoke(main, ["search", '"оборванная', "--db", str(db)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)   # a clean exit, no traceback
    assert "unclosed quote" in result.stderr and "Traceback" not in result.stderr


def test_a_database_from_before_search_is_indexed_when_opened(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    run_into(path, SAMPLES)
    with sqlite3.connect(path) as old:       # back to the schema before search existed
        old.execute("DROP TABLE search_index")
        old.execute("DROP TABLE document_topics")
        old.execute("DROP TABLE entity_stats")
        old.execute("DROP TABLE problems")         # newer still
        for table, column in (("entity_mentions", "tone_positive"), ("entity_mentions", "tone_neutral"),
                              ("entity_mentions", "tone_negative"), ("quotes", "speaker_tone"),
                              ("quotes", "in_title"), ("entity_mentions", "headline"),
                              ("entity_mentions", "characters")):
            old.execute(f"ALTER TABLE {table} DROP COLUMN {column}")     # the tone columns too
        old.execute("DROP INDEX events_type_date")
        for table in ("counted_documents", "store_changes", "daily_documents", "daily_entities", "daily_topics",
                      "position_days", "event_outlets", "event_groups", "quote_topics", "daily_shares",
                      "daily_quote_topics", "topic_speakers", "quote_repeats", "entity_tones"):
            old.execute(f"DROP TABLE {table}")           # the kept sums, and their indexes
        for index in ("events_group_date", "events_group_first", "documents_newest", "documents_newest_originals",
                      "quotes_document_speaker"):
            old.execute(f"DROP INDEX {index}")
        old.execute("PRAGMA user_version=4")
    assert found(path, "Балаевой") == ids("001", "002", "003")


@pytest.mark.parametrize("surname", ["Токаев", "Ахметов", "Сапаров", "Кайрамбаев"])
def test_every_case_form_of_a_surname_is_one_index_term(surname):
    """The dictionary reads some surnames as other words (Токаев as «токай»)."""
    forms = [surname + ending for ending in ("", "а", "у", "ым", "е", "ой", "у")]
    assert {lemma(form) for form in forms} == {surname.lower()}


def test_a_capitalised_common_noun_keeps_its_lemma():
    assert [lemma(w) for w in ("Причина", "Машина", "Магазина", "Половины")] == [
        "причина", "машина", "магазин", "половина"]


def test_past_the_ranked_window_the_total_is_a_marked_estimate(db, monkeypatch):
    from sholu.store.queries import search as search_queries

    monkeypatch.setattr(search_queries, "RANK_WINDOW", 2)     # a corpus where 4 hits are "many"
    store = open_store(str(db))
    try:
        first, total, estimated = store.search(parse_query("трудовой коллектив"), {}, 1, 0)
        second, _, _ = store.search(parse_query("трудовой коллектив"), {}, 1, 1)
        deep, _, _ = store.search(parse_query("трудовой коллектив"), {}, 2, 2)    # the window widens
    finally:
        store.close()
    assert estimated and total >= 2
    assert len({hit["id"] for hit in first + second + deep}) == 4


def test_an_index_whose_rows_are_not_the_documents_seq_is_rebuilt_when_opened(tmp_path):
    import sqlite3

    path = tmp_path / "misaligned.db"
    run_into(path, SAMPLES)
    with sqlite3.connect(path) as old:       # as stores indexed before rowid = seq were
        rows = old.execute("SELECT rowid, document_id, title, body FROM search_index").fetchall()
        old.execute("DELETE FROM search_index")
        old.executemany("INSERT INTO search_index (rowid, document_id, title, body) VALUES (?, ?, ?, ?)",
                        [(rowid + 100, *rest) for rowid, *rest in rows])
        # back to before the migration that aligns them; later ones run again (idempotent)
        old.execute(f"PRAGMA user_version={MIGRATION_TEMPLATES.index('align_search_rows')}")
    assert found(path, "Балаевой") == ids("001", "002", "003")
