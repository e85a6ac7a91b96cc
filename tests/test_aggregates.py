"""The sums kept with the documents (store/aggregates.py) against a recount from the
documents after every kind of write (a run, in-place re-saves that move an article to
another day and outlet or make it a copy, a replaced source, released reservations),
on SQLite and PostgreSQL; the lists read from them against the same lists counted
from the articles; and the query plans of the lists walking an index, not the table."""
import dataclasses
import json
from collections import Counter

import pytest

from conftest import BACKENDS, REPRINT, SAMPLES, new_target, opened_store, run_into
from sholu.store import open_store
from sholu.store.aggregates import AGGREGATES, recount_sql
from sholu.store.queries import events, outlets, people, search
from sholu.store.queries.common import Selection, newest_first

KAZPRAVDA = "0a187b1a094c884e"      # sample 002, reprinted by Zakon.kz
BAQ = "325a2765071262cc"            # sample 003
BALAEVA = "Аида Балаева"


def sample_store(backend: str, folder) -> str:
    target = new_target(backend, folder, "sums")
    run_into(target, SAMPLES, REPRINT)
    return target


@pytest.fixture(scope="module", params=BACKENDS)
def stored(request, tmp_path_factory):
    """The sample corpus stored once per backend, for the tests that only read."""
    yield from opened_store(sample_store(request.param, tmp_path_factory.mktemp("sums")))


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """A store of its own for a test that writes."""
    yield from opened_store(sample_store(request.param, tmp_path))


def kept(store, aggregate) -> dict:
    width = len(aggregate.keys)
    found = store.db.execute(f"SELECT {', '.join(aggregate.keys + aggregate.values)} FROM {aggregate.table}")
    return {tuple(row[:width]): tuple(row[width:]) for row in found.fetchall()}


def recounted(store, aggregate) -> dict:
    width = len(aggregate.keys)
    return {tuple(row[:width]): tuple(row[width:]) for row in store.db.execute(recount_sql(aggregate)).fetchall()}


def assert_exact(store) -> None:
    for aggregate in AGGREGATES:
        assert kept(store, aggregate) == recounted(store, aggregate), aggregate.table
    stored = store.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert store.db.execute("SELECT SUM(articles) FROM daily_documents").fetchone()[0] == stored
    assert quote_words(store) == stored_quotes(store)
    assert event_names(store) == names_in_reports(store)


def event_names(store) -> list[tuple]:
    return sorted(store.db.execute("SELECT name, group_key, event_id, document_id FROM event_names").fetchall())


def names_in_reports(store) -> list[tuple]:
    """Whom and what each stored report names, read from the reports."""
    found = store.db.execute("SELECT e.event_id, e.document_id, e.group_key, e.participants, e.organizer, e.venue "
                             "FROM events e JOIN documents d ON d.id = e.document_id").fetchall()
    return sorted((name, key, event_id, doc_id) for event_id, doc_id, key, participants, *others in found
                  for name in {*json.loads(participants), *others} if name)


def stored_quotes(store) -> list[tuple]:
    """The quotes' text lowered, as the word index keeps it."""
    return [(quote_id, text.lower()) for quote_id, text in
            store.db.execute("SELECT quote_id, text FROM quotes ORDER BY 1").fetchall()]


def quote_words(store) -> list[tuple]:
    """The quotes' text as the word index holds it (PostgreSQL's index is on the quotes, lowered)."""
    if not store.QUOTE_WORDS_SEARCH:
        return stored_quotes(store)
    return store.db.execute("SELECT quote_id, text FROM quote_words ORDER BY 1").fetchall()


def save(store, doc, version="other-version") -> None:
    with store.batch():
        store.save(doc, version)


def test_a_run_leaves_the_sums_exact(stored):
    assert_exact(stored)
    assert kept(stored, AGGREGATES[0])[("2026-03-02", "BAQ.KZ", "ru")] == (1, 0)   # sample 003, one original


