"""The PostgreSQL store: the same tables, queries and results as SQLite, for a team or a
corpus past one machine's comfort.

`postgresql://user@host:5432/db?schema=NAME` keeps Sholu's tables in schema NAME
(created when missing), so several corpora can share one database. Full-text search
runs on the same lemma columns through a `simple` tsvector (the lemmas are already
Russian base forms, so PostgreSQL's own stemmer has nothing left to do).
"""
from __future__ import annotations

import json
import re
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .base import Ranking, RunLocked, SqlStore
from .schema import render

PLACEHOLDER = re.compile(r"\?")

MIGRATIONS = render(
    auto_id="BIGSERIAL PRIMARY KEY",
    blob="BYTEA",
    search_index="""CREATE TABLE search_index (
        document_id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
        ) STORED
    );
    CREATE INDEX search_index_tsv ON search_index USING GIN (tsv)""",
)


class Connection:
    """psycopg behind the small sqlite3-like surface the store uses: `?` placeholders,
    execute() returning a cursor, executemany()."""

    def __init__(self, raw):
        self.raw = raw

    def execute(self, sql: str, params=()):
        cursor = self.raw.cursor()
        cursor.execute(translate(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows):
        rows = [tuple(r) for r in rows]
        if rows:
            self.raw.cursor().executemany(translate(sql), rows)

    def close(self) -> None:
        self.raw.close()


def translate(sql: str) -> str:
    """sqlite's `?` placeholders become psycopg's `%s`; a literal `%` is doubled."""
    return PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


def split_target(target: str) -> tuple[str, str | None]:
    """(connection string without our `schema` parameter, schema name or None)."""
    parts = urlsplit(target)
    query = dict(parse_qsl(parts.query))
    schema = query.pop("schema", None)
    if schema is not None and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", schema):
        raise ValueError(f"schema name {schema!r} must be letters, digits and underscores")
    return urlunsplit(parts._replace(query=urlencode(query))), schema


class PostgresStore(SqlStore):
    migrations = MIGRATIONS
    STORED_ORDER = "b.ctid"             # heap order: how an index scan returns equal keys
    errors: tuple = ()

    def __init__(self, target: str):
        import psycopg

        self.errors = (psycopg.Error,)
        self.path = target
        conninfo, schema = split_target(target)
        self.db = Connection(psycopg.connect(conninfo, autocommit=True))
        # JIT-compiling the large aggregate queries cost more than it saved on every
        # bench_api request measured (100,000 articles: a person's page 120 → 92 ms p95)
        self.db.execute("SET jit = off")
        if schema:
            self.db.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            self.db.execute(f'SET search_path TO "{schema}"')
        self.migrate()

    def reusable(self) -> bool:
        """Kept open for a server's next request (a connection is a server process whose
        caches start cold) while it is open and in no transaction."""
        from psycopg.pq import TransactionStatus

        return not self.db.raw.closed and self.db.raw.info.transaction_status == TransactionStatus.IDLE

    def schema_version(self) -> int:
        self.db.execute("CREATE TABLE IF NOT EXISTS sholu_schema (version INTEGER NOT NULL)")
        row = self.db.execute("SELECT MAX(version) FROM sholu_schema").fetchone()
        return row[0] or 0

    def set_schema_version(self, number: int) -> None:
        self.db.execute("INSERT INTO sholu_schema VALUES (?)", (number,))

    @contextmanager
    def transaction(self):
        """One transaction; psycopg's own block commits or rolls back."""
        with self.db.raw.transaction():
            yield

    batch = transaction

    @contextmanager
    def run_lock(self, wait: bool = False):
        """One run writing this schema at a time (a session advisory lock, dropped
        with the connection however the run ends)."""
        key = f"sholu-run:{self.path}"
        if wait:
            self.db.execute("SELECT pg_advisory_lock(hashtext(?))", (key,))
        elif not self.db.execute("SELECT pg_try_advisory_lock(hashtext(?))", (key,)).fetchone()[0]:
            raise RunLocked("this PostgreSQL store is being written by another `sholu run`")
        try:
            yield
        finally:
            self.db.execute("SELECT pg_advisory_unlock(hashtext(?))", (key,))

    def lock_for_writing(self) -> None:
        """One writer at a time, as SQLite's BEGIN IMMEDIATE gives."""
        self.db.execute("SELECT pg_advisory_xact_lock(7162534)")

    def index_quote_words(self) -> None:
        """A trigram index on the lowered text serves `LOWER(text) LIKE`
        as written. pg_trgm goes where it is found or into public (one per database,
        shared by every schema); without the right to add it, word search scans."""
        try:
            with self.db.raw.transaction():        # a savepoint: a refusal leaves the migration going
                self.db.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
        except self.errors:
            return
        schema = self.db.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                                 "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'").fetchone()[0]
        self.db.execute("CREATE INDEX IF NOT EXISTS quotes_text_trigrams ON quotes "
                        f'USING GIN (LOWER(text) "{schema}".gin_trgm_ops)')
        self.db.execute("ANALYZE quotes")     # the lowered text's statistics, for the planner's estimates

    def concat(self, expression: str, separator: str, distinct: bool = False) -> str:
        return f"string_agg({'DISTINCT ' if distinct else ''}{expression}, '{separator}')"

    def match_sql(self) -> Ranking:
        """ts_rank reads the whole vector: computed only on the window's rows."""
        return Ranking("s.tsv @@ to_tsquery('simple', ?)", "s.tsv",
                       "-ts_rank(w.ranked, to_tsquery('simple', ?))", True, "d.seq")

    planner_estimates = True

    def estimated_rows(self, sql: str, params=()) -> int:
        """The planner's estimate of the rows `sql` gives (from the column statistics)."""
        plan = self.db.execute(f"EXPLAIN (FORMAT JSON) {sql}", params).fetchone()[0]
        return int((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"])

    def query_text(self, query) -> str:
        return query.tsquery

    def stream(self, sql: str, params=()):
        """Rows of a large result a batch at a time, through a server-side cursor."""
        with self.db.raw.transaction():
            with self.db.raw.cursor(name="sholu_stream") as cursor:
                cursor.execute(translate(sql), tuple(params))
                while rows := cursor.fetchmany(500):
                    yield from rows
