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

from ..dedup import NEAR_DUPLICATE_JACCARD, band_keys, jaccard_estimate
from ..document import Document
from .indexing import indexed
from .schema import RECORD_TABLES

QUOTES, EVENTS = RECORD_TABLES["quotes"], RECORD_TABLES["events"]

ENTITY_KINDS = (("persons", "person"), ("organizations", "organization"), ("places", "place"))

DOCUMENT_COLUMNS = ("id", "source", "url", "outlet", "title", "published", "language",
                    "text", "text_key", "duplicate_of")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")   # tells apart saves in one second


PARTICIPANT_REPORTS = 200    # reports of one event read for its participants
PROFILE_LIMIT = 100          # rows of each list in a person's profile
CO_MENTION_WINDOW = 1000     # latest articles of a person over which co-mentions count
OUTLET_OR_DASH = "COALESCE(d.outlet, '—')"


class SqlStore:
    migrations: list[str] = []
    SEARCH_DELETE = "DELETE FROM search_index WHERE document_id = ?"
    SEARCH_INSERT = "INSERT INTO search_index (document_id, title, body) VALUES (?, ?, ?)"
    errors: tuple = (Exception,)      # the driver's errors, for a clear message

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

    def backfill_entity_stats(self) -> None:
        """Counts per entity over original articles, for top lists that stay fast at
        any corpus size; kept up to date by every save from now on."""
        self.db.execute(
            "INSERT INTO entity_stats SELECT em.entity_id, MIN(em.kind), COUNT(DISTINCT em.document_id), "
            "SUM(em.mentions) FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
            "WHERE d.duplicate_of IS NULL GROUP BY em.entity_id")

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
        self.db.execute(
            "INSERT INTO sources (locator, fingerprint, pipeline_version, document_id, stored_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (locator) DO UPDATE SET "
            "fingerprint=excluded.fingerprint, pipeline_version=excluded.pipeline_version, "
            "document_id=excluded.document_id, stored_at=excluded.stored_at",
            (doc.source, doc.fingerprint, version, doc.id, now()))

    def reserve(self, doc: Document) -> None:
        """What dedup reads of a document (its row, text key and signature), written
        before its analysis so later documents of the batch see it as a possible
        original; `save` completes it in the same transaction, which also marks the
        source done, so an interrupted batch leaves nothing half-made."""
        self.write_document(doc, "[]", "{}", "")
        self.db.execute("DELETE FROM entity_mentions WHERE document_id=?", (doc.id,))

    def write_document(self, doc: Document, boilerplate: str, annotations: str, version: str) -> None:
        """The document's row and signature, replacing what its source gave before."""
        previous = self.document_of_source(doc.source)
        if previous and previous != doc.id:
            self.replace_document(previous, doc.id)
        self.forget_entity_counts(doc.id)
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

    def forget_entity_counts(self, doc_id: str) -> None:
        """Take a stored original's entities out of entity_stats before it is rewritten."""
        row = self.db.execute("SELECT duplicate_of FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None or row[0] is not None:
            return
        for entity_id, mentions in self.db.execute(
                "SELECT entity_id, mentions FROM entity_mentions WHERE document_id=?", (doc_id,)).fetchall():
            self.db.execute("UPDATE entity_stats SET articles = articles - 1, mentions = mentions - ? "
                            "WHERE entity_id = ?", (mentions, entity_id))

    def count_entity(self, entity_id: str, kind: str, mentions: int) -> None:
        self.db.execute(
            "INSERT INTO entity_stats VALUES (?, ?, 1, ?) ON CONFLICT (entity_id) DO UPDATE SET "
            "articles = entity_stats.articles + 1, mentions = entity_stats.mentions + excluded.mentions",
            (entity_id, kind, mentions))

    def save_entities(self, doc: Document) -> None:
        """Who and what the document names, in tables the CLI and analytics query."""
        from ..nlp.names import surname_key

        for table in ("entity_mentions", "positions"):
            self.db.execute(f"DELETE FROM {table} WHERE document_id=?", (doc.id,))
        for field, kind in ENTITY_KINDS:
            for entity in getattr(doc, field):
                key = surname_key(entity["name"]) if kind == "person" else None
                self.db.execute("INSERT INTO entities VALUES (?, ?, ?, ?) ON CONFLICT (entity_id) DO NOTHING",
                                (entity["entity_id"], kind, entity["name"], key))
                self.db.execute("INSERT INTO entity_mentions VALUES (?, ?, ?, ?, ?) ON CONFLICT (document_id, entity_id) "
                                "DO UPDATE SET name = excluded.name, mentions = excluded.mentions",
                                (doc.id, entity["entity_id"], kind, entity["name"], entity["mentions"]))
                if doc.duplicate_of is None:
                    self.count_entity(entity["entity_id"], kind, entity["mentions"])
                self.db.executemany("INSERT INTO positions VALUES (?, ?, ?, ?)",
                                    [(entity["entity_id"], doc.id, p, doc.published)
                                     for p in entity.get("positions", [])])

    def save_quotes(self, doc: Document) -> None:
        """Each quote, linked to the first earlier quote of another article that says
        the same (a talking point repeated, a press release reprinted)."""
        self.db.execute("DELETE FROM quote_bands WHERE quote_id IN "
                        "(SELECT quote_id FROM quotes WHERE document_id=?)", (doc.id,))
        self.db.execute("DELETE FROM quotes WHERE document_id=?", (doc.id,))
        signatures = indexed(doc).quotes
        for index, quote in enumerate(doc.quotes):
            quote_id = f"{doc.id}:{index}"
            repeat_of = self.link_quote(quote_id, signatures[index], doc.id)
            self.db.execute(QUOTES.insert_sql("quotes"), QUOTES.row(quote, quote_id, doc.id, repeat_of))

    def save_search(self, doc: Document) -> None:
        """The document's lemmas in the full-text index, its themes in their table."""
        entries = indexed(doc)
        self.db.execute(self.SEARCH_DELETE, (doc.id,))
        self.db.execute(self.SEARCH_INSERT, (doc.id, entries.title, entries.body))
        self.db.execute("DELETE FROM document_topics WHERE document_id=?", (doc.id,))
        self.db.executemany("INSERT INTO document_topics VALUES (?, ?, ?)",
                            [(doc.id, t["topic"], t["score"]) for t in doc.topics])

    def search(self, query, filters: dict, limit: int, offset: int) -> tuple[list[dict], int]:
        """(hits best first, total count) for a parsed query and filters."""
        where, args = search_filters(filters)
        condition, rank, rank_takes_query = self.match_sql()
        text = self.query_text(query)
        base = ("FROM search_index s JOIN documents d ON d.id = s.document_id "
                f"WHERE {condition} {where}")
        rank_args = (text,) if rank_takes_query else ()
        try:
            total = self.db.execute(f"SELECT COUNT(*) {base}", (text, *args)).fetchone()[0]
            rows = self.db.execute(
                f"SELECT d.id, d.source, d.title, d.outlet, d.published, d.duplicate_of, d.text, "
                f"{rank} {base} ORDER BY 8, d.seq LIMIT ? OFFSET ?",
                (*rank_args, text, *args, limit, offset)).fetchall()
        except self.errors as err:
            from .search import QueryError
            raise QueryError(f"the index cannot run this query ({err})") from err
        keys = ("id", "source", "title", "outlet", "published", "duplicate_of", "text", "score")
        return [dict(zip(keys, row)) for row in rows], total

    def save_events(self, doc: Document) -> None:
        """Each report of an event; reports sharing a key are one event."""
        self.db.execute("DELETE FROM events WHERE document_id=?", (doc.id,))
        for index, event in enumerate(doc.events):
            event_id = f"{doc.id}:{index}"
            key = event.get("key") or self.original_event_key(doc, event) or event_id
            self.db.execute(EVENTS.insert_sql("events"), EVENTS.row(event, event_id, doc.id, key))

    def original_event_key(self, doc: Document, event: dict) -> str | None:
        """A reprint without a date of its own reports its original's event."""
        if not doc.duplicate_of:
            return None
        row = self.db.execute(
            "SELECT group_key FROM events WHERE document_id=? AND type=? "
            "ORDER BY (venue IS NOT DISTINCT FROM ?) DESC, event_id LIMIT 1",
            (doc.duplicate_of, event["type"], event.get("venue"))).fetchone()
        return row[0] if row else None

    def list_events(self, limit: int, offset: int = 0, keys: list[str] | None = None) -> list[dict]:
        """One row per event (reports grouped), newest first, with the number of
        reports and how many of them are originals rather than reprints; only the
        events of `keys` when given."""
        if keys is None:        # the page's keys from the events table alone: no join over every event
            keys = [row[0] for row in self.db.execute(
                "SELECT group_key FROM events GROUP BY group_key "
                "ORDER BY COALESCE(MAX(date), '') DESC, MIN(event_id) LIMIT ? OFFSET ?", (limit, offset))]
            offset = 0
        chosen = f"WHERE e.group_key IN ({','.join('?' * len(keys)) or 'NULL'}) "
        rows = self.db.execute(
            "SELECT e.group_key, MIN(e.type), MAX(e.date), MAX(e.city), MIN(e.city_inferred), "
            "MAX(e.venue), MAX(e.organizer), "
            f"COUNT(DISTINCT e.document_id), {self.concat(OUTLET_OR_DASH, ',', distinct=True)}, "
            "COUNT(DISTINCT CASE WHEN d.duplicate_of IS NULL THEN e.document_id END) "
            f"FROM events e JOIN documents d ON d.id = e.document_id {chosen}"
            "GROUP BY e.group_key ORDER BY COALESCE(MAX(e.date), '') DESC, MIN(e.event_id) "
            "LIMIT ? OFFSET ?", (*(keys or ()), limit, offset)).fetchall()
        return [{**event_row(row), "participants": self.event_participants(row[0])} for row in rows]

    def event_participants(self, key: str) -> list[str]:
        """Everyone its reports name as taking part (from the first reports of a big one)."""
        found: dict[str, None] = {}
        for (names,) in self.db.execute("SELECT participants FROM events WHERE group_key = ? "
                                        "ORDER BY event_id LIMIT ?", (key, PARTICIPANT_REPORTS)):
            found.update(dict.fromkeys(json.loads(names)))
        return list(found)

    def link_quote(self, quote_id: str, sig: bytes | None, document_id: str) -> str | None:
        if sig is None:
            return None
        keys = band_keys(sig)
        best, best_score = None, NEAR_DUPLICATE_JACCARD
        for band, bucket in keys:
            for other, other_sig in self.db.execute(
                    "SELECT b.quote_id, b.signature FROM quote_bands b WHERE band=? AND bucket=? "
                    "AND b.quote_id NOT LIKE ?", (band, bucket, f"{document_id}:%")):
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

    def quote_root(self, quote_id: str) -> str:
        row = self.db.execute("SELECT repeat_of FROM quotes WHERE quote_id=?", (quote_id,)).fetchone()
        return row[0] if row and row[0] else quote_id

    def list_quotes(self, speaker_ids: list[str] | None, topic: str | None, limit: int) -> list[dict]:
        """Quotes newest first, each with how many times its line was said in all."""
        where, args = quote_filters(speaker_ids, topic)
        rows = self.db.execute(
            "SELECT q.quote_id, q.speaker, q.speaker_entity_id, q.speaker_type, q.kind, q.text, "
            "q.verb, q.topics, q.repeat_of, d.id, d.published, d.outlet, d.duplicate_of, "
            "1 + (SELECT COUNT(*) FROM quotes r WHERE r.repeat_of = COALESCE(q.repeat_of, q.quote_id)) "
            f"FROM quotes q JOIN documents d ON d.id = q.document_id WHERE {where} "
            "ORDER BY COALESCE(d.published, '') DESC, d.seq, q.start LIMIT ?", (*args, limit)).fetchall()
        keys = ("quote_id", "speaker", "speaker_entity_id", "speaker_type", "kind", "text", "verb",
                "topics", "repeat_of", "document_id", "published", "outlet", "duplicate_of", "times_said")
        return [{**dict(zip(keys, row)), "topics": json.loads(row[7])} for row in rows]

    def persons_by_surname(self, key: str) -> list[tuple[str, str]]:
        """(entity_id, name) of full-named people with this surname key."""
        return self.db.execute(
            "SELECT entity_id, name FROM entities WHERE kind='person' AND surname_key=? "
            "AND name LIKE '% %'", (key,)).fetchall()

    def replace_document(self, old_id: str, new_id: str) -> None:
        """A changed source replaces what it gave before; copies follow the new text."""
        self.db.execute("UPDATE documents SET duplicate_of=? WHERE duplicate_of=?", (new_id, old_id))
        self.db.execute("DELETE FROM quote_bands WHERE quote_id LIKE ?", (f"{old_id}:%",))
        self.forget_entity_counts(old_id)
        self.db.execute(self.SEARCH_DELETE, (old_id,))
        for table in ("lsh_bands", "signatures", "entity_mentions", "positions", "quotes",
                      "events", "document_topics"):
            self.db.execute(f"DELETE FROM {table} WHERE document_id=?", (old_id,))
        self.db.execute("DELETE FROM documents WHERE id=?", (old_id,))

    def record_run(self, started_at: str, summary: dict) -> None:
        with self.transaction():
            self.db.execute("INSERT INTO runs (started_at, finished_at, summary) VALUES (?, ?, ?)",
                            (started_at, now(), json.dumps(summary, ensure_ascii=False)))

    # -- reading ------------------------------------------------------------------

    def documents(self) -> Iterator[Document]:
        rows = self.stream(
            f"SELECT {', '.join(DOCUMENT_COLUMNS)}, boilerplate, annotations FROM documents ORDER BY seq")
        for row in rows:            # streamed: the corpus never sits in memory whole
            yield self.with_quote_links(row_to_document(row))

    def with_quote_links(self, doc: Document) -> Document:
        """Each quote carries its id and, when the line was said before in another
        article, the id of that first appearance."""
        links = dict(self.db.execute("SELECT quote_id, repeat_of FROM quotes WHERE document_id=?",
                                     (doc.id,)).fetchall())
        for index, quote in enumerate(doc.quotes):
            quote["quote_id"] = f"{doc.id}:{index}"
            quote["repeat_of"] = links.get(quote["quote_id"])
        return doc

    def top_persons(self, limit: int, offset: int = 0) -> list[dict]:
        """People by the number of original articles naming them (copies not counted)."""
        return [{**row, "positions": self.latest_positions(row["entity_id"])}
                for row in self.top_entities("person", limit, offset)]

    def top_entities(self, kind: str, limit: int, offset: int = 0) -> list[dict]:
        rows = self.db.execute(
            "SELECT s.entity_id, e.name, s.articles, s.mentions FROM entity_stats s "
            "JOIN entities e ON e.entity_id = s.entity_id WHERE s.kind = ? AND s.articles > 0 "
            "ORDER BY s.articles DESC, s.mentions DESC, e.name LIMIT ? OFFSET ?",
            (kind, limit, offset)).fetchall()
        return [{"entity_id": r[0], "name": r[1], "articles": r[2], "mentions": r[3]} for r in rows]

    def latest_positions(self, entity_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT position, MAX(COALESCE(published, '')) FROM positions WHERE entity_id=? "
            "GROUP BY position ORDER BY 2 DESC, COUNT(*) DESC", (entity_id,)).fetchall()
        return [r[0] for r in rows]

    def person_entities(self) -> list[tuple[str, str]]:
        return self.db.execute("SELECT entity_id, name FROM entities WHERE kind='person'").fetchall()

    def person_profile(self, entity_id: str, limit: int = PROFILE_LIMIT) -> dict:
        """Positions as stated over time, articles and the people most often named with
        them; each list the latest `limit` rows, with the totals, so a person named in
        tens of thousands of articles still gets a page of them quickly."""
        name = self.db.execute("SELECT name FROM entities WHERE entity_id=?", (entity_id,)).fetchone()[0]
        positions = self.db.execute(
            "SELECT p.position, p.published, p.document_id FROM positions p WHERE p.entity_id=? "
            "ORDER BY COALESCE(p.published, '') DESC, p.position LIMIT ?", (entity_id, limit)).fetchall()
        articles = self.db.execute(
            "SELECT d.id, d.published, d.outlet, d.title, d.duplicate_of, em.mentions, substr(d.text, 1, 80) "
            "FROM entity_mentions em JOIN documents d ON d.id = em.document_id "
            "WHERE em.entity_id=? ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT ?",
            (entity_id, limit)).fetchall()
        return {
            "entity_id": entity_id, "name": name,
            "positions": [{"position": p, "published": d, "document_id": i} for p, d, i in reversed(positions)],
            "articles": [{"id": a[0], "published": a[1], "outlet": a[2], "title": a[3],
                          "duplicate_of": a[4], "mentions": a[5], "first_words": a[6]}
                         for a in reversed(articles)],
            "articles_total": self.db.execute("SELECT COUNT(*) FROM entity_mentions WHERE entity_id=?",
                                              (entity_id,)).fetchone()[0],
            "co_mentioned": self.co_mentioned(entity_id),
        }

    def co_mentioned(self, entity_id: str, window: int = CO_MENTION_WINDOW, limit: int = 50) -> list[dict]:
        """People named in the same original articles, over the person's latest `window`."""
        rows = self.db.execute(
            "SELECT other.entity_id, other.name, COUNT(DISTINCT other.document_id) "
            "FROM entity_mentions other WHERE other.kind = 'person' AND other.entity_id <> ? "
            "AND other.document_id IN (SELECT em.document_id FROM entity_mentions em "
            "JOIN documents d ON d.id = em.document_id WHERE em.entity_id = ? AND d.duplicate_of IS NULL "
            "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT ?) "
            "GROUP BY other.entity_id, other.name ORDER BY 3 DESC, 2 LIMIT ?",
            (entity_id, entity_id, window, limit)).fetchall()
        return [{"entity_id": e, "name": n, "articles": c} for e, n, c in rows]

    def totals(self) -> dict:
        documents, duplicates = self.db.execute(
            "SELECT COUNT(*), COUNT(duplicate_of) FROM documents").fetchone()
        outlets = self.db.execute(
            "SELECT COUNT(DISTINCT outlet) FROM documents WHERE duplicate_of IS NULL").fetchone()[0]
        return {"documents": documents, "duplicates": duplicates,
                "originals": documents - duplicates, "outlets": outlets}

    # -- API reads ------------------------------------------------------------------
    # Lookups and counts the REST API needs for single items and paginated lists.

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute(
            f"SELECT {', '.join(DOCUMENT_COLUMNS)}, boilerplate, annotations FROM documents "
            "WHERE id=?", (doc_id,)).fetchone()
        return self.with_quote_links(row_to_document(row)) if row else None

    def list_documents(self, filters: dict, limit: int, offset: int,
                       match=None) -> tuple[list[dict], int]:
        """(documents newest first, undated last; total) for the search facets;
        `match`, a parsed query, narrows them without reordering."""
        where, args = search_filters(filters)
        if match is not None:
            condition = self.match_sql()[0]
            where += f" AND d.id IN (SELECT s.document_id FROM search_index s WHERE {condition})"
            args.append(self.query_text(match))
        base = f"FROM documents d WHERE 1=1{where}"
        try:
            total = self.db.execute(f"SELECT COUNT(*) {base}", args).fetchone()[0]
            rows = self.db.execute(
                "SELECT d.id, d.source, d.url, d.outlet, d.title, d.published, d.language, "
                f"d.duplicate_of, substr(d.text, 1, 80) {base} "
                "ORDER BY COALESCE(d.published, '') DESC, d.seq DESC LIMIT ? OFFSET ?",
                (*args, limit, offset)).fetchall()
        except self.errors as err:
            from .search import QueryError
            raise QueryError(f"the index cannot run this query ({err})") from err
        keys = ("id", "source", "url", "outlet", "title", "published", "language",
                "duplicate_of", "first_words")
        return [dict(zip(keys, row)) for row in rows], total

    def entity(self, entity_id: str) -> dict | None:
        row = self.db.execute("SELECT entity_id, kind, name FROM entities WHERE entity_id=?",
                              (entity_id,)).fetchone()
        return dict(zip(("entity_id", "kind", "name"), row)) if row else None

    def count_entities(self, kind: str) -> int:
        """Entities of this kind named by original articles: the length of a top list."""
        return self.db.execute("SELECT COUNT(*) FROM entity_stats WHERE kind = ? AND articles > 0",
                               (kind,)).fetchone()[0]

    def top_organizations(self, limit: int, offset: int = 0) -> list[dict]:
        """Organisations by the number of original articles naming them, like top_persons."""
        return self.top_entities("organization", limit, offset)

    def count_quotes(self, speaker_ids: list[str] | None, topic: str | None) -> int:
        """How many rows list_quotes would give without a limit."""
        where, args = quote_filters(speaker_ids, topic)
        return self.db.execute(
            "SELECT COUNT(*) FROM quotes q JOIN documents d ON d.id = q.document_id "
            f"WHERE {where}", args).fetchone()[0]

    def count_events(self) -> int:
        """How many rows list_events would give without a limit."""
        return self.db.execute(
            "SELECT COUNT(DISTINCT e.group_key) FROM events e "
            "JOIN documents d ON d.id = e.document_id").fetchone()[0]

    def outlet_stats(self) -> list[dict]:
        """Per outlet (None: not known): documents, originals, copies, first and last date."""
        rows = self.db.execute(
            "SELECT outlet, COUNT(*), COUNT(*) - COUNT(duplicate_of), COUNT(duplicate_of), "
            "MIN(published), MAX(published) FROM documents "
            "GROUP BY outlet ORDER BY 2 DESC, outlet IS NULL, outlet").fetchall()
        keys = ("outlet", "articles", "originals", "copies", "first_published", "last_published")
        return [dict(zip(keys, row)) for row in rows]

    def topic_stats(self) -> list[dict]:
        """Per theme found in some article: documents, originals, copies."""
        rows = self.db.execute(
            "SELECT t.topic, COUNT(*), COUNT(*) - COUNT(d.duplicate_of), COUNT(d.duplicate_of) "
            "FROM document_topics t JOIN documents d ON d.id = t.document_id "
            "GROUP BY t.topic ORDER BY 3 DESC, 2 DESC, t.topic").fetchall()
        return [dict(zip(("topic", "articles", "originals", "copies"), row)) for row in rows]


def search_filters(filters: dict) -> tuple[str, list]:
    """SQL conditions for the search facets: outlet, date range, person, theme, event."""
    clauses, args = [], []
    if not filters.get("with_copies"):
        clauses.append("d.duplicate_of IS NULL")
    if filters.get("outlet"):
        clauses.append("LOWER(d.outlet) = LOWER(?)")
        args.append(filters["outlet"])
    if filters.get("date_from"):
        clauses.append("d.published >= ?")
        args.append(filters["date_from"])
    if filters.get("date_to"):
        clauses.append("d.published <= ?")
        args.append(filters["date_to"])
    if filters.get("person_ids") is not None:
        marks = ",".join("?" * len(filters["person_ids"])) or "NULL"
        clauses.append(f"d.id IN (SELECT document_id FROM entity_mentions WHERE entity_id IN ({marks}))")
        args += filters["person_ids"]
    if filters.get("theme"):
        clauses.append("d.id IN (SELECT document_id FROM document_topics WHERE topic = ?)")
        args.append(filters["theme"])
    if filters.get("event"):
        clauses.append("d.id IN (SELECT document_id FROM events WHERE type = ? OR group_key = ?)")
        args += [filters["event"], filters["event"]]
    return "".join(f" AND {c}" for c in clauses), args


def quote_filters(speaker_ids: list[str] | None, topic: str | None) -> tuple[str, list]:
    """SQL conditions for quotes by speakers (entity ids) and theme."""
    where, args = ["1=1"], []
    if speaker_ids is not None:
        where.append(f"q.speaker_entity_id IN ({','.join('?' * len(speaker_ids)) or 'NULL'})")
        args += speaker_ids
    if topic:
        where.append("q.topics LIKE ?")
        args.append(f'%"{topic}"%')
    return " AND ".join(where), args


def event_row(row) -> dict:
    return {"key": row[0], "type": row[1], "date": row[2], "city": row[3],
            "city_inferred": bool(row[4]), "venue": row[5], "organizer": row[6],
            "reports": row[7], "original_reports": row[9], "outlets": row[8].split(",")}


def row_to_document(row) -> Document:
    fields = dict(zip(DOCUMENT_COLUMNS, row))
    doc = Document(fingerprint="", **fields)
    doc.boilerplate = json.loads(row[-2])
    return doc.restore(json.loads(row[-1]))