def test_moving_an_article_to_another_day_and_outlet_keeps_them_exact(store):
    doc = store.document(BAQ)
    doc.published, doc.outlet = "2026-01-20", "Vlast.kz"
    doc.persons = doc.persons[1:]
    save(store, doc)
    assert_exact(store)
    assert ("2026-03-02", "BAQ.KZ", "ru") not in kept(store, AGGREGATES[0])
    doc.duplicate_of = KAZPRAVDA                  # an original re-saved as a copy
    save(store, doc)
    assert_exact(store)


def test_a_replaced_source_and_released_reservations_keep_them_exact(store):
    doc = store.document(BAQ)
    replacement = dataclasses.replace(doc, id="feedfacefeedface", text=doc.text + "\nДополнено.",
                                      text_key="feedface-key", signature=None, indexed=None)
    save(store, replacement)
    assert_exact(store)
    fresh = dataclasses.replace(doc, id="0123456789abcdef", source="elsewhere.txt",
                                text_key="fresh-key", signature=None, indexed=None)
    with store.batch():
        store.reserve(fresh)
        store.release(fresh.id)
        store.release(KAZPRAVDA)                  # the original goes; its copy stands alone
    assert_exact(store)


def test_lists_of_a_period_and_outlets_match_the_articles(stored):
    selection = Selection("2026-02-01", "2026-03-02", ("BAQ.KZ", "Kazpravda.kz"))
    summed = people.entities_over(stored, selection, "person", 50)
    counted = people.entities_in(stored, selection.scope(), "person", 50)
    assert [(r["entity_id"], r["articles"], r["mentions"]) for r in summed] == \
           [(r["entity_id"], r["articles"], r["mentions"]) for r in counted]
    assert balaeva(summed) == 2                   # Kazpravda on 27 February, BAQ on 2 March (the last day)
    assert balaeva(people.entities_over(stored, Selection("2026-02-01", "2026-03-01"), "person")) == 1
    assert balaeva(people.entities_over(stored, Selection(outlets=("Zakon.kz",)), "person")) == 0    # a copy
    assert people.count_entities(stored, "person", selection) == len(counted)
    assert outlets.outlets_over(stored, selection) == outlets.outlet_counts(stored, selection.scope())
    assert outlets.outlets_over(stored) == outlets.outlet_counts(stored)


@pytest.mark.parametrize("selection", [Selection(language="ru"), Selection(outlets=("BAQ.KZ", "Zakon.kz")),
                                       Selection(outlets=("Kazpravda.kz",), language="ru")])
def test_lists_with_no_period_read_every_day_together_and_match_the_articles(stored, selection, monkeypatch):
    from sholu.store.queries import shares

    counted = people.entities_in(stored, selection.scope(), "organization", 50)
    summed = people.entities_over(stored, selection, "organization", 50)
    assert [(r["entity_id"], r["articles"], r["mentions"]) for r in summed] == \
           [(r["entity_id"], r["articles"], r["mentions"]) for r in counted] != []
    assert people.count_entities(stored, "organization", selection) == len(counted)
    cells = shares.subject_cells(stored, selection, "person")
    monkeypatch.setattr(Selection, "sums", lambda self, daily, all_days: daily)    # the daily rows, every day
    assert shares.subject_cells(stored, selection, "person") == cells != ({}, {})
    assert people.entities_over(stored, selection, "organization", 50) == summed


def balaeva(found: list[dict]) -> int:
    return next((row["articles"] for row in found if row["name"] == BALAEVA), 0)


