"""What every store does, in SQL that SQLite and PostgreSQL both run. A backend adds
its connection, its migrations and a few dialect hooks (`concat`, `match_sql`,
`query_text`, `stream`, `transaction`, the schema version).

Every write of a run goes through `save` inside `batch()`: a batch is one transaction,
so an interrupted run leaves whole batches, and the next run redoes only the rest
(sources are marked done in the same transaction as their documents).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from itertools import chain
from typing import NamedTuple

from ..dedup import NEAR_DUPLICATE_JACCARD, band_keys, jaccard_estimate
from ..document import Document
from .aggregates import Counting
from .queries import documents as queries
from .queries import people
from .queries import quotes as quote_queries
from .queries import search as search_queries
from .queries.documents import DOCUMENT_COLUMNS
from .queries.common import marks
from .queries.shares import mention_space
from .schema import MENTION_COLUMNS, RECORD_TABLES, SPACE_COLUMNS, TONE_COLUMNS

QUOTES, EVENTS = RECORD_TABLES["quotes"], RECORD_TABLES["events"]
TOPICS = QUOTES.columns.index("topics")      # a quote's themes, as the quotes row holds them
QUOTE_TEXT = QUOTES.columns.index("text")

ENTITY_KINDS = (("persons", "person"), ("organizations", "organization"), ("places", "place"))
MENTION_INSERT = (
    f"INSERT INTO entity_mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({marks(MENTION_COLUMNS)}) "
    "ON CONFLICT (document_id, entity_id) DO UPDATE SET name = excluded.name, mentions = excluded.mentions, "
    + ", ".join(f"{column} = excluded.{column}" for column in (*TONE_COLUMNS["entity_mentions"], *SPACE_COLUMNS)))


def tone_counts(entity: dict) -> tuple:
    """The entity's mentions by tone for the TONE_COLUMNS; NULLs where tone was not read."""
    tone = entity.get("tone") or {}
    return tone.get("positive"), tone.get("neutral"), tone.get("negative")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")   # tells apart saves in one second


class Ranking(NamedTuple):
    """How a backend matches and ranks: the match `condition` on `search_index s`; what
    the window of newest matches carries (`carried`, on `s`) for `rank`, the score on
    the window's row `w` (lower is better), which takes the query again when
    `rank_takes_query`; `newest`, the stored order of the matches."""
    condition: str
    carried: str
    rank: str
    rank_takes_query: bool
    newest: str


class RunLocked(RuntimeError):
    """Another run is writing this store; the message says which."""


