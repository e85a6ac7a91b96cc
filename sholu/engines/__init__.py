"""Runners: the same per-document stages on this machine's cores (`local`) or as tasks
on a Dask cluster (`dask`). Each has `map(function, items) -> results in order`; the
corpus-wide stages (dedup) and every write stay in the calling process, so both engines
store the same documents."""
from __future__ import annotations

ENGINES = ("local", "dask")


def open_engine(name: str, jobs: int | None = None, scheduler: str | None = None):
    if name == "local":
        from .local import WorkerPool

        return WorkerPool(jobs)
    if name == "dask":
        from .dask import DaskPool

        return DaskPool(scheduler, jobs)
    raise ValueError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
