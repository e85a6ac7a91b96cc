"""Search and API latency on a large synthetic corpus: p50/p95 per endpoint.

    .venv/bin/python bench/bench_api.py                       # 100,000 articles (built once)
    .venv/bin/python bench/bench_api.py --size 20000 --db /tmp/bench-20k.db
    .venv/bin/python bench/bench_api.py --db /tmp/b.db --db postgresql://postgres@127.0.0.1/test?schema=bench
    .venv/bin/python bench/bench_api.py --size 1000000 --db postgresql://…?schema=bench1m --only-build
    .venv/bin/python bench/bench_api.py --copy-from /tmp/b.db --multiply 10 --size 1000000 --db postgresql://…?schema=bench1m
    .venv/bin/python bench/bench_api.py --db /tmp/b.db --only-build --ingest 2000

Each store is timed cold (the first request of every endpoint and dashboard page on
a fresh app and connection, nothing remembered; `--cold` starts) and warm (`--repeats`
more requests), p50 and p95 in ms, with its size on disk.

The corpus is generated from real sentences: the bundled articles run through the
whole pipeline once, then each synthetic article is a new mix of their sentences with
one real article's people, quotes, events and themes, a random outlet and a date in
the campaign. It is written through the store (search index included), so reads meet
the same tables and indexes as on a real corpus. Requests go in-process through the
FastAPI app, so the figures are the application's, without network.
"""
from __future__ import annotations

import argparse
import copy
import functools
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sholu import PIPELINE_VERSION, pipeline  # noqa: E402
from sholu.dedup import text_key  # noqa: E402
from sholu.store import open_store  # noqa: E402

from multiply import multiply  # noqa: E402  (bench/, beside this script)

SOURCES = [ROOT / "sholu" / "samples" / "kz-referendum-2026", ROOT / "tests" / "fixtures" / "factrueval"]
OUTLETS = ["Kazpravda.kz", "BAQ.KZ", "DKNews.kz", "Zakon.kz", "Tengrinews.kz", "Kazinform", "Vlast.kz",
           "zanmedia.kz", "Informburo.kz", "NUR.KZ"]
CAMPAIGN_START = date(2026, 1, 5)
BATCH = 2000
REPEATS = 30


@functools.lru_cache(maxsize=1)
def seed_documents(work: Path) -> list:
    store = open_store(str(work / "seed.db"))
    pipeline.run([str(p) for p in SOURCES], store, jobs=2)
    documents = list(store.documents())
    store.close()
    return documents


def sentences_of(documents) -> list[str]:
    return [s.strip() + "." for doc in documents for s in doc.text.replace("\n", " ").split(". ")
            if len(s.split()) >= 6]


def synthetic(number: int, seeds, sentences, rng: random.Random):
    """A new article: real sentences, one real article's annotations, a random date."""
    base = copy.deepcopy(rng.choice(seeds))
    base.text = "\n\n".join(" ".join(rng.sample(sentences, 4)) for _ in range(3))
    base.source = f"synthetic/{number:06d}.txt"
    base.fingerprint = f"synthetic-{number}"
    base.text_key = text_key(base.text)
    base.id = base.text_key
    base.duplicate_of, base.signature = None, None
    base.outlet = rng.choice(OUTLETS)
    base.published = (CAMPAIGN_START + timedelta(days=rng.randrange(70))).isoformat()
    base.title = base.text[:60]
    return base


def build(target: str, size: int, work: Path) -> None:
    store = open_store(target)
    have = store.totals()["documents"]
    if have >= size:
        print(f"{target}: {have} documents already there", flush=True)
        store.close()
        return
    seeds = seed_documents(work)
    sentences, rng = sentences_of(seeds), random.Random(2026)
    started = time.perf_counter()
    for first in range(have, size, BATCH):
        with store.batch():
            for number in range(first, min(first + BATCH, size)):
                store.save(synthetic(number, seeds, sentences, rng), PIPELINE_VERSION)
        print(f"  {min(first + BATCH, size):>7} stored  [{time.perf_counter() - started:.0f} s]", flush=True)
    store.close()


def ingest(target: str, count: int, work: Path) -> None:
    """Docs/s of saving `count` new articles into the store as it stands, in the build's
    batches: whether writing slows down as the store grows. The articles are made
    before the clock starts, from another random stream than the build's."""
    store = open_store(target)
    have = store.totals()["documents"]
    seeds = seed_documents(work)
    sentences, rng = sentences_of(seeds), random.Random(f"ingest-{have}")
    new = [synthetic(10**7 + have + n, seeds, sentences, rng) for n in range(count)]
    started = time.perf_counter()
    for first in range(0, count, BATCH):
        with store.batch():
            for doc in new[first:first + BATCH]:
                store.save(doc, PIPELINE_VERSION)
    elapsed = time.perf_counter() - started
    store.close()
    print(f"{target}: {count:,} articles saved into {have:,} in {elapsed:.1f} s: {count / elapsed:,.0f} docs/s",
          flush=True)


