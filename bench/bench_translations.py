"""The translations stage's cost per document, on a stored corpus (bench_api.py's).

    .venv/bin/python bench/bench_translations.py --db /tmp/bench-20k.db
    .venv/bin/python bench/bench_translations.py --db /tmp/bench-20k.db --kazakh-share 0.5

Reads --docs stored originals and times `link_translations` on them in batches of 100,
as a run meets them. A corpus in one language skips the stage after one look at the
store; --kazakh-share relabels that share of the batch's articles Kazakh (in memory
only), so each looks for its Russian version among its outlet's stored articles of three
days: the cost in a bilingual corpus (a synthetic one, whose articles share their
people with many others: more candidates than real news)."""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sholu.dedup.translations import link_translations  # noqa: E402
from sholu.store import open_store  # noqa: E402

BATCH = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--kazakh-share", type=float, default=0.0)
    args = parser.parse_args()
    store, rng = open_store(args.db), random.Random(2026)
    ids = [row[0] for row in store.db.execute(
        "SELECT id FROM documents WHERE duplicate_of IS NULL ORDER BY seq DESC LIMIT ?", (args.docs,))]
    docs = [store.document(doc_id) for doc_id in ids]
    for doc in docs:
        doc.language = "kk" if rng.random() < args.kazakh_share else doc.language
    started, linked = time.perf_counter(), 0
    for first in range(0, len(docs), BATCH):
        done = link_translations(docs[first:first + BATCH], SimpleNamespace(store=store))
        linked += sum(bool(doc.translations) for doc in done)
    spent = time.perf_counter() - started
    print(f"{len(docs)} documents, Kazakh share {args.kazakh_share}: {spent * 1000 / len(docs):.2f} ms a document "
          f"({linked} linked)")
    store.close()


if __name__ == "__main__":
    main()
