"""Dashboard page latency: p50/p95 per page, on the sample corpus and on a large
synthetic corpus (the one bench_api.py builds), in one run.

    .venv/bin/python bench/bench_web.py                         # samples, then 100,000 articles
    .venv/bin/python bench/bench_web.py --size 20000 --db /tmp/bench-20k.db

Pages are requested in-process through the FastAPI app (HTML rendering included, no
network, no browser drawing): once ("first", before the page's aggregates are
remembered; the overview's are computed at server start), then 30 times on the samples, 10 on the large corpus (p50, p95).
The target: every page under 300 ms on the samples.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_api import build, measure, percentile  # noqa: E402  (same folder)
from bench_api import dashboard_pages as pages  # noqa: E402

from sholu import pipeline  # noqa: E402
from sholu.store import open_store  # noqa: E402

SAMPLES = ROOT / "sholu" / "samples" / "kz-referendum-2026"
TARGET_MS = 300


def report(title: str, target: str, repeats: int) -> None:
    from fastapi.testclient import TestClient

    from sholu.server import create_app
    from sholu.web import warm_up

    warm_up(target)         # what `sholu serve` does in the background at start
    with TestClient(create_app(target)) as client:
        print(f"\n{title}\n{'page':32} {'first ms':>9} {'p50 ms':>8} {'p95 ms':>8}   ({repeats} requests each)")
        slowest = 0.0
        for name, url in pages(client).items():
            first = measure(client, url, repeats=1)[0]      # aggregates not yet remembered
            timings = measure(client, url, repeats)
            slowest = max(slowest, percentile(timings, 0.95))
            print(f"{name:32} {first:9.1f} {statistics.median(timings):8.1f} {percentile(timings, 0.95):8.1f}",
                  flush=True)
        print(f"slowest p95 {slowest:.0f} ms: {slowest / TARGET_MS:.2f} of the {TARGET_MS} ms target")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000, help="synthetic articles (0: samples only)")
    parser.add_argument("--db", help="synthetic store to build or reuse (default: a temp file)")
    parser.add_argument("--skip-samples", action="store_true", help="only the synthetic corpus")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sholu-bench-web-"))
    if not args.skip_samples:
        samples = str(work / "samples.db")
        store = open_store(samples)
        pipeline.run([str(SAMPLES)], store, jobs=2)
        store.close()
        report("sample corpus (5 articles)", samples, 30)
    if args.size:
        target = args.db or str(work / "bench.db")
        build(target, args.size, work)
        report(f"synthetic corpus ({args.size:,} articles)", target, 10)


if __name__ == "__main__":
    main()
