"""The schema, one list of numbered migrations for both backends: types and the
full-text index are filled in per backend, everything else is the same SQL. A name
without spaces is a data migration, run as a method of the store.

The quotes and events tables hold one row per annotation record: their columns are
the record's fields (`sholu/records.py`) but those kept only in the document's
annotations, so a field added to a record is a column to add by a migration here
(tests/test_records.py compares the migrated tables with `RECORD_TABLES`)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import get_origin

from ..records import (Event, Organization, Person, Place, Quote, Record, field_names, field_types,
                       identifiers)

MIGRATION_TEMPLATES = [
    """
    CREATE TABLE documents (
        seq {AUTO_ID},
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        text_key TEXT NOT NULL,
        duplicate_of TEXT,
        boilerplate TEXT NOT NULL DEFAULT '[]',
        annotations TEXT NOT NULL DEFAULT '{}',
        pipeline_version TEXT NOT NULL,
        stored_at TEXT NOT NULL
    );
    CREATE INDEX documents_text_key ON documents (text_key);
    CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
    CREATE INDEX documents_published ON documents (published);
    CREATE INDEX documents_outlet ON documents (outlet);
    CREATE TABLE sources (
        locator TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        document_id TEXT NOT NULL,
        stored_at TEXT NOT NULL
    );
    CREATE TABLE signatures (
        document_id TEXT PRIMARY KEY,
        signature {BLOB} NOT NULL
    );
    CREATE TABLE lsh_bands (
        band INTEGER NOT NULL,
        bucket {BLOB} NOT NULL,
        document_id TEXT NOT NULL
    );
    CREATE INDEX lsh_bands_bucket ON lsh_bands (band, bucket);
    CREATE INDEX lsh_bands_document ON lsh_bands (document_id);
    CREATE TABLE runs (
        seq {AUTO_ID},
        started_at TEXT NOT NULL,
        finished_at TEXT,
        summary TEXT
    );
    """,
    """
    CREATE TABLE entities (
        entity_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        surname_key TEXT
    );
    CREATE INDEX entities_kind_name ON entities (kind, name);
    CREATE INDEX entities_surname ON entities (surname_key);
    CREATE TABLE entity_mentions (
        document_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (document_id, entity_id)
    );
    CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
    CREATE TABLE positions (
        entity_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        position TEXT NOT NULL,
        published TEXT
    );
    CREATE INDEX positions_entity ON positions (entity_id);
    CREATE INDEX positions_document ON positions (document_id)
    """,
    """
    CREATE TABLE quotes (
        quote_id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        speaker TEXT,
        speaker_entity_id TEXT,
        speaker_type TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        verb TEXT,
        topics TEXT NOT NULL DEFAULT '[]',
        repeat_of TEXT
    );
    CREATE INDEX quotes_document ON quotes (document_id);
    CREATE INDEX quotes_speaker ON quotes (speaker_entity_id);
    CREATE INDEX quotes_repeat ON quotes (repeat_of);
    CREATE TABLE quote_bands (
        band INTEGER NOT NULL,
        bucket {BLOB} NOT NULL,
        quote_id TEXT NOT NULL,
        signature {BLOB} NOT NULL
    );
    CREATE INDEX quote_bands_bucket ON quote_bands (band, bucket);
    CREATE INDEX quote_bands_quote ON quote_bands (quote_id)
    """,
    """
    CREATE TABLE events (
        event_id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        group_key TEXT NOT NULL,
        type TEXT NOT NULL,
        date TEXT,
        city TEXT,
        city_inferred INTEGER NOT NULL DEFAULT 0,
        venue TEXT,
        organizer TEXT,
        audience TEXT,
        participants TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX events_document ON events (document_id);
    CREATE INDEX events_group ON events (group_key)
    """,
    """
    {SEARCH_INDEX};
    CREATE TABLE document_topics (
        document_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (document_id, topic)
    );
    CREATE INDEX document_topics_topic ON document_topics (topic)
    """,
    "backfill_search",
    """
    CREATE TABLE entity_stats (
        entity_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    );
    CREATE INDEX entity_stats_rank ON entity_stats (kind, articles, mentions)
    """,
    "backfill_entity_stats",
    # what a run could not store, or stored with something to say (the newest of each
    # source and severity); `sholu problems` and the dashboard list them
    """
    CREATE TABLE problems (
        source TEXT NOT NULL,
        severity TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        noted_at TEXT NOT NULL,
        PRIMARY KEY (source, severity)
    );
    CREATE INDEX problems_noted ON problems (noted_at)
    """,
    # quotes branch: a quote said in the headline («Путин: …»)
    "ALTER TABLE quotes ADD COLUMN in_title INTEGER NOT NULL DEFAULT 0",
    # events branch: reports of one event found by type and day (the event groups stage)
    "CREATE INDEX events_type_date ON events (type, date)",
    # tone branch: each entity's mentions per tone in the article (persons and
    # organisations; NULL for places and for documents the tone stage has not read),
    # and the tone of a quote's sentence towards its speaker (-1/0/1, NULL: none stated)
    """
    ALTER TABLE entity_mentions ADD COLUMN tone_positive INTEGER;
    ALTER TABLE entity_mentions ADD COLUMN tone_neutral INTEGER;
    ALTER TABLE entity_mentions ADD COLUMN tone_negative INTEGER;
    ALTER TABLE quotes ADD COLUMN speaker_tone INTEGER
    """,
    # scale branch: sums kept in step with the documents (store/aggregates.py), and the
    # indexes the newest-first lists walk instead of sorting every row
    """
    CREATE TABLE counted_documents (document_id TEXT PRIMARY KEY);
    CREATE TABLE store_changes (changes INTEGER NOT NULL);
    INSERT INTO store_changes VALUES (0);
    CREATE TABLE daily_documents (
        published TEXT NOT NULL, outlet TEXT NOT NULL,
        articles INTEGER NOT NULL, copies INTEGER NOT NULL,
        PRIMARY KEY (published, outlet)
    );
    CREATE TABLE daily_entities (
        kind TEXT NOT NULL, entity_id TEXT NOT NULL, published TEXT NOT NULL, outlet TEXT NOT NULL,
        articles INTEGER NOT NULL, mentions INTEGER NOT NULL,
        PRIMARY KEY (kind, entity_id, published, outlet)
    );
    CREATE INDEX daily_entities_day ON daily_entities (kind, published, outlet, entity_id, articles, mentions);
    CREATE TABLE daily_topics (
        topic TEXT NOT NULL, published TEXT NOT NULL, outlet TEXT NOT NULL,
        articles INTEGER NOT NULL, copies INTEGER NOT NULL,
        PRIMARY KEY (topic, published, outlet)
    );
    CREATE TABLE position_days (
        entity_id TEXT NOT NULL, position TEXT NOT NULL, published TEXT NOT NULL, reports INTEGER NOT NULL,
        PRIMARY KEY (entity_id, position, published)
    );
    CREATE TABLE event_outlets (
        group_key TEXT NOT NULL, outlet TEXT NOT NULL, reports INTEGER NOT NULL, originals INTEGER NOT NULL,
        PRIMARY KEY (group_key, outlet)
    );
    CREATE TABLE event_groups (
        group_key TEXT PRIMARY KEY, reports INTEGER NOT NULL,
        last_date TEXT NOT NULL DEFAULT '', first_event TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX event_groups_newest ON event_groups (last_date DESC, first_event);
    CREATE INDEX events_group_date ON events (group_key, date);
    CREATE INDEX events_group_first ON events (group_key, event_id);
    DROP INDEX documents_duplicate_of;
    CREATE INDEX documents_duplicate_of ON documents (duplicate_of, (COALESCE(published, '')), seq);
    CREATE INDEX documents_newest ON documents ((COALESCE(published, '')), seq);
    CREATE INDEX documents_newest_originals ON documents ((COALESCE(published, '')), seq)
        WHERE duplicate_of IS NULL
    """,
    "backfill_aggregates",
    # scale branch: search joins the index to documents on the index's key (SQLite: rowid = seq)
    "align_search_rows",
    # scale2 branch: a speaker's quotes found from the newest documents down (quotes
    # of one document by speaker), instead of sorting every quote of a frequent speaker
    ("CREATE INDEX IF NOT EXISTS quotes_document_speaker ON quotes (document_id, speaker_entity_id, start) "
     "WHERE speaker_entity_id IS NOT NULL"),   # partial, so whole scans of quotes stay off it
    # kklang branch: the articles' language a key of the per day × outlet sums, so a
    # language filter sums them like a period or outlet filter (made again and refilled
    # just after: run again, it gives the same)
    """
    DROP TABLE IF EXISTS daily_documents;
    CREATE TABLE daily_documents (
        published TEXT NOT NULL, outlet TEXT NOT NULL, language TEXT NOT NULL,
        articles INTEGER NOT NULL, copies INTEGER NOT NULL,
        PRIMARY KEY (published, outlet, language)
    );
    DROP TABLE IF EXISTS daily_entities;
    CREATE TABLE daily_entities (
        kind TEXT NOT NULL, entity_id TEXT NOT NULL, published TEXT NOT NULL, outlet TEXT NOT NULL,
        language TEXT NOT NULL, articles INTEGER NOT NULL, mentions INTEGER NOT NULL,
        PRIMARY KEY (kind, entity_id, published, outlet, language)
    );
    CREATE INDEX daily_entities_day ON daily_entities (kind, published, outlet, language, entity_id,
                                                       articles, mentions);
    DROP TABLE IF EXISTS daily_topics;
    CREATE TABLE daily_topics (
        topic TEXT NOT NULL, published TEXT NOT NULL, outlet TEXT NOT NULL, language TEXT NOT NULL,
        articles INTEGER NOT NULL, copies INTEGER NOT NULL,
        PRIMARY KEY (topic, published, outlet, language)
    )
    """,
    "backfill_language_sums",
    # kklang branch: an outlet's article and its version in another language (both ways),
    # and the outlet's articles by day, where the translations stage looks for them
    """
    CREATE TABLE IF NOT EXISTS translations (
        document_id TEXT NOT NULL, translation_id TEXT NOT NULL,
        PRIMARY KEY (document_id, translation_id)
    );
    CREATE INDEX IF NOT EXISTS translations_of ON translations (translation_id);
    CREATE INDEX IF NOT EXISTS documents_outlet_day ON documents (outlet, published)
    """,
    # scale3 branch: a person's latest positions read down an index, each quote's themes
    # as rows, the share table's space (a subject's headlines and sentence characters per
    # article) kept on its mention row (the columns added by backfill_share_sums, which
    # fills them), and their sums (store/aggregates.py: daily_shares, daily_quote_topics,
    # topic_speakers, quote_repeats, entity_tones)
    """
    CREATE TABLE IF NOT EXISTS quote_topics (
        quote_id TEXT NOT NULL, document_id TEXT NOT NULL, topic TEXT NOT NULL,
        PRIMARY KEY (quote_id, topic)
    );
    CREATE INDEX IF NOT EXISTS quote_topics_topic ON quote_topics (topic, quote_id);
    CREATE INDEX IF NOT EXISTS quote_topics_document ON quote_topics (document_id);
    CREATE INDEX IF NOT EXISTS positions_entity_newest ON positions (entity_id, (COALESCE(published, '')) DESC, position);
    CREATE TABLE IF NOT EXISTS daily_shares (
        kind TEXT NOT NULL, entity_id TEXT NOT NULL, published TEXT NOT NULL, outlet TEXT NOT NULL,
        language TEXT NOT NULL, articles INTEGER NOT NULL, mentions INTEGER NOT NULL, headlines INTEGER NOT NULL,
        characters INTEGER NOT NULL, positive INTEGER NOT NULL, neutral INTEGER NOT NULL,
        negative INTEGER NOT NULL,
        PRIMARY KEY (kind, entity_id, published, outlet, language)
    );
    CREATE TABLE IF NOT EXISTS daily_quote_topics (
        topic TEXT NOT NULL, published TEXT NOT NULL, outlet TEXT NOT NULL, language TEXT NOT NULL,
        quotes INTEGER NOT NULL,
        PRIMARY KEY (topic, published, outlet, language)
    );
    CREATE TABLE IF NOT EXISTS topic_speakers (
        topic TEXT NOT NULL, speaker_entity_id TEXT NOT NULL, speaker TEXT NOT NULL, quotes INTEGER NOT NULL,
        PRIMARY KEY (topic, speaker_entity_id, speaker)
    );
    CREATE TABLE IF NOT EXISTS quote_repeats (quote_id TEXT PRIMARY KEY, repeats INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS entity_tones (
        entity_id TEXT PRIMARY KEY, toned INTEGER NOT NULL,
        positive INTEGER NOT NULL, neutral INTEGER NOT NULL, negative INTEGER NOT NULL
    )
    """,
    "backfill_share_sums",
    # scale4 branch: the quote explorer's word search read from an index of the quotes'
    # text (SQLite: an FTS5 trigram table; PostgreSQL: a pg_trgm index), not every quote
    "index_quote_words",
    # SQLite's word index of the quotes holds their text lowered in every letter (its own
    # LOWER and LIKE fold only ASCII, so «закон» missed «Закон»): indexed again
    "index_quote_words",
    # scale5 branch: each event's reports in the order they came out, kept with the
    # documents (store/aggregates.py), so an event's page reads its first reports down
    # this key instead of sorting every report of an event reported thousands of times
    """
    CREATE TABLE IF NOT EXISTS event_report_order (
        group_key TEXT NOT NULL, published TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL,
        reports INTEGER NOT NULL,
        PRIMARY KEY (group_key, published, seq, event_id)
    )
    """,
    "backfill_event_report_order",
    # scale5 branch: articles per region (a place's region the gazetteer's, held in
    # place_regions, synchronised after each run) and the names given each place, kept
    # per day × outlet × language with the documents (store/aggregates.py)
    """
    CREATE TABLE IF NOT EXISTS place_regions (entity_id TEXT PRIMARY KEY, region TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS daily_regions (
        region TEXT NOT NULL, published TEXT NOT NULL, outlet TEXT NOT NULL, language TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (region, published, outlet, language)
    );
    CREATE TABLE IF NOT EXISTS daily_place_names (
        entity_id TEXT NOT NULL, name TEXT NOT NULL, published TEXT NOT NULL, outlet TEXT NOT NULL,
        language TEXT NOT NULL, articles INTEGER NOT NULL,
        PRIMARY KEY (entity_id, name, published, outlet, language)
    )
    """,
    "backfill_region_sums",
    # scale5 branch: whom and what each event report names, so a person's or an
    # organisation's page finds its events by name instead of reading every report
    """
    CREATE TABLE IF NOT EXISTS event_names (
        name TEXT NOT NULL, group_key TEXT NOT NULL, event_id TEXT NOT NULL, document_id TEXT NOT NULL,
        PRIMARY KEY (name, group_key, event_id)
    );
    CREATE INDEX IF NOT EXISTS event_names_document ON event_names (document_id)
    """,
    "backfill_event_names",
    # scale5 branch: the outlet filter (any letter case) read down an index, whose
    # statistics also tell PostgreSQL's planner how many articles an outlet has
    "index_outlets_lowered",
    # scale6 branch: each person's articles newest first, kept with the documents
    # (store/aggregates.py), so a person's latest articles and the people named with them
    # are read down this key instead of walking the newest documents to find theirs
    """
    CREATE TABLE IF NOT EXISTS person_article_order (
        entity_id TEXT NOT NULL, published TEXT NOT NULL, seq INTEGER NOT NULL, document_id TEXT NOT NULL,
        original INTEGER NOT NULL, articles INTEGER NOT NULL,
        PRIMARY KEY (entity_id, published, seq, document_id, original)
    )
    """,
    "backfill_person_article_order",
    # scale7 branch: each speaker's quotes, kept with the documents (store/aggregates.py):
    # a frequent speaker's quote count is one row, not an index read of all their quotes
    "CREATE TABLE IF NOT EXISTS speaker_quotes (speaker_entity_id TEXT PRIMARY KEY, quotes INTEGER NOT NULL)",
    "backfill_speaker_quotes",
    # scale7 branch: the documents in the quote lists' order (newest day first, then stored
    # order), so a frequent speaker's or theme's newest quotes are found walking it from
    # its first entry instead of sorting the whole newest day of documents (PostgreSQL
    # gathered and sorted ~1,400 documents per walk)
    "index_documents_day_first",
    # scale8 branch: people's and organisations' sums per outlet and language with every day
    # together (store/aggregates.py: entity_outlets, outlet_shares), so a list with no
    # period (the whole archive in one language or outlet set) sums a row per outlet
    """
    CREATE TABLE IF NOT EXISTS entity_outlets (
        kind TEXT NOT NULL, entity_id TEXT NOT NULL, outlet TEXT NOT NULL, language TEXT NOT NULL,
        articles INTEGER NOT NULL, mentions INTEGER NOT NULL,
        PRIMARY KEY (kind, entity_id, outlet, language)
    );
    CREATE TABLE IF NOT EXISTS outlet_shares (
        kind TEXT NOT NULL, entity_id TEXT NOT NULL, outlet TEXT NOT NULL, language TEXT NOT NULL,
        articles INTEGER NOT NULL, mentions INTEGER NOT NULL, headlines INTEGER NOT NULL,
        characters INTEGER NOT NULL, positive INTEGER NOT NULL, neutral INTEGER NOT NULL,
        negative INTEGER NOT NULL,
        PRIMARY KEY (kind, entity_id, outlet, language)
    )
    """,
    "backfill_outlet_sums",
    # scale8 branch: an outlet's articles newest first read down an index (its page sorted
    # all of the outlet's articles for each page of 20: 10,000 at 100,000 articles)
    "index_outlet_newest",
    # scale8 branch: search's filters read from an index (SQLite; store/sqlite.py)
    "index_search_filters",
]


def render(auto_id: str, blob: str, search_index: str) -> list[str]:
    return [m.replace("{AUTO_ID}", auto_id).replace("{BLOB}", blob).replace("{SEARCH_INDEX}", search_index)
            for m in MIGRATION_TEMPLATES]


# -- tables of records ------------------------------------------------------------------

@dataclass(frozen=True)
class RecordTable:
    record: type[Record]
    filled: tuple[str, ...]            # columns the store fills: ids, links between rows
    leave_out: tuple[str, ...] = ()    # fields kept only in documents.annotations

    @property
    def fields(self) -> tuple[str, ...]:
        """The record's fields stored in columns of the same name."""
        return tuple(name for name in field_names(self.record)
                     if name not in self.filled and name not in self.leave_out)

    @property
    def columns(self) -> tuple[str, ...]:
        return self.filled + self.fields

    def insert_sql(self, table: str) -> str:
        names = ", ".join(f'"{name}"' for name in self.columns)
        return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(self.columns))})"

    def row(self, item: dict, *filled) -> tuple:
        """The values of one record's row, after the `filled` ones."""
        types = field_types(self.record)
        return (*filled, *(column_value(types[name], item.get(name)) for name in self.fields))


def column_value(kind, value):
    """A field as its column holds it: lists as JSON (topics by id), booleans as 0/1."""
    if get_origin(kind) is list:
        return json.dumps(identifiers(value), ensure_ascii=False)
    return int(bool(value)) if kind is bool else value


RECORD_TABLES = {
    "quotes": RecordTable(Quote, filled=("quote_id", "document_id", "repeat_of")),
    # an event's `key` is its group_key, the store's own when the stage found none
    "events": RecordTable(Event, filled=("event_id", "document_id", "group_key"),
                          leave_out=("date_source", "trigger", "start", "end", "key", "title")),
}

# Each entity record's fields in entity_mentions (with document_id and kind), in positions
# (a person's), or only in documents.annotations.
ENTITY_RECORDS = {"persons": Person, "organizations": Organization, "places": Place}
ENTITY_COLUMNS = ("entity_id", "name", "mentions")
# the tone stage's columns (the contract with the tone branch): mention counts per article
# on entity_mentions, the quote's tone on quotes; NULL where tone was not read
TONE_COLUMNS = {"entity_mentions": ("tone_positive", "tone_neutral", "tone_negative"),
                "quotes": ("speaker_tone",)}
# the share table's columns: whether the headline names the entity, the characters of the
# sentences naming it (computed from the spans when the mention is stored)
SPACE_COLUMNS = ("headline", "characters")
MENTION_COLUMNS = ("document_id", "entity_id", "kind", "name", "mentions", *TONE_COLUMNS["entity_mentions"],
                   *SPACE_COLUMNS)
ENTITY_ANNOTATIONS_ONLY = ("spans", "references", "title_spans", "lat", "lon", "region", "tone", "tone_mentions")