def test_events_list_reads_the_kept_order_and_counts(stored):
    listed = events.list_events(stored, 50)
    assert events.count_events(stored) == len(listed) > 0
    for event in listed:
        reports = stored.db.execute(
            "SELECT COUNT(DISTINCT e.document_id), COUNT(DISTINCT CASE WHEN d.duplicate_of IS NULL "
            "THEN e.document_id END), MAX(e.date) FROM events e JOIN documents d ON d.id = e.document_id "
            "WHERE e.group_key = ?", (event["key"],)).fetchone()
        assert (event["reports"], event["original_reports"], event["date"]) == tuple(reports)
    dates = [event["date"] or "" for event in listed]
    assert dates == sorted(dates, reverse=True)


PLANNED = {      # the lists of the API and their SQL: each must read down an index
    "documents, newest first": "SELECT d.id FROM documents d WHERE d.duplicate_of IS NULL "
                               "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT 20 OFFSET 2000",
    "events, newest first": "SELECT group_key FROM event_groups WHERE reports > 0 "
                            "ORDER BY last_date DESC, first_event LIMIT 20",
    "a person's positions": "SELECT position, MAX(published) FROM position_days WHERE entity_id = 'x' "
                            "GROUP BY position",
    "persons of a period": "SELECT entity_id, SUM(articles) FROM daily_entities WHERE kind = 'person' "
                           "AND published >= '2026-02-01' AND published < '2026-03-01' GROUP BY entity_id",
}


@pytest.mark.parametrize("name", PLANNED)
def test_lists_walk_an_index_without_sorting_every_row(tmp_path, name):
    store = open_store(str(tmp_path / "plans.db"))
    try:
        plan = " | ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {PLANNED[name]}"))
    finally:
        store.close()
    assert "USING" in plan and "INDEX" in plan, plan
    if "ORDER BY" in PLANNED[name]:
        assert "TEMP B-TREE FOR ORDER BY" not in plan, plan


@pytest.mark.parametrize("filters", [{}, {"with_copies": True}, {"outlet": "baq.kz"},
                                     {"date_from": "2026-02-27", "date_to": "2026-03-02"},
                                     {"date_to": "2026-02-27", "with_copies": True}])
def test_the_documents_list_counts_from_the_sums(stored, filters):
    from sholu.store.queries.search import counted_by_day, list_documents

    _, total = list_documents(stored, filters, 50, 0)
    condition, args = search.matching(stored, filters)
    assert total == counted_by_day(stored, filters) == \
        stored.db.execute(f"SELECT COUNT(*) FROM documents d WHERE {condition}", args).fetchone()[0]
    assert counted_by_day(stored, {**filters, "theme": "labour_rights"}) is None     # the rows answer that


NEWEST_OF_ONE = {    # a frequent entity's newest rows: the documents walked newest first
    "quotes q": "SELECT q.quote_id FROM {tables} WHERE q.document_id = d.id AND q.speaker_entity_id = ? "
                "ORDER BY COALESCE(d.published, '') DESC, d.seq, q.start LIMIT 20",
    "entity_mentions em": "SELECT d.id FROM {tables} WHERE d.id = em.document_id AND em.entity_id = ? "
                          "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT 20",
}
WALKED_INDEX = {"quotes q": "documents_day_first", "entity_mentions em": "documents_newest"}   # in each one's order


@pytest.mark.parametrize("table", NEWEST_OF_ONE)
def test_a_frequent_entitys_newest_rows_walk_the_documents_index(tmp_path, table):
    store = open_store(str(tmp_path / "plans.db"))
    try:
        tables = newest_first(store, 1000, 20, table)      # 1,000 rows, and no documents yet: frequent
        sql = NEWEST_OF_ONE[table].format(tables=tables)
        plan = " | ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", ("x",)))
    finally:
        store.close()
    assert f"SCAN d USING INDEX {WALKED_INDEX[table]}" in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan     # ties of one day sorted, not every row
    if table == "quotes q":
        assert "TEMP B-TREE" not in plan, plan              # nor a day's documents: read in the list's order


