"""Ingestion throughput as the store grows: documents per second of saving new articles
into a store that already holds 10,000, 100,000 or 1,000,000 of them.

    .venv/bin/python bench/bench_ingest.py --db /tmp/s-10k.db --db /tmp/s-100k.db
    .venv/bin/python bench/bench_ingest.py --db "postgresql://…?schema=bench100k" --new 1000

Each store is taken as it is (build it with bench/bench_api.py, --size for 10,000). The
new articles are bench_api's synthetic ones (real sentences, one real article's people,
quotes, events and themes) from a random stream of their own, so none repeats a stored
one; what is timed is `store.save` in batches of bench_api.BATCH as a run writes them:
the document, its entities, quotes, events, search index, dedup signature and every kept
sum, in one transaction per batch. The analysis is left out: it does not depend on the
store's size. Each batch is rolled back once timed (the commit with it), so the store is
left as it was and the bench can be repeated on the same corpus.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_api import BATCH, seed_documents, sentences_of, synthetic  # noqa: E402

from sholu import PIPELINE_VERSION  # noqa: E402
from sholu.store import open_store  # noqa: E402

FIRST_NEW = 10_000_000      # synthetic numbers (sources, fingerprints) past any corpus built


class RolledBack(Exception):
    """Raised inside a timed batch, so its transaction is rolled back."""


def ingest_rate(target: str, new: int, seeds, sentences) -> tuple[int, float]:
    """(documents stored before, new documents saved per second)."""
    store = open_store(target)
    existing = store.totals()["documents"]
    rng, spent = random.Random(existing + new), 0.0
    for first in range(FIRST_NEW, FIRST_NEW + new, BATCH):
        numbers = range(first, min(first + BATCH, FIRST_NEW + new))
        docs = [synthetic(number, seeds, sentences, rng) for number in numbers]
        started = time.perf_counter()
        try:
            with store.batch():
                for doc in docs:
                    store.save(doc, PIPELINE_VERSION)
                raise RolledBack
        except RolledBack:
            spent += time.perf_counter() - started
    store.close()
    return existing, new / spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", action="append", required=True, help="store to save into, repeatable")
    parser.add_argument("--new", type=int, default=BATCH, help="new documents saved into each store")
    args = parser.parse_args()
    seeds = seed_documents(Path(tempfile.mkdtemp(prefix="sholu-bench-ingest-")))
    sentences = sentences_of(seeds)
    print(f"{'store':60} {'existing':>10} {'new':>6} {'docs/s':>8}")
    for target in args.db:
        existing, rate = ingest_rate(target, args.new, seeds, sentences)
        print(f"{target[-60:]:60} {existing:10,} {args.new:6,} {rate:8.1f}", flush=True)


if __name__ == "__main__":
    main()