def copy_store(source: str, target: str) -> None:
    """A SQLite store's rows copied into an empty PostgreSQL one (COPY, table by table):
    the large corpus built once serves both backends (saving 100,000 articles one by
    one over a connection takes hours)."""
    open_store(source).close()                      # the same migrations on both sides
    into = open_store(target)
    if into.totals()["documents"]:
        print(f"{target}: not empty, nothing copied", flush=True)
        into.close()
        return
    import sqlite3

    started, rows_from = time.perf_counter(), sqlite3.connect(source)
    for table, columns in postgres_tables(into):
        into.db.execute(f"DELETE FROM {table}")       # rows the migrations wrote (a counter's first row)
        with into.db.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows_from.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                copy.write_row(row)
        print(f"  {table} copied  [{time.perf_counter() - started:.0f} s]", flush=True)
    for table in ("documents", "runs"):
        into.db.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'seq'), "
                        f"(SELECT COALESCE(MAX(seq), 1) FROM {table}))")
    into.db.execute("VACUUM ANALYZE")         # the visibility map too: index-only counts
    into.close()


def postgres_tables_of(target: str) -> list[tuple[str, list[str]]]:
    store = open_store(target)
    try:
        return postgres_tables(store)
    finally:
        store.close()


def postgres_tables(store) -> list[tuple[str, list[str]]]:
    """(table, columns it stores) of the store's schema; generated columns left out."""
    found = store.db.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND is_generated = 'NEVER' AND table_name <> 'sholu_schema' ORDER BY table_name, ordinal_position").fetchall()
    tables: dict[str, list[str]] = {}
    for table, column in found:
        tables.setdefault(table, []).append(f'"{column}"')
    return list(tables.items())


def endpoints(client) -> dict[str, str]:
    some_id = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
    person = client.get("/api/persons", params={"limit": 1}).json()["items"][0]["entity_id"]
    return {
        "search «трудовой коллектив»": "/api/search?q=трудовой коллектив",
        "search «Балаевой»": "/api/search?q=Балаевой",
        'search phrase "права человека"': '/api/search?q="права человека"',
        "search + outlet + dates": "/api/search?q=Конституция&outlet=BAQ.KZ&date_from=2026-02-01&date_to=2026-02-28",
        "documents page 1": "/api/documents?limit=20",
        "documents page 100": "/api/documents?limit=20&offset=2000",
        "one document": f"/api/documents/{some_id}",
        "persons": "/api/persons?limit=20",
        "persons, February, 3 outlets": "/api/persons?limit=20&date_from=2026-02-01&date_to=2026-02-28"
                                        "&outlets=BAQ.KZ,Zakon.kz,Vlast.kz",
        "one person": f"/api/persons/{person}",
        "quotes of Балаева": "/api/quotes?speaker=Балаевой&limit=20",
        "quotes on a theme": "/api/quotes?topic=digital_rights&limit=20",
        "events": "/api/events?limit=20",
        "outlets": "/api/outlets",
        "outlets, February": "/api/outlets?date_from=2026-02-01&date_to=2026-02-28",
        "topics": "/api/topics",
        "persons, Russian": "/api/persons?limit=20&language=ru",
        "persons, February, Russian": "/api/persons?limit=20&date_from=2026-02-01&date_to=2026-02-28&language=ru",
        "outlets, Russian": "/api/outlets?language=ru",
        "documents, Russian": "/api/documents?limit=20&language=ru",
        "summary": "/api/analytics/summary",
        "timeline by week": "/api/analytics/timeline?by=week",
        "themes over time": "/api/analytics/themes",
        "regions over time": "/api/analytics/regions",
        "share and tone": "/api/analytics/shares",
        "share and tone, February, 3 outlets": "/api/analytics/shares?date_from=2026-02-01&date_to=2026-02-28"
                                               "&outlets=BAQ.KZ,Zakon.kz,Vlast.kz",
    }