@pytest.mark.parametrize("table", NEWEST_OF_ONE)
def test_walking_and_sorting_find_the_same_newest_rows(stored, table):
    ids = [row[0] for row in stored.db.execute("SELECT entity_id FROM entity_stats").fetchall()]
    assert ids
    for entity_id in ids:
        walked, sorted_ = (stored.db.execute(NEWEST_OF_ONE[table].format(tables=tables), (entity_id,)).fetchall()
                           for tables in (f"documents d CROSS JOIN {table}", f"{table} CROSS JOIN documents d"))
        assert walked == sorted_, entity_id
    assert newest_first(stored, 1, 20, table) == f"{table} CROSS JOIN documents d"    # a rare one: sorted


def test_quotes_on_a_theme_match_the_quotes_themes(stored):
    """The theme's quotes, their number and who said them, read from quote_topics and
    its sums, against the quotes' own lists of themes."""
    from sholu.store.queries import quotes

    said = stored.db.execute("SELECT quote_id, speaker_entity_id, speaker, topics FROM quotes").fetchall()
    themes = {topic for *_, topics in said for topic in json.loads(topics)}
    assert "labour_rights" in themes
    for topic in themes:
        on_it = [row for row in said if topic in json.loads(row[3])]
        listed = quotes.list_quotes(stored, None, topic, 500)
        assert sorted(q["quote_id"] for q in listed) == sorted(row[0] for row in on_it), topic
        assert quotes.count_quotes(stored, None, topic) == len(on_it), topic
        speakers = Counter(row[1] for row in on_it if row[1])
        assert {s["entity_id"]: s["quotes"] for s in quotes.speakers_on(stored, topic, 500)} == dict(speakers)
    week = Selection("2026-02-23", "2026-03-01", ("Kazpravda.kz", "Zakon.kz"))
    assert quotes.count_quotes(stored, None, "labour_rights", quotes.QuoteSearch(selection=week)) == \
        len(quotes.list_quotes(stored, None, "labour_rights", 500, quotes.QuoteSearch(selection=week)))


def test_the_migration_fills_the_share_rows_of_stored_documents(store):
    """A store from before the share sums: the space of each mention, the themes of
    each quote and their sums come out as saving them writes them."""
    from sholu.store.aggregates import SHARE_SUMS

    before = [kept(store, aggregate) for aggregate in SHARE_SUMS]
    space = "SELECT document_id, entity_id, headline, characters FROM entity_mentions ORDER BY 1, 2"
    saved = store.db.execute(space).fetchall()
    assert any(row[2] for row in saved) and any(row[3] for row in saved)
    with store.transaction():
        store.db.execute("UPDATE entity_mentions SET headline = 0, characters = 0")
        for table in ("quote_topics", *(aggregate.table for aggregate in SHARE_SUMS)):
            store.db.execute(f"DELETE FROM {table}")
        store.backfill_share_sums()
    assert store.db.execute(space).fetchall() == saved
    assert [kept(store, aggregate) for aggregate in SHARE_SUMS] == before
    assert_exact(store)


def test_tone_totals_match_the_toned_mentions_of_original_articles(stored):
    ids = [row[0] for row in stored.db.execute("SELECT entity_id FROM entity_stats").fetchall()]
    counted = stored.db.execute(
        "SELECT em.entity_id, SUM(em.tone_positive), SUM(em.tone_neutral), SUM(em.tone_negative) "
        "FROM entity_mentions em JOIN documents d ON d.id = em.document_id WHERE d.duplicate_of IS NULL "
        "AND em.tone_positive IS NOT NULL GROUP BY em.entity_id").fetchall()
    assert counted
    assert people.tone_totals(stored, ids) == {e: people.tone_summary(*sums) for e, *sums in counted}


@pytest.mark.parametrize("asked", [(None, None, None), (None, "labour_rights", None), (None, None, "закон"),
                                   (BALAEVA, "labour_rights", None), (BALAEVA, None, "труд")])
