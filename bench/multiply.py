"""A large PostgreSQL corpus from a smaller one in minutes: every stored article's rows
copied N-1 more times inside the database, copy k being the same campaign k × 70 days
later (ids, text keys, sources, sequence numbers, publication and event dates shifted,
so keys stay unique and the archive spans N campaigns). Saving 1,000,000 articles one
by one through the store takes hours on a small machine; the rows a save writes are
copied instead, and every sum kept from them is counted again by the store's own
backfill, so the aggregates are what the store would have written.

What stays the same in every copy: the text (search finds each hit N times), the
people and organisations (`entities`: the same politicians all along), the outlets,
and each document's annotations JSON (read only to show one article)."""
from __future__ import annotations

import time

from sholu.store.aggregates import SHARE_SUMS, backfill_sql

CAMPAIGN_DAYS = 70            # bench_api's campaign: copy k is published k × 70 days later

# how each copied column changes in copy k (`k` in the SQL)
ID = "left({c}, 16) || '-' || k || substr({c}, 17)"             # 16 hex digits, then ':n' for a quote or event
DATE = ("CASE WHEN {c} ~ '^\\d{{4}}-\\d{{2}}-\\d{{2}}$' "
        "THEN to_char({c}::date + k * " + str(CAMPAIGN_DAYS) + ", 'YYYY-MM-DD') ELSE {c} END")
SOURCE = "'copy' || k || '/' || {c}"
# an event's group is a report's own id or 'type|date[|city:…]': the date moves with the copy
GROUP = ("CASE WHEN {c} ~ '^[0-9a-f]{{16}}(:|$)' THEN " + ID + " ELSE split_part({c}, '|', 1) || '|' || "
         + DATE.replace("{c}", "split_part({c}, '|', 2)")
         + " || substr({c}, length(split_part({c}, '|', 1)) + length(split_part({c}, '|', 2)) + 2) END")

COPIED = {
    "documents": {"seq": "{c} + k * {last_seq}", "id": ID, "text_key": ID, "duplicate_of": ID,
                  "source": SOURCE, "published": DATE},
    "search_index": {"document_id": ID},
    "document_topics": {"document_id": ID},
    "entity_mentions": {"document_id": ID},
    "positions": {"document_id": ID, "published": DATE},
    "quotes": {"quote_id": ID, "document_id": ID, "repeat_of": ID},
    "quote_bands": {"quote_id": ID},
    "events": {"event_id": ID, "document_id": ID, "group_key": GROUP, "date": DATE},
    "signatures": {"document_id": ID},
    "lsh_bands": {"document_id": ID},
    "sources": {"locator": SOURCE, "document_id": ID},
    "quote_topics": {"quote_id": ID, "document_id": ID},
    "translations": {"document_id": ID, "translation_id": ID},
}
# not copied: the same people in every copy, the bench's runs and problems, the change counter
KEPT = {"entities", "runs", "problems", "store_changes", "place_regions"}
# sums kept from the copied rows: emptied, then filled by the store's backfills (`recount`)
SUMS = {"counted_documents", "daily_documents", "daily_entities", "daily_topics", "position_days",
        "event_outlets", "event_groups", "entity_stats", "daily_shares", "daily_quote_topics",
        "topic_speakers", "quote_repeats", "entity_tones", "event_report_order",
        "daily_regions", "daily_place_names", "event_names", "person_article_order", "speaker_quotes",
        "entity_outlets", "outlet_shares"}


def multiply(target: str, times: int, tables: list[tuple[str, list[str]]]) -> None:
    """Copy the rows of the PostgreSQL store `target` until it holds `times` as many
    articles; `tables` are (table, stored columns). The SUMS, kept from these rows, are
    emptied and counted again from all of them."""
    from sholu.store import open_store

    unknown = {table for table, _ in tables} - set(COPIED) - KEPT - SUMS
    if unknown:     # a table added since: say here how it copies, or how its sums are counted again
        raise SystemExit(f"--multiply does not know the tables {sorted(unknown)} (bench/multiply.py)")
    store = open_store(target)
    db, started = store.db, time.perf_counter()
    if db.execute("SELECT 1 FROM documents WHERE id LIKE '%-%' LIMIT 1").fetchone():
        print(f"{target}: already multiplied", flush=True)
        store.close()
        return
    db.execute("SET maintenance_work_mem = '1GB'")
    db.execute("SET synchronous_commit = off")
    last_seq = db.execute("SELECT MAX(seq) FROM documents").fetchone()[0]
    copied = [(table, columns) for table, columns in tables if table in COPIED]
    indexes = drop_secondary_indexes(db, [table for table, _ in copied])
    for table, columns in copied:
        db.execute(copy_sql(table, columns, times, last_seq))
        print(f"  {table} x{times}  [{time.perf_counter() - started:.0f} s]", flush=True)
    for sql in indexes:
        db.execute(sql)
    print(f"  {len(indexes)} indexes built again  [{time.perf_counter() - started:.0f} s]", flush=True)
    recount(store, [table for table, _ in tables if table in SUMS])
    db.execute("SELECT setval(pg_get_serial_sequence('documents', 'seq'), (SELECT MAX(seq) FROM documents))")
    for table, _ in tables:     # a store in use is vacuumed by autovacuum: its index-only reads skip the heap
        db.execute(f"VACUUM (ANALYZE) {table}")
    print(f"  sums counted again, vacuumed and analysed  [{time.perf_counter() - started:.0f} s]", flush=True)
    store.close()


def copy_sql(table: str, columns: list[str], times: int, last_seq: int) -> str:
    shifted = COPIED[table]
    values = [shifted.get(column.strip('"'), "{c}").format(c=column, last_seq=last_seq) for column in columns]
    return (f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} "
            f"FROM {table}, generate_series(1, {times - 1}) AS k")


def drop_secondary_indexes(db, tables: list[str]) -> list[str]:
    """Drop the tables' indexes that back no constraint (built again after the copy,
    many times faster than kept up row by row); their definitions."""
    found = db.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
        "AND i.tablename = ANY(?) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)",
        (tables,)).fetchall()
    for name, _ in found:
        db.execute(f'DROP INDEX "{name}"')
    return [definition for _, definition in found]


def recount(store, tables: list[str]) -> None:
    """The kept sums counted from every stored row, by the migrations that first filled them."""
    for table in tables:
        store.db.execute(f"DELETE FROM {table}")
    store.backfill_aggregates()
    store.backfill_language_sums()
    for aggregate in SHARE_SUMS:        # their rows' space columns were copied with the mentions
        store.db.execute(backfill_sql(aggregate))
    store.backfill_event_report_order()
    store.backfill_region_sums()
    store.backfill_event_names()
    store.backfill_person_article_order()
    store.backfill_speaker_quotes()
    store.backfill_outlet_sums()
    store.backfill_entity_stats()
    store.db.execute("UPDATE store_changes SET changes = changes + 1")     # caches compare it