class SqlStore(Counting):
    migrations: list[str] = []
    SEARCH_DELETE = "DELETE FROM search_index WHERE document_id = ?"
    SEARCH_INSERT = "INSERT INTO search_index (document_id, title, body) VALUES (?, ?, ?)"
    SEARCH_KEYS = ("document_id", "id")   # (column of search_index, of documents) joining them
    SEARCHED_DOCUMENTS = "documents d"    # the documents as search joins its matches to them
    # a quote's text in the word index beside it, where the backend keeps one apart
    # (an expression index needs nothing written): (delete a document's, insert one)
    STORED_ORDER = "b.rowid"            # a table's rows in the order they were stored (an index's ties)
    QUOTE_WORDS_WRITES: tuple[str, str] | None = None
    QUOTE_WORDS_SEARCH: str | None = None   # quote ids whose text is LIKE ?, from it
    QUOTE_WORDS_ESTIMATE: str | None = None  # at least how many quotes have the words (MATCH ?), up to LIMIT ?
    QUOTE_WORDS_REACHED: str | None = None   # (matches up to LIMIT ?, the last's document seq), LIKE ?
    LOWERED_QUOTE = "LOWER(q.text)"     # a quote's text, every letter lowered, for `LIKE` the lowered words
    errors: tuple = (Exception,)      # the driver's errors, for a clear message
    planner_estimates = False         # whether `estimated_rows` can say a query's size unrun
    served = 0                        # requests a server handed the store to (kept open between them)

    def migrate(self) -> None:
        """Numbered migrations; a name without spaces is a data migration (a method)."""
        version = self.schema_version()
        for number, script in enumerate(self.migrations[version:], start=version + 1):
            with self.transaction():
                if " " not in script:
                    getattr(self, script)()
                else:
                    for statement in script.split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                self.set_schema_version(number)

    def close(self) -> None:
        self.db.close()

    def reusable(self) -> bool:
        """Whether a server may keep this store open for its next request: while it is
        in no transaction (the backends say; none by default)."""
        return False

    def index_outlets_lowered(self) -> None:
        """An index of the documents by lowered outlet (search's outlet filter is any
        letter case), newest last. PostgreSQL learns the expression's statistics only
        when the table is analysed: done here, or it would guess a few hundred articles
        per outlet and sort every match instead of walking the newest."""
        self.db.execute("CREATE INDEX IF NOT EXISTS documents_outlet_newest ON documents ((LOWER(outlet)), seq)")
        if self.planner_estimates:
            self.db.execute("ANALYZE documents")

    def index_documents_day_first(self) -> None:
        """An index of the documents in the quote lists' order: newest day first, then
        stored order (documents_newest read backwards gives each day newest stored first,
        so a walk had to sort the whole first day). PostgreSQL learns the expression's
        statistics when the table is analysed, as for index_outlets_lowered."""
        self.db.execute("CREATE INDEX IF NOT EXISTS documents_day_first ON documents ((COALESCE(published, '')) DESC, seq)")
        if self.planner_estimates:
            self.db.execute("ANALYZE documents")

    def index_search_filters(self) -> None:
        """Where a backend reads search's filters from an index of their own (SQLite)."""

    def index_outlet_newest(self) -> None:
        """An index of each outlet's documents newest first, in the order of its page
        (analysed on PostgreSQL, as for index_outlets_lowered)."""
        self.db.execute("CREATE INDEX IF NOT EXISTS documents_outlet_newest_day ON documents "
                        "(outlet, (COALESCE(published, '')), seq)")
        if self.planner_estimates:
            self.db.execute("ANALYZE documents")

    def backfill_entity_stats(self) -> None:
        """Counts per entity over original articles, for top lists that stay fast at
        any corpus size; kept up to date by every save from now on."""
        self.db.execute(
            "INSERT INTO entity_stats SELECT em.entity_id, MIN(em.kind), COUNT(DISTINCT em.document_id), "
            "SUM(em.mentions) FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
            "WHERE d.duplicate_of IS NULL GROUP BY em.entity_id")

    def align_search_rows(self) -> None:
        """Search joins its index to documents on SEARCH_KEYS; a backend whose key is
        the document's own id has nothing to align."""

    def backfill_search(self) -> None:
        """Index documents stored before search existed."""
        for doc in list(self.documents()):
            self.save_search(doc)


    # -- what is already stored ---------------------------------------------------

    def is_done(self, locator: str, fingerprint: str, version: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM sources WHERE locator=? AND fingerprint=? AND pipeline_version=?",
            (locator, fingerprint, version)).fetchone()
        return row is not None

    def document_of_source(self, locator: str) -> str | None:
        row = self.db.execute("SELECT document_id FROM sources WHERE locator=?",
                              (locator,)).fetchone()
        return row[0] if row else None

    def source_of(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT source FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def original_by_key(self, key: str, exclude_source: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM documents WHERE text_key=? AND source<>? ORDER BY seq LIMIT 1",
            (key, exclude_source)).fetchone()
        return self.root_of(row[0]) if row else None

    def band_candidates(self, keys: Iterable[tuple[int, bytes]],
                        exclude_source: str) -> Iterator[tuple[str, bytes]]:
        ids: dict[str, None] = {}
        for band, bucket in keys:
            for (doc_id,) in self.db.execute(
                    "SELECT document_id FROM lsh_bands WHERE band=? AND bucket=?", (band, bucket)):
                ids.setdefault(doc_id)
        for doc_id in ids:
            row = self.db.execute(
                "SELECT s.signature FROM signatures s JOIN documents d ON d.id = s.document_id "
                "WHERE s.document_id=? AND d.source<>?", (doc_id, exclude_source)).fetchone()
            if row:
                yield doc_id, row[0]

    def text_of(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def root_of(self, doc_id: str) -> str:
        row = self.db.execute("SELECT duplicate_of FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row and row[0] else doc_id

    # -- writing ------------------------------------------------------------------

    def save(self, doc: Document, version: str) -> None:
        """Store one document and mark its source done (call inside `batch()`)."""
        self.write_document(doc, json.dumps(doc.boilerplate, ensure_ascii=False),
                            json.dumps(doc.annotations(), ensure_ascii=False), version)
        self.save_entities(doc)
        self.save_quotes(doc)
        self.save_events(doc)
        self.save_search(doc)
        self.save_translations(doc)
        self.db.execute(
            "INSERT INTO sources (locator, fingerprint, pipeline_version, document_id, stored_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (locator) DO UPDATE SET "
            "fingerprint=excluded.fingerprint, pipeline_version=excluded.pipeline_version, "
            "document_id=excluded.document_id, stored_at=excluded.stored_at",
            (doc.source, doc.fingerprint, version, doc.id, now()))
        self.db.execute("DELETE FROM problems WHERE source=? AND severity='error'", (doc.source,))
        self.count_document(doc.id)

    def record_problem(self, problem) -> None:
        """A Problem in the problems list, replacing the source's earlier one of its
        severity (outside a batch it is written at once)."""
        self.db.execute(
            "INSERT INTO problems (source, severity, stage, reason, noted_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (source, severity) DO UPDATE SET stage=excluded.stage, "
            "reason=excluded.reason, noted_at=excluded.noted_at",
            (problem.source, problem.severity, problem.stage, problem.reason, now()))

    def reserve(self, doc: Document) -> None:
        """What dedup reads of a document (its row, text key and signature), written
        before its analysis so later documents of the batch see it as a possible
        original; `save` completes it in the same transaction, which also marks the
        source done, so an interrupted batch leaves nothing half-made."""
        self.write_document(doc, "[]", "{}", "")

    def write_document(self, doc: Document, boilerplate: str, annotations: str, version: str) -> None:
        """The document's row and signature, replacing what its source gave before."""
        self.uncount_document(doc.id)         # its rows change now; save counts them again
        previous = self.document_of_source(doc.source)
        if previous and previous != doc.id:
            self.replace_document(previous, doc.id)
        self.drop_entity_mentions(doc.id)     # before duplicate_of may change; save puts them back
        self.db.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}, boilerplate, annotations, "
            f"pipeline_version, stored_at) VALUES ({', '.join('?' * (len(DOCUMENT_COLUMNS) + 4))}) "
            "ON CONFLICT (id) DO UPDATE SET "
            + ", ".join(f"{c}=excluded.{c}" for c in DOCUMENT_COLUMNS[1:])
            + ", boilerplate=excluded.boilerplate, annotations=excluded.annotations, "
              "pipeline_version=excluded.pipeline_version, stored_at=excluded.stored_at",
            [getattr(doc, column) for column in DOCUMENT_COLUMNS] + [boilerplate, annotations, version, now()])
        self.save_signature(doc)

    def release(self, doc_id: str) -> None:
        """Take back a reservation whose analysis failed: the document is not stored."""
        self.replace_document(doc_id, None)

    def save_signature(self, doc: Document) -> None:
        """The signature and its LSH bands (always written and deleted together), unless
        the stored ones are already this document's: `save` follows the reservation
        that wrote them in the same transaction."""
        stored = self.db.execute("SELECT signature FROM signatures WHERE document_id=?", (doc.id,)).fetchone()
        if (bytes(stored[0]) if stored else None) == doc.signature:
            return
        self.db.execute("DELETE FROM lsh_bands WHERE document_id=?", (doc.id,))
        self.db.execute("DELETE FROM signatures WHERE document_id=?", (doc.id,))
        if doc.signature is None:
            return
        self.db.execute("INSERT INTO signatures VALUES (?, ?)", (doc.id, doc.signature))
        self.db.executemany("INSERT INTO lsh_bands VALUES (?, ?, ?)",
                            [(band, bucket, doc.id) for band, bucket in band_keys(doc.signature)])

    # entity_stats holds, per entity, the original articles naming it and their mentions:
    # the sum over the entity_mentions rows of every stored original. Every change to
    # those rows or to a document's duplicate_of takes the rows out (forget, then delete)
    # and puts them back (insert, then count) in the same transaction, so it never drifts.

    def drop_entity_mentions(self, doc_id: str) -> None:
        self.forget_entity_counts(doc_id)
        self.db.execute("DELETE FROM entity_mentions WHERE document_id=?", (doc_id,))

    def forget_entity_counts(self, doc_id: str) -> None:
        """Take a stored original's entity_mentions rows out of entity_stats."""
        if not self.is_stored_original(doc_id):
            return
        named = "SELECT entity_id FROM entity_mentions WHERE document_id = ?"
        self.db.execute(
            "UPDATE entity_stats SET articles = articles - 1, mentions = mentions - (SELECT em.mentions "
            "FROM entity_mentions em WHERE em.document_id = ? AND em.entity_id = entity_stats.entity_id) "
            f"WHERE entity_id IN ({named})", (doc_id, doc_id))
        self.db.execute(f"DELETE FROM entity_stats WHERE articles <= 0 AND entity_id IN ({named})", (doc_id,))

    def count_entity_mentions(self, doc_id: str) -> None:
        """Add a stored original's entity_mentions rows to entity_stats."""
        if not self.is_stored_original(doc_id):
            return
        self.db.execute(
            "INSERT INTO entity_stats SELECT entity_id, kind, 1, mentions FROM entity_mentions "
            "WHERE document_id = ? ON CONFLICT (entity_id) DO UPDATE SET "
            "articles = entity_stats.articles + 1, mentions = entity_stats.mentions + excluded.mentions",
            (doc_id,))

    def is_stored_original(self, doc_id: str) -> bool:
        row = self.db.execute("SELECT duplicate_of FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row is not None and row[0] is None

    def save_entities(self, doc: Document) -> None:
        """Who and what the document names, in tables the CLI and analytics query."""
        from ..nlp.names import surname_key

        self.drop_entity_mentions(doc.id)
        self.db.execute("DELETE FROM positions WHERE document_id=?", (doc.id,))
        space = mention_space(doc.title, doc.text, {"persons": doc.persons, "organizations": doc.organizations})
        for field, kind in ENTITY_KINDS:
            for entity in getattr(doc, field):
                key = surname_key(entity["name"]) if kind == "person" else None
                made = self.db.execute("INSERT INTO entities VALUES (?, ?, ?, ?) ON CONFLICT (entity_id) DO NOTHING",
                                       (entity["entity_id"], kind, entity["name"], key)).rowcount
                if made and kind == "place":
                    self.place_region(entity["entity_id"], entity["name"])
                self.db.execute(MENTION_INSERT, (doc.id, entity["entity_id"], kind, entity["name"], entity["mentions"],
                                                 *tone_counts(entity), *space.get(entity["entity_id"], (0, 0))))
                self.db.executemany("INSERT INTO positions VALUES (?, ?, ?, ?)",
                                    [(entity["entity_id"], doc.id, p, doc.published)
                                     for p in entity.get("positions", [])])
        self.count_entity_mentions(doc.id)

    def place_region(self, entity_id: str, name: str) -> None:
        """A new place's region, as the gazetteer gives it, for the sums by region."""
        from .queries.regions import gazetteer_places

        region = (gazetteer_places().get(name) or {}).get("region")
        if region:
            self.db.execute("INSERT INTO place_regions VALUES (?, ?) ON CONFLICT (entity_id) DO NOTHING",
                            (entity_id, region))

    def save_quotes(self, doc: Document) -> None:
        """Each quote, linked to the first earlier quote of another article that says
        the same (a talking point repeated, a press release reprinted)."""
        self.db.execute("DELETE FROM quote_bands WHERE quote_id IN "
                        "(SELECT quote_id FROM quotes WHERE document_id=?)", (doc.id,))
        self.db.execute("DELETE FROM quotes WHERE document_id=?", (doc.id,))
        self.db.execute("DELETE FROM quote_topics WHERE document_id=?", (doc.id,))
        self.drop_quote_words(doc.id)
        from .indexing import indexed   # lemmas and signatures: only where something is written

        signatures = indexed(doc).quotes
        for index, quote in enumerate(doc.quotes):
            quote_id = f"{doc.id}:{index}"
            repeat_of = self.link_quote(quote_id, signatures[index], doc.id)
            row = QUOTES.row(quote, quote_id, doc.id, repeat_of)
            self.db.execute(QUOTES.insert_sql("quotes"), row)
            if self.QUOTE_WORDS_WRITES:
                self.db.execute(self.QUOTE_WORDS_WRITES[1], (doc.id, index, quote_id, row[QUOTE_TEXT]))
            self.db.executemany("INSERT INTO quote_topics VALUES (?, ?, ?)",
                                [(quote_id, doc.id, topic) for topic in dict.fromkeys(json.loads(row[TOPICS]))])

    def drop_quote_words(self, doc_id: str) -> None:
        if self.QUOTE_WORDS_WRITES:
            self.db.execute(self.QUOTE_WORDS_WRITES[0], (doc_id,))

    def save_search(self, doc: Document) -> None:
        """The document's lemmas in the full-text index, its themes in their table."""
        from .indexing import indexed

        entries = indexed(doc)
        self.db.execute(self.SEARCH_DELETE, (doc.id,))
        self.db.execute(self.SEARCH_INSERT, (doc.id, entries.title, entries.body))
        self.db.execute("DELETE FROM document_topics WHERE document_id=?", (doc.id,))
        self.db.executemany("INSERT INTO document_topics VALUES (?, ?, ?)",
                            [(doc.id, t["topic"], t["score"]) for t in doc.topics])

    def save_translations(self, doc: Document) -> None:
        """The article's versions in other languages, linked both ways."""
        self.drop_translations(doc.id)
        for other in doc.translations:
            self.db.executemany("INSERT INTO translations VALUES (?, ?) ON CONFLICT DO NOTHING",
                                [(doc.id, other["id"]), (other["id"], doc.id)])

    def add_translations(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Links between stored articles, both ways; a link already there stays."""
        self.db.executemany("INSERT INTO translations VALUES (?, ?) ON CONFLICT DO NOTHING",
                            [link for a, b in pairs for link in ((a, b), (b, a))])

    def drop_translations(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM translations WHERE document_id=? OR translation_id=?", (doc_id, doc_id))

    def translation_candidates(self, outlet: str, language: str, days: tuple[str, str], names, shared: int,
                               leave_out: set[str]) -> list[str]:
        """Stored originals of `outlet` in another language than `language`, published
        from days[0] to before days[1], naming at least `shared` of `names` (entity ids),
        not yet paired with an article in `language` (but with those of `leave_out`, the
        batch's, whose pairs are made again)."""
        out, names = sorted(leave_out), sorted(names)
        found = self.db.execute(
            "SELECT d.id FROM documents d WHERE d.outlet = ? AND d.published >= ? AND d.published < ? "
            "AND d.language <> ? AND d.duplicate_of IS NULL AND d.pipeline_version <> '' "
            f"AND d.id NOT IN ({marks(out)}) "
            "AND (SELECT COUNT(*) FROM entity_mentions em WHERE em.document_id = d.id "
            f"AND em.entity_id IN ({marks(names)})) >= ? "
            "AND NOT EXISTS (SELECT 1 FROM translations t JOIN documents o ON o.id = t.translation_id "
            f"WHERE t.document_id = d.id AND o.language = ? AND o.id NOT IN ({marks(out)})) ORDER BY d.seq",
            (outlet, *days, language, *out, *names, shared, language, *out)).fetchall()
        return [row[0] for row in found]

    def languages(self) -> list[str]:
        return queries.stored_languages(self)

    def dated_originals(self) -> list[tuple[str, str, str, str]]:
        return queries.dated_originals(self)

    def translation_links(self) -> list[tuple[str, str]]:
        return queries.translation_links(self)

    def save_events(self, doc: Document) -> None:
        """Each report of an event; reports sharing a key are one event."""
        self.db.execute("DELETE FROM events WHERE document_id=?", (doc.id,))
        self.db.execute("DELETE FROM event_names WHERE document_id=?", (doc.id,))
        for index, event in enumerate(doc.events):
            event_id = f"{doc.id}:{index}"
            key = event.get("key") or self.original_event_key(doc, event) or event_id
            self.db.execute(EVENTS.insert_sql("events"), EVENTS.row(event, event_id, doc.id, key))
            self.save_event_names(event_id, doc.id, key, event.get("participants") or [],
                                  event.get("organizer"), event.get("venue"))

    def save_event_names(self, event_id: str, doc_id: str, key: str, participants: list[str],
                         organizer: str | None, venue: str | None) -> None:
        """Whom and what a report names (participants, organiser, venue), for the events
        a person's or an organisation's page lists without reading every report."""
        names = sorted({*participants, organizer, venue} - {None, ""})
        self.db.executemany("INSERT INTO event_names VALUES (?, ?, ?, ?)",
                            [(name, key, event_id, doc_id) for name in names])

    def backfill_event_names(self) -> None:
        """The names of every stored report (emptied first: run again, it gives the same)."""
        self.db.execute("DELETE FROM event_names")
        for event_id, doc_id, key, participants, organizer, venue in self.each_stored(
                "e.event_id, e.document_id, e.group_key, e.participants, e.organizer, e.venue",
                "JOIN events e ON e.document_id = d.id"):
            self.save_event_names(event_id, doc_id, key, json.loads(participants or "[]"), organizer, venue)

    def original_event_key(self, doc: Document, event: dict) -> str | None:
        """A reprint without a date of its own reports its original's event."""
        if not doc.duplicate_of:
            return None
        row = self.db.execute(
            "SELECT group_key FROM events WHERE document_id=? AND type=? "
            "ORDER BY (venue IS NOT DISTINCT FROM ?) DESC, event_id LIMIT 1",
            (doc.duplicate_of, event["type"], event.get("venue"))).fetchone()
        return row[0] if row else None

    def events_between(self, kind: str, first: str, last: str, other_than: str) -> list[tuple]:
        """(group key, date, city, participants) of the stored events of a type dated
        from `first` to `last`, but those of document `other_than`: reports an event of
        another article may join."""
        found = self.db.execute(
            "SELECT group_key, date, city, participants FROM events WHERE type=? AND date BETWEEN ? AND ? "
            "AND document_id<>? ORDER BY event_id", (kind, first, last, other_than)).fetchall()
        return [(key, day, city, json.loads(names)) for key, day, city, names in found]

    def link_quote(self, quote_id: str, sig: bytes | None, document_id: str) -> str | None:
        if sig is None:
            return None
        keys = band_keys(sig)
        best, best_score = None, NEAR_DUPLICATE_JACCARD
        for other, other_sig in self.quotes_in_buckets(keys, document_id):
            score = jaccard_estimate(sig, other_sig)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = other, score
        if best:
            return self.quote_root(best)
        # only first appearances are indexed: a later repeat finds them, and buckets
        # stay as small as the number of distinct lines, however often each is repeated
        self.db.executemany("INSERT INTO quote_bands VALUES (?, ?, ?, ?)",
                            [(band, bucket, quote_id, sig) for band, bucket in keys])
        return None

    def quotes_in_buckets(self, keys: tuple[tuple[int, bytes], ...], document_id: str) -> list[tuple[str, bytes]]:
        """(quote id, signature) of other documents' indexed quotes in the (band, bucket)
        `keys`: bucket after bucket in the keys' order, each bucket's rows in the order
        they were stored, as one look-up per bucket gave them (18 statements a quote
        were a third of a batch's writing)."""
        found: dict[tuple[int, bytes], list] = {key: [] for key in keys}
        rows = self.db.execute(
            "SELECT b.band, b.bucket, b.quote_id, b.signature FROM quote_bands b WHERE ("
            + " OR ".join(["b.band=? AND b.bucket=?"] * len(keys))
            + f") AND b.quote_id NOT LIKE ? ORDER BY {self.STORED_ORDER}",
            [*chain.from_iterable(keys), f"{document_id}:%"])
        for band, bucket, other, other_sig in rows:
            found[band, bytes(bucket)].append((other, other_sig))
        return [row for key in keys for row in found[key]]

    def quote_root(self, quote_id: str) -> str:
        row = self.db.execute("SELECT repeat_of FROM quotes WHERE quote_id=?", (quote_id,)).fetchone()
        return row[0] if row and row[0] else quote_id

    def persons_by_surname(self, key: str) -> list[tuple[str, str]]:
        """(entity_id, name) of full-named people with this surname key."""
        return self.db.execute(
            "SELECT entity_id, name FROM entities WHERE kind='person' AND surname_key=? "
            "AND name LIKE '% %'", (key,)).fetchall()

    def replace_document(self, old_id: str, new_id: str) -> None:
        """A changed source replaces what it gave before; copies follow the new text
        (with no new text, they are originals now, and their entities count)."""
        copies = [row[0] for row in self.db.execute("SELECT id FROM documents WHERE duplicate_of=?", (old_id,))]
        self.uncount_document(old_id)
        for copy in copies:
            self.uncount_document(copy)
        self.db.execute("UPDATE documents SET duplicate_of=? WHERE duplicate_of=?", (new_id, old_id))
        for copy in copies:
            self.count_document(copy)
        if new_id is None:
            for copy in copies:
                self.count_entity_mentions(copy)
        self.db.execute("DELETE FROM quote_bands WHERE quote_id LIKE ?", (f"{old_id}:%",))
        self.drop_entity_mentions(old_id)
        self.drop_translations(old_id)
        self.db.execute(self.SEARCH_DELETE, (old_id,))
        self.drop_quote_words(old_id)
        for table in ("lsh_bands", "signatures", "positions", "quotes", "quote_topics",
                      "events", "event_names", "document_topics"):
            self.db.execute(f"DELETE FROM {table} WHERE document_id=?", (old_id,))
        self.db.execute("DELETE FROM documents WHERE id=?", (old_id,))
        self.refresh_event_groups()

    def record_run(self, started_at: str, summary: dict) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO runs (started_at, finished_at, summary) VALUES (?, ?, ?)",
                            (started_at, now(), json.dumps(summary, ensure_ascii=False)))
            if summary.get("new"):          # a run that loaded the gazetteer: it may have moved a place
                self.sync_place_regions()

    # -- reads that the pipeline and the export call on the store; defined in queries/

    def documents(self) -> Iterator[Document]:
        return queries.documents(self)

    def document(self, doc_id: str) -> Document | None:
        return queries.document(self, doc_id)

    def search(self, query, filters: dict, limit: int, offset: int) -> tuple[list[dict], int, bool]:
        return search_queries.search(self, query, filters, limit, offset)

    def totals(self) -> dict:
        return queries.totals(self)

    def person_entities(self) -> list[tuple[str, str]]:
        return people.person_entities(self)

    def entity(self, entity_id: str) -> dict | None:
        return people.entity(self, entity_id)

    def list_quotes(self, speaker_ids: list[str] | None, topic: str | None, limit: int) -> list[dict]:
        return quote_queries.list_quotes(self, speaker_ids, topic, limit)
