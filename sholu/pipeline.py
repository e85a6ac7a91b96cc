"""The pipeline: ingest -> clean -> dedup -> store, the order written down once.

Per-document stages (`DOCUMENT_STAGES`) run in a pool of worker processes; stages that
must see the whole corpus (dedup) and all writes run in this process, one batch per
transaction. Input already stored by this pipeline version is skipped before any work.

A sharded run (`run_to_shards`) splits this in two: the per-document stages write each
batch to a Parquet shard, with no store; `load_shards` later takes the shards through
the same dedup and writes (`save_batch`) as a direct run.
"""
from __future__ import annotations

import heapq
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from . import PIPELINE_VERSION
from .clean import clean
from .clean.html import import_trafilatura
from .clean.language import preload as preload_language
from .dedup import document_id, find_original, sign_document
from .dedup.inherit import inherit_entities
from .document import AlreadyStored, Document, Problem, RawDocument
from .ingest import list_files, never_stored, read_file
from .nlp import annotate, annotate_dates, preload
from .nlp.parse import parse_many
from .nlp.link import link_people
from .events import annotate_events
from .quotes import annotate_quotes
from .topics import annotate_quote_topics, annotate_topics
from .topics import preload as preload_topics
from .store.base import now
from .store.indexing import index_document

BATCH_SIZE = 64
CHUNKS_PER_WORKER = 2     # originals of a batch go to the workers in this many chunks each

# Each stage takes a document and returns it enriched, or a Problem that stops it.
# The cheap stages run on every document; what they give (the text key and signature)
# tells the main process which documents are copies before the expensive stages run.
PREPARE_STAGES = (
    ("clean", clean),          # RawDocument -> Document: body, title, outlet, date, language
    ("sign", sign_document),   # text key and MinHash signature for dedup
)
# The expensive stages run on originals only: a copy inherits its original's results.
ANALYSIS_STAGES = (
    ("nlp", annotate),         # people with positions, organisations, places, dates
    ("quotes", annotate_quotes),   # direct and indirect speech with resolved speakers
    ("events", annotate_events),   # meetings, elections, referendums: date, city, venue, who
    ("topics", annotate_topics),   # campaign themes, references to the Constitution
    ("quote topics", annotate_quote_topics),   # the themes of each quote
    ("index", index_document),     # search lemmas and quote signatures, for the writer
)
DOCUMENT_STAGES = PREPARE_STAGES + ANALYSIS_STAGES
# A shard keeps no index entries: load computes them where it writes.
SHARD_STAGES = tuple(stage for stage in ANALYSIS_STAGES if stage[0] != "index")
# A copy, given its original's entities, runs the stages that read its own text and date.
COPY_STAGES = (("dates", annotate_dates),) + ANALYSIS_STAGES[1:]


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

    def as_dict(self) -> dict:
        return {
            "read": self.read, "new": self.new, "duplicates": self.duplicates,
            "analysed": self.analysed, "skipped": self.skipped, "seconds": round(self.seconds, 3),
            "errors": [{"source": p.source, "reason": p.reason} for p in self.errors],
            "store": self.totals,
        }


def process(raw: RawDocument) -> Document | Problem:
    """Every per-document stage, in order (a copy found later is analysed anyway)."""
    return run_stages(raw, DOCUMENT_STAGES)


def prepare(raw: RawDocument) -> Document | Problem:
    return run_stages(raw, PREPARE_STAGES)


def analyse(doc: Document) -> Document | Problem:
    return run_stages(doc, ANALYSIS_STAGES)


def analyse_chunk(docs: list[Document], stages=ANALYSIS_STAGES) -> list[Document | Problem]:
    """The expensive stages for several originals in a worker: Slovnet tags all their
    sentences in a few batched calls, then each document goes on alone."""
    parsed = parse_together([doc.text for doc in docs])
    return [run_stages(doc, (("nlp", partial(annotate, parsed=p)),) + stages[1:])
            for doc, p in zip(docs, parsed)]


def parse_together(texts: list[str]) -> list:
    """Parsed texts; if the batch fails, None each, and each document parses (and
    fails, for the bad one) on its own in the nlp stage."""
    try:
        return parse_many(texts)
    except Exception:
        return [None] * len(texts)


def in_chunks(pool, function, docs: list) -> list:
    """`function` over chunks of `docs`, a couple per worker, results in input order.
    Chunks hold about equal amounts of text, the largest sent first, so no worker is
    left with a long tail while the other waits."""
    jobs = getattr(pool, "jobs", 1)
    chunks = balanced([len(doc.text) for doc in docs], 1 if jobs == 1 else CHUNKS_PER_WORKER * jobs)
    results: list = [None] * len(docs)
    for chunk, done in zip(chunks, pool.map(function, [[docs[i] for i in chunk] for chunk in chunks])):
        for index, result in zip(chunk, done):
            results[index] = result
    return results


