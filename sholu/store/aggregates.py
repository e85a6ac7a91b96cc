"""Counts kept in step with the documents, so lists and filters by period and outlet
read a few thousand summed rows instead of grouping whole tables per request.

Each aggregate is a table of sums keyed by what the pages filter on (entity × day ×
outlet, theme × day × outlet, ...). A document's `contribution` is a SELECT over its
own rows; `count` adds it and `uncount` takes it out again, in the transaction that
changes those rows. `counted_documents` says whose contribution is in, so the two
never apply twice and a document being rewritten is taken out before its rows change
and put back after (store/base.py calls them)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

EVERY_STORED = "IN (SELECT id FROM documents WHERE pipeline_version <> '')"   # reservations have none
NO_DATE = NO_OUTLET = ""            # key columns are NOT NULL: an undated article is on day ''


@dataclass(frozen=True)
class Aggregate:
    table: str
    keys: tuple[str, ...]
    values: tuple[str, ...]         # the first one counts rows: a key whose count falls to 0 goes
    contribution: str               # SELECT keys..., values...; {documents} picks the documents

    def rows_of(self, documents: str) -> str:
        return self.contribution.replace("{documents}", documents)


ORIGINAL, COPY = ("CASE WHEN d.duplicate_of IS NULL THEN 1 ELSE 0 END",
                  "CASE WHEN d.duplicate_of IS NULL THEN 0 ELSE 1 END")
DAY, OUTLET = "COALESCE(d.published, '')", "COALESCE(d.outlet, '')"
LANGUAGE = "d.language"             # the language filter reads the same sums (kklang branch)

AGGREGATES = (
    # articles and copies per publication day, outlet and language
    Aggregate("daily_documents", ("published", "outlet", "language"), ("articles", "copies"),
              f"SELECT {DAY}, {OUTLET}, {LANGUAGE}, 1, {COPY} FROM documents d WHERE d.id {{documents}}"),
    # original articles naming each entity, and their mentions, per day, outlet and language
    Aggregate("daily_entities", ("kind", "entity_id", "published", "outlet", "language"), ("articles", "mentions"),
              f"SELECT em.kind, em.entity_id, {DAY}, {OUTLET}, {LANGUAGE}, 1, em.mentions FROM entity_mentions em "
              "JOIN documents d ON d.id = em.document_id "
              "WHERE em.document_id {documents} AND d.duplicate_of IS NULL"),
    # articles and copies on each theme per day, outlet and language
    Aggregate("daily_topics", ("topic", "published", "outlet", "language"), ("articles", "copies"),
              f"SELECT t.topic, {DAY}, {OUTLET}, {LANGUAGE}, 1, {COPY} FROM document_topics t "
              "JOIN documents d ON d.id = t.document_id WHERE t.document_id {documents}"),
    # each stated position of a person per day: the latest ones without reading every statement
    Aggregate("position_days", ("entity_id", "position", "published"), ("reports",),
              "SELECT entity_id, position, COALESCE(published, ''), COUNT(*) FROM positions "
              "WHERE document_id {documents} GROUP BY document_id, entity_id, position, COALESCE(published, '')"),
    # articles reporting each event per outlet ('—' unknown), and how many are originals
    Aggregate("event_outlets", ("group_key", "outlet"), ("reports", "originals"),
              f"SELECT e.group_key, COALESCE(d.outlet, '—'), 1, MAX({ORIGINAL}) FROM events e "
              "JOIN documents d ON d.id = e.document_id WHERE e.document_id {documents} "
              "GROUP BY e.document_id, e.group_key, COALESCE(d.outlet, '—')"),
    # articles reporting each event: how many events there are; with the event's latest
    # date and first report (`refresh_event_groups`), the order of the events list
    Aggregate("event_groups", ("group_key",), ("reports",),
              "SELECT group_key, 1 FROM events WHERE document_id {documents} GROUP BY document_id, group_key"),
    # the share table's cells per person or organisation, day and outlet, copies included
    # (an outlet that reprints gives its space too): articles, mentions, headlines naming
    # it, characters of the sentences naming it, mentions by tone
    Aggregate("daily_shares", ("kind", "entity_id", "published", "outlet", "language"),
              ("articles", "mentions", "headlines", "characters", "positive", "neutral", "negative"),
              f"SELECT em.kind, em.entity_id, {DAY}, {OUTLET}, {LANGUAGE}, 1, em.mentions, em.headline, em.characters, "
              "COALESCE(em.tone_positive, 0), COALESCE(em.tone_neutral, 0), COALESCE(em.tone_negative, 0) "
              "FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
              "WHERE em.document_id {documents} AND em.kind IN ('person', 'organization')"),
    # quotes on each theme per day and outlet, copies included
    Aggregate("daily_quote_topics", ("topic", "published", "outlet", "language"), ("quotes",),
              f"SELECT qt.topic, {DAY}, {OUTLET}, {LANGUAGE}, COUNT(*) FROM quote_topics qt "
              "JOIN documents d ON d.id = qt.document_id WHERE qt.document_id {documents} "
              f"GROUP BY qt.document_id, qt.topic, {DAY}, {OUTLET}, {LANGUAGE}"),
    # who is quoted on each theme (the speaker as the quotes write it)
    Aggregate("topic_speakers", ("topic", "speaker_entity_id", "speaker"), ("quotes",),
              "SELECT qt.topic, q.speaker_entity_id, COALESCE(q.speaker, ''), COUNT(*) FROM quote_topics qt "
              "JOIN quotes q ON q.quote_id = qt.quote_id WHERE qt.document_id {documents} "
              "AND q.speaker_entity_id IS NOT NULL "
              "GROUP BY qt.document_id, qt.topic, q.speaker_entity_id, COALESCE(q.speaker, '')"),
    # the later quotes repeating each first one (a line's times said, less its first time)
    Aggregate("quote_repeats", ("quote_id",), ("repeats",),
              "SELECT repeat_of, COUNT(*) FROM quotes WHERE document_id {documents} AND repeat_of IS NOT NULL "
              "GROUP BY repeat_of"),
    # each entity's mentions by tone over the original articles whose tone was read
    Aggregate("entity_tones", ("entity_id",), ("toned", "positive", "neutral", "negative"),
              "SELECT em.entity_id, 1, COALESCE(em.tone_positive, 0), COALESCE(em.tone_neutral, 0), "
              "COALESCE(em.tone_negative, 0) FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
              "WHERE em.document_id {documents} AND d.duplicate_of IS NULL AND em.tone_positive IS NOT NULL"),
    # each event's reports in the order they came out (day, then stored order), for its
    # page: the first reports read down the key instead of sorting all its thousands
    Aggregate("event_report_order", ("group_key", "published", "seq", "event_id"), ("reports",),
              f"SELECT e.group_key, {DAY}, d.seq, e.event_id, 1 FROM events e JOIN documents d ON d.id = e.document_id "
              "WHERE e.document_id {documents}"),
    # original articles naming a place of each region (once per article), per day, outlet
    # and language; a place's region is the gazetteer's, as `place_regions` holds it
    Aggregate("daily_regions", ("region", "published", "outlet", "language"), ("articles",),
              f"SELECT pr.region, {DAY}, {OUTLET}, {LANGUAGE}, 1 FROM entity_mentions em "
              "JOIN place_regions pr ON pr.entity_id = em.entity_id JOIN documents d ON d.id = em.document_id "
              "WHERE em.document_id {documents} AND d.duplicate_of IS NULL "
              f"GROUP BY em.document_id, pr.region, {DAY}, {OUTLET}, {LANGUAGE}"),
    # the names original articles give each place, per day, outlet and language
    Aggregate("daily_place_names", ("entity_id", "name", "published", "outlet", "language"), ("articles",),
              f"SELECT em.entity_id, em.name, {DAY}, {OUTLET}, {LANGUAGE}, 1 FROM entity_mentions em "
              "JOIN documents d ON d.id = em.document_id "
              "WHERE em.document_id {documents} AND d.duplicate_of IS NULL AND em.kind = 'place'"),
    # the articles naming each person newest first (day, then stored order), whether each is
    # an original in the key too: a person's latest articles read down this key instead of
    # walking every newest article to find theirs
    Aggregate("person_article_order", ("entity_id", "published", "seq", "document_id", "original"), ("articles",),
              f"SELECT em.entity_id, {DAY}, d.seq, em.document_id, {ORIGINAL}, 1 FROM entity_mentions em "
              "JOIN documents d ON d.id = em.document_id WHERE em.document_id {documents} AND em.kind = 'person'"),
    # each speaker's quotes, copies included: a frequent speaker's count read here instead
    # of counting hundreds of thousands of quotes on every page of theirs
    Aggregate("speaker_quotes", ("speaker_entity_id",), ("quotes",),
              "SELECT speaker_entity_id, COUNT(*) FROM quotes WHERE document_id {documents} "
              "AND speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id"),
)


def all_days(daily: Aggregate, table: str) -> Aggregate:
    """The same sums without the day: what a selection with no period reads, one row per
    entity × outlet × language however many days the archive spans (summing the daily
    rows of a whole archive grew with it: 460 ms for the persons in Russian at 1M)."""
    return Aggregate(table, tuple(key for key in daily.keys if key != "published"), daily.values,
                     daily.contribution.replace(f"{DAY}, ", "", 1))


# the two sums of people and organisations that period-less lists read (backfill_outlet_sums)
OUTLET_SUMS = (all_days(AGGREGATES[1], "entity_outlets"), all_days(AGGREGATES[6], "outlet_shares"))
AGGREGATES += OUTLET_SUMS
FIRST_SUMS = AGGREGATES[:6]         # those of the migration that made counted_documents
SHARE_SUMS = AGGREGATES[6:11]       # added later: backfilled by their own migration
REPORT_ORDER = AGGREGATES[11]       # later still (backfill_event_report_order)
REGION_SUMS = AGGREGATES[12:14]     # and backfill_region_sums
ARTICLE_ORDER = AGGREGATES[14]      # and backfill_person_article_order
SPEAKER_QUOTES = AGGREGATES[15]     # and backfill_speaker_quotes


@lru_cache(maxsize=None)
def apply_sql(aggregate: Aggregate, sign: int) -> tuple[str, ...]:
    """Statements adding (sign 1) or taking out (-1) one document's contribution (its
    id the one parameter of each); made once (16 aggregates, each document asks)."""
    keys, values = ", ".join(aggregate.keys), aggregate.values
    rows, key_columns = contribution_rows(aggregate, "= ?")
    signed = ", ".join(f"{sign} * c{len(aggregate.keys) + i}" for i in range(len(values)))
    statements = [
        f"{rows} INSERT INTO {aggregate.table} ({keys}, {', '.join(values)}) SELECT {key_columns}, {signed} "
        f"FROM c WHERE true ON CONFLICT ({keys}) DO UPDATE SET "
        + ", ".join(f"{v} = {aggregate.table}.{v} + excluded.{v}" for v in values)]
    if sign < 0:
        statements.append(f"{rows} DELETE FROM {aggregate.table} WHERE {values[0]} <= 0 "
                          f"AND ({keys}) IN (SELECT {key_columns} FROM c)")
    return tuple(statements)


def recount_sql(aggregate: Aggregate) -> str:
    """The aggregate's rows counted afresh from every stored document (keys, sums)."""
    return " ".join(recount_parts(aggregate))