def test_walked_quote_lists_are_the_sorted_ones(stored, asked):
    """Whichever way list_quotes reads them (the documents walked newest first, or the
    matches sorted), a page is the newest quotes matching, in the same order."""
    from sholu.store.queries import quotes

    speaker, topic, words = asked
    ids = [row[0] for row in stored.db.execute("SELECT entity_id FROM entities WHERE name = ?", (speaker,))] \
        if speaker else None
    where, args = quotes.quote_filters(stored, ids, topic, quotes.QuoteSearch(words))
    expected = [row[0] for row in stored.db.execute(
        f"SELECT q.quote_id FROM quotes q JOIN documents d ON d.id = q.document_id WHERE {where} "
        "ORDER BY COALESCE(d.published, '') DESC, d.seq, q.start", args).fetchall()]
    assert expected
    for offset in (0, 3):
        listed = quotes.list_quotes(stored, ids, topic, 5, quotes.QuoteSearch(words), offset)
        assert [q["quote_id"] for q in listed] == expected[offset:offset + 5]


@pytest.mark.parametrize("selection", [Selection(), Selection("2026-02-27", "2026-03-02"),
                                       Selection(outlets=("Zakon.kz", "BAQ.KZ"))])
def test_summary_timeline_and_themes_over_time_match_the_articles(stored, selection):
    from sholu import analytics

    scope = selection.scope()
    every = scope.with_copies()
    counted = stored.db.execute(
        "SELECT COUNT(*), COUNT(d.duplicate_of), COUNT(DISTINCT d.outlet), MIN(d.published), MAX(d.published), "
        "COUNT(DISTINCT CASE WHEN d.duplicate_of IS NULL THEN d.outlet END) "
        f"FROM documents d WHERE {every.where()}", every.args).fetchone()
    quotes, events = stored.db.execute(
        "SELECT (SELECT COUNT(*) FROM quotes x JOIN documents d ON d.id = x.document_id WHERE "
        f"{every.where()}), (SELECT COUNT(DISTINCT x.group_key) FROM events x JOIN documents d ON "
        f"d.id = x.document_id WHERE {every.where()})", every.args * 2).fetchone()
    summary = analytics.summary(stored, selection)
    assert (summary["documents"], summary["copies"], summary["outlets"], summary["first_date"],
            summary["last_date"], summary["outlets_with_originals"], summary["quotes"], summary["events"]) == \
        (*counted, quotes, events)
    per_day = stored.db.execute("SELECT d.published, COUNT(*) - COUNT(d.duplicate_of), COUNT(d.duplicate_of) "
                               f"FROM documents d WHERE {every.where()} GROUP BY d.published", every.args).fetchall()
    assert {(r["period"], r["articles"], r["copies"]) for r in analytics.timeline(stored, "day", selection)} == \
        set(per_day)
    themes = stored.db.execute("SELECT dt.topic, COUNT(*) FROM document_topics dt JOIN documents d ON "
                              f"d.id = dt.document_id WHERE {scope.where()} GROUP BY dt.topic", scope.args).fetchall()
    assert {(r["topic"], r["articles"]) for r in analytics.themes_over_time(stored, "week", selection)} == set(themes)


def test_a_speakers_quotes_on_a_theme_are_counted_from_the_sums(stored):
    from sholu.store.queries import quotes

    found = stored.db.execute("SELECT DISTINCT q.speaker_entity_id, t.topic FROM quotes q JOIN quote_topics t "
                             "ON t.quote_id = q.quote_id WHERE q.speaker_entity_id IS NOT NULL").fetchall()
    assert found
    for speaker, topic in found:
        listed = quotes.list_quotes(stored, [speaker], topic, 1000)
        assert quotes.count_quotes(stored, [speaker], topic) == len(listed) > 0