def balanced(sizes: list[int], count: int) -> list[list[int]]:
    """Indices of `sizes` in at most `count` non-empty groups of about equal total,
    largest group first (each item, largest first, to the lightest group, or of equally
    light ones to the one with fewest items)."""
    groups = [(0, 0, n, []) for n in range(min(count, len(sizes)))]
    for index in sorted(range(len(sizes)), key=lambda i: -sizes[i]):
        total, items, n, members = heapq.heappop(groups)
        members.append(index)
        heapq.heappush(groups, (total + sizes[index], items + 1, n, members))
    return [group[3] for group in sorted(groups, key=lambda g: -g[0]) if group[3]]


def finish_copy(pair: tuple[Document, Document | None], analysed: bool = False) -> Document | Problem:
    """A copy takes its original's entities and runs the stages that read its own text
    and date; without an original it is analysed whole (unless it was, in a shard)."""
    doc, original = pair
    if original is None:
        return doc if analysed else analyse(doc)
    return run_stages(inherit_entities(doc, original), COPY_STAGES)


def run_stages(item, stages) -> Document | Problem:
    """Stages in order in a worker; the first Problem or failure stops the document."""
    source = item.source
    for name, stage in stages:
        try:
            item = stage(item)
        except Exception as err:  # one bad page must not stop the corpus
            return Problem(source, f"{name} failed: {type(err).__name__}: {err}")
        if isinstance(item, Problem):
            return item
    return item


def run(paths: Iterable[str], store, jobs: int | None = None, progress=None,
        engine: str = "local", scheduler: str | None = None) -> Summary:
    """Every stage over the files and folders; `engine` "dask" runs the per-document
    stages on a Dask cluster (`scheduler` address, or a local cluster)."""
    from .engines import open_engine

    summary, started, clock = Summary(), now(), time.perf_counter()
    files = list(list_files(paths))
    bar = progress(total=len(files)) if progress else None
    work = pending(files, partial(store.is_done, version=PIPELINE_VERSION), summary, bar)
    with open_engine(engine, jobs, scheduler) as pool:
        for batch in in_batches(work):
            store_batch(batch, pool, store, summary)
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
    from .ingest.formats import fingerprint, record_from_row

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


def pending(files, is_stored, summary: Summary, bar) -> Iterator[RawDocument]:
    """Raw documents for which `is_stored(source, fingerprint)` is false; problems are
    noted."""
    for entry in files:
        items = [entry] if isinstance(entry, Problem) else read_file(entry, is_stored)
        for item in items:
            if isinstance(item, Problem):
                summary.errors.append(item)
                continue
            summary.read += 1
            if isinstance(item, AlreadyStored) or is_stored(item.source, item.fingerprint):
                summary.skipped += 1
            else:
                yield item
        if bar:
            bar.update(1)


def store_batch(raws: list[RawDocument], pool, store, summary: Summary) -> list[str]:
    """One batch in one transaction: prepare every document, decide in input order
    which are copies, analyse the originals, give each copy its original's entities and
    run its cheap stages, then store all in input order. Returns the ids stored."""
    preload_html(raws)
    prepared = [doc for doc in pool.map(prepare, raws) if not noted(doc, summary)]
    return save_batch(prepared, pool, store, summary)


def preload_html(raws: list[RawDocument]) -> None:
    """trafilatura, imported here once when a batch holds a page, so workers forked
    afterwards have it (a plain-text corpus never imports it)."""
    if any(raw.kind == "html" for raw in raws):
        import_trafilatura()


def save_batch(prepared: list[Document], pool, store, summary: Summary,
               analysed: bool = False) -> list[str]:
    """Dedup, analysis and writes of one batch in one transaction. `analysed` documents
    (from shards) went through every stage already: originals are stored as they are,
    and each copy is remade from its original exactly as a direct run makes it."""
    with store.batch():
        for doc in prepared:
            place(doc, store)
        originals = [doc for doc in prepared if doc.duplicate_of is None]
        results = originals if analysed else in_chunks(pool, analyse_chunk, originals)
        done = dict(zip([doc.id for doc in originals], results))
        copies = [doc for doc in prepared if doc.duplicate_of is not None]
        pairs = [with_original(doc, done, store) for doc in copies]
        if not analysed:
            summary.analysed += len(originals) + sum(original is None for _, original in pairs)
        done.update(zip([doc.id for doc in copies],
                        pool.map(partial(finish_copy, analysed=analysed), pairs)))
        stored = []
        for doc in prepared:
            if noted(done[doc.id], summary):
                store.release(doc.id)
                continue
            settle(done[doc.id], store, summary)
            stored.append(doc.id)
    return stored


def noted(result: Document | Problem, summary: Summary) -> bool:
    """True for a Problem, which is noted in the summary."""
    if isinstance(result, Problem):
        summary.errors.append(result)
        return True
    return False


def place(doc: Document, store) -> None:
    """Dedup: the document's id and the original it copies, reserved in the store so
    the batch's later documents see it as they would after a full save."""
    owner = store.source_of(doc.text_key)
    doc.id = document_id(doc.text_key, doc.source, owner not in (None, doc.source))
    doc.duplicate_of = find_original(doc, store)
    store.reserve(doc)


