"""The local engine: the per-document stages in worker processes on this machine's
cores, forked after the models are loaded so every worker shares them."""
from __future__ import annotations

import gc
import os
import threading

# The stages make many small objects per document (tokens, mentions, parse caches); the
# collector's default first threshold (700) ran it thousands of times a chunk.
YOUNG_OBJECTS_BEFORE_COLLECTING = 50_000


def load_models() -> None:
    """Every model and table the stages read, loaded now rather than on first use. The
    language model loads in a thread while this one loads the others: mapped from its
    unpacked copy it is quick, but its first unpacking (LZMA, outside the GIL) is not."""
    from ..clean.language import preload as preload_language
    from ..dedup import preload as preload_dedup
    from ..nlp import preload
    from ..tone import preload as preload_tone
    from ..topics import preload as preload_topics

    failures: list[BaseException] = []
    language = threading.Thread(target=keep_failure(preload_language, failures), name="language model")
    language.start()
    try:
        preload()
        preload_topics()
        preload_tone()
        preload_dedup()
        import_stages()
    finally:
        language.join()
    if failures:
        raise failures[0]
    settle_memory()


def import_stages() -> None:
    """Every stage's module imported here, once, not in each forked worker (and the
    events module not in the middle of a run, when the event groups stage first asks)."""
    from ..pipeline.stages import STAGES

    for stage in STAGES:
        stage.run


def settle_memory() -> None:
    """The loaded models live as long as the process: frozen, the garbage collector no
    longer scans them (nor touches their pages in forked workers), and it runs less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_COLLECTING, *gc.get_threshold()[1:])


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
            import multiprocessing   # here: a re-run with nothing new starts no worker

            load_models()     # once here; forked workers share them
            self.pool = multiprocessing.get_context("fork").Pool(self.jobs)
        return self.pool.map(function, items, chunksize=max(1, len(items) // (self.jobs * 4)))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()
