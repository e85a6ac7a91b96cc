"""The tone stage's cost: milliseconds per article and per mention on the bundled sample
corpus's export (the stage alone, models warmed first), to set against the whole
pipeline's time per article (bench_run.py, bench_natasha.py).

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_tone.py [--repeat 20]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sholu.document import Document
from sholu.tone import annotate_tone

EXPORT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "samples-export.jsonl"
ANNOTATED = ("persons", "organizations", "quotes")


def documents() -> list[Document]:
    records = [json.loads(line) for line in EXPORT.read_text(encoding="utf-8").splitlines()]
    return [Document(source=r["source"], fingerprint="", text=r["text"], language=r["language"],
                     **{key: r[key] for key in ANNOTATED}) for r in records]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    docs = documents()
    mentions = sum(len(e["spans"]) for d in docs for e in d.persons + d.organizations)
    for doc in docs:
        annotate_tone(doc)                      # loads the model, Navec and pymorphy
    started, cpu = time.perf_counter(), time.process_time()     # CPU time: the machine is shared
    for _ in range(args.repeat):
        for doc in documents():
            annotate_tone(doc)
    seconds = (time.perf_counter() - started) / args.repeat
    cpu_seconds = (time.process_time() - cpu) / args.repeat
    print(json.dumps({"articles": len(docs), "mentions": mentions,
                      "ms_per_article": round(1000 * seconds / len(docs), 2),
                      "ms_per_mention": round(1000 * seconds / mentions, 3),
                      "cpu_ms_per_article": round(1000 * cpu_seconds / len(docs), 2)}))


if __name__ == "__main__":
    main()
