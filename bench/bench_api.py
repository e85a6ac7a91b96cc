"""Search and API latency on a large synthetic corpus: p50/p95 per endpoint.

    .venv/bin/python bench/bench_api.py                       # 100,000 articles (built once)
    .venv/bin/python bench/bench_api.py --size 20000 --db /tmp/bench-20k.db
    .venv/bin/python bench/bench_api.py --db postgresql://postgres@127.0.0.1/test?schema=bench

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

SOURCES = [ROOT / "sholu" / "samples" / "kz-referendum-2026", ROOT / "tests" / "fixtures" / "factrueval"]
OUTLETS = ["Kazpravda.kz", "BAQ.KZ", "DKNews.kz", "Zakon.kz", "Tengrinews.kz", "Kazinform", "Vlast.kz",
           "zanmedia.kz", "Informburo.kz", "NUR.KZ"]
CAMPAIGN_START = date(2026, 1, 5)
BATCH = 2000
REPEATS = 30


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
        "one person": f"/api/persons/{person}",
        "quotes of Балаева": "/api/quotes?speaker=Балаевой&limit=20",
        "quotes on a theme": "/api/quotes?topic=digital_rights&limit=20",
        "events": "/api/events?limit=20",
        "outlets": "/api/outlets",
        "topics": "/api/topics",
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--db", help="store to build or reuse (default: a file in a temp folder)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sholu-bench-api-"))
    target = args.db or str(work / "bench.db")
    build(target, args.size, work)

    from fastapi.testclient import TestClient

    from sholu.server import create_app

    with TestClient(create_app(target)) as client:
        print(f"{'endpoint':38} {'p50 ms':>8} {'p95 ms':>8}   ({REPEATS} requests each)")
        for name, url in endpoints(client).items():
            timings = measure(client, url)
            print(f"{name:38} {statistics.median(timings):8.1f} {percentile(timings, 0.95):8.1f}", flush=True)


if __name__ == "__main__":
    main()