def dashboard_pages(client) -> dict[str, str]:
    first = lambda url, key: client.get(url).json()["items"][0][key]  # noqa: E731
    person = first("/api/persons?limit=1", "entity_id")
    organisation = first("/api/organizations?limit=1", "entity_id")
    outlet = first("/api/outlets?limit=1", "outlet")
    event = first("/api/events?limit=1", "key")
    document = first("/api/documents?limit=1", "id")
    return {
        "overview": "/", "search (no query)": "/search", "search «трудовой коллектив»": "/search?q=трудовой коллектив",
        "search + outlet facet": f"/search?q=Конституция&outlet={outlet}",
        "article": f"/documents/{document}", "person": f"/persons/{person}",
        "person, quotes on a theme": f"/persons/{person}?theme=labour_rights",
        "organisation": f"/organizations/{organisation}", "people list": "/persons",
        "outlets": "/outlets", "outlet": f"/outlets/{outlet}", "themes": "/themes",
        "theme": "/themes/labour_rights", "events timeline": "/events", "event": f"/events/{event}",
        "share and tone": "/shares", "share and tone, organisations": "/shares?kind=organization",
        "quotes": "/quotes", "quotes «закон»": "/quotes?words=закон", "press release": f"/reprints/{document}",
        "overview, a week": "/?date_from=2026-02-23&date_to=2026-03-01",
        "overview, Russian": "/?language=ru",
    }


def measure(client, url: str, repeats: int = REPEATS) -> list[float]:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.text[:200])
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def size_on_disk(target: str) -> int:
    """Bytes the store takes: the SQLite file with its WAL, or the PostgreSQL schema's
    tables with their indexes."""
    if "://" not in target:
        return sum(Path(target + suffix).stat().st_size for suffix in ("", "-wal")
                   if Path(target + suffix).exists())
    store = open_store(target)
    try:
        return store.db.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm') "
            "AND n.nspname = current_schema()").fetchone()[0]
    finally:
        store.close()


def fresh_client(target: str):
    """A new app on a new connection with nothing remembered: what the first visitor
    after a start meets (the operating system's file cache stays warm)."""
    from fastapi.testclient import TestClient

    from sholu.server import create_app
    from sholu.web import data

    data._SAVED.clear()
    return TestClient(create_app(target))


def report(target: str, cold_runs: int, repeats: int, only: list[str] | None = None) -> None:
    with fresh_client(target) as client:
        urls = {**{f"api {name}": url for name, url in endpoints(client).items()},
                **{f"page {name}": url for name, url in dashboard_pages(client).items()}}
    urls = {name: url for name, url in urls.items() if not only or any(part in name for part in only)}
    cold: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(cold_runs):
        with fresh_client(target) as client:
            for name, url in urls.items():
                cold[name] += measure(client, url, 1)
    print(f"\n{target}: {size_on_disk(target) / 2**20:,.0f} MiB on disk")
    print(f"{'request':44} {'cold p50':>9} {'cold p95':>9} {'warm p50':>9} {'warm p95':>9}"
          f"   ({cold_runs} cold, {repeats} warm)")
    with fresh_client(target) as client:
        for name, url in urls.items():
            measure(client, url, 1)             # remembers the page's aggregates: warm from here
            warm = measure(client, url, repeats)
            print(f"{name:44} {statistics.median(cold[name]):9.1f} {percentile(cold[name], 0.95):9.1f} "
                  f"{statistics.median(warm):9.1f} {percentile(warm, 0.95):9.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--db", action="append", help="store to build or reuse, repeatable "
                                                      "(default: a file in a temp folder)")
    parser.add_argument("--cold", type=int, default=5, help="fresh starts timed (cold)")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="requests timed per endpoint (warm)")
    parser.add_argument("--only-build", action="store_true", help="build the corpora, measure nothing")
    parser.add_argument("--only", action="append", help="measure only the requests whose name holds this, "
                                                        "repeatable (e.g. 'page person')")
    parser.add_argument("--copy-from", help="fill each empty PostgreSQL --db from this SQLite store first")
    parser.add_argument("--multiply", type=int, help="then copy its articles' rows until it holds this many times "
                                                     "as many (bench/multiply.py)")
    parser.add_argument("--ingest", type=int, help="after measuring, time saving this many new articles (docs/s)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sholu-bench-api-"))
    for target in args.db or [str(work / "bench.db")]:
        if args.copy_from and "://" in target:
            copy_store(args.copy_from, target)
        if args.multiply and "://" in target:
            multiply(target, args.multiply, postgres_tables_of(target))
        build(target, args.size, work)
        if not args.only_build:
            report(target, args.cold, args.repeats, args.only)
        if args.ingest:
            ingest(target, args.ingest, work)


if __name__ == "__main__":
    main()
