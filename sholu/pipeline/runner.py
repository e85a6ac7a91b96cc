"""Direct runs: files, folders or API records through the declared stages, a batch per
transaction; also one document through the per-document stages with no store."""
from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from .. import PIPELINE_VERSION
from ..document import AlreadyStored, Document, Problem, RawDocument
from ..engines.local import WorkerPool
from ..ingest import Limits, list_files, read_file
from ..store.base import now
from .batch import Batch, run_alone
from .stages import STAGES, document_stages, named, without

BATCH_SIZE = 64
PROGRESS_EVERY = 100       # articles read between updates of the bar's counts


@dataclass
class Summary:
    read: int = 0
    new: int = 0
    duplicates: int = 0
    analysed: int = 0          # documents that went through NER (copies inherit theirs)
    skipped: int = 0
    errors: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    totals: dict = field(default_factory=dict)    # the whole store after the run
    notes: list[Problem] = field(default_factory=list)   # kept documents with something to say
    listener: object = field(default=None, repr=False)   # told of each problem as it happens

    def add(self, problem: Problem) -> None:
        (self.notes if problem.severity == "note" else self.errors).append(problem)
        if self.listener:
            self.listener(problem)

    def as_dict(self) -> dict:
        return {
            "read": self.read, "new": self.new, "duplicates": self.duplicates,
            "analysed": self.analysed, "skipped": self.skipped, "seconds": round(self.seconds, 3),
            "errors": [{"source": p.source, "reason": p.reason} for p in self.errors],
            "notes": [{"source": p.source, "reason": p.reason} for p in self.notes],
            "store": self.totals,
        }


def run(paths: Iterable[str], store, jobs: int | None = None, progress=None,
        engine: str = "local", scheduler: str | None = None, limits: Limits | None = None,
        on_problem=None) -> Summary:
    """Every stage over the files and folders; `engine` "dask" runs the per-document
    stages on a Dask cluster (`scheduler` address, or a local cluster). Each problem
    is written to the store's problems list, and given to `on_problem`, as it happens."""
    from ..engines import open_engine

    limits = limits or Limits.resolve()
    summary, started, clock = Summary(listener=partial(noted, store, on_problem)), now(), time.perf_counter()
    files = list(list_files(paths))
    bar = progress(total=len(files)) if progress else None
    work = pending(files, partial(store.is_done, version=PIPELINE_VERSION), summary, bar, limits)
    with open_engine(engine, jobs, scheduler) as pool:
        for batch in in_batches(work):
            store_batch(batch, pool, store, summary, stage_seconds=limits.stage_seconds)
    if bar:
        bar.close()
    finish(summary, store, started, clock)
    return summary


def in_batches(items: Iterator) -> Iterator[list]:
    while batch := list(islice(items, BATCH_SIZE)):
        yield batch


def run_records(rows: list[dict], store, origin: str = "api", jobs: int | None = 1) -> tuple[Summary, list[str]]:
    """Articles given as objects (the JSONL fields: text or html, url, title, published,
    outlet) through the same stages; returns the summary and the stored ids."""
    from ..ingest.formats import fingerprint, record_from_row

    summary, started, clock = Summary(), now(), time.perf_counter()
    raws = []
    for row in rows:
        raw = json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8")
        # a row is named by its URL, else by its content: two different url-less
        # articles must never share a source (the second would replace the first)
        item = record_from_row(f"{origin}#{row.get('url') or fingerprint(raw)}", row, raw)
        if isinstance(item, Problem):
            summary.errors.append(item)
        else:
            summary.read += 1
            raws.append(item)
    with WorkerPool(jobs) as pool:
        stored = store_batch(raws, pool, store, summary) if raws else []
    finish(summary, store, started, clock)
    return summary, stored


def finish(summary: Summary, store, started: str, clock: float) -> None:
    """Time, store totals and the run's record, the same for files and for records."""
    summary.seconds = time.perf_counter() - clock
    summary.totals = store.totals()
    store.record_run(started, summary.as_dict())


def noted(store, on_problem, problem: Problem) -> None:
    store.record_problem(problem)
    if on_problem:
        on_problem(problem)


def pending(files, is_stored, summary: Summary, bar, limits: Limits | None = None) -> Iterator[RawDocument]:
    """Raw documents for which `is_stored(source, fingerprint)` is false; problems are
    noted as they are met."""
    for entry in files:
        items = [entry] if isinstance(entry, Problem) else read_file(entry, is_stored, limits or Limits())
        for item in items:
            if isinstance(item, Problem):
                summary.add(item)
                continue
            summary.read += 1
            if summary.read % PROGRESS_EVERY == 0 and hasattr(bar, "set_postfix"):  # a long file moves it too
                bar.set_postfix(articles=summary.read, problems=len(summary.errors))
            if isinstance(item, AlreadyStored) or is_stored(item.source, item.fingerprint):
                summary.skipped += 1
            else:
                yield item
        if bar:
            bar.update(1)


def store_batch(raws: list[RawDocument], pool, store, summary: Summary,
                stages=STAGES, stage_seconds: float = 0.0) -> list[str]:
    """One batch through `stages` in one transaction; returns the ids stored."""
    preload_html(raws)
    batch = Batch(pool, store, summary, stages, stage_seconds=stage_seconds)
    with store.batch():
        batch.run(raws)
    return batch.stored


def preload_html(raws: list) -> None:
    """trafilatura, imported here once when a batch holds a page, so workers forked
    afterwards have it (a plain-text corpus never imports it)."""
    if any(getattr(raw, "kind", None) == "html" for raw in raws):
        from ..clean.html import import_trafilatura

        import_trafilatura()


# -- one document, no store -------------------------------------------------------------

def process(raw: RawDocument) -> Document | Problem:
    """Every per-document stage, in order, with no store (no dedup, no linking)."""
    return run_alone(raw, document_stages())


def prepare(raw: RawDocument) -> Document | Problem:
    return run_alone(raw, named("clean", "sign"))


def analyse(doc: Document) -> Document | Problem:
    return run_alone(doc, document_stages(without("clean", "sign")))
