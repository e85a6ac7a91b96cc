"""Sharded runs: the per-document stages up to the analysis (`SHARD_STAGES`) with no
store, each batch written to a Parquet shard by the worker that analysed it; `sholu
load` takes the shards through the rest of the stages (`LOAD_STAGES`: dedup, copies,
linking, quotes to index, writes), as a direct run would."""
from __future__ import annotations

import time
from collections.abc import Iterable
from itertools import islice

from .. import PIPELINE_VERSION
from ..document import Problem, RawDocument
from ..engines.local import WorkerPool
from ..ingest import list_files, never_stored
from ..store.base import now
from . import Summary, finish, in_batches, pending, preload_html, store_batch
from .batch import run_chunk
from .stages import LOAD_STAGES, SHARD_STAGES


def run_to_shards(paths: Iterable[str], folder: str, jobs: int | None = None, progress=None,
                  engine: str = "local", scheduler: str | None = None) -> tuple[Summary, int]:
    """The shard stages over the files and folders: each batch becomes one Parquet
    shard in `folder`. Nothing is compared with earlier data (there is none here), so
    every document is analysed whole; `load_shards` decides copies. Returns the summary
    and the number of shards."""
    from ..engines import open_engine
    from ..store.shards import new_shard_folder, part_path, write_manifest

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
    """In a worker: the shard stages over one batch, then its shard file."""
    from ..store.shards import write_shard

    path, raws = task
    summary = Summary()
    results = run_chunk(tuple(stage.name for stage in SHARD_STAGES), raws)
    analysed = [doc for doc in results if not isinstance(doc, Problem)]
    summary.errors = [doc for doc in results if isinstance(doc, Problem)]
    summary.analysed = summary.new = len(analysed)
    write_shard(analysed, path)
    return summary


def load_shards(paths: Iterable[str], store, progress=None, jobs: int | None = None) -> Summary:
    """Shards into the store, a shard per transaction, through the load stages;
    sources this pipeline version stored before are skipped. Every shard is checked
    before the first write; one found damaged while loading raises ShardError and
    leaves the store as the shards before it made it."""
    from ..store.shards import read_shard, shard_files

    summary, started, clock = Summary(), now(), time.perf_counter()
    files = shard_files(list(paths))
    bar = progress(total=sum(rows for _, rows in files)) if progress else None
    with WorkerPool(jobs) as pool:
        for path, _ in files:
            docs = read_shard(path)
            summary.read += len(docs)
            fresh = [doc for doc in docs
                     if not store.is_done(doc.source, doc.fingerprint, PIPELINE_VERSION)]
            summary.skipped += len(docs) - len(fresh)
            store_batch(fresh, pool, store, summary, LOAD_STAGES)
            if bar:
                bar.update(len(docs))
    if bar:
        bar.close()
    finish(summary, store, started, clock)
    return summary