def test_a_speakers_quotes_are_counted_from_the_sums(stored):
    """Every speaker's quotes, copies included, as the quote list, the person page's
    counts and the people list read them (`speaker_quotes`), against the quotes."""
    from sholu.store.queries import quotes

    counted = dict(stored.db.execute("SELECT speaker_entity_id, COUNT(*) FROM quotes "
                                    "WHERE speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id").fetchall())
    assert len(counted) > 1
    assert quotes.quotes_of(stored, sorted(counted)) == counted
    for speaker, said in counted.items():
        assert quotes.count_quotes(stored, [speaker], None) == said == len(quotes.list_quotes(stored, [speaker], None, 1000))
        assert people.entity_counts(stored, speaker)["quotes"] == said
    assert quotes.count_quotes(stored, sorted(counted), None) == sum(counted.values())
    assert people.entity_counts(stored, "per:nobody")["quotes"] == 0


@pytest.mark.parametrize("selection", [Selection(), Selection("2026-02-27", "2026-03-02"),
                                       Selection(outlets=("Zakon.kz", "Kazpravda.kz"))])
def test_articles_naming_an_entity_or_on_a_theme_walk_or_sort_alike(stored, selection):
    """A page of a person's or a theme's articles, read from the rows naming them
    (walked or sorted), is the page the whole condition on the documents gives."""
    from sholu.store.queries.common import Scope, naming, on_theme
    from sholu.store.queries.documents import articles_in

    ids = [row[0] for row in stored.db.execute("SELECT entity_id FROM entity_stats").fetchall()]
    for scope in [*(naming(entity_id) for entity_id in ids), on_theme("labour_rights"), on_theme("economy")]:
        scope = selection.narrow(scope)
        plain = Scope(scope.condition, scope.args)
        for offset in (0, 2):
            assert articles_in(stored, scope, 3, offset) == articles_in(stored, plain, 3, offset), scope.condition


@pytest.mark.parametrize("words", ["Балаевой", "трудовой коллектив", '"права человека"', "конституция"])
@pytest.mark.parametrize("filters", [{}, {"outlet": "zakon.kz", "with_copies": True}, {"date_from": "2026-02-27"}])
def test_the_facet_sample_reads_the_matches_newest_first(stored, words, filters):
    """The search page's facets count the same newest matches as a filter on every
    document would give."""
    from sholu.store.search import parse_query

    query = parse_query(words)
    condition, args = search.matching(stored, filters, query)
    every = [row[0] for row in stored.db.execute(f"SELECT d.id FROM documents d WHERE {condition} "
                                                 "ORDER BY d.seq DESC", args).fetchall()]
    assert search.facet_sample(stored, filters, query) == every[:search.FACET_SAMPLE]
    assert every or filters


def scanned_quotes(stored, words: str) -> list[str]:
    """The rule: a quote's text, every letter lowered, contains the lowered words."""
    return [row[0] for row in stored.db.execute(
        f"SELECT q.quote_id FROM quotes q WHERE {stored.LOWERED_QUOTE} LIKE ? ORDER BY 1",
        (f"%{words.lower()}%",)).fetchall()]


@pytest.mark.parametrize("words", ["закон", "Закон", "труд", "Основном законе", "правовой базы", "ре", "kz", "_а%", "нет такого слова"])
def test_word_search_through_the_index_finds_what_the_scan_finds(stored, words):
    """The quotes with the words, counted and listed through the index of their text,
    are the ones reading every quote finds (LIKE's wildcards kept)."""
    from sholu.store.queries import quotes

    search = quotes.QuoteSearch(words)
    scanned = scanned_quotes(stored, words)
    assert quotes.count_quotes(stored, None, None, search) == len(scanned)
    assert sorted(q["quote_id"] for q in quotes.list_quotes(stored, None, None, 1000, search)) == scanned
    if words in ("закон", "труд", "правовой базы"):
        assert scanned, words


