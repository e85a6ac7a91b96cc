"""Why a request of bench_api is slow on PostgreSQL: the statements it ran, slowest
first, with EXPLAIN ANALYZE of the slowest few.

    .venv/bin/python bench/explain_slow.py 'postgresql://…?schema=bench1m' "api events" "page overview"

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


def explain(target: str, statements) -> None:
    store = open_store(target)
    try:
        for ms, sql, params in statements:
            sql = re.sub(r"^\s*EXPLAIN\s*\([^)]*\)", "", sql)     # the store's own estimate of a count
            print(f"\n-- {ms:.0f} ms: {' '.join(sql.split())[:400]}\n-- params {params!r:.200}")
            for (line,) in store.db.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params).fetchall():
                print(line)
    finally:
        store.close()


def main() -> None:
    target, wanted = sys.argv[1], sys.argv[2:]
    Connection.execute = timing_execute(Connection.execute)
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