def backfill_sql(aggregate: Aggregate) -> str:
    """Every stored document's contribution at once (the migration that creates them)."""
    rows, select = recount_parts(aggregate)
    return f"{rows} INSERT INTO {aggregate.table} ({', '.join(aggregate.keys + aggregate.values)}) {select}"


def recount_parts(aggregate: Aggregate) -> tuple[str, str]:
    rows, key_columns = contribution_rows(aggregate, EVERY_STORED)
    sums = ", ".join(f"SUM(c{len(aggregate.keys) + i})" for i in range(len(aggregate.values)))
    return rows, f"SELECT {key_columns}, {sums} FROM c GROUP BY {key_columns}"


def contribution_rows(aggregate: Aggregate, documents: str) -> tuple[str, str]:
    """(`WITH c (c0, c1, …)` of the documents' contributions, the key columns of c)."""
    width = len(aggregate.keys) + len(aggregate.values)
    named = ", ".join(f"c{i}" for i in range(width))
    return (f"WITH c ({named}) AS ({aggregate.rows_of(documents)})",
            ", ".join(f"c{i}" for i in range(len(aggregate.keys))))


EVENT_GROUP_ENDS = (
    "UPDATE event_groups SET "
    "last_date = COALESCE((SELECT MAX(e.date) FROM events e WHERE e.group_key = event_groups.group_key), ''), "
    "first_event = COALESCE((SELECT MIN(e.event_id) FROM events e WHERE e.group_key = event_groups.group_key), '')")