@pytest.mark.parametrize("words", ["Конституция", "КОНСТИТУЦИЯ"])
def test_word_search_folds_every_letter_on_both_backends(stored, words):
    """«конституция» finds the quotes that write «Конституция» (SQLite's own LOWER and
    LIKE fold only ASCII letters), and the words' case does not matter."""
    from sholu.store.queries import quotes

    texts = [row[0] for row in stored.db.execute("SELECT text FROM quotes").fetchall()]
    written = sum("конституц" in text.lower() for text in texts)
    assert written and any("Конституц" in text for text in texts)
    for asked in (words, words.lower()):
        found = quotes.list_quotes(stored, None, None, 1000, quotes.QuoteSearch(asked[:-1]))
        assert len(found) == written == quotes.count_quotes(stored, None, None, quotes.QuoteSearch(asked[:-1]))


def test_word_search_reads_the_index(stored):
    from sholu.store.queries import quotes

    where, args = quotes.quote_filters(stored, None, None, quotes.QuoteSearch("закон"))
    sql = f"SELECT COUNT(*) FROM quotes q WHERE {where}"
    if stored.QUOTE_WORDS_SEARCH:
        plan = " ".join(row[-1] for row in stored.db.execute(f"EXPLAIN QUERY PLAN {sql}", args).fetchall())
        assert "VIRTUAL TABLE INDEX" in plan and "quote_words" in plan, plan
        return
    with stored.transaction():         # the table is tiny: make the planner show the index can serve it
        stored.db.execute("SET LOCAL enable_seqscan = off")
        plan = " ".join(row[0] for row in stored.db.execute(f"EXPLAIN {sql}", args).fetchall())
    assert "quotes_text_trigrams" in plan, plan


def test_the_migration_fills_the_word_index_of_stored_quotes(store):
    """A store from before the index: the migration indexes every stored quote, and
    running it again gives the same."""
    for _ in range(2):
        with store.transaction():
            if store.QUOTE_WORDS_SEARCH:
                store.db.execute("DELETE FROM quote_words WHERE quote_id LIKE ?", (f"{KAZPRAVDA}:%",))
            store.index_quote_words()
        assert quote_words(store) == stored_quotes(store)
    assert len(stored_quotes(store)) > 5


@pytest.mark.parametrize("window", [1, 2, 1000])
def test_people_named_with_a_person_are_counted_over_the_latest_articles(stored, window):
    """Co-mentions (read article by article on PostgreSQL, by one IN on SQLite) are the
    people of the person's latest `window` original articles, counted per article."""
    person = stored.db.execute("SELECT entity_id FROM entity_stats WHERE kind = 'person' "
                              "ORDER BY articles DESC, entity_id LIMIT 1").fetchone()[0]
    latest = [row[0] for row in stored.db.execute(
        "SELECT em.document_id FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
        "WHERE em.entity_id = ? AND d.duplicate_of IS NULL ORDER BY COALESCE(d.published, '') DESC, d.seq DESC",
        (person,)).fetchall()][:window]
    counted = Counter()
    for document in latest:
        counted.update(stored.db.execute("SELECT entity_id, name FROM entity_mentions WHERE document_id = ? "
                                        "AND kind = 'person' AND entity_id <> ?", (document, person)).fetchall())
    found = people.co_mentioned(stored, person, window)
    assert {(p["entity_id"], p["name"]): p["articles"] for p in found} == dict(counted)
    assert counted and [p["articles"] for p in found] == sorted((p["articles"] for p in found), reverse=True)


@pytest.mark.parametrize("limit", [1, 3, 100])
def test_a_persons_latest_articles_are_read_down_the_kept_order(stored, limit):
    """The latest articles naming a person, copies included, as a sort of all of them
    gives; each article's mentions of the person with it."""
    person = stored.db.execute("SELECT entity_id FROM entity_stats WHERE kind = 'person' "
                              "ORDER BY articles DESC, entity_id LIMIT 1").fetchone()[0]
    everyone = stored.db.execute(
        "SELECT d.id, em.mentions FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
        "WHERE em.entity_id = ? ORDER BY COALESCE(d.published, '') DESC, d.seq DESC", (person,)).fetchall()
    found = people.person_articles(stored, person, limit)
    assert [(a["id"], a["mentions"]) for a in reversed(found)] == [tuple(row) for row in everyone[:limit]]
    assert len(everyone) > 1 and any(a["duplicate_of"] for a in people.person_articles(stored, person, 100))