def with_original(doc: Document, done: dict, store) -> tuple[Document, Document | None]:
    """A copy and its original (from this batch, else from the store); None when the
    original's analysis failed, and the copy is then analysed as an original."""
    original = done.get(doc.duplicate_of) or store.document(doc.duplicate_of)
    if not isinstance(original, Document):
        doc.duplicate_of = None
        return doc, None
    return doc, original


def settle(result: Document, store, summary: Summary) -> None:
    """Corpus-wide linking for one placed document, then its write."""
    link_people(result, store)
    store.save(result, PIPELINE_VERSION)
    summary.new += 1
    summary.duplicates += result.duplicate_of is not None


# -- sharded runs -------------------------------------------------------------------

def run_to_shards(paths: Iterable[str], folder: str, jobs: int | None = None, progress=None,
                  engine: str = "local", scheduler: str | None = None) -> tuple[Summary, int]:
    """The per-document stages over the files and folders with no store: each batch of
    analysed documents becomes one Parquet shard in `folder`, written by the worker that
    analysed it. Nothing is compared with earlier data (there is none here), so every
    document is analysed whole; `load_shards` decides copies. Returns the summary and
    the number of shards."""
    from .engines import open_engine
    from .store.shards import new_shard_folder, part_path, write_manifest

    summary, clock, paths = Summary(), time.perf_counter(), list(paths)
    target = new_shard_folder(folder)
    files = list(list_files(paths))
    bar = progress(total=len(files)) if progress else None
    batches = in_batches(pending(files, never_stored, summary, bar))
    numbered = ((str(part_path(target, number)), batch) for number, batch in enumerate(batches, 1))
    shards = 0
    with open_engine(engine, jobs, scheduler) as pool:
        # a few batches at a time, one per worker: each worker analyses and writes its own
        while tasks := list(islice(numbered, pool.jobs)):
            preload_html([raw for _, batch in tasks for raw in batch])
            for written in pool.map(analyse_to_shard, tasks):
                summary.new += written.new
                summary.analysed += written.analysed
                summary.errors += written.errors
            shards += len(tasks)
    if bar:
        bar.close()
    summary.seconds = time.perf_counter() - clock
    write_manifest(target, paths, summary.new, len(summary.errors))
    return summary, shards


def analyse_to_shard(task: tuple[str, list[RawDocument]]) -> Summary:
    """In a worker: every per-document stage over one batch, then its shard file."""
    from .store.shards import write_shard

    path, raws = task
    summary = Summary()
    prepared = [doc for doc in map(prepare, raws) if not noted(doc, summary)]
    summary.analysed = len(prepared)
    analysed = [doc for doc in analyse_chunk(prepared, SHARD_STAGES) if not noted(doc, summary)]
    write_shard(analysed, path)
    summary.new = len(analysed)
    return summary


def load_shards(paths: Iterable[str], store, progress=None) -> Summary:
    """Shards into the store, a shard per transaction, through the dedup and writes of a
    direct run; sources this pipeline version stored before are skipped. Every shard is
    checked before the first write; one found damaged while loading raises ShardError
    and leaves the store as the shards before it made it."""
    from .store.shards import read_shard, shard_files

    summary, started, clock = Summary(), now(), time.perf_counter()
    files = shard_files(list(paths))
    bar = progress(total=sum(rows for _, rows in files)) if progress else None
    with WorkerPool(1) as pool:       # only copies' cheap stages run: no worker pays off
        for path, _ in files:
            docs = read_shard(path)
            summary.read += len(docs)
            fresh = [doc for doc in docs
                     if not store.is_done(doc.source, doc.fingerprint, PIPELINE_VERSION)]
            summary.skipped += len(docs) - len(fresh)
            save_batch(fresh, pool, store, summary, analysed=True)
            if bar:
                bar.update(len(docs))
    if bar:
        bar.close()
    finish(summary, store, started, clock)
    return summary


def load_models() -> None:
    """Every model and table the stages read, loaded now rather than on first use. The
    language model is mostly LZMA decompression, which runs outside the GIL: it loads in
    a thread while this one loads the others, on the core that would otherwise idle."""
    failures: list[BaseException] = []
    language = threading.Thread(target=keep_failure(preload_language, failures), name="language model")
    language.start()
    try:
        preload()
        preload_topics()
    finally:
        language.join()
    if failures:
        raise failures[0]


def keep_failure(function, failures: list):
    """`function` for a thread: what it raises is kept for the caller to raise."""
    def run() -> None:
        try:
            function()
        except BaseException as err:  # noqa: BLE001 - handed to the caller as it is
            failures.append(err)
    return run


class WorkerPool:
    """Worker processes started on first use, so a run with nothing new starts none;
    with one job everything runs here."""

    def __init__(self, jobs: int | None):
        self.jobs = jobs or os.cpu_count() or 1
        self.pool = None

    def map(self, function, items: list) -> list:
        if not items:
            return []
        if self.jobs == 1 or len(items) == 1:
            return [function(item) for item in items]
        if self.pool is None:
            load_models()     # once here; forked workers share them
            self.pool = multiprocessing.get_context("fork").Pool(self.jobs)
        return self.pool.map(function, items, chunksize=max(1, len(items) // (self.jobs * 4)))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()
