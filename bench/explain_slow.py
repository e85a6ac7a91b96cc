"""Why a request of bench_api is slow: the statements it ran, slowest first, with the
plans of the slowest few (PostgreSQL: EXPLAIN ANALYZE; SQLite: EXPLAIN QUERY PLAN).

    .venv/bin/python bench/explain_slow.py 'postgresql://…?schema=bench1m' "api events" "page overview"
    .venv/bin/python bench/explain_slow.py /tmp/bench-100k.db "page event"

Each named request (a substring of bench_api's names) is sent once to warm the app,
then once more with every statement timed; the plans are of that second, warm run.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_api import dashboard_pages, endpoints, fresh_client  # noqa: E402

from sholu.store import open_store  # noqa: E402
from sholu.store.postgres import Connection  # noqa: E402
from sholu.store.sqlite import SQLiteStore  # noqa: E402

READS = re.compile(r"\s*(SELECT|WITH|EXPLAIN)", re.IGNORECASE)      # not the opening of a store
SHOWN = 3           # statements explained per request
timed: list[tuple[float, str, tuple]] = []


def timing_execute(execute):
    def run(self, sql, params=()):
        started = time.perf_counter()
        cursor = execute(self, sql, params)
        timed.append(((time.perf_counter() - started) * 1000, sql, tuple(params)))
        return cursor
    return run


class TimedSqlite:
    """A sqlite3 connection whose reads are timed to their last row (sqlite3 steps a
    SELECT as its rows are fetched, so execute() alone would time its first row)."""

    def __init__(self, raw):
        self.raw = raw

    def execute(self, sql, params=()):
        started = time.perf_counter()
        cursor = self.raw.execute(sql, params)
        found = cursor.fetchall()
        timed.append(((time.perf_counter() - started) * 1000, sql, tuple(params)))
        return Fetched(found, cursor.description)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class Fetched(list):
    def __init__(self, found, description):
        super().__init__(found)
        self.description = description

    def fetchall(self):
        return list(self)

    def fetchone(self):
        return self[0] if self else None


def timing_sqlite(init):
    def opened(self, path):
        init(self, path)
        self.db = TimedSqlite(self.db)
    return opened


def plan(store, sql: str, params) -> list[str]:
    if isinstance(store, SQLiteStore):
        return [f"{'  ' * (parent > 0)}{detail}" for _, parent, _, detail in
                store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]
    return [line for (line,) in store.db.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params).fetchall()]


def explain(target: str, statements) -> None:
    store = open_store(target)
    try:
        for ms, sql, params in statements:
            sql = re.sub(r"^\s*EXPLAIN\s*\([^)]*\)", "", sql)     # the store's own estimate of a count
            print(f"\n-- {ms:.0f} ms: {' '.join(sql.split())[:400]}\n-- params {params!r:.200}")
            print("\n".join(plan(store, sql, params)))
    finally:
        store.close()


def main() -> None:
    target, wanted = sys.argv[1], sys.argv[2:]
    Connection.execute = timing_execute(Connection.execute)
    SQLiteStore.__init__ = timing_sqlite(SQLiteStore.__init__)
    with fresh_client(target) as client:
        urls = {**{f"api {name}": url for name, url in endpoints(client).items()},
                **{f"page {name}": url for name, url in dashboard_pages(client).items()}}
        chosen = {name: url for name, url in urls.items() if any(w in name for w in wanted)}
        for name, url in chosen.items():
            client.get(url)
            timed.clear()
            started = time.perf_counter()
            client.get(url)
            total = (time.perf_counter() - started) * 1000
            slowest = sorted((t for t in timed if READS.match(t[1])), key=lambda t: -t[0])
            print(f"\n=== {name}: {url}  {total:.0f} ms, {len(timed)} statements, "
                  f"{sum(t[0] for t in timed):.0f} ms in SQL", flush=True)
            explain(target, slowest[:SHOWN])


if __name__ == "__main__":
    main()