class Counting:
    """The store's side: mixed into SqlStore."""
    stale_events: set[str] | None = None     # events a taken-out document reported

    def count_document(self, doc_id: str) -> None:
        """Add a stored document's contribution to every aggregate (once)."""
        counted = self.db.execute("SELECT 1 FROM counted_documents WHERE document_id = ?", (doc_id,)).fetchone()
        stored = self.db.execute("SELECT 1 FROM documents WHERE id = ? AND pipeline_version <> ''",
                                 (doc_id,)).fetchone()
        if stored and not counted:
            self.apply_contribution(doc_id, 1)
            self.db.execute("INSERT INTO counted_documents VALUES (?)", (doc_id,))
        self.refresh_event_groups(self.events_of(doc_id))

    def uncount_document(self, doc_id: str) -> None:
        """Take a document's contribution out, before its rows change."""
        if not self.db.execute("SELECT 1 FROM counted_documents WHERE document_id = ?", (doc_id,)).fetchone():
            return
        self.stale_events = (self.stale_events or set()) | self.events_of(doc_id)
        self.apply_contribution(doc_id, -1)
        self.db.execute("DELETE FROM counted_documents WHERE document_id = ?", (doc_id,))

    def events_of(self, doc_id: str) -> set[str]:
        return {key for (key,) in self.db.execute("SELECT group_key FROM events WHERE document_id = ?", (doc_id,))}

    def refresh_event_groups(self, keys: set[str] = frozenset()) -> None:
        """The latest date and first report of these events and of those a document
        taken out reported (its rows are gone by now): index seeks, not a scan."""
        keys = sorted(set(keys) | (self.stale_events or set()))
        self.stale_events = None
        if keys:
            self.db.execute(f"{EVENT_GROUP_ENDS} WHERE group_key IN ({', '.join('?' * len(keys))})", keys)

    def apply_contribution(self, doc_id: str, sign: int) -> None:
        self.db.execute("UPDATE store_changes SET changes = changes + 1")     # what caches compare
        for aggregate in AGGREGATES:
            for statement in apply_sql(aggregate, sign):
                self.db.execute(statement, (doc_id,))

    def backfill_language_sums(self) -> None:
        """Fill the first per day × outlet sums keyed by language, made again by a later
        migration than the others (their documents are counted already)."""
        for aggregate in FIRST_SUMS:
            if "language" in aggregate.keys:
                self.db.execute(backfill_sql(aggregate))

    def backfill_aggregates(self) -> None:
        """Fill the aggregates from the documents stored before they existed (those
        keyed by language: `backfill_language_sums`, once their tables have the key)."""
        for aggregate in FIRST_SUMS:
            if "language" not in aggregate.keys:
                self.db.execute(backfill_sql(aggregate))
        self.db.execute(f"INSERT INTO counted_documents SELECT id FROM documents WHERE id {EVERY_STORED}")
        self.db.execute(EVENT_GROUP_ENDS)

    def backfill_share_sums(self) -> None:
        """The rows the share sums read, for documents stored before them (each
        mention's space in columns added here, each quote's themes), then the sums of
        every counted document."""
        from .queries.shares import mention_space
        from .schema import SPACE_COLUMNS

        have = {column[0] for column in self.db.execute("SELECT * FROM entity_mentions LIMIT 0").description}
        for column in SPACE_COLUMNS:
            if column not in have:
                self.db.execute(f"ALTER TABLE entity_mentions ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
        for table in ("quote_topics", *(aggregate.table for aggregate in SHARE_SUMS)):
            self.db.execute(f"DELETE FROM {table}")       # run again, it starts afresh
        for doc_id, title, text, annotations in self.each_stored("id, title, text, annotations"):
            space = mention_space(title, text, json.loads(annotations or "{}"))
            self.db.executemany("UPDATE entity_mentions SET headline = ?, characters = ? "
                                "WHERE document_id = ? AND entity_id = ?",
                                [(*sums, doc_id, entity_id) for entity_id, sums in space.items()])
        for quote_id, doc_id, topics in self.each_stored("q.quote_id, q.document_id, q.topics",
                                                          "JOIN quotes q ON q.document_id = d.id"):
            self.db.executemany("INSERT INTO quote_topics VALUES (?, ?, ?)",
                                [(quote_id, doc_id, topic) for topic in dict.fromkeys(json.loads(topics))])
        for aggregate in SHARE_SUMS:
            self.db.execute(backfill_sql(aggregate))

    def backfill_event_report_order(self) -> None:
        """The order of every counted document's event reports (emptied first: run
        again, it gives the same)."""
        self.db.execute(f"DELETE FROM {REPORT_ORDER.table}")
        self.db.execute(backfill_sql(REPORT_ORDER))

    def backfill_person_article_order(self) -> None:
        """The order of every counted document's articles per person (emptied first:
        run again, it gives the same)."""
        self.db.execute(f"DELETE FROM {ARTICLE_ORDER.table}")
        self.db.execute(backfill_sql(ARTICLE_ORDER))

    def backfill_speaker_quotes(self) -> None:
        """Every counted document's quotes per speaker (emptied first: run again, it
        gives the same)."""
        self.db.execute(f"DELETE FROM {SPEAKER_QUOTES.table}")
        self.db.execute(backfill_sql(SPEAKER_QUOTES))

    def backfill_outlet_sums(self) -> None:
        """Every counted document's people and organisations per outlet and language, all
        days together (emptied first: run again, it gives the same)."""
        for aggregate in OUTLET_SUMS:
            self.db.execute(f"DELETE FROM {aggregate.table}")
            self.db.execute(backfill_sql(aggregate))

    def backfill_region_sums(self) -> None:
        """Each place's region as the gazetteer gives it now, and the sums by region and
        by place name counted afresh (emptied first: run again, it gives the same)."""
        self.db.execute(f"DELETE FROM {REGION_SUMS[1].table}")
        self.db.execute(backfill_sql(REGION_SUMS[1]))
        self.sync_place_regions(always=True)

    def sync_place_regions(self, always: bool = False) -> None:
        """Bring `place_regions` in line with the gazetteer (the user's entries may have
        changed since) and count the sums by region again if it moved; the region lists
        read their own count from the mentions meanwhile (queries/regions.py)."""
        from .queries.regions import kept_regions, regions_now

        now = regions_now(self)
        if now == kept_regions(self) and not always:
            return
        self.db.execute("DELETE FROM place_regions")
        self.db.executemany("INSERT INTO place_regions VALUES (?, ?)", sorted(now.items()))
        self.db.execute(f"DELETE FROM {REGION_SUMS[0].table}")
        self.db.execute(backfill_sql(REGION_SUMS[0]))

    def each_stored(self, columns: str, joined: str = "", chunk: int = 2000):
        """Rows of every stored document (with `joined` rows of theirs), a chunk of
        documents at a time in stored order."""
        after = 0
        while True:
            seqs = self.db.execute("SELECT seq FROM documents WHERE seq > ? AND pipeline_version <> '' "
                                   "ORDER BY seq LIMIT ?", (after, chunk)).fetchall()
            if not seqs:
                return
            yield from self.db.execute(f"SELECT {columns} FROM documents d {joined} WHERE d.seq BETWEEN ? AND ? "
                                       "AND d.pipeline_version <> ''", (seqs[0][0], seqs[-1][0])).fetchall()
            after = seqs[-1][0]