@pytest.mark.parametrize("selection", [Selection(), Selection("2026-02-27", "2026-03-02"),
                                       Selection(outlets=("BAQ.KZ", "Zakon.kz")), Selection(language="kk")])
def test_regions_summed_are_the_regions_counted_from_the_mentions(store, selection, monkeypatch):
    from sholu.store.queries import regions

    doc = store.document(BAQ)       # two towns of one region: the article counts once for it
    doc.places = [*doc.places, *(dict(doc.places[0], entity_id=f"test-{town}", name=town, mentions=1)
                                 for town in ("Темиртау", "Шахтинск"))]
    save(store, doc)
    assert regions.kept_regions(store) == regions.regions_now(store) != {}
    summed = regions.regions(store, "week", selection)
    monkeypatch.setattr(regions, "kept_regions", lambda s: {})     # as if the gazetteer had moved a place
    assert summed == regions.regions(store, "week", selection)
    assert summed or selection.language


def test_a_place_the_gazetteer_moves_is_counted_in_its_new_region(store, monkeypatch):
    """The user's gazetteer puts a place in another region: the lists count it there at
    once (from the mentions), and the next run's sync brings the sums in line."""
    from sholu.store.queries import regions

    entity_id = sorted(regions.regions_now(store))[0]
    name = store.db.execute("SELECT name FROM entities WHERE entity_id = ?", (entity_id,)).fetchone()[0]
    places = {**regions.gazetteer_places(), name: {**regions.gazetteer_places()[name], "region": "Новый край"}}
    monkeypatch.setattr(regions, "gazetteer_places", lambda: places)
    moved = regions.regions(store)
    assert "Новый край" in {row["region"] for row in moved}
    store.record_run("2026-03-03T00:00:00", {"new": 1})
    assert regions.kept_regions(store) == regions.regions_now(store)
    assert regions.regions(store) == moved
    assert_exact(store)


def test_a_common_words_quotes_are_counted_up_to_a_cap_then_estimated(stored, monkeypatch):
    from sholu.store.queries import quotes

    search = quotes.QuoteSearch("закон")
    exact = quotes.count_quotes(stored, None, None, search)
    assert exact > 1
    assert quotes.counted_or_estimated(stored, None, None, search) == (exact, False)
    monkeypatch.setattr(quotes, "COUNTED_WORDS", exact)          # as many as the cap: past it
    total, estimated = quotes.counted_or_estimated(stored, None, None, search)
    assert total >= exact and estimated


def test_the_scale5_and_scale7_migrations_run_again_give_the_same(store):
    """Their backfills start afresh: run twice (a crash between a migration and its
    version mark), the kept rows are what saving wrote."""
    from sholu.store.aggregates import ARTICLE_ORDER, REPORT_ORDER, SPEAKER_QUOTES
    from sholu.store.queries import regions

    before = (kept(store, REPORT_ORDER), regions.regions(store), event_names(store), kept(store, ARTICLE_ORDER),
              kept(store, SPEAKER_QUOTES))
    with store.transaction():
        for migration in ("backfill_event_report_order", "backfill_region_sums", "backfill_event_names",
                          "index_outlets_lowered", "backfill_person_article_order", "backfill_speaker_quotes",
                          "backfill_outlet_sums"):
            getattr(store, migration)()
    assert (kept(store, REPORT_ORDER), regions.regions(store), event_names(store),
            kept(store, ARTICLE_ORDER), kept(store, SPEAKER_QUOTES)) == before
    assert_exact(store)
